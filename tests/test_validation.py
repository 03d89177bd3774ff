"""Rules across files (bcp.validate): one failing edit of the real data per rule,
checked to the exact file, line, field path and Thai message."""

from __future__ import annotations

import re

import pytest

from bcp.problems import Problem
from conftest import ROOT, DataCopy

PEOPLE = ("wanphen, thatchakorn, hathairat, supattra, penporn, wanthanee, krit, seksan, jirayu, wichan, "
          "uraiwan, nattapapan, praphaporn")
WINDOWS = "4h, 1d, 1w, 2w, 1m"
NO_MOBILE = "เป็นผู้มีบทบาทหลักแต่ไม่มีเบอร์มือถือ (mobile): เมื่อไฟดับหรือไฟไหม้ โทรศัพท์สำนักงานจะใช้ไม่ได้"


def only_error(copy: DataCopy, name: str, line: int, field: str, message: str) -> None:
    """The edit produces exactly this one problem, and nothing else."""
    assert copy.problems() == [Problem(copy.shown(name), line, field, message)]


def line_after(copy: DataCopy, name: str, anchor: str, needle: str) -> int:
    """Line of the first `needle` after the one `anchor` (for keys that repeat in a file)."""
    text = copy.text(name)
    assert text.count(anchor) == 1
    start = text.index(anchor)
    return text[: text.index(needle, start)].count("\n") + 1


# --- people in teams -------------------------------------------------------------------


@pytest.mark.parametrize("field", ["primary", "backup"])
def test_unknown_person_in_a_team(data_copy, field):
    old = {"primary": "primary: jirayu", "backup": "backup: wichan"}[field]
    data_copy.replace("teams.yaml", old, f"{field}: somchai")
    only_error(data_copy, "teams.yaml", data_copy.line_of("teams.yaml", "somchai"),
               f"teams › relief › roles › ลำดับที่ 2 › {field}", f"ไม่พบบุคคล 'somchai': ที่ใช้ได้คือ {PEOPLE}")


def test_unknown_bcp_head(data_copy):
    data_copy.replace("teams.yaml", "bcp_head: wanphen", "bcp_head: wanpen")
    only_error(data_copy, "teams.yaml", data_copy.line_of("teams.yaml", "bcp_head:"), "bcp_head",
               f"ไม่พบบุคคล 'wanpen' (หมายถึง 'wanphen' หรือไม่?): ที่ใช้ได้คือ {PEOPLE}")


def test_nobody_is_their_own_backup(data_copy):
    data_copy.replace("teams.yaml", "backup: wichan", "backup: jirayu")
    only_error(data_copy, "teams.yaml", data_copy.line_of("teams.yaml", "primary: jirayu"), "teams › relief › roles › ลำดับที่ 2 › backup",
               "'jirayu' เป็นผู้สำรองของตนเองไม่ได้: เลือกผู้สำรองคนอื่น")


def test_every_role_has_a_backup(data_copy):
    data_copy.replace("teams.yaml", "{role: member, primary: jirayu, backup: wichan}", "{role: member, primary: jirayu}")
    only_error(data_copy, "teams.yaml", data_copy.line_of("teams.yaml", "primary: jirayu"), "teams › relief › roles › ลำดับที่ 2",
               "ทุกบทบาทต้องมีบุคลากรสำรอง: เพิ่มช่อง backup เป็น id ของผู้สำรอง "
               "(ผู้สำรองหลายคน: backups: [id คนแรก, id คนที่สอง] เรียงตามลำดับ)")


# --- several backups, in order ------------------------------------------------------------

RELIEF_MEMBER = "{role: member, primary: jirayu, backup: wichan}"


def test_backups_in_order_are_read_as_a_list(data_copy):
    data_copy.replace("teams.yaml", RELIEF_MEMBER, "{role: member, primary: jirayu, backups: [wichan, seksan, uraiwan]}")
    plan = data_copy.load()
    role = plan.teams["relief"].roles[1]
    assert role.backups == ["wichan", "seksan", "uraiwan"]
    assert [(a.team.id, a.rank) for a in plan.assignments("uraiwan") if a.team.id == "relief"] == [("relief", 3)]
    # one backup typed either way reads the same
    assert plan.teams["relief"].roles[0].backups == ["seksan"]


@pytest.mark.parametrize("backups, index, message", [
    ("[wichan, somchai]", 2, f"ไม่พบบุคคล 'somchai': ที่ใช้ได้คือ {PEOPLE}"),
    ("[wichan, jirayu]", 2, "'jirayu' เป็นผู้สำรองของตนเองไม่ได้: เลือกผู้สำรองคนอื่น"),
    ("[wichan, seksan, wichan]", 3, "'wichan' เป็นผู้สำรองลำดับที่ 1 อยู่แล้ว: ผู้สำรองแต่ละลำดับต้องเป็นคนละคน"),
], ids=["unknown", "own-backup", "twice"])
def test_each_backup_in_the_list_is_checked_where_it_is(data_copy, backups, index, message):
    data_copy.replace("teams.yaml", RELIEF_MEMBER, "{role: member, primary: jirayu,\n         backups: " + backups + "}")
    only_error(data_copy, "teams.yaml", data_copy.line_of("teams.yaml", "backups:"),
               f"teams › relief › roles › ลำดับที่ 2 › backups › ลำดับที่ {index}", message)


def test_backup_and_backups_together_is_an_error(data_copy):
    data_copy.replace("teams.yaml", RELIEF_MEMBER, "{role: member, primary: jirayu, backup: wichan,\n         backups: [seksan]}")
    only_error(data_copy, "teams.yaml", data_copy.line_of("teams.yaml", "backups:"), "teams › relief › roles › ลำดับที่ 2 › backups",
               "ใช้ได้ทีละแบบ: backup (มีรายการเดียว) หรือ backups (หลายรายการ เรียงตามลำดับ) ไม่ใช่ทั้งสองช่อง: "
               "ย้ายผู้สำรองในช่อง backup ไปไว้ในรายการ backups แล้วลบช่อง backup")


@pytest.mark.parametrize("old, new, found", [
    ("{role: lead, primary: krit, backup: seksan}", "{role: member, primary: krit, backup: seksan}", 0),
    ("{role: member, primary: jirayu, backup: wichan}", "{role: lead, primary: jirayu, backup: wichan}", 2),
], ids=["no-lead", "two-leads"])
def test_a_team_has_exactly_one_lead(data_copy, old, new, found):
    data_copy.replace("teams.yaml", old, new)
    only_error(data_copy, "teams.yaml", line_after(data_copy, "teams.yaml", "id: relief", "roles:"), "teams › relief › roles",
               f"ทีมต้องมีหัวหน้าทีม (role: lead) ๑ คน พบ {found} คน")


def test_unit_names_an_unknown_team(data_copy):
    data_copy.replace("teams.yaml", "teams: [operations, relief, strategy]", "teams: [operations, rescue, strategy]")
    only_error(data_copy, "teams.yaml", data_copy.line_of("teams.yaml", "rescue"), "units › all-teams › teams › ลำดับที่ 2",
               "ไม่พบทีม 'rescue': ที่ใช้ได้คือ operations, relief, strategy")


# --- duplicate ids ------------------------------------------------------------------------


def test_duplicate_person_id(data_copy):
    text = data_copy.text("people.yaml")
    data_copy.write("people.yaml", text + "  - id: krit\n    title: นาย\n    first_name: สมมุติ\n    last_name: ซ้ำชื่อ\n")
    only_error(data_copy, "people.yaml", text.count("\n") + 1, "people › krit › id",
               "บุคคล 'krit' ซ้ำกับรายการลำดับที่ 7: id ต้องไม่ซ้ำกัน")


def test_duplicate_step_id_across_phases(data_copy):
    data_copy.replace("procedure.yaml", "  - id: d8-log-book", "  - id: d1-log-book")
    only_error(data_copy, "procedure.yaml", line_after(data_copy, "procedure.yaml", "id: day-8", "id: d1-log-book"),
               "phases › day-8 › steps › d1-log-book › id", "ขั้นตอน 'd1-log-book' ซ้ำกับขั้นตอนในระยะ day-1: id ต้องไม่ซ้ำกัน")


def test_duplicate_team_id(data_copy):
    data_copy.replace("teams.yaml", "  - id: relief\n", "  - id: operations\n")
    problems = data_copy.problems()
    # (the steps of the team that lost its id are reported too)
    assert Problem(data_copy.shown("teams.yaml"), data_copy.line_of("teams.yaml", "name: ด้านการให้ความช่วยเหลือ") - 1,
                   "teams › operations › id", "ทีม 'operations' ซ้ำกับรายการลำดับที่ 1: id ต้องไม่ซ้ำกัน") in problems


# --- time windows and urgency --------------------------------------------------------------


@pytest.mark.parametrize("file, old, new, field", [
    ("bia.yaml", "recovery: 1w", "recovery: 3d", "processes › wc-compensation › recovery"),
    ("resources.yaml", "windows: [2w]", "windows: [3d]", "workspace › ลำดับที่ 2 › windows › ลำดับที่ 1"),
    ("resources.yaml", "windows: [1d, 1w, 2w, 1m]", "windows: [1d, 1w, 3d, 1m]", "it_systems › ลำดับที่ 1 › windows › ลำดับที่ 3"),
    ("resources.yaml", "quantities: {4h: 2, 1d: 3, 1w: 3, 2w: 3, 1m: 3}", "quantities: {4h: 2, 1d: 3, 1w: 3, 2w: 3, 1m: 3, 3d: 1}",
     "equipment › ลำดับที่ 1 › quantities › 3d"),
    ("resources.yaml", "counts: {4h: 1, 1d: 1, 1w: 1, 2w: 1, 1m: 1}", "counts: {4h: 1, 1d: 1, 1w: 1, 2w: 1, 1m: 1, 3d: 1}",
     "services › ลำดับที่ 1 › counts › 3d"),
], ids=["bia", "workspace", "it-systems", "equipment", "services"])
def test_unknown_time_window(data_copy, file, old, new, field):
    data_copy.replace(file, old, new)
    only_error(data_copy, file, data_copy.line_of(file, "3d"), field, f"ไม่พบช่วงเวลา '3d': ที่ใช้ได้คือ {WINDOWS}")


def test_unknown_urgency(data_copy):
    data_copy.replace("bia.yaml", "urgency: medium", "urgency: urgent")
    only_error(data_copy, "bia.yaml", data_copy.line_of("bia.yaml", "urgent"), "processes › wc-compensation › urgency",
               "ไม่พบระดับความเร่งด่วน 'urgent': ที่ใช้ได้คือ high, medium, low")


@pytest.mark.parametrize("old, new, field", [
    ("quantities: {4h: 2, 1d: 3, 1w: 3, 2w: 3, 1m: 3}", "quantities: {4h: 2, 1d: 3, 1w: 3, 1m: 3}", "equipment › ลำดับที่ 1 › quantities"),
    ("counts: {4h: 1, 1d: 1, 1w: 2, 2w: 2, 1m: 2}", "counts: {4h: 1, 1d: 1, 1w: 2, 1m: 2}", "staff › ลำดับที่ 2 › counts"),
], ids=["equipment", "staff"])
def test_quantities_row_missing_a_window(data_copy, old, new, field):
    data_copy.replace("resources.yaml", old, new)
    only_error(data_copy, "resources.yaml", data_copy.line_of("resources.yaml", new), field,
               "ขาดจำนวนของช่วงเวลา 2w: ใส่ตัวเลข หรือ - ถ้าไม่มี/ไม่ใช้ในช่วงนั้น หรือ null ถ้าแผนไม่ได้ระบุ")


def test_unknown_window_in_it_notes(data_copy):
    data_copy.replace("resources.yaml", "    windows: [1w, 2w, 1m]\n    notes: {1w: ๒-๓ วัน}\n  - name: EGP",
                      "    windows: [1w, 2w, 1m]\n    notes: {1d: ๒-๓ วัน}\n  - name: EGP")
    only_error(data_copy, "resources.yaml", data_copy.line_of("resources.yaml", "{1d: ๒-๓ วัน}"), "it_systems › ลำดับที่ 2 › notes › 1d",
               "มีหมายเหตุของช่วงเวลา '1d' แต่ช่วงนี้ไม่อยู่ใน windows")


# --- scope and strategies ---------------------------------------------------------------------


def test_unknown_impact_area(data_copy):
    data_copy.replace("strategies.yaml", "  - area: people\n", "  - area: staff\n")
    only_error(data_copy, "strategies.yaml", data_copy.line_of("strategies.yaml", "area: staff"), "strategies › ลำดับที่ 4 › area",
               "ไม่พบผลกระทบ 'staff': ที่ใช้ได้คือ building, equipment, it, people, partners")


def test_unknown_impact_of_an_incident(data_copy):
    data_copy.replace("scope.yaml", "impacts: [people, partners]\n  - id: epidemic", "impacts: [people, customers]\n  - id: epidemic")
    only_error(data_copy, "scope.yaml", data_copy.line_of("scope.yaml", "customers"), "incidents › protest › impacts › ลำดับที่ 2",
               "ไม่พบผลกระทบ 'customers': ที่ใช้ได้คือ building, equipment, it, people, partners")


# --- who is responsible for a step ------------------------------------------------------------


def test_responsible_unknown_team(data_copy):
    data_copy.replace("procedure.yaml", "          - {team: relief, scope: team}\n      - id: d1-assess-meeting",
                      "          - {team: rescue, scope: team}\n      - id: d1-assess-meeting")
    only_error(data_copy, "procedure.yaml", data_copy.line_of("procedure.yaml", "rescue"),
               "phases › day-1 › steps › d1-alert-staff › responsible › ลำดับที่ 1 › team",
               "ไม่พบทีม 'rescue': ที่ใช้ได้คือ operations, relief, strategy")


def test_responsible_unknown_unit(data_copy):
    data_copy.replace("procedure.yaml", "          - unit: section-heads", "          - unit: finance")
    only_error(data_copy, "procedure.yaml", data_copy.line_of("procedure.yaml", "finance"),
               "phases › day-1 › steps › d1-list-casualties › responsible › ลำดับที่ 1 › unit",
               "ไม่พบหน่วยงาน 'finance': ที่ใช้ได้คือ general-admin, section-heads, all-teams")


def mark_joint(copy: DataCopy, next_step: str) -> None:
    """`joint: true` on the step just before `next_step` (its last party is the strategy team)."""
    last_party = "          - {team: strategy, scope: lead_and_team}\n"
    copy.replace("procedure.yaml", f"{last_party}      - id: {next_step}", f"{last_party}        joint: true\n      - id: {next_step}")


def test_a_joint_step_needs_several_parties(data_copy):
    mark_joint(data_copy, "d1-assess-capacity")
    only_error(data_copy, "procedure.yaml", data_copy.line_of("procedure.yaml", "joint: true"),
               "phases › day-1 › steps › d1-identify-urgent-work › joint",
               "joint: true ใช้เมื่อมีผู้รับผิดชอบร่วมกันตั้งแต่ ๒ รายขึ้นไป: เพิ่มผู้รับผิดชอบ หรือลบบรรทัด joint")


def test_joint_parties_read_on_one_line_and_team_names_are_not_prefixed_twice(data_copy):
    mark_joint(data_copy, "d1-manual-processing")
    data_copy.replace("teams.yaml", "    name: ด้านการให้ความช่วยเหลือผู้ประสบภัย", "    name: ทีมงานบริหารความต่อเนื่องด้านการให้ความช่วยเหลือ")
    plan = data_copy.load()
    step = next(s for s in plan.all_steps if s.id == "d1-coordinate-resources")
    assert plan.responsibility_labels(step) == [
        "หัวหน้าและทีมด้านการป้องกันและปฏิบัติการ ร่วมกับ หัวหน้าและทีมงานบริหารความต่อเนื่องด้านการให้ความช่วยเหลือ ร่วมกับ "
        "หัวหน้าและทีมงานยุทธศาสตร์และการจัดการ และผู้ประสานคณะบริหารความต่อเนื่อง"]
    scopes = [plan.responsible_label(r.model_copy(update={"scope": scope})) for r in step.responsible[1:2]
              for scope in ("lead", "team", "lead_and_team")]
    assert scopes == ["หัวหน้าทีมงานบริหารความต่อเนื่องด้านการให้ความช่วยเหลือ", "ทีมงานบริหารความต่อเนื่องด้านการให้ความช่วยเหลือ",
                      "หัวหน้าและทีมงานบริหารความต่อเนื่องด้านการให้ความช่วยเหลือ"]


@pytest.mark.parametrize("new", ["{unit: section-heads, team: relief}", "{scope: lead}"], ids=["both", "neither"])
def test_responsible_is_a_team_or_a_unit(data_copy, new):
    data_copy.replace("procedure.yaml", "          - unit: section-heads", f"          - {new}")
    only_error(data_copy, "procedure.yaml", data_copy.line_of("procedure.yaml", new),
               "phases › day-1 › steps › d1-list-casualties › responsible › ลำดับที่ 1",
               "ผู้รับผิดชอบต้องระบุอย่างใดอย่างหนึ่ง: team (ทีม) หรือ unit (หน่วยงาน)")


def test_phase_ending_before_it_starts(data_copy):
    data_copy.replace("procedure.yaml", "    end_day: 7\n", "    end_day: 1\n")
    only_error(data_copy, "procedure.yaml", data_copy.line_of("procedure.yaml", "end_day:"), "phases › days-2-7 › end_day",
               "วันสิ้นสุดต้องไม่มาก่อนวันเริ่มต้น")


# --- checklist ------------------------------------------------------------------------------------


def test_unknown_checklist_evidence_kind(data_copy):
    data_copy.replace("checklist.yaml", "evidence: call_tree", "evidence: calltree")
    only_error(data_copy, "checklist.yaml", data_copy.line_of("checklist.yaml", "calltree"),
               "parts › components › items › ลำดับที่ 5 › evidence",
               "ไม่รู้จักหลักฐาน 'calltree': ที่ใช้ได้คือ bia, call_tree, incident, procedure, resources, strategy, teams")


def test_each_evidence_of_a_list_is_checked_where_it_is(data_copy):
    data_copy.replace("checklist.yaml", "evidence: call_tree", "evidence: [teams, calltree]")
    only_error(data_copy, "checklist.yaml", data_copy.line_of("checklist.yaml", "calltree"),
               "parts › components › items › ลำดับที่ 5 › evidence › ลำดับที่ 2",
               "ไม่รู้จักหลักฐาน 'calltree': ที่ใช้ได้คือ bia, call_tree, incident, procedure, resources, strategy, teams")


def test_malformed_checklist_evidence(data_copy):
    data_copy.replace("checklist.yaml", "evidence: call_tree", "evidence: CallTree")
    only_error(data_copy, "checklist.yaml", data_copy.line_of("checklist.yaml", "CallTree"),
               "parts › components › items › ลำดับที่ 5 › evidence",
               "ต้องเป็นชื่อหลักฐาน เช่น teams, bia, strategy:building (พบ 'CallTree')")


# --- warnings: allowed, but weak -------------------------------------------------------------------


def test_lead_without_mobile_is_a_warning(monkeypatch, lampang_plan):
    monkeypatch.chdir(ROOT)
    from bcp import load_plan

    warnings = load_plan(ROOT / "data").warnings
    krit = Problem("data/people.yaml", 41, "people › krit", f"นายกริชณ สัมพันธ์สิทธิ์ {NO_MOBILE}", "warning")
    assert krit in warnings
    # Only leads, their backups and the head of the plan: members need no mobile.
    warned = {w.field.rsplit(" › ", 1)[-1] for w in warnings if w.message.endswith(NO_MOBILE)}
    assert warned == {"wanphen", "thatchakorn", "supattra", "krit", "seksan"}


def test_the_warning_goes_once_the_mobile_is_there(data_copy):
    data_copy.replace("people.yaml", '    extension: "308"\n', '    extension: "308"\n    mobile: "0812345678"\n')
    plan = data_copy.load()  # warnings never stop the load
    assert plan.people["krit"].mobile == "0812345678"
    warned = {w.field for w in plan.warnings if w.message.endswith(NO_MOBILE)}
    assert "people › krit" not in warned
    assert "people › seksan" in warned
    assert all(w.level == "warning" for w in plan.warnings)


def test_warnings_wait_until_the_errors_are_fixed(data_copy):
    data_copy.replace("teams.yaml", "backup: wichan", "backup: jirayu")
    assert [p.level for p in data_copy.problems()] == ["error"]


# --- Thai typing problems: shown right, and the author is told ------------------------


@pytest.mark.parametrize("typed, meaning", [
    ("บุคลากรหลั\u0e48\u0e48ก", "doubled MAI EK"),
    ("บุคลากรหลัก ป\u0e4d\u0e32", "SARA AM typed as NIKHAHIT + SARA AA"),
])
def test_decomposed_or_doubled_marks_are_normalised_with_a_warning(data_copy, typed, meaning):
    data_copy.replace("strategies.yaml", "resource: บุคลากรหลัก\n", f"resource: {typed}\n")
    plan = data_copy.load()
    shown = plan.strategies[3].resource
    assert "\u0e48\u0e48" not in shown and "\u0e4d\u0e32" not in shown, meaning
    assert shown in ("บุคลากรหลั\u0e48ก", "บุคลากรหลัก ปำ")
    warnings = [w for w in plan.warnings if w.file == data_copy.shown("strategies.yaml")]
    assert [(w.line, w.field) for w in warnings] == [
        (data_copy.line_of("strategies.yaml", typed), "strategies › ลำดับที่ 4 › resource")]
    assert "พิมพ์แยกส่วนหรือพิมพ์ซ้ำ" in warnings[0].message


# --- alternate sites -------------------------------------------------------------------------

LAMPANG_SITE = "alternate_site:\n  name: ศูนย์บริการร่วม กระทรวงแรงงานจังหวัดลำปาง\n"


def test_alternate_sites_in_order(data_copy):
    data_copy.replace("plan.yaml", LAMPANG_SITE, "alternate_sites:\n  - name: ศูนย์บริการร่วม\n    notes: ใช้ก่อน\n"
                      "  - name: ที่ว่าการอำเภอ\n    address: ถนนตัวอย่าง\n")
    sites = data_copy.load().info.alternate_sites
    assert [(s.name, s.address, s.notes) for s in sites] == [("ศูนย์บริการร่วม", None, "ใช้ก่อน"), ("ที่ว่าการอำเภอ", "ถนนตัวอย่าง", None)]


def test_an_alternate_site_is_required(data_copy):
    data_copy.replace("plan.yaml", LAMPANG_SITE, "")
    only_error(data_copy, "plan.yaml", data_copy.line_of("plan.yaml", "title: แผน"), "alternate_sites",
               "ต้องมีสถานที่ปฏิบัติงานสำรองอย่างน้อย ๑ แห่ง: ใส่ alternate_site (แห่งเดียว) หรือ alternate_sites "
               "(หลายแห่ง เรียงตามลำดับที่จะใช้)")


def test_alternate_site_and_sites_together_is_an_error(data_copy):
    data_copy.replace("plan.yaml", LAMPANG_SITE, LAMPANG_SITE + "alternate_sites:\n  - name: ที่ว่าการอำเภอ\n")
    only_error(data_copy, "plan.yaml", data_copy.line_of("plan.yaml", "alternate_sites:"), "alternate_sites",
               "ใช้ได้ทีละแบบ: alternate_site (มีรายการเดียว) หรือ alternate_sites (หลายรายการ เรียงตามลำดับ) ไม่ใช่ทั้งสองช่อง: "
               "ย้ายสถานที่ในช่อง alternate_site ไปไว้ในรายการ alternate_sites แล้วลบช่อง alternate_site")


# --- resource cells: a number, "-" (none) or null (not stated) -------------------------------


def test_a_dash_is_none_and_is_left_out_of_the_totals(data_copy):
    text = data_copy.text("resources.yaml")
    staff = text[text.index("staff:\n"):text.index("\n\n", text.index("staff:\n"))]
    rows = iter(["{4h: -, 1d: \"–\", 1w: 0, 2w: null, 1m: 3}", "{4h: -, 1d: 1, 1w: -, 2w: 2, 1m: -}",
                 "{4h: -, 1d: 2, 1w: 2, 2w: 2, 1m: 3}", "{4h: -, 1d: 2, 1w: 3, 2w: 4, 1m: 4}"])
    data_copy.replace("resources.yaml", staff, re.sub(r"counts: \{.*\}", lambda _: f"counts: {next(rows)}", staff))
    plan = data_copy.load()
    assert plan.resources.staff[0].counts == {"4h": "-", "1d": "-", "1w": 0, "2w": None, "1m": 3}
    # every row "-": the total is "-"; a null makes it unknown; "-" counts for nothing, 0 for zero
    assert plan.staff_totals == {"4h": "-", "1d": 5, "1w": 5, "2w": None, "1m": 10}


def test_a_cell_that_is_neither_a_number_a_dash_nor_null(data_copy):
    data_copy.replace("resources.yaml", "counts: {4h: 1, 1d: 1, 1w: 2, 2w: 2, 1m: 2}", "counts: {4h: 1, 1d: x, 1w: 2, 2w: 2, 1m: 2}")
    only_error(data_copy, "resources.yaml", data_copy.line_of("resources.yaml", "1d: x"), "staff › ลำดับที่ 2 › counts › 1d",
               "ต้องเป็นตัวเลขจำนวนเต็ม (ใช้เลขไทยหรือเลขอารบิกก็ได้) หรือ - (ไม่มี/ไม่ใช้ในช่วงนี้) หรือ null (แผนไม่ได้ระบุ) (พบ 'x')")
