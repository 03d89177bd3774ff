"""The loader, as a clerk meets it: each test breaks the real data in one small way
and checks the exact report (file, line, field path, Thai message)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bcp import DataError, load_plan
from bcp.problems import Problem
from conftest import LAMPANG, ROOT, DataCopy

YAML_BAD = "รูปแบบ YAML ไม่ถูกต้อง: "
UNCLOSED_QUOTE = YAML_BAD + "เครื่องหมายคำพูด (\" หรือ ') ที่เปิดในบรรทัดนี้ไม่ได้ปิด"
TAB = YAML_BAD + "มีการกดปุ่ม Tab: ให้ย่อหน้าด้วยการเว้นวรรค (space) เท่านั้น"
PEOPLE_FIELDS = "id, title, first_name, last_name, position, extension, mobile"


def error(copy: DataCopy, name: str, line: int | None, field: str, message: str) -> Problem:
    return Problem(copy.shown(name), line, field, message)


# --- the real data -------------------------------------------------------------


def test_lampang_loads_with_the_counts_of_the_source(lampang_plan):
    plan = lampang_plan
    assert len(plan.people) == 13
    assert len(plan.teams) == 3
    assert len(plan.bia.processes) == 4
    assert len(plan.procedure.phases) == 3
    assert [len(phase.steps) for phase in plan.procedure.phases] == [17, 10, 7]
    assert len(plan.all_steps) == 34
    # Table 9 of the source prints these totals; the site computes them from the rows.
    assert plan.staff_totals == {"4h": 4, "1d": 7, "1w": 9, "2w": 10, "1m": 12}
    assert [e for e in plan.warnings if e.level == "error"] == []


def test_real_data_is_reported_relative_to_the_project(monkeypatch):
    monkeypatch.chdir(ROOT)
    plan = load_plan(LAMPANG)
    assert {w.file for w in plan.warnings} == {"data/people.yaml"}


# --- YAML syntax -----------------------------------------------------------------


def test_duplicate_key(data_copy):
    data_copy.replace("people.yaml", '    extension: "106"\n', '    extension: "106"\n    extension: "107"\n')
    first = data_copy.line_of("people.yaml", 'extension: "106"')
    second = data_copy.line_of("people.yaml", 'extension: "107"')
    assert data_copy.problems() == [error(data_copy, "people.yaml", second, "people › hathairat › extension",
                                          f"ชื่อช่อง 'extension' ซ้ำกับบรรทัด {first}: ให้ลบหรือรวมเป็นช่องเดียว")]


def test_duplicate_key_at_top_level(data_copy):
    data_copy.replace("plan.yaml", 'version: "1"\n', 'version: "1"\nversion: "2"\n')
    first = data_copy.line_of("plan.yaml", 'version: "1"')
    assert data_copy.problems() == [error(data_copy, "plan.yaml", data_copy.line_of("plan.yaml", 'version: "2"'), "version",
                                          f"ชื่อช่อง 'version' ซ้ำกับบรรทัด {first}: ให้ลบหรือรวมเป็นช่องเดียว")]


def test_tab_indentation(data_copy):
    data_copy.replace("people.yaml", "    first_name: หทัยรัตน์\n", "\tfirst_name: หทัยรัตน์\n")
    assert data_copy.problems() == [error(data_copy, "people.yaml", data_copy.line_of("people.yaml", "\tfirst_name"), "", TAB)]


def test_unclosed_quote_names_the_line_where_it_opens(data_copy):
    # YAML reads on to the next quote, six lines down, and fails there: the report points back.
    data_copy.replace("people.yaml", 'extension: "106"', 'extension: "106')
    assert data_copy.problems() == [error(data_copy, "people.yaml", data_copy.line_of("people.yaml", 'extension: "106'), "",
                                          UNCLOSED_QUOTE)]


def test_unclosed_quote_on_the_last_value(data_copy):
    data_copy.replace("people.yaml", 'extension: "406"', 'extension: "406')
    assert data_copy.problems() == [error(data_copy, "people.yaml", data_copy.line_of("people.yaml", 'extension: "406'), "",
                                          UNCLOSED_QUOTE)]


@pytest.mark.parametrize("indent, hint", [
    ("      ", "เครื่องหมาย : อยู่ผิดที่: ย่อหน้าอาจไม่ตรง หรือข้อความที่มี \": \" ต้องครอบด้วยเครื่องหมายคำพูด"),
    ("   ", "ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า"),
    ("  ", "ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า"),
], ids=["deeper", "odd", "shallower"])
def test_bad_indentation(data_copy, indent, hint):
    data_copy.replace("people.yaml", "    first_name: หทัยรัตน์\n", f"{indent}first_name: หทัยรัตน์\n")
    assert data_copy.problems() == [error(data_copy, "people.yaml", data_copy.line_of("people.yaml", "first_name: หทัยรัตน์"), "",
                                          YAML_BAD + hint)]


def test_truncated_file(data_copy):
    text = data_copy.text("teams.yaml")
    cut = text[: text.index("backup: seksan")]  # inside "{role: lead, primary: krit, "
    data_copy.write("teams.yaml", cut)
    assert data_copy.problems() == [error(data_copy, "teams.yaml", cut.count("\n") + 1, "",
                                          YAML_BAD + "ไฟล์จบกลางคัน: ข้อมูลส่วนท้ายขาดหาย (อาจบันทึกไม่ครบ) หรือวงเล็บ { [ เปิดแล้วไม่ได้ปิด")]


def test_file_cut_inside_a_thai_letter(data_copy):
    raw = data_copy.path("people.yaml").read_bytes()
    cut = raw[: raw.index("หทัยรัตน์".encode()) + 4]  # two bytes into the second letter
    data_copy.path("people.yaml").write_bytes(cut)
    assert data_copy.problems() == [error(data_copy, "people.yaml", cut.count(b"\n") + 1, "",
                                          "ไฟล์จบกลางตัวอักษร: ไฟล์อาจบันทึกไม่ครบ ให้ตรวจข้อความท้ายไฟล์แล้วบันทึกใหม่")]


@pytest.mark.parametrize("content", ["", "\n\n", "# ยังไม่ได้กรอก\n"], ids=["empty", "blank-lines", "comment-only"])
def test_empty_file(data_copy, content):
    data_copy.write("bia.yaml", content)
    assert data_copy.problems() == [error(data_copy, "bia.yaml", 1, "", "ไฟล์ว่างเปล่า: ไม่มีข้อมูลในไฟล์")]


def test_file_saved_as_tis620(data_copy):
    # Notepad's "ANSI" on a Thai Windows: TIS-620 / cp874.  Drop the Thai comments so the
    # first Thai byte is on a line of its own, not line 1.
    text = "".join(line for line in data_copy.text("people.yaml").splitlines(keepends=True) if not line.startswith("#"))
    data_copy.path("people.yaml").write_bytes(text.encode("cp874"))
    first_thai = next(n for n, line in enumerate(text.splitlines(), 1) if not line.isascii())
    assert first_thai > 1
    assert data_copy.problems() == [error(
        data_copy, "people.yaml", first_thai, "",
        "ไฟล์ไม่ได้บันทึกเป็น UTF-8 (ดูเหมือนบันทึกเป็นรหัสภาษาไทยแบบเก่า TIS-620 / ANSI): "
        "ให้เปิดไฟล์แล้วบันทึกใหม่โดยเลือกการเข้ารหัส UTF-8")]


def test_utf8_with_bom_is_accepted(data_copy):
    # Windows Notepad's "UTF-8 with BOM".
    data_copy.path("people.yaml").write_bytes(b"\xef\xbb\xbf" + data_copy.path("people.yaml").read_bytes())
    assert len(data_copy.load().people) == 13


def test_missing_file(data_copy):
    data_copy.path("bia.yaml").unlink()
    assert data_copy.problems() == [error(data_copy, "bia.yaml", None, "", "ไม่พบไฟล์ bia.yaml ซึ่งต้องมีในโฟลเดอร์ข้อมูล")]


def test_notes_file_is_optional(data_copy):
    data_copy.path("notes.yaml").unlink()
    assert data_copy.load().notes == []


def test_missing_folder(tmp_path):
    with pytest.raises(DataError) as raised:
        load_plan(tmp_path / "nowhere")
    assert raised.value.problems == [Problem(str(tmp_path / "nowhere"), None, "",
                                             "ไม่พบโฟลเดอร์ข้อมูลของแผน (ตั้งค่า BCP_DATA ให้ชี้ไปที่โฟลเดอร์ที่มีไฟล์ plan.yaml)")]


def test_only_safe_yaml_is_read(data_copy, tmp_path):
    marker = tmp_path / "ran"
    data_copy.replace("plan.yaml", 'version: "1"', f'version: !!python/object/apply:os.system ["touch {marker}"]')
    assert data_copy.problems() == [error(
        data_copy, "plan.yaml", data_copy.line_of("plan.yaml", "version:"), "version",
        YAML_BAD + "มีแท็กที่ขึ้นต้นด้วย ! ซึ่งไม่รองรับ: ใช้ได้เฉพาะข้อความ ตัวเลข รายการ และ ชื่อช่อง: ค่า "
        "(ข้อความที่ขึ้นต้นด้วย ! ให้ครอบด้วยเครื่องหมายคำพูด)")]
    assert not marker.exists()


# --- types and required fields ---------------------------------------------------


def test_missing_required_field(data_copy):
    data_copy.replace("people.yaml", "    last_name: ปินตา\n", "")
    assert data_copy.problems() == [error(data_copy, "people.yaml", data_copy.line_of("people.yaml", "id: wanthanee"),
                                          "people › wanthanee › last_name", "ขาดช่อง 'last_name' ซึ่งต้องมี")]


def test_missing_required_top_level_field(data_copy):
    data_copy.replace("bia.yaml", "processes:\n", "process:\n")
    line = data_copy.line_of("bia.yaml", "process:")
    assert data_copy.problems() == [
        # A field missing from the whole file is reported where the file's data begins.
        error(data_copy, "bia.yaml", data_copy.line_of("bia.yaml", "introduction:"), "processes", "ขาดช่อง 'processes' ซึ่งต้องมี"),
        error(data_copy, "bia.yaml", line, "process",
              "ไม่รู้จักช่อง 'process' หมายถึง 'processes' หรือไม่? ช่องที่ใช้ได้: introduction, processes"),
    ]


@pytest.mark.parametrize("file, old, new, field, message", [
    ("plan.yaml", "{id: 1d, amount: 1, unit: day}", "{id: 1d, amount: หนึ่ง, unit: day}", "time_windows › 1d › amount",
     "ต้องเป็นตัวเลขจำนวนเต็ม (ใช้เลขไทยหรือเลขอารบิกก็ได้) (พบ 'หนึ่ง')"),
    ("plan.yaml", "date: 2023-01-03", "date: ๓ มกราคม ๒๕๖๖", "date",
     "ต้องเป็นวันที่แบบ ค.ศ. ปี-เดือน-วัน เช่น 2023-01-03 (พบ '๓ มกราคม ๒๕๖๖')"),
    ("resources.yaml", "counts: {4h: 1, 1d: 1, 1w: 2, 2w: 2, 1m: 2}", "counts: {4h: 1, 1d: 1, 1w: -2, 2w: 2, 1m: 2}",
     "staff › ลำดับที่ 2 › counts › 1w", "ต้องเป็นตัวเลขไม่ติดลบ (พบ -2)"),
    ("resources.yaml", "windows: [2w]", "windows: 2w", "workspace › ลำดับที่ 2 › windows",
     "ต้องเป็นรายการ: แต่ละรายการขึ้นบรรทัดใหม่ด้วย -  (พบ '2w')"),
    ("people.yaml", 'extension: "106"', 'extension: "ต่อ 106"', "people › hathairat › extension",
     "เบอร์ต่อต้องเป็นตัวเลข ๒ ถึง ๕ หลัก เช่น \"209\" (พบ 'ต่อ 106')"),
    ("plan.yaml", "digits: thai", "digits: ไทย", "digits", "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: 'thai' or 'arabic' (พบ 'ไทย')"),
    ("teams.yaml", "primary: jirayu", "primary: Jirayu", "teams › relief › roles › ลำดับที่ 2 › primary",
     "ต้องเป็นอักษรภาษาอังกฤษตัวเล็ก ตัวเลข - หรือ _ ไม่มีเว้นวรรค เช่น somchai (พบ 'Jirayu')"),
    ("checklist.yaml", "        answer: true\n        evidence: teams", "        answer: มี\n        evidence: teams",
     "parts › components › items › ลำดับที่ 1 › answer", "ต้องเป็น true (มี/ใช่) หรือ false (ไม่มี/ไม่ใช่) (พบ 'มี')"),
    ("teams.yaml", "primary: jirayu, backup: wichan", "primary: jirayu, backup: [wichan, seksan]",
     "teams › relief › roles › ลำดับที่ 2 › backup", "ช่องนี้ใส่ได้ค่าเดียว แต่พบรายการ 2 ค่า: ถ้ามีหลายค่า ให้ใช้ช่อง backups แทน "
     "backup เช่น backups: [wichan, seksan] (เรียงตามลำดับ)"),
    ("people.yaml", 'extension: "106"', 'extension: ["106", "105"]', "people › hathairat › extension",
     "ช่องนี้ใส่ได้ค่าเดียว แต่พบรายการ 2 ค่า"),
], ids=["text-for-number", "thai-date", "negative-count", "scalar-for-list", "extension-with-prefix", "not-in-set",
        "id-with-capitals", "thai-for-boolean", "list-for-one-backup", "list-for-one-value"])
def test_wrong_type(data_copy, file, old, new, field, message):
    data_copy.replace(file, old, new)
    assert data_copy.problems() == [error(data_copy, file, data_copy.line_of(file, new.splitlines()[0]), field, message)]


def test_phone_number_the_site_could_not_format(data_copy):
    # 10 digits, but 05 is no mobile prefix: it used to pass the check and crash the build.
    data_copy.replace("people.yaml", '    extension: "308"\n', '    extension: "308"\n    mobile: "0512345678"\n')
    assert data_copy.problems() == [error(
        data_copy, "people.yaml", data_copy.line_of("people.yaml", "mobile:"), "people › krit › mobile",
        "หมายเลขโทรศัพท์ไม่ถูกต้อง: '0512345678' (ต้องเป็นเลข ๙ หลักสำหรับโทรศัพท์พื้นฐาน หรือ ๑๐ หลักสำหรับโทรศัพท์มือถือ): "
        "พิมพ์ได้ทั้งแบบติดกัน มีขีด หรือเว้นวรรค เช่น \"081-234-5678\" หรือ \"054 265 018\"")]


@pytest.mark.parametrize("typed", ['"080-000-0101"', '"+66 80 000 0101"', '"๐๘๐ ๐๐๐ ๐๑๐๑"', "080-000-0101", '"(080) 000.0101"'])
def test_phone_numbers_as_people_type_them(data_copy, typed):
    data_copy.replace("people.yaml", '    extension: "308"\n', f'    extension: "308"\n    mobile: {typed}\n')
    data_copy.replace("plan.yaml", 'phone: "054265018-21"', 'phone: "054-265-018 - 21"')
    plan = data_copy.load()
    assert (plan.people["krit"].mobile, plan.info.office.phone) == ("0800000101", "054265018-21")


def test_role_names_must_name_every_role(data_copy):
    # The team tables print the name of each role: a missing one used to fail the build.
    data_copy.replace("teams.yaml", "  member: ทีมงานบริหารความต่อเนื่อง\n", "")
    assert data_copy.problems() == [error(data_copy, "teams.yaml", data_copy.line_of("teams.yaml", "role_names:"), "role_names",
                                          "ต้องมีชื่อบทบาทครบทั้ง lead และ member: ขาด member")]


def test_unknown_field_suggests_the_right_one(data_copy):
    data_copy.replace("people.yaml", 'extension: "106"', 'extention: "106"')
    assert data_copy.problems() == [error(
        data_copy, "people.yaml", data_copy.line_of("people.yaml", "extention"), "people › hathairat › extention",
        f"ไม่รู้จักช่อง 'extention' หมายถึง 'extension' หรือไม่? ช่องที่ใช้ได้: {PEOPLE_FIELDS}")]


def test_unknown_field_in_a_nested_item(data_copy):
    data_copy.replace("teams.yaml", "{role: member, primary: jirayu, backup: wichan}", "{role: member, primary: jirayu, bakup: wichan}")
    assert data_copy.problems() == [error(
        data_copy, "teams.yaml", data_copy.line_of("teams.yaml", "bakup"), "teams › relief › roles › ลำดับที่ 2 › bakup",
        "ไม่รู้จักช่อง 'bakup' หมายถึง 'backup' หรือไม่? ช่องที่ใช้ได้: role, primary, backup, backups")]


def test_unknown_field_without_a_close_match(data_copy):
    data_copy.replace("people.yaml", 'extension: "106"', 'extension: "106"\n    หมายเหตุ: ย้ายไปแล้ว')
    assert data_copy.problems() == [error(
        data_copy, "people.yaml", data_copy.line_of("people.yaml", "หมายเหตุ:"), "people › hathairat › หมายเหตุ",
        f"ไม่รู้จักช่อง 'หมายเหตุ' ช่องที่ใช้ได้: {PEOPLE_FIELDS}")]


def test_every_error_of_every_file_is_reported_at_once(data_copy):
    data_copy.replace("people.yaml", "    last_name: ปินตา\n", "")
    data_copy.replace("bia.yaml", "processes:\n", "processes:\n  - oops\n")
    data_copy.write("scope.yaml", "")
    problems = data_copy.problems()
    assert [(p.file.rsplit("/", 1)[-1], p.line) for p in problems] == [
        ("bia.yaml", data_copy.line_of("bia.yaml", "- oops")),
        ("people.yaml", data_copy.line_of("people.yaml", "id: wanthanee")),
        ("scope.yaml", 1),
    ]


def test_problem_reads_as_one_thai_line():
    problem = Problem("data/teams.yaml", 33, "teams › relief › roles › ลำดับที่ 2 › backup", "เลือกผู้สำรองคนอื่น")
    assert str(problem) == "ข้อผิดพลาด: data/teams.yaml บรรทัด 33: ช่อง teams › relief › roles › ลำดับที่ 2 › backup: เลือกผู้สำรองคนอื่น"
    assert str(Problem("data/bia.yaml", None, "", "ไม่พบไฟล์")) == "ข้อผิดพลาด: data/bia.yaml: ไม่พบไฟล์"
    warning = Problem("data/people.yaml", 5, "people › wanphen", "ไม่มีเบอร์มือถือ", "warning")
    assert str(warning) == "คำเตือน: data/people.yaml บรรทัด 5: ช่อง people › wanphen: ไม่มีเบอร์มือถือ"


def test_every_format_message_names_a_field_of_the_models():
    # The messages are keyed by field name: a renamed field would quietly lose its message.
    from bcp import model
    from bcp.field_errors import FIELD_FORMATS

    fields = {name for value in vars(model).values() if isinstance(value, type) and issubclass(value, model.Model)
              for name in value.model_fields}
    assert set(FIELD_FORMATS) <= fields


# --- Thai digits where a number is expected ------------------------------------------


def test_thai_digits_are_accepted_as_numbers(data_copy):
    data_copy.replace("plan.yaml", "{id: 4h, amount: 4, unit: hour}", "{id: 4h, amount: ๑๒, unit: hour}")
    data_copy.replace("resources.yaml", "counts: {4h: 1, 1d: 2, 1w: 3, 2w: 4, 1m: 4}", "counts: {4h: ๑๒, 1d: ๒, 1w: 3, 2w: 4, 1m: ๔}")
    data_copy.replace("people.yaml", 'extension: "209"', "extension: ๒๐๙")
    data_copy.replace("procedure.yaml", "    start_day: 8\n", "    start_day: ๘\n")
    plan = data_copy.load()
    assert plan.windows["4h"].amount == 12
    assert plan.staff_totals == {"4h": 15, "1d": 7, "1w": 9, "2w": 10, "1m": 12}
    assert plan.people["wanphen"].extension == "209"
    assert plan.procedure.phases[2].start_day == 8


# --- the command line ------------------------------------------------------------------


def run_check(*args: str, data: Path | None = None, command: list[str] | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "BCP_DATA"}
    # The worktree's own package, whichever copy the virtualenv's entry point was installed from.
    env["PYTHONPATH"] = str(ROOT)
    if data is not None:
        env["BCP_DATA"] = str(data)
    return subprocess.run((command or [sys.executable, "-m", "bcp"]) + ["check", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8")


def test_check_passes_on_the_real_data():
    result = run_check()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ข้อมูลแผนถูกต้อง: data (13 คน, 3 ทีม, 34 ขั้นตอน")
    # The weak spots are shown, but do not fail the check.
    assert "คำเตือน: data/people.yaml บรรทัด 41: ช่อง people › krit:" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_fails_on_bad_data_with_the_thai_report(data_copy):
    data_copy.replace("teams.yaml", "backup: wichan", "backup: jirayu")
    result = run_check(data=data_copy.folder)
    assert result.returncode == 1
    line = data_copy.line_of("teams.yaml", "backup: jirayu")
    assert result.stderr.splitlines() == [
        f"ข้อผิดพลาด: {data_copy.shown('teams.yaml')} บรรทัด {line}: ช่อง teams › relief › roles › ลำดับที่ 2 › backup: "
        "'jirayu' เป็นผู้สำรองของตนเองไม่ได้: เลือกผู้สำรองคนอื่น",
        "พบข้อผิดพลาด 1 รายการ: แก้ไขไฟล์ตามบรรทัดที่ระบุแล้วลองใหม่",
    ]
    assert result.stdout == ""


def test_check_takes_the_folder_as_an_argument(data_copy):
    data_copy.write("bia.yaml", "")
    result = run_check(str(data_copy.folder))
    assert result.returncode == 1
    assert f"{data_copy.shown('bia.yaml')} บรรทัด 1: ไฟล์ว่างเปล่า" in result.stderr


@pytest.mark.parametrize("breakage", ["tis620", "missing-folder", "yaml"])
def test_check_never_shows_a_traceback(data_copy, breakage):
    folder = data_copy.folder
    if breakage == "tis620":
        data_copy.path("people.yaml").write_bytes(data_copy.text("people.yaml").encode("cp874"))
    elif breakage == "missing-folder":
        folder = folder / "nowhere"
    else:
        data_copy.write("teams.yaml", "teams: [\n")
    result = run_check(data=folder)
    assert result.returncode == 1
    assert result.stderr.startswith("ข้อผิดพลาด: ")
    assert "Traceback" not in result.stderr


def test_bcp_entry_point():
    bcp = Path(sys.executable).parent / "bcp"
    assert bcp.exists(), "the `bcp` command is installed by scripts/setup.sh (pip install -e .)"
    good = run_check(command=[str(bcp)])
    assert good.returncode == 0, good.stderr
    bad = run_check(data=ROOT / "tests", command=[str(bcp)])  # a folder with no plan in it
    assert bad.returncode == 1
    assert "ไม่พบไฟล์ plan.yaml ซึ่งต้องมีในโฟลเดอร์ข้อมูล" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_check_summary_counts_every_warning_it_printed():
    result = run_check()
    assert result.returncode == 0, result.stderr
    printed = [line for line in result.stderr.splitlines() if line.startswith("คำเตือน:")]
    assert printed, "premise: the real data has warnings (no mobile numbers, overdue review)"
    assert f"คำเตือน {len(printed)} รายการ)" in result.stdout
