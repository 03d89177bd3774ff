"""The whole comparison: every section of the plan, and a safety net for what no section words."""

from __future__ import annotations

from typing import Any

from bcp import model as m
from bcp.diff.changes import Change, Section
from bcp.diff.general import GeneralComparison
from bcp.diff.people import PeopleComparison
from bcp.diff.procedure import ProcedureComparison
from bcp.diff.records import RecordComparison
from bcp.diff.resources import ResourceComparison
from bcp.model import FILES
from bcp.plan import Plan
from bcp.plan_loading import PLAN_FIELDS  # Plan attribute of each file, in FILES order


class Differ(GeneralComparison, PeopleComparison, ResourceComparison, ProcedureComparison, RecordComparison):
    """Two plans compared, section by section."""

    def sections(self) -> list[Section]:
        parts = [
            ("ข้อมูลทั่วไป", self.info),
            ("ขอบเขตและผลกระทบ", self.scope),
            ("บุคลากร", self.people),
            ("ทีมงาน", self.teams),
            ("กลยุทธ์", self.strategies),
            ("การวิเคราะห์ผลกระทบทางธุรกิจ (BIA)", self.bia),
            ("ทรัพยากร", self.resources),
            ("ขั้นตอน", self.procedure),
            ("แบบตรวจสอบ", self.checklist),
            ("บันทึกการตัดสินใจเรื่องข้อมูล", self.notes),
            ("ประวัติการแก้ไขและการทบทวน", self.revisions),
        ]
        result = [Section(title, changes) for title, compare in parts if (changes := compare())]
        # Safety net: a file whose content changed says so even if no rule above put it in words.
        titles = {s.title for s in result}
        for (name, _), attr in zip(FILES.items(), PLAN_FIELDS):
            title = _SECTION_OF_FILE.get(name, name)
            if title not in titles and _content(getattr(self.old, attr)) != _content(getattr(self.new, attr)):
                result.append(Section(title, [Change(f"มีการแก้ไขในไฟล์ {name}")]))
        return result


# Summary section of each data file (the safety net above).
_SECTION_OF_FILE = {
    "plan.yaml": "ข้อมูลทั่วไป", "scope.yaml": "ขอบเขตและผลกระทบ", "people.yaml": "บุคลากร", "teams.yaml": "ทีมงาน",
    "strategies.yaml": "กลยุทธ์", "bia.yaml": "การวิเคราะห์ผลกระทบทางธุรกิจ (BIA)", "resources.yaml": "ทรัพยากร",
    "procedure.yaml": "ขั้นตอน", "checklist.yaml": "แบบตรวจสอบ", "notes.yaml": "บันทึกการตัดสินใจเรื่องข้อมูล",
    "revisions.yaml": "ประวัติการแก้ไขและการทบทวน",
}


def _content(value: Any) -> Any:
    """A file's content as the plan sees it: the order of people.yaml does not matter."""
    if isinstance(value, m.People):
        return sorted(value.people, key=lambda p: p.id)
    return value


def compare(old: Plan, new: Plan) -> list[Section]:
    """The plan's changes from `old` to `new`, by section, in plain Thai."""
    return Differ(old, new).sections()
