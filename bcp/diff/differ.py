"""The whole comparison: every section of the plan, and a safety net for what no section words."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

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
        by_file = {
            "plan.yaml": self.info,
            "scope.yaml": self.scope,
            "people.yaml": self.people,
            "teams.yaml": self.teams,
            "strategies.yaml": self.strategies,
            "bia.yaml": self.bia,
            "resources.yaml": self.resources,
            "procedure.yaml": self.procedure,
            "checklist.yaml": self.checklist,
            "notes.yaml": self.notes,
            "revisions.yaml": self.revisions,
        }
        # A section is titled as the root model of its file.
        titles = {name: model.model_config["title"] for name, model in FILES.items()}
        result = [Section(titles[name], changes) for name in FILES if (changes := by_file[name]())]
        # Safety net: a file whose content changed says so even if no rule above put it in words.
        shown = {s.title for s in result}
        for name, attr in zip(FILES, PLAN_FIELDS):
            if titles[name] not in shown and _content(getattr(self.old, attr)) != _content(getattr(self.new, attr)):
                result.append(Section(titles[name], [Change(f"มีการแก้ไขในไฟล์ {name}")]))
        return result


def _content(value: Any) -> Any:
    """A file's content as the plan sees it: the order of people.yaml does not matter, nor
    whether one value is typed in its single form or as a list of one (`backup: x`, `backups: [x]`)."""
    if isinstance(value, m.People):
        return sorted(value.people, key=lambda p: p.id)
    return _list_forms_only(value)


def _list_forms_only(value: Any) -> Any:
    """The value with every single form (m.LIST_FORMS) cleared: its list form holds the same."""
    if isinstance(value, list):
        return [_list_forms_only(item) for item in value]
    if not isinstance(value, BaseModel):
        return value
    fields = type(value).model_fields
    update = {name: _list_forms_only(getattr(value, name)) for name in fields}
    update |= {single: None for single in m.LIST_FORMS if single in fields}
    return value.model_copy(update=update)


def compare(old: Plan, new: Plan) -> list[Section]:
    """The plan's changes from `old` to `new`, by section, in plain Thai."""
    return Differ(old, new).sections()
