"""The government completeness checklist, checked against the data.

Each item of checklist.yaml may name its `evidence`: the parts of the data that
show the item exists (a team, a BIA, a call tree...).  The verdict says
whether the data confirms the plan's answer (every part is there), contradicts
it, or cannot show the item at all, and where in the site each part is.  Verdicts
are printed in the plan that goes to the governor: they speak of the plan in its
own words, never of files, fields or ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from bcp import model as m
from bcp import thai
from bcp.calltree import CallTree
from bcp.plan import Plan

CONFIRMED = "confirmed"  # the data has it, and the plan answered "มี"
ABSENT = "absent"  # the data does not have it, and the plan did not answer "มี"
CONTRADICTED = "contradicted"  # the data and the plan's answer disagree
NOT_SHOWN = "not_shown"  # nothing in the data can show this item


@dataclass(frozen=True)
class Link:
    page: str  # site page that holds the evidence ("teams")
    anchor: str  # id on that page


@dataclass(frozen=True)
class Verdict:
    status: str
    detail: str  # a Thai sentence about the plan, escaped where it is shown
    links: tuple[Link, ...] = ()  # where each part of the evidence is, in the order the item names them


@dataclass(frozen=True)
class _Evidence:
    exists: bool
    detail: str
    page: str
    anchor: str


def _with_prefix(prefix: str, text: str) -> str:
    """"เหตุการณ์อุทกภัย" from "อุทกภัย" or from itself."""
    return text if text.startswith(prefix) else prefix + text


def _evidence(plan: Plan, kind: str, key: str | None, tree: CallTree, item_text: str) -> _Evidence:
    """What the data holds for an item; `item_text` names what the data lacks (it has no name for it)."""
    d = lambda n: thai.digits(n, plan.thai_digits)  # noqa: E731
    if kind == "teams":
        return _Evidence(bool(plan.teams), f"มีทีมงาน {d(len(plan.teams))} ทีม บุคลากร {d(len(plan.people))} คน", "teams", "teams")
    if kind == "bia":
        count = len(plan.bia.processes)
        return _Evidence(count > 0, f"วิเคราะห์ผลกระทบ {d(count)} กระบวนการ", "bia", "bia-table")
    if kind == "resources":
        r = plan.resources
        parts = [r.workspace, r.equipment, r.it_systems, r.staff, r.services]
        return _Evidence(all(parts), f"ระบุความต้องการครบ {d(len(parts))} ด้าน", "resources", "resources")
    if kind == "strategy":
        area = plan.impact_areas.get(key)
        name = _with_prefix("กลยุทธ์", area.name if area else item_text)
        exists = any(s.area == key for s in plan.strategies)
        detail = f"แผนมี{name}" if exists else f"แผนไม่มี{name}"
        return _Evidence(exists, detail, "strategies", f"strategy-{key}" if exists else "strategies")
    if kind == "call_tree":
        people = len(plan.people)
        missing = tree.unreachable()
        exists = bool(tree.root.children)
        detail = f"สร้างจากทีมงาน แจ้งถึงบุคลากร {d(people - len(missing))} จาก {d(people)} คน"
        if missing:
            detail += ": ยังแจ้งไม่ถึง " + " ".join(plan.people[p].full_name for p in missing)
        return _Evidence(exists, detail, "call-tree", "call-tree")
    if kind == "procedure":
        phases = plan.procedure.phases
        return _Evidence(bool(phases), f"{d(len(phases))} ระยะ {d(len(plan.all_steps))} ขั้นตอน", "procedure", "procedure")
    if kind == "incident":
        incident = plan.incidents.get(key)
        if incident:
            return _Evidence(True, f"ขอบเขตของแผนรองรับ{incident.name}", "scope", f"incident-{key}")
        return _Evidence(False, f"ขอบเขตของแผนไม่มี{_with_prefix('เหตุการณ์', item_text)}", "scope", "scope")
    raise ValueError(f"unknown evidence kind {kind!r}")  # validate.py rejects these first


def verdict(plan: Plan, item: m.ChecklistItem, tree: CallTree | None = None) -> Verdict | None:
    """What the data says about one checklist item; None for a heading with sub-items only."""
    if not item.evidence:
        if item.answer is None and item.items:
            return None
        return Verdict(NOT_SHOWN, "ข้อมูลของแผนแสดงข้อนี้ไม่ได้: เป็นคำตอบของหน่วยงานเท่านั้น")
    tree = tree or CallTree(plan)
    found = [_evidence(plan, kind, key or None, tree, item.text.strip())
             for kind, _, key in (e.partition(":") for e in item.evidence)]
    links = tuple(Link(f.page, f.anchor) for f in found)
    missing = [f.detail for f in found if not f.exists]
    if not missing:
        detail = "; ".join(f.detail for f in found)
        if item.answer is False:
            return Verdict(CONTRADICTED, f"แผนตอบว่าไม่มี แต่ข้อมูลมี: {detail}", links)
        return Verdict(CONFIRMED, detail, links)
    if item.answer:
        return Verdict(CONTRADICTED, f"แผนตอบว่ามี แต่ข้อมูลไม่ยืนยัน: {'; '.join(missing)}", links)
    return Verdict(ABSENT, "; ".join(missing), links)
