"""Rules that need the whole plan: references between files, backups, sets.

Each rule is a small function of a Checker that reports Problems naming the
file and line of the offending value; `check` runs them all.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from typing import Any

from bcp.calltree import CallTree
from bcp.field_errors import as_typed
from bcp.model import PLACEHOLDER, Person, field_label, version_key
from bcp.yaml_reading import Document
from bcp.plan import Plan
from bcp.problems import Problem
from bcp.starter import placeholder_message
from bcp.thai import has_thai_typing_problems

EVIDENCE_KINDS = {"teams", "bia", "resources", "strategy", "call_tree", "procedure", "incident"}


class Checker:
    def __init__(self, plan: Plan, docs: dict[str, Document]) -> None:
        self.plan = plan
        self.docs = docs
        self.problems: list[Problem] = []

    def error(self, file: str, path: tuple, message: str) -> None:
        doc = self.docs[file]
        self.problems.append(doc.problem(as_typed(doc.data, path), message))

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


# --- errors: the data cannot be used -------------------------------------------


def ids_are_unique(c: Checker) -> None:
    p = c.plan
    c.unique("plan.yaml", ("time_windows",), p.info.time_windows, "ช่วงเวลา")
    c.unique("plan.yaml", ("urgency_levels",), p.info.urgency_levels, "ระดับความเร่งด่วน")
    c.unique("scope.yaml", ("incidents",), p.scope.incidents, "เหตุการณ์")
    c.unique("scope.yaml", ("impact_areas",), p.scope.impact_areas, "ผลกระทบ")
    c.unique("people.yaml", ("people",), p.people_file.people, "บุคคล")
    c.unique("teams.yaml", ("teams",), p.teams_file.teams, "ทีม")
    c.unique("teams.yaml", ("units",), p.teams_file.units, "หน่วยงาน")
    c.unique("bia.yaml", ("processes",), p.bia.processes, "กระบวนการ")
    c.unique("procedure.yaml", ("phases",), p.procedure.phases, "ระยะ")
    c.unique("notes.yaml", ("notes",), p.notes, "บันทึก")


def no_person_is_called_index(c: Checker) -> None:
    for index, person in enumerate(c.plan.people_file.people):
        if person.id == "index":  # cards/index is the list of all cards
            c.error("people.yaml", ("people", index, "id"), "ใช้ id 'index' ไม่ได้ เพราะเป็นชื่อหน้ารายชื่อบัตรหน้าที่: ตั้ง id อื่น")


def step_ids_are_unique_across_phases(c: Checker) -> None:
    step_ids: dict[str, str] = {}
    for pi, phase in enumerate(c.plan.procedure.phases):
        for si, step in enumerate(phase.steps):
            if step.id in step_ids:
                c.error("procedure.yaml", ("phases", pi, "steps", si, "id"),
                        f"ขั้นตอน '{step.id}' ซ้ำกับขั้นตอนในระยะ {step_ids[step.id]}: id ต้องไม่ซ้ำกัน")
            step_ids.setdefault(step.id, phase.id)


def unit_ids_differ_from_team_ids(c: Checker) -> None:
    for ui, unit in enumerate(c.plan.teams_file.units):
        if unit.id in c.plan.teams:
            c.error("teams.yaml", ("units", ui, "id"), f"'{unit.id}' ใช้เป็น id ของทีมแล้ว: ตั้ง id ของหน่วยงานให้ต่างกัน")


def impact_areas_exist(c: Checker) -> None:
    """Incidents (scope.yaml) and strategies name impact areas."""
    p = c.plan
    for ii, incident in enumerate(p.scope.incidents):
        for ai, area in enumerate(incident.impacts):
            c.known("scope.yaml", ("incidents", ii, "impacts", ai), area, p.impact_areas, "ผลกระทบ")
    for si, strategy in enumerate(p.strategies):
        c.known("strategies.yaml", ("strategies", si, "area"), strategy.area, p.impact_areas, "ผลกระทบ")


def an_alternate_site_is_given(c: Checker) -> None:
    if not c.plan.info.alternate_sites:
        c.error("plan.yaml", ("alternate_sites",), "ต้องมีสถานที่ปฏิบัติงานสำรองอย่างน้อย ๑ แห่ง: ใส่ alternate_site "
                                                  "(แห่งเดียว) หรือ alternate_sites (หลายแห่ง เรียงตามลำดับที่จะใช้)")


def bcp_head_exists(c: Checker) -> None:
    c.known("teams.yaml", ("bcp_head",), c.plan.teams_file.bcp_head, c.plan.people, "บุคคล")


def each_team_has_one_lead(c: Checker) -> None:
    for ti, team in enumerate(c.plan.teams_file.teams):
        leads = [r for r in team.roles if r.role == "lead"]
        if len(leads) != 1:
            c.error("teams.yaml", ("teams", ti, "roles"), f"ทีมต้องมีหัวหน้าทีม (role: lead) ๑ คน พบ {len(leads)} คน")


def roles_have_a_person_and_someone_else_as_backup(c: Checker) -> None:
    people = c.plan.people
    for ti, team in enumerate(c.plan.teams_file.teams):
        for ri, role in enumerate(team.roles):
            path = ("teams", ti, "roles", ri)
            c.known("teams.yaml", path + ("primary",), role.primary, people, "บุคคล")
            if not role.backups:
                c.error("teams.yaml", path, "ทุกบทบาทต้องมีบุคลากรสำรอง: เพิ่มช่อง backup เป็น id ของผู้สำรอง "
                                            "(ผู้สำรองหลายคน: backups: [id คนแรก, id คนที่สอง] เรียงตามลำดับ)")
                continue
            for index, backup in enumerate(role.backups):
                where = path + role.backup_key(index)
                if not c.known("teams.yaml", where, backup, people, "บุคคล"):
                    continue
                if backup == role.primary:
                    c.error("teams.yaml", where, f"'{role.primary}' เป็นผู้สำรองของตนเองไม่ได้: เลือกผู้สำรองคนอื่น")
                elif backup in role.backups[:index]:
                    c.error("teams.yaml", where, f"'{backup}' เป็นผู้สำรองลำดับที่ {role.backups.index(backup) + 1} อยู่แล้ว: "
                                                 "ผู้สำรองแต่ละลำดับต้องเป็นคนละคน")


def unit_teams_exist(c: Checker) -> None:
    team_ids = list(c.plan.teams)  # in data order: listed in messages
    for ui, unit in enumerate(c.plan.teams_file.units):
        for ti, team_id in enumerate(unit.teams):
            c.known("teams.yaml", ("units", ui, "teams", ti), team_id, team_ids, "ทีม")


def bia_urgency_and_recovery_exist(c: Checker) -> None:
    p = c.plan
    for bi, process in enumerate(p.bia.processes):
        c.known("bia.yaml", ("processes", bi, "urgency"), process.urgency, p.urgency, "ระดับความเร่งด่วน")
        c.known("bia.yaml", ("processes", bi, "recovery"), process.recovery, list(p.windows), "ช่วงเวลา")


def quantities_are_given_for_every_window(c: Checker) -> None:
    """Each row of equipment, staff and services: a value ("-" or null included) for each time window, and no other."""
    r, windows = c.plan.resources, list(c.plan.windows)
    for section, rows, attr in (("equipment", r.equipment, "quantities"), ("staff", r.staff, "counts"),
                                ("services", r.services, "counts")):
        for ri, row in enumerate(rows):
            values = getattr(row, attr)
            for key in values:
                c.known("resources.yaml", (section, ri, attr, key), key, windows, "ช่วงเวลา")
            missing = [w for w in windows if w not in values]
            if missing:
                c.error("resources.yaml", (section, ri, attr),
                        f"ขาดจำนวนของช่วงเวลา {', '.join(missing)}: ใส่ตัวเลข หรือ - ถ้าไม่มี/ไม่ใช้ในช่วงนั้น "
                        "หรือ null ถ้าแผนไม่ได้ระบุ")


def resource_windows_exist(c: Checker) -> None:
    r, windows = c.plan.resources, list(c.plan.windows)
    for section, rows in (("workspace", r.workspace), ("it_systems", r.it_systems)):
        for ri, row in enumerate(rows):
            for wi, window in enumerate(row.windows):
                c.known("resources.yaml", (section, ri, "windows", wi), window, windows, "ช่วงเวลา")


def it_notes_are_for_listed_windows(c: Checker) -> None:
    for ri, system in enumerate(c.plan.resources.it_systems):
        for key in system.notes:
            if key not in system.windows:
                c.error("resources.yaml", ("it_systems", ri, "notes", key), f"มีหมายเหตุของช่วงเวลา '{key}' แต่ช่วงนี้ไม่อยู่ใน windows")


def phases_end_after_they_start(c: Checker) -> None:
    for pi, phase in enumerate(c.plan.procedure.phases):
        if phase.end_day is not None and phase.end_day < phase.start_day:
            c.error("procedure.yaml", ("phases", pi, "end_day"), "วันสิ้นสุดต้องไม่มาก่อนวันเริ่มต้น")


def steps_name_a_known_team_or_unit(c: Checker) -> None:
    p = c.plan
    team_ids = list(p.teams)
    for pi, phase in enumerate(p.procedure.phases):
        for si, step in enumerate(phase.steps):
            for ri, resp in enumerate(step.responsible):
                path = ("phases", pi, "steps", si, "responsible", ri)
                if bool(resp.team) == bool(resp.unit):
                    c.error("procedure.yaml", path, "ผู้รับผิดชอบต้องระบุอย่างใดอย่างหนึ่ง: team (ทีม) หรือ unit (หน่วยงาน)")
                elif resp.team:
                    c.known("procedure.yaml", path + ("team",), resp.team, team_ids, "ทีม")
                else:
                    c.known("procedure.yaml", path + ("unit",), resp.unit, p.units, "หน่วยงาน")


def a_joint_step_has_several_parties(c: Checker) -> None:
    for pi, phase in enumerate(c.plan.procedure.phases):
        for si, step in enumerate(phase.steps):
            if step.joint and len(step.responsible) < 2:
                c.error("procedure.yaml", ("phases", pi, "steps", si, "joint"),
                        "joint: true ใช้เมื่อมีผู้รับผิดชอบร่วมกันตั้งแต่ ๒ รายขึ้นไป: เพิ่มผู้รับผิดชอบ หรือลบบรรทัด joint")


def checklist_evidence_is_known(c: Checker) -> None:
    """Evidence names something the data can show (bcp.checklist)."""

    def walk(items, path):
        for index, item in enumerate(items):
            here = path + (index,)
            for ei, evidence in enumerate(item.evidence):
                kind = evidence.split(":")[0]
                if kind not in EVIDENCE_KINDS:
                    c.error("checklist.yaml", here + ("evidence", ei),
                            f"ไม่รู้จักหลักฐาน '{kind}': ที่ใช้ได้คือ {', '.join(sorted(EVIDENCE_KINDS))}")
            walk(item.items, here + ("items",))

    for pi, part in enumerate(c.plan.checklist.parts):
        walk(part.items, ("parts", pi, "items"))


def revision_versions_are_unique(c: Checker) -> None:
    seen: dict[str, int] = {}
    for index, revision in enumerate(c.plan.revisions):
        key = version_key(revision.version)
        if key in seen:
            c.error("revisions.yaml", ("revisions", index, "version"),
                    f"ฉบับที่ {revision.version} ซ้ำกับรายการลำดับที่ {seen[key] + 1}: ฉบับใหม่ต้องใช้เลขฉบับใหม่")
        seen.setdefault(key, index)


def revisions_are_in_date_order(c: Checker) -> None:
    revisions = c.plan.revisions
    for index in range(1, len(revisions)):
        if revisions[index].date < revisions[index - 1].date:
            c.error("revisions.yaml", ("revisions", index, "date"),
                    "วันที่เก่ากว่ารายการก่อนหน้า: เรียงประวัติการแก้ไขจากเก่าไปใหม่ (ฉบับล่าสุดอยู่ล่างสุด)")


def newest_revision_is_the_plans_version(c: Checker) -> None:
    p = c.plan
    if p.revisions and version_key(p.revisions[-1].version) != version_key(p.info.version):
        c.error("revisions.yaml", ("revisions", len(p.revisions) - 1, "version"),
                f"ฉบับล่าสุดในประวัติการแก้ไขคือ {p.revisions[-1].version} แต่ plan.yaml ระบุ version: "
                f"{p.info.version}: แก้ให้ตรงกัน (หน้าปกแสดงฉบับที่จาก plan.yaml)")


def review_periods_are_at_least_a_month(c: Checker) -> None:
    review = c.plan.review
    if review is not None:
        for field in ("review_every_months", "exercise_every_months"):
            if getattr(review, field) < 1:
                c.error("revisions.yaml", ("review", field), "รอบเวลาต้องอย่างน้อย ๑ เดือน")


# --- warnings: allowed, but weak -------------------------------------------------


def thai_is_typed_whole(c: Checker) -> None:
    for name, doc in c.docs.items():
        for path, text in _strings(doc.data, ()):
            if has_thai_typing_problems(text):
                c.warn(name, path, "สระหรือวรรณยุกต์พิมพ์แยกส่วนหรือพิมพ์ซ้ำ (เช่น ำ พิมพ์เป็น ํ กับ า): "
                                   "ระบบแสดงผลให้ถูกต้องแล้ว แต่ควรพิมพ์คำนั้นใหม่ในไฟล์")


def starter_values_are_replaced(c: Checker) -> None:
    """Every value `bcp new` wrote as a placeholder, until the office replaces it."""
    for name, doc in c.docs.items():
        for path, text in _strings(doc.data, ()):
            message = placeholder_message(text)
            if message:
                c.warn(name, path, message)


def _added_before(label: str) -> str:
    """The words a label puts before its first placeholder: "ผลกระทบ" in "ผลกระทบ{area}"."""
    match = PLACEHOLDER.search(label)
    return label[:match.start()].strip() if match else ""


def words_the_tool_adds_are_not_typed(c: Checker) -> None:
    """A value that says what the tool already writes around it would print it twice (the owner
    guide lists what the tool adds): "ผลกระทบ" before an impact area, "ปรากฏดังตารางที่ ..." after
    the BIA's introduction, "ส่วนที่" before a checklist part."""
    plan, labels = c.plan, c.plan.labels

    def typed_before(file: str, path: tuple, value: str, label: str, key: str) -> None:
        added = _added_before(label)
        if added and value.startswith(added):
            c.warn(file, path, f"ระบบเติม \"{added}\" ไว้หน้าข้อความนี้ให้เอง: ลบ \"{added}\" ออกจากข้อความ "
                               f"มิฉะนั้นจะแสดงซ้ำสองครั้ง (หรือเปลี่ยนถ้อยคำ {key} ใน labels.yaml)")

    for index, area in enumerate(plan.scope.impact_areas):
        typed_before("scope.yaml", ("impact_areas", index, "name"), area.name, labels.impact_area_name, "impact_area_name")
    for index, incident in enumerate(plan.scope.incidents):
        typed_before("scope.yaml", ("incidents", index, "name"), incident.name, labels.incident_page_title,
                     "incident_page_title")
    for index, part in enumerate(plan.checklist.parts):
        typed_before("checklist.yaml", ("parts", index, "title"), part.title, labels.checklist_part, "checklist_part")
    reference = _added_before(labels.bia_table_reference)
    if reference and reference in plan.bia.introduction:
        c.warn("bia.yaml", ("introduction",), f"ระบบเติม \"{reference}\" และเลขที่ตารางที่นับให้ไว้ท้ายข้อความนี้เอง: "
                                              f"ลบออกจากข้อความ (หรือตั้ง bia_table_reference: \"\" ใน labels.yaml)")


def people_have_a_mobile_position_and_role(c: Checker) -> None:
    """A mobile for the head and the teams' leads and their backups; everyone a position and a role."""
    p = c.plan
    key_people = {p.teams_file.bcp_head} | {
        pid for team in p.teams_file.teams for role in team.roles if role.role == "lead" for pid in (role.primary, *role.backups)}
    # One rule, not three: a person's warnings share a line and are listed in this order.
    for index, person in enumerate(p.people_file.people):
        if person.id in key_people and not person.mobile:
            c.warn("people.yaml", ("people", index), f"{person.full_name} เป็นผู้มีบทบาทหลักแต่ไม่มี{field_label(Person, 'mobile')}: "
                   "เมื่อไฟดับหรือไฟไหม้ โทรศัพท์สำนักงานจะใช้ไม่ได้")
        if not person.position:
            c.warn("people.yaml", ("people", index), f"{person.full_name} ไม่มี{field_label(Person, 'position')}")
        if not p.assignments(person.id) and person.id != p.teams_file.bcp_head:
            c.warn("people.yaml", ("people", index), f"{person.full_name} ไม่มีบทบาทในทีมใดเลย")


def call_tree_reaches_everyone(c: Checker) -> None:
    unreachable = set(CallTree(c.plan).unreachable())
    for index, person in enumerate(c.plan.people_file.people):
        if person.id in unreachable:
            c.warn("people.yaml", ("people", index),
                   f"สายการแจ้งเหตุ (Call Tree) ไปไม่ถึง {person.full_name}: เมื่อเกิดเหตุจะไม่มีใครโทรแจ้ง "
                   "ให้ใส่เป็นบุคลากรหลักหรือบุคลากรสำรองของบทบาทใดบทบาทหนึ่งใน teams.yaml")


Rule = Callable[[Checker], None]

# Run in this order: problems on the same line are listed in the order they are found.
ERROR_RULES: tuple[Rule, ...] = (
    ids_are_unique,
    no_person_is_called_index,
    step_ids_are_unique_across_phases,
    unit_ids_differ_from_team_ids,
    impact_areas_exist,
    an_alternate_site_is_given,
    bcp_head_exists,
    each_team_has_one_lead,
    roles_have_a_person_and_someone_else_as_backup,
    unit_teams_exist,
    bia_urgency_and_recovery_exist,
    quantities_are_given_for_every_window,
    resource_windows_exist,
    it_notes_are_for_listed_windows,
    phases_end_after_they_start,
    steps_name_a_known_team_or_unit,
    a_joint_step_has_several_parties,
    checklist_evidence_is_known,
    revision_versions_are_unique,
    revisions_are_in_date_order,
    newest_revision_is_the_plans_version,
    review_periods_are_at_least_a_month,
)
WARNING_RULES: tuple[Rule, ...] = (
    starter_values_are_replaced,
    thai_is_typed_whole,
    words_the_tool_adds_are_not_typed,
    people_have_a_mobile_position_and_role,
    call_tree_reaches_everyone,
)


def check(plan: Plan, docs: dict[str, Document]) -> list[Problem]:
    """Every error rule's problems; the warnings too when there is no error."""
    c = Checker(plan, docs)
    for rule in ERROR_RULES:
        rule(c)
    if any(problem.level == "error" for problem in c.problems):
        return c.problems  # the warning rules would look up ids that may not exist
    for rule in WARNING_RULES:
        rule(c)
    return c.problems
