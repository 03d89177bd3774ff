"""Rules that need the whole plan: references between files, backups, sets.

Each rule reports a Problem naming the file and line of the offending value.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from bcp.calltree import CallTree
from bcp.yaml_reading import Document
from bcp.plan import Plan
from bcp.problems import Problem
from bcp.thai import has_thai_typing_problems
from bcp.thai import arabic_digits

EVIDENCE_KINDS = {"teams", "bia", "resources", "strategy", "call_tree", "procedure", "incident"}


class Checker:
    def __init__(self, plan: Plan, docs: dict[str, Document]) -> None:
        self.plan = plan
        self.docs = docs
        self.problems: list[Problem] = []

    def error(self, file: str, path: tuple, message: str) -> None:
        self.problems.append(self.docs[file].problem(path, message))

    def warn(self, file: str, path: tuple, message: str) -> None:
        self.problems.append(self.docs[file].problem(path, message, "warning"))

    def unique(self, file: str, path: tuple, items: Iterable[Any], what: str, key: str = "id") -> None:
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            value = getattr(item, key)
            if value in seen:
                self.error(file, path + (index, key), f"{what} '{value}' ซ้ำกับรายการลำดับที่ {seen[value] + 1}: id ต้องไม่ซ้ำกัน")
            else:
                seen[value] = index

    def known(self, file: str, path: tuple, value: str, known: Iterable[str], what: str) -> bool:
        known = list(known)
        if value not in known:
            guess = difflib.get_close_matches(value, known, n=1)
            hint = f" (หมายถึง '{guess[0]}' หรือไม่?)" if guess else ""
            self.error(file, path, f"ไม่พบ{what} '{value}'{hint}: ที่ใช้ได้คือ {', '.join(known)}")
            return False
        return True


def _strings(value: Any, path: tuple):
    """Every string in a parsed YAML document, with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def check(plan: Plan, docs: dict[str, Document]) -> list[Problem]:
    c = Checker(plan, docs)
    p = plan
    people, windows = p.people, list(p.windows)

    # ids are unique within their kind
    c.unique("plan.yaml", ("time_windows",), p.info.time_windows, "ช่วงเวลา")
    c.unique("plan.yaml", ("urgency_levels",), p.info.urgency_levels, "ระดับความเร่งด่วน")
    c.unique("scope.yaml", ("incidents",), p.scope.incidents, "เหตุการณ์")
    c.unique("scope.yaml", ("impact_areas",), p.scope.impact_areas, "ผลกระทบ")
    c.unique("people.yaml", ("people",), p.people_file.people, "บุคคล")
    for index, person in enumerate(p.people_file.people):
        if person.id == "index":  # cards/index is the list of all cards
            c.error("people.yaml", ("people", index, "id"), "ใช้ id 'index' ไม่ได้ เพราะเป็นชื่อหน้ารายชื่อบัตรหน้าที่: ตั้ง id อื่น")
    c.unique("teams.yaml", ("teams",), p.teams_file.teams, "ทีม")
    c.unique("teams.yaml", ("units",), p.teams_file.units, "หน่วยงาน")
    c.unique("bia.yaml", ("processes",), p.bia.processes, "กระบวนการ")
    c.unique("procedure.yaml", ("phases",), p.procedure.phases, "ระยะ")
    c.unique("notes.yaml", ("notes",), p.notes, "บันทึก")
    step_ids: dict[str, str] = {}
    for pi, phase in enumerate(p.procedure.phases):
        for si, step in enumerate(phase.steps):
            if step.id in step_ids:
                c.error("procedure.yaml", ("phases", pi, "steps", si, "id"),
                        f"ขั้นตอน '{step.id}' ซ้ำกับขั้นตอนในระยะ {step_ids[step.id]}: id ต้องไม่ซ้ำกัน")
            step_ids.setdefault(step.id, phase.id)
    team_ids = list(p.teams)  # in data order: listed in messages
    for ui, unit in enumerate(p.teams_file.units):
        if unit.id in team_ids:
            c.error("teams.yaml", ("units", ui, "id"), f"'{unit.id}' ใช้เป็น id ของทีมแล้ว: ตั้ง id ของหน่วยงานให้ต่างกัน")

    # scope and strategies refer to impact areas
    for ii, incident in enumerate(p.scope.incidents):
        for ai, area in enumerate(incident.impacts):
            c.known("scope.yaml", ("incidents", ii, "impacts", ai), area, p.impact_areas, "ผลกระทบ")
    for si, strategy in enumerate(p.strategies):
        c.known("strategies.yaml", ("strategies", si, "area"), strategy.area, p.impact_areas, "ผลกระทบ")

    # teams: people exist, every role has a backup who is someone else, one lead a team
    c.known("teams.yaml", ("bcp_head",), p.teams_file.bcp_head, people, "บุคคล")
    for ti, team in enumerate(p.teams_file.teams):
        leads = [r for r in team.roles if r.role == "lead"]
        if len(leads) != 1:
            c.error("teams.yaml", ("teams", ti, "roles"), f"ทีมต้องมีหัวหน้าทีม (role: lead) ๑ คน พบ {len(leads)} คน")
        for ri, role in enumerate(team.roles):
            path = ("teams", ti, "roles", ri)
            c.known("teams.yaml", path + ("primary",), role.primary, people, "บุคคล")
            if role.backup is None:
                c.error("teams.yaml", path, "ทุกบทบาทต้องมีบุคลากรสำรอง: เพิ่มช่อง backup เป็น id ของผู้สำรอง")
                continue
            c.known("teams.yaml", path + ("backup",), role.backup, people, "บุคคล")
            if role.backup == role.primary:
                c.error("teams.yaml", path + ("backup",), f"'{role.primary}' เป็นผู้สำรองของตนเองไม่ได้: เลือกผู้สำรองคนอื่น")
    for ui, unit in enumerate(p.teams_file.units):
        for ti, team_id in enumerate(unit.teams):
            c.known("teams.yaml", ("units", ui, "teams", ti), team_id, team_ids, "ทีม")

    # BIA
    for bi, process in enumerate(p.bia.processes):
        c.known("bia.yaml", ("processes", bi, "urgency"), process.urgency, p.urgency, "ระดับความเร่งด่วน")
        c.known("bia.yaml", ("processes", bi, "recovery"), process.recovery, windows, "ช่วงเวลา")

    # resources: every value per time window
    r = p.resources
    for section, rows, attr in (("equipment", r.equipment, "quantities"), ("staff", r.staff, "counts"),
                                ("services", r.services, "counts")):
        for ri, row in enumerate(rows):
            values = getattr(row, attr)
            for key in values:
                c.known("resources.yaml", (section, ri, attr, key), key, windows, "ช่วงเวลา")
            missing = [w for w in windows if w not in values]
            if missing:
                c.error("resources.yaml", (section, ri, attr),
                        f"ขาดจำนวนของช่วงเวลา {', '.join(missing)}: ใส่ตัวเลข หรือ null ถ้าแผนไม่ได้ระบุ")
    for section, rows in (("workspace", r.workspace), ("it_systems", r.it_systems)):
        for ri, row in enumerate(rows):
            for wi, window in enumerate(row.windows):
                c.known("resources.yaml", (section, ri, "windows", wi), window, windows, "ช่วงเวลา")
    for ri, system in enumerate(r.it_systems):
        for key in system.notes:
            if key not in system.windows:
                c.error("resources.yaml", ("it_systems", ri, "notes", key), f"มีหมายเหตุของช่วงเวลา '{key}' แต่ช่วงนี้ไม่อยู่ใน windows")

    # procedure: responsible parties exist
    for pi, phase in enumerate(p.procedure.phases):
        if phase.end_day is not None and phase.end_day < phase.start_day:
            c.error("procedure.yaml", ("phases", pi, "end_day"), "วันสิ้นสุดต้องไม่มาก่อนวันเริ่มต้น")
        for si, step in enumerate(phase.steps):
            for ri, resp in enumerate(step.responsible):
                path = ("phases", pi, "steps", si, "responsible", ri)
                if bool(resp.team) == bool(resp.unit):
                    c.error("procedure.yaml", path, "ผู้รับผิดชอบต้องระบุอย่างใดอย่างหนึ่ง: team (ทีม) หรือ unit (หน่วยงาน)")
                elif resp.team:
                    c.known("procedure.yaml", path + ("team",), resp.team, team_ids, "ทีม")
                else:
                    c.known("procedure.yaml", path + ("unit",), resp.unit, p.units, "หน่วยงาน")

    # checklist evidence names something the data can show
    def walk(items, path):
        for index, item in enumerate(items):
            here = path + (index,)
            if item.evidence:
                kind = item.evidence.split(":")[0]
                if kind not in EVIDENCE_KINDS:
                    c.error("checklist.yaml", here + ("evidence",),
                            f"ไม่รู้จักหลักฐาน '{kind}': ที่ใช้ได้คือ {', '.join(sorted(EVIDENCE_KINDS))}")
            walk(item.items, here + ("items",))

    for pi, part in enumerate(p.checklist.parts):
        walk(part.items, ("parts", pi, "items"))

    check_revisions(c, p)

    if [x for x in c.problems if x.level == "error"]:
        return c.problems  # later warnings would look up ids that may not exist

    # warnings: allowed, but weak
    for name, doc in docs.items():
        for path, text in _strings(doc.data, ()):
            if has_thai_typing_problems(text):
                c.warn(name, path, "สระหรือวรรณยุกต์พิมพ์แยกส่วนหรือพิมพ์ซ้ำ (เช่น ำ พิมพ์เป็น ํ กับ า): "
                                   "ระบบแสดงผลให้ถูกต้องแล้ว แต่ควรพิมพ์คำนั้นใหม่ในไฟล์")
    key_people = {p.teams_file.bcp_head} | {
        pid for team in p.teams_file.teams for role in team.roles if role.role == "lead" for pid in (role.primary, role.backup) if pid}
    for index, person in enumerate(p.people_file.people):
        if person.id in key_people and not person.mobile:
            c.warn("people.yaml", ("people", index), f"{person.full_name} เป็นผู้มีบทบาทหลักแต่ไม่มีเบอร์มือถือ (mobile): เมื่อไฟดับหรือไฟไหม้ โทรศัพท์สำนักงานจะใช้ไม่ได้")
        if not person.position:
            c.warn("people.yaml", ("people", index), f"{person.full_name} ไม่มีตำแหน่ง (position)")
        if not p.assignments(person.id) and person.id != p.teams_file.bcp_head:
            c.warn("people.yaml", ("people", index), f"{person.full_name} ไม่มีบทบาทในทีมใดเลย")
    unreachable = set(CallTree(p).unreachable())
    for index, person in enumerate(p.people_file.people):
        if person.id in unreachable:
            c.warn("people.yaml", ("people", index),
                   f"สายการแจ้งเหตุ (Call Tree) ไปไม่ถึง {person.full_name}: เมื่อเกิดเหตุจะไม่มีใครโทรแจ้ง "
                   "ให้ใส่เป็นบุคลากรหลักหรือบุคลากรสำรองของบทบาทใดบทบาทหนึ่งใน teams.yaml")
    return c.problems


def check_revisions(c: Checker, p: Plan) -> None:
    """revisions.yaml: versions unique and in date order, the newest one is plan.yaml's version."""
    seen: dict[str, int] = {}
    for index, revision in enumerate(p.revisions):
        key = arabic_digits(revision.version)
        if key in seen:
            c.error("revisions.yaml", ("revisions", index, "version"),
                    f"ฉบับที่ {revision.version} ซ้ำกับรายการลำดับที่ {seen[key] + 1}: ฉบับใหม่ต้องใช้เลขฉบับใหม่")
        seen.setdefault(key, index)
        if index and revision.date < p.revisions[index - 1].date:
            c.error("revisions.yaml", ("revisions", index, "date"),
                    "วันที่เก่ากว่ารายการก่อนหน้า: เรียงประวัติการแก้ไขจากเก่าไปใหม่ (ฉบับล่าสุดอยู่ล่างสุด)")
    if p.revisions and arabic_digits(p.revisions[-1].version) != arabic_digits(p.info.version):
        c.error("revisions.yaml", ("revisions", len(p.revisions) - 1, "version"),
                f"ฉบับล่าสุดในประวัติการแก้ไขคือ {p.revisions[-1].version} แต่ plan.yaml ระบุ version: "
                f"{p.info.version}: แก้ให้ตรงกัน (หน้าปกแสดงฉบับที่จาก plan.yaml)")
    review = p.review
    if review is not None:
        for field in ("review_every_months", "exercise_every_months"):
            if getattr(review, field) < 1:
                c.error("revisions.yaml", ("review", field), "รอบเวลาต้องอย่างน้อย ๑ เดือน")
