"""Comparing two plans field by field: how values are worded, and the generic
comparison that reports every field no section compares by hand."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from pydantic import BaseModel

from bcp import model as m
from bcp import thai
from bcp.diff.changes import Change, esc, short
from bcp.diff.matching import match_by_key, reordered
from bcp.plan import Plan

# The values of choice fields (Literal) in words.
UNIT_NAMES = {"hour": "ชั่วโมง", "day": "วัน", "week": "สัปดาห์", "month": "เดือน"}
SCOPE_NAMES = {"lead": "หัวหน้าทีม", "team": "ทีมงาน", "lead_and_team": "หัวหน้าและทีมงาน"}
ROLE_KIND_NAMES = {"lead": "หัวหน้าทีม", "member": "ทีมงาน"}


class FieldComparison:
    """The old and the new plan, and the wording every section's comparison uses."""

    def __init__(self, old: Plan, new: Plan) -> None:
        self.old, self.new = old, new
        self.thai_digits = new.thai_digits

    # --- formatting ----------------------------------------------------------

    def d(self, value: object) -> str:
        return thai.digits(value, self.thai_digits)

    def date(self, value) -> str:
        return thai.thai_date(value, self.thai_digits)

    def phone(self, value: str | None) -> str:
        try:
            return thai.format_phone(value, self.thai_digits)
        except ValueError:
            return self.d(value)

    def cell(self, value: int | str | None, unit: str = "") -> str:
        """A resource table's cell in words: "3 เครื่อง", "- (ไม่มี)", "ไม่ระบุ"."""
        if value is None:
            return "ไม่ระบุ"
        if value == m.NOT_APPLICABLE:
            return "- (ไม่มี)"
        return f"{self.d(value)} {esc(unit)}".strip()

    @staticmethod
    def q(text: object) -> str:
        return f"“{esc(text)}”"

    def person(self, plan: Plan, person_id: str | None) -> str:
        if person_id is None:
            return "(ไม่มี)"
        person = plan.people.get(person_id)
        return esc(person.full_name) if person else esc(person_id)

    def window(self, plan: Plan, window_id: str) -> str:
        return self.d(plan.window_label(window_id)) if window_id in plan.windows else esc(window_id)

    def team(self, plan: Plan, team_id: str) -> str:
        team = plan.teams.get(team_id)
        return esc(plan.team_title(team)) if team else esc(team_id)

    def phase(self, plan: Plan, phase: m.Phase) -> str:
        return f"ระยะ{esc(plan.phase_label(phase))}"

    def responsible(self, plan: Plan, step: m.Step) -> str:
        try:
            labels = plan.responsibility_labels(step)
        except KeyError:  # a team or unit the other plan does not have
            labels = [r.team or r.unit or "" for r in step.responsible]
        return esc(", ".join(labels))

    def changed(self, label: str, old: Any, new: Any, fmt: Callable[[Any], str] | None = None) -> list[Change]:
        """"label เปลี่ยนจาก a เป็น b"; long texts as before/after lines."""
        if old == new:
            return []
        fmt = fmt or self.q
        if old is None:
            return [Change(f"เพิ่ม{label}: {fmt(new)}")]
        if new is None:
            return [Change(f"ลบ{label} (เดิม {fmt(old)})")]
        a, b = fmt(old), fmt(new)
        if len(a) + len(b) > 90:
            return [Change(f"แก้ไข{label}", [f"เดิม: {a}", f"ใหม่: {b}"])]
        return [Change(f"{label} เปลี่ยนจาก {a} เป็น {b}")]

    def texts(self, label: str, old: Sequence[str], new: Sequence[str]) -> list[Change]:
        """A list of texts (paragraphs, objectives, sub-items): added, removed, reworded."""
        out: list[Change] = []
        matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and i2 - i1 == j2 - j1:
                for offset in range(i2 - i1):
                    out.append(Change(f"แก้ไข{label} ข้อที่ {self.d(j1 + offset + 1)}",
                                      [f"เดิม: {self.q(old[i1 + offset])}", f"ใหม่: {self.q(new[j1 + offset])}"]))
                continue
            out.extend(Change(f"ลบ{label}: {self.q(text)}") for text in old[i1:i2])
            out.extend(Change(f"เพิ่ม{label} (ข้อที่ {self.d(j1 + k + 1)}): {self.q(text)}") for k, text in enumerate(new[j1:j2]))
        return out

    # --- generic comparison (every field not compared by hand) ----------------

    def rest(self, where: str, old: BaseModel, new: BaseModel, handled: Iterable[str]) -> list[Change]:
        """The generic comparison of every field of `old`/`new` not in `handled`."""
        out: list[Change] = []
        handled = set(handled)
        for name, info in type(new).model_fields.items():
            if name not in handled:
                self.generic(self.join(where, info.title or name), getattr(old, name), getattr(new, name), name, out)
        return out

    @staticmethod
    def join(where: str, label: str) -> str:
        return f"{where} › {label}" if where else label

    def scalar(self, plan: Plan, value: Any, name: str) -> str:
        if value is None:
            return "ไม่ได้ตอบ" if name == "answer" else "(ไม่ระบุ)"
        if isinstance(value, bool):
            yes_no = {"answer": ("มี", "ไม่มี"), "confirmed": ("ยืนยันแล้ว", "รอยืนยัน"), "note_mark": ("มี", "ไม่มี")}
            return yes_no.get(name, ("ใช่", "ไม่ใช่"))[0 if value else 1]
        if hasattr(value, "year"):
            return self.date(value)
        if isinstance(value, int):
            return self.d(value)
        if name in ("primary", "backup", "backups", "bcp_head"):
            return self.person(plan, value)
        if name in ("windows", "recovery"):
            return self.window(plan, value)
        if name in ("area", "impacts"):
            area = plan.impact_areas.get(value)
            return esc(area.name) if area else esc(value)
        if name == "urgency":
            level = plan.urgency.get(value)
            return esc(level.name) if level else esc(value)
        if name == "teams":
            return self.team(plan, value)
        if name in ("phone", "mobile"):
            return self.phone(value)
        if name == "extension":
            return self.d(value)
        if name == "unit" and value in UNIT_NAMES:
            return UNIT_NAMES[value]
        if name == "scope" and value in SCOPE_NAMES:
            return SCOPE_NAMES[value]
        if name == "role" and value in ROLE_KIND_NAMES:
            return ROLE_KIND_NAMES[value]
        if name == "digits":
            return {"thai": "เลขไทย", "arabic": "เลขอารบิก"}.get(value, esc(value))
        return self.q(value)

    def summary(self, plan: Plan, item: Any) -> str:
        """How a list item is named in a sentence."""
        if isinstance(item, m.Person):
            return esc(item.full_name)
        if isinstance(item, m.Revision):
            return f"ฉบับที่ {self.d(esc(item.version))}"
        if isinstance(item, m.TimeWindow):
            return f"{self.d(item.amount)} {UNIT_NAMES[item.unit]}"
        if isinstance(item, m.Role):
            return f"{ROLE_KIND_NAMES[item.role]} {self.person(plan, item.primary)}"
        if isinstance(item, m.Strategy):
            return self.scalar(plan, item.area, "area")
        for attr in ("name", "title", "topic", "item", "requirement", "task", "question", "text", "role", "source"):
            value = getattr(item, attr, None)
            if isinstance(value, str):
                return self.q(short(value))
        if isinstance(item, BaseModel):
            return self.q(short(", ".join(str(v) for v in item.model_dump().values() if v)))
        return self.scalar(plan, item, "")

    def generic(self, where: str, old: Any, new: Any, name: str, out: list[Change]) -> None:
        if old == new:
            return
        if isinstance(old, BaseModel) and isinstance(new, BaseModel) and type(old) is type(new):
            out.extend(self.rest(where, old, new, ()))
        elif isinstance(old, list) and isinstance(new, list):
            self.generic_list(where, old, new, name, out)
        elif isinstance(old, dict) and isinstance(new, dict):
            for key in [*old, *(k for k in new if k not in old)]:
                label = self.window(self.new, key) if key in self.new.windows or key in self.old.windows else esc(key)
                self.generic(self.join(where, label), old.get(key), new.get(key), name, out)
        else:
            a, b = self.scalar(self.old, old, name), self.scalar(self.new, new, name)
            if a != b:
                if len(a) + len(b) > 90:
                    out.append(Change(f"แก้ไข{where}", [f"เดิม: {a}", f"ใหม่: {b}"]))
                else:
                    out.append(Change(f"{where} เปลี่ยนจาก {a} เป็น {b}"))

    def generic_list(self, where: str, old: list, new: list, name: str, out: list[Change]) -> None:
        items = old + new
        if items and all(isinstance(i, BaseModel) and "id" in type(i).model_fields for i in items):
            added, removed, pairs = match_by_key(old, new, lambda i: i.id)
            out.extend(Change(f"{where}: ลบ {self.summary(self.old, i)}") for i in removed)
            out.extend(Change(f"{where}: เพิ่ม {self.summary(self.new, i)}") for i in added)
            for o, n in pairs:
                self.generic(f"{where} {self.summary(self.new, n)}", o, n, name, out)
            moved = reordered([i.id for i in old], [i.id for i in new])
            if moved:
                names = ", ".join(self.summary(self.new, i) for i in new if i.id in moved)
                out.append(Change(f"{where}: ย้ายลำดับ {names}"))
            return
        key = (lambda i: i.model_dump_json()) if items and isinstance(items[0], BaseModel) else (lambda i: i)
        matcher = difflib.SequenceMatcher(None, [key(i) for i in old], [key(i) for i in new], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and i2 - i1 == j2 - j1:
                for o, n in zip(old[i1:i2], new[j1:j2]):
                    if isinstance(o, BaseModel):
                        self.generic(f"{where} {self.summary(self.old, o)}", o, n, name, out)
                    else:
                        self.generic(where, o, n, name, out)
                continue
            out.extend(Change(f"{where}: ลบ {self.summary(self.old, i)}") for i in old[i1:i2])
            out.extend(Change(f"{where}: เพิ่ม {self.summary(self.new, i)}") for i in new[j1:j2])
