"""Bad input, as a careless clerk types it or an attacker crafts it.

Each case is one small edit of a copy of the real data.  Every one is refused
with one Thai message that names the file, the line and the field: by the
loader, by `bcp check` (exit 1, no traceback, no English from PyYAML) and by
`bcp diff` when it is committed.  Values typed plainly are read as typed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from bcp import DataError, load_plan
from bcp.model import FILES
from bcp.plan_loading import PLAN_FIELDS
from bcp.problems import Problem
from conftest import LAMPANG, ROOT, DataCopy

# Words of PyYAML's and Python's own messages: none may reach a clerk.
ENGLISH = re.compile(r"\b(found|expected|while|but|allowed|cannot|could not|error|Error|line \d|column)\b")


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    edit: Callable[[DataCopy], None]
    line: str | None  # text of the reported line (once in the edited file); None: the file as a whole
    field: str
    says: str  # a fragment of the Thai message


def replaced(file: str, old: str, new: str) -> Callable[[DataCopy], None]:
    return lambda copy: copy.replace(file, old, new)


def appended(file: str, text: str) -> Callable[[DataCopy], None]:
    return lambda copy: copy.write(file, copy.text(file) + text)


def _alias_bomb() -> str:
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"lol{n}: &lol{n} [{', '.join([f'*lol{n - 1}'] * 9)}]" for n in range(1, 10)]
    return "\n".join(lines) + "\n"


def _nested_blocks(depth: int) -> str:
    return "".join(f"{'  ' * level}level{level}:\n" for level in range(depth)) + "  " * depth + "end: x\n"


DATE_FORMAT = "ต้องเป็นวันที่แบบ ค.ศ. ปี-เดือน-วัน เช่น 2023-01-03"
DEEP_LIST = "deep › ลำดับที่ 1 › ลำดับที่ 1 › … › ลำดับที่ 1 › ลำดับที่ 1 › ลำดับที่ 1"
TOO_DEEP = "ข้อมูลซ้อนกันลึกเกิน 40 ชั้น: ตรวจย่อหน้าและวงเล็บ [ { ที่เปิดไว้"
BAD_CHARACTER = "มีอักขระที่มองไม่เห็นหรือใช้ไม่ได้ (รหัส U+{code})"
TAG = "มีแท็กที่ขึ้นต้นด้วย ! ซึ่งไม่รองรับ"
ESCAPE = "ในข้อความที่ครอบด้วย \" มีเครื่องหมาย \\ ที่ใช้ไม่ได้"
OUTSIDE = "ไฟล์นี้เป็นลิงก์ (symlink) ที่ชี้ออกไปนอกโฟลเดอร์ข้อมูล: ระบบอ่านเฉพาะไฟล์ในโฟลเดอร์ข้อมูล"

def count_typed_as(case_id: str, typed: str) -> Case:
    return Case(case_id, "plan.yaml", replaced("plan.yaml", "amount: 4,", f"amount: {typed},"), f"amount: {typed}",
                "time_windows › 4h › amount", f"ต้องเป็นตัวเลขจำนวนเต็ม (ใช้เลขไทยหรือเลขอารบิกก็ได้) (พบ '{typed}')")


def plan_date_typed_as(case_id: str, typed: str, says: str) -> Case:
    return Case(case_id, "plan.yaml", replaced("plan.yaml", "date: 2023-01-03", f"date: {typed}"), f"date: {typed}",
                "date", says)


def review_typed_as(case_id: str, key: str, typed: str, says: str) -> Case:
    def edit(copy: DataCopy) -> None:
        copy.write("revisions.yaml", re.sub(rf"(?m)^(  {key}: ).*$", rf"\g<1>{typed}", copy.text("revisions.yaml"), count=1))
    return Case(case_id, "revisions.yaml", edit, f"{key}:", f"review › {key}", says)


# Cases made by editing the text of one file (so they can be committed for `bcp diff` too).
TEXT_CASES = [
    # --- values read as typed --------------------------------------------------------------------
    Case("base-60-extension", "people.yaml", replaced("people.yaml", 'extension: "308"', "extension: 3:08"),
         "extension: 3:08", "people › krit › extension", "เบอร์ต่อต้องเป็นตัวเลข ๒ ถึง ๕ หลัก เช่น \"209\" (พบ '3:08')"),
    count_typed_as("fraction-for-a-count", "1.5"),
    count_typed_as("hexadecimal-count", "0x10"),
    Case("name-of-no-break-spaces", "people.yaml", replaced("people.yaml", "first_name: กริชณ", 'first_name: "\u00a0\u00a0"'),
         "first_name: \"", "people › krit › first_name", "ต้องเป็นข้อความ และต้องไม่เว้นว่าง"),
    Case("name-of-zero-width-spaces", "people.yaml", replaced("people.yaml", "first_name: กริชณ", "first_name: \u200b\u200b"),
         "first_name: \u200b", "people › krit › first_name", "ต้องเป็นข้อความ และต้องไม่เว้นว่าง"),
    Case("count-of-5000-digits", "plan.yaml", replaced("plan.yaml", "amount: 4,", f"amount: {'9' * 5000},"), "9" * 5000,
         "time_windows › 4h › amount", "ตัวเลขใหญ่เกินไป (เกิน 9 หลัก): ตรวจว่าพิมพ์ตัวเลขถูกต้อง"),
    Case("markup-in-the-site-address", "plan.yaml", replaced("plan.yaml", "# site_url: http://bcp.intranet.example/",
                                                             "site_url: 'http://bcp.intranet.example/\"><script>'"),
         "site_url:", "site_url", "ที่อยู่เว็บไซต์ต้องขึ้นต้นด้วย http:// หรือ https://"),
    # --- dates ------------------------------------------------------------------------------------
    plan_date_typed_as("buddhist-era-plan-date", "2566-01-03",
                       "ปี 2566 เป็นปี พ.ศ.: ให้เขียนปี ค.ศ. (2566 - 543 = 2023) คือ 2023-01-03"),
    plan_date_typed_as("buddhist-era-in-thai-digits", "๒๕๖๗-๐๓-๑๕",
                       "ปี 2567 เป็นปี พ.ศ.: ให้เขียนปี ค.ศ. (2567 - 543 = 2024) คือ 2024-03-15"),
    Case("buddhist-era-revision", "revisions.yaml", replaced("revisions.yaml", "    date: 2023-01-03", "    date: 2566-01-03"),
         "date: 2566-01-03", "revisions › ลำดับที่ 1 › date", "ปี 2566 เป็นปี พ.ศ.: ให้เขียนปี ค.ศ."),
    review_typed_as("buddhist-era-review", "last_reviewed", "2566-01-03",
                    "ปี 2566 เป็นปี พ.ศ.: ให้เขียนปี ค.ศ. (2566 - 543 = 2023) คือ 2023-01-03"),
    plan_date_typed_as("31-february", "2023-02-31", "ไม่มีวันที่ 31 ในเดือนกุมภาพันธ์ ค.ศ. 2023 (เดือนนี้มี 28 วัน)"),
    Case("29-february-not-a-leap-year", "checklist.yaml",
         replaced("checklist.yaml", "resolution_date: 2020-03-31", "resolution_date: 2021-02-29"),
         "resolution_date:", "priorities › resolution_date", "ไม่มีวันที่ 29 ในเดือนกุมภาพันธ์ ค.ศ. 2021 (เดือนนี้มี 28 วัน)"),
    plan_date_typed_as("month-13", "2023-13-03", "ไม่มีเดือนที่ 13: เดือนต้องเป็น 01 ถึง 12"),
    plan_date_typed_as("day-zero", "2023-01-00", "ไม่มีวันที่ 0 ในเดือนมกราคม ค.ศ. 2023 (เดือนนี้มี 31 วัน)"),
    plan_date_typed_as("two-digit-year", "0023-01-03", f"ปี 23 ไม่ถูกต้อง: {DATE_FORMAT}"),
    plan_date_typed_as("date-and-time", "2023-01-03 10:00", f"{DATE_FORMAT} (พบ '2023-01-03 10:00')"),
    # pydantic alone reads a number as a Unix time: 2023-01-03.
    plan_date_typed_as("date-as-a-number", "1672704000", f"{DATE_FORMAT} (พบ '1672704000')"),
    review_typed_as("review-in-the-future", "last_reviewed", "2199-01-03", "วันที่ 2199-01-03 ยังมาไม่ถึง"),
    review_typed_as("exercise-in-the-future", "last_exercised", "2199-06-01", "บันทึกเฉพาะวันที่ที่ทบทวนหรือซ้อมแผนไปแล้วจริง"),
    review_typed_as("a-million-months", "review_every_months", "1000000", "รอบเวลาต้องไม่เกิน 36 เดือน (๓ ปี) (พบ 1000000)"),
    review_typed_as("negative-period", "exercise_every_months", "-6", "ต้องเป็นตัวเลขไม่ติดลบ (พบ -6)"),
    # --- work bounded -----------------------------------------------------------------------------
    Case("alias-bomb", "notes.yaml", appended("notes.yaml", _alias_bomb()), "lol4: &lol4", "lol4 › ลำดับที่ 1",
         "การอ้างถึงด้วย *ชื่อ (alias) คัดลอกข้อมูลเกิน 10,000 ค่า"),
    Case("alias-into-itself", "plan.yaml", appended("plan.yaml", "loop: &loop [*loop]\n"), "loop: &loop", "loop › ลำดับที่ 1",
         "*loop อ้างถึงข้อมูลที่ตัวมันเองอยู่ข้างใน (วนไม่รู้จบ)"),
    Case("nested-1000-deep", "plan.yaml", appended("plan.yaml", "deep: " + "[" * 1000 + "]" * 1000 + "\n"), "deep: [",
         DEEP_LIST, TOO_DEEP),
    Case("nested-40000-deep", "plan.yaml", appended("plan.yaml", "deep: " + "[" * 40000 + "]" * 40000 + "\n"), "deep: [",
         DEEP_LIST, TOO_DEEP),
    Case("nested-blocks-1000-deep", "plan.yaml", appended("plan.yaml", _nested_blocks(1000)), "  level40:",
         "level0 › level1 › level2 › … › level37 › level38 › level39", TOO_DEEP),
    # The mapping, its key, the list: the 250,001st value is the list's 249,998th item.
    Case("a-quarter-million-values", "notes.yaml", lambda copy: copy.write("notes.yaml", "notes: [" + "x, " * 250_000 + "x]\n"),
         "notes: [", "notes › ลำดับที่ 249998", "ไฟล์มีข้อมูลมากเกินไป (เกิน 250,000 ค่า): ตรวจว่าเลือกไฟล์ถูกต้อง"),
    Case("id-of-300-characters", "people.yaml", replaced("people.yaml", "  - id: krit\n", f"  - id: {'k' * 300}\n"),
         "k" * 300, "people › ลำดับที่ 7 › id", "id ยาว 300 ตัวอักษร เกิน 60 ตัวอักษร (id ใช้เป็นชื่อไฟล์และที่อยู่หน้าเว็บ)"),
    Case("id-as-a-path", "people.yaml", replaced("people.yaml", "  - id: krit\n", "  - id: ../../etc\n"),
         "id: ../../etc", "people › ../../etc › id", "ต้องเป็นอักษรภาษาอังกฤษตัวเล็ก ตัวเลข - หรือ _ ไม่มีเว้นวรรค"),
    # --- YAML the loader refuses -----------------------------------------------------------------
    Case("merge-key", "teams.yaml", replaced("teams.yaml", "{role: member, primary: jirayu, backup: wichan}",
                                             "{<<: {role: member}, primary: jirayu, backup: wichan}"),
         "<<:", "teams › relief › roles › ลำดับที่ 2", "ไม่รองรับ << (การรวมช่องจากข้อมูลที่อ้างถึง): เขียนทุกช่องให้ครบในรายการนั้น"),
    Case("duplicate-key-after-a-list", "plan.yaml", appended("plan.yaml", 'version: "2"\n'), 'version: "2"', "version",
         "ชื่อช่อง 'version' ซ้ำกับบรรทัด 12: ให้ลบหรือรวมเป็นช่องเดียว"),
    Case("duplicate-key-in-a-list-item", "procedure.yaml",
         replaced("procedure.yaml", "      - id: d1-list-casualties\n", "      - id: d1-list-casualties\n        id: again\n"),
         "id: again", "phases › day-1 › steps › d1-list-casualties › id", "ชื่อช่อง 'id' ซ้ำกับบรรทัด"),
    Case("list-as-a-key", "plan.yaml", appended("plan.yaml", "? [a, b]\n: x\n"), "? [a, b]", "",
         "ชื่อช่องต้องเป็นข้อความ ไม่ใช่รายการหรือกลุ่มข้อมูล"),
    Case("mapping-as-a-flow-key", "plan.yaml", appended("plan.yaml", "odd: {{a: 1}: x}\n"), "odd:", "odd",
         "ชื่อช่องต้องเป็นข้อความ ไม่ใช่รายการหรือกลุ่มข้อมูล"),
    Case("second-document", "plan.yaml", appended("plan.yaml", "---\ntitle: อีกแผน\n"), "---", "",
         "ไฟล์มีบรรทัด --- หรือ ... ที่แบ่งข้อมูลเป็นหลายชุด"),
    Case("explicit-int-tag", "people.yaml", replaced("people.yaml", 'extension: "308"', "extension: !!int 0107"),
         "!!int", "people › krit › extension", TAG),
    Case("unknown-escape", "people.yaml", replaced("people.yaml", "position: นิติกรปฏิบัติการ", 'position: "C:\\qนิติกร"'),
         "C:\\q", "", ESCAPE),
    Case("lone-surrogate", "people.yaml", replaced("people.yaml", "first_name: กริชณ", 'first_name: "กริชณ\\ud800"'),
         "\\ud800", "people › krit › first_name", BAD_CHARACTER.format(code="D800")),
    Case("nul-escape", "people.yaml", replaced("people.yaml", "first_name: กริชณ", 'first_name: "กริชณ\\0"'),
         "\\0", "people › krit › first_name", BAD_CHARACTER.format(code="0000")),
    Case("escape-character", "bia.yaml", replaced("bia.yaml", "name: งานจ่ายเงิน", 'name: "งานจ่ายเงิน\\e[31m"'),
         "\\e[31m", "processes › payments › name", BAD_CHARACTER.format(code="001B")),
    Case("right-to-left-override", "bia.yaml", replaced("bia.yaml", "name: งานจ่ายเงิน", "name: งานจ่าย\u202eเงิน"),
         "\u202e", "processes › payments › name", BAD_CHARACTER.format(code="202E")),
    Case("raw-control-character", "bia.yaml", replaced("bia.yaml", "name: งานจ่ายเงิน", "name: งานจ่าย\x07เงิน"),
         "\x07", "", BAD_CHARACTER.format(code="0007")),
]


def swapped(file: str, make: Callable[[Path], None]) -> Callable[[DataCopy], None]:
    """Put what `make` makes (a folder, a FIFO, a link...) where the data file `file` was."""
    def edit(copy: DataCopy) -> None:
        copy.path(file).unlink()
        make(copy.path(file))
    return edit


def _directory(path: Path) -> None:
    path.mkdir()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link_to_dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _link_to_passwd(path: Path) -> None:
    path.symlink_to("/etc/passwd")


def _link_loop(path: Path) -> None:
    path.symlink_to(path.name)


def _broken_link(path: Path) -> None:
    path.symlink_to("no-such-file.yaml")


def _huge(path: Path) -> None:
    path.write_text("notes: []\n" + "#" * (8 * 1024 * 1024), encoding="utf-8")


FILE_CASES = [
    Case("directory", "people.yaml", swapped("people.yaml", _directory), None, "", "ตรงนี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์: ต้องเป็นไฟล์ข้อความ YAML"),
    Case("fifo", "people.yaml", swapped("people.yaml", _fifo), None, "", "ตรงนี้ไม่ใช่ไฟล์ข้อความธรรมดา"),
    Case("link-to-dev-zero", "bia.yaml", swapped("bia.yaml", _link_to_dev_zero), None, "", OUTSIDE),
    Case("link-to-etc-passwd", "notes.yaml", swapped("notes.yaml", _link_to_passwd), None, "", OUTSIDE),
    Case("link-loop", "scope.yaml", swapped("scope.yaml", _link_loop), None, "", "ไฟล์นี้เป็นลิงก์ (symlink) ที่วนกลับมาที่ตัวเอง"),
    Case("broken-link", "notes.yaml", swapped("notes.yaml", _broken_link), None, "", "ลิงก์ (symlink) ที่ชี้ไปยังไฟล์ที่ไม่มีอยู่"),
    Case("file-of-8-mb", "notes.yaml", swapped("notes.yaml", _huge), None, "", "ไฟล์ใหญ่เกินไป (เกิน 8 MB)"),
    Case("invalid-utf8", "people.yaml",
         lambda copy: copy.path("people.yaml").write_bytes(copy.path("people.yaml").read_bytes().replace(
             "ทินหู่".encode(), "ทินหู่".encode() + b"\xed\xa0\x80")),
         "ทินหู่", "", "ไฟล์ไม่ได้บันทึกเป็น UTF-8"),
]

CASES = TEXT_CASES + FILE_CASES


def _expected_line(copy: DataCopy, case: Case) -> int | None:
    if case.line is None:
        return None
    raw = copy.path(case.file).read_bytes()
    needle = case.line.encode()
    assert raw.count(needle) == 1, f"{case.line!r} occurs {raw.count(needle)} times in {case.file}"
    return raw[: raw.index(needle)].count(b"\n") + 1


def _the_one_problem(copy: DataCopy, case: Case):
    problems = copy.problems()
    assert len(problems) == 1, [str(p) for p in problems]
    (problem,) = problems
    assert (problem.file, problem.line, problem.field) == (copy.shown(case.file), _expected_line(copy, case), case.field), str(problem)
    assert case.says in problem.message, str(problem)
    assert not ENGLISH.search(problem.message), str(problem)
    return problem


def bcp_environment() -> dict[str, str]:
    """The environment `bcp` runs with in these tests: the project's, no BCP_* setting of the caller's."""
    environment = {k: v for k, v in os.environ.items() if k not in ("BCP_DATA", "BCP_EDITION", "BCP_DEBUG")}
    environment["PYTHONPATH"] = str(ROOT)
    return environment


def run_bcp(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bcp", *args], cwd=cwd, env={**bcp_environment(), **(env or {})},
                          capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=60)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_loader_refuses_with_one_thai_message(data_copy, case):
    case.edit(data_copy)
    _the_one_problem(data_copy, case)


def run_bcp_in_fork(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """`python -m bcp ARGS` as `run_bcp` runs it, in a fork of this process, where Python and
    bcp are loaded already: bcp/__main__.py runs with those arguments, in that folder, with the
    same environment, and what it prints, its exit code and an uncaught exception's traceback
    come back as from the command (about 0.05 s instead of 0.45 for each of the corpus' cases)."""
    import runpy
    import select
    import traceback

    environment = {**bcp_environment(), **(env or {})}
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(out_read)
            os.close(err_read)
            os.dup2(out_write, 1)
            os.dup2(err_write, 2)
            # new stream objects: a lock another thread of pytest held at the fork stays held in its copy
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
            os.chdir(cwd)
            os.environ.clear()
            os.environ.update(environment)
            sys.argv = ["bcp", *args]
            runpy.run_module("bcp", run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as end:
            code = end.code if isinstance(end.code, int) else (0 if end.code is None else 1)
        except BaseException:  # as the interpreter does with an uncaught exception
            traceback.print_exc()
            code = 1
        finally:
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except BaseException:
                    pass
            os._exit(code)
    os.close(out_write)
    os.close(err_write)
    output = {out_read: b"", err_read: b""}
    open_ends = [out_read, err_read]
    while open_ends:  # both pipes at once: a long message on one must not block the other
        for end in select.select(open_ends, [], [], 60)[0] or pytest.fail("bcp did not finish in 60 s"):
            chunk = os.read(end, 65536)
            if chunk:
                output[end] += chunk
            else:
                open_ends.remove(end)
                os.close(end)
    _, status = os.waitpid(pid, 0)
    return subprocess.CompletedProcess([sys.executable, "-m", "bcp", *args], os.waitstatus_to_exitcode(status),
                                       output[out_read].decode("utf-8", "replace"),
                                       output[err_read].decode("utf-8", "replace"))


def runner_for(case, cases: list):
    """`run_bcp` for the first of `cases`, `run_bcp_in_fork` for the others: the command itself
    runs once, the fork runs the same code for the rest of the corpus."""
    return run_bcp if case is cases[0] else run_bcp_in_fork


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bcp_check_says_where_and_exits_1(data_copy, case):
    case.edit(data_copy)
    problem = _the_one_problem(data_copy, case)
    result = runner_for(case, CASES)("check", str(data_copy.folder))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [str(problem), "พบข้อผิดพลาด 1 รายการ: แก้ไขไฟล์ตามบรรทัดที่ระบุแล้วลองใหม่"]
    assert result.stdout == ""


def test_a_file_outside_the_data_folder_is_never_printed(data_copy):
    swapped("notes.yaml", _link_to_passwd)(data_copy)
    result = run_bcp("check", str(data_copy.folder))
    assert result.returncode == 1
    assert "root:" not in result.stderr and "/etc/passwd" not in result.stderr
    assert OUTSIDE in result.stderr


def test_a_long_value_is_quoted_only_in_part(data_copy):
    data_copy.replace("plan.yaml", "digits: thai", "digits: " + "ไทย" * 2000)
    data_copy.replace("people.yaml", "    extension: \"308\"\n", "    extension: \"308\"\n    " + "x" * 1000 + ": 1\n")
    problems = data_copy.problems()
    assert [p.message.split(" ")[0] for p in problems] == ["ไม่รู้จักช่อง", "ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้:"]
    assert all(len(str(p)) < 800 and str(p).endswith("…") for p in problems)


def test_a_link_inside_the_data_folder_is_read(data_copy):
    shared = data_copy.folder / "shared"
    shared.mkdir()
    data_copy.path("notes.yaml").rename(shared / "notes.yaml")
    data_copy.path("notes.yaml").symlink_to(Path("shared") / "notes.yaml")
    assert len(data_copy.load().notes) == len(load_plan(LAMPANG).notes)


def test_the_whole_data_folder_may_be_a_link(data_copy, tmp_path):
    (tmp_path / "current").symlink_to(data_copy.folder)
    assert len(load_plan(tmp_path / "current").people) == 13


# --- values read as typed --------------------------------------------------------------------


def test_numbers_keep_what_was_typed(data_copy):
    data_copy.replace("people.yaml", 'extension: "308"', "extension: 0107")
    data_copy.replace("people.yaml", "  - id: krit\n", "  - id: krit\n    mobile: 0612345670\n")
    data_copy.replace("people.yaml", 'extension: "209"', "extension: 0209")
    plan = data_copy.load()
    assert plan.people["krit"].extension == "0107"  # YAML 1.1 read 71
    assert plan.people["krit"].mobile == "0612345670"
    assert plan.people["wanphen"].extension == "0209"  # YAML 1.1 read the text "0209" (not octal): same either way


@pytest.mark.parametrize("typed, read", [("yes", True), ("no", False), ("true", True), ("False", False)])
def test_yes_and_no_still_answer_a_checklist_item(data_copy, typed, read):
    data_copy.replace("checklist.yaml", "      - text: ก่อนหน้านี้มีแผนเดิมอยู่\n        answer: true\n",
                      f"      - text: ก่อนหน้านี้มีแผนเดิมอยู่\n        answer: {typed}\n")
    assert data_copy.load().checklist.parts[0].items[0].answer is read


def test_no_and_numbers_in_text_fields_stay_text(data_copy):
    # YAML 1.1 made `no` False and `1.5` a number: a text field refused both.
    data_copy.replace("bia.yaml", "name: งานจ่ายเงิน", "name: no")
    data_copy.replace("plan.yaml", 'version: "1"', "version: 1.5")
    data_copy.replace("revisions.yaml", 'version: "1"', "version: 1.5")
    plan = data_copy.load()
    assert plan.bia.processes[3].name == "no"
    assert plan.info.version == "1.5"


def test_lampang_loads_to_the_same_plan_as_before():
    """The typed-as-written reading changes nothing in the real data: same models as PyYAML's own safe_load."""
    plan = load_plan(LAMPANG)
    for name, model in FILES.items():
        usual = model.model_validate(yaml.safe_load((LAMPANG / name).read_text(encoding="utf-8")))
        assert getattr(plan, PLAN_FIELDS[list(FILES).index(name)]) == usual, name
    assert plan.info.date == dt.date(2023, 1, 3)
    assert plan.review.review_every_months == 12 and plan.windows["4h"].amount == 4


# --- one message style ------------------------------------------------------------------------

BOOM = "import sys, bcp.cli as cli; cli.load_plan = lambda folder: 1 / 0; sys.exit(cli.main(['check']))"


def test_an_internal_error_is_one_thai_line_asking_to_report_it():
    result = subprocess.run([sys.executable, "-c", BOOM], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                            env={**{k: v for k, v in os.environ.items() if k != "BCP_DEBUG"}, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "ข้อผิดพลาดภายในของโปรแกรม (ไม่ใช่ความผิดของข้อมูลแผน): กรุณาแจ้งผู้ดูแลระบบพร้อมคำสั่งที่ใช้ "
        "(สั่งใหม่โดยตั้งค่า BCP_DEBUG=1 เพื่อดูรายละเอียดสำหรับผู้ดูแล)"]


def test_bcp_debug_shows_the_traceback():
    result = subprocess.run([sys.executable, "-c", BOOM], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                            env={**os.environ, "PYTHONPATH": str(ROOT), "BCP_DEBUG": "1"})
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "ZeroDivisionError" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("ข้อผิดพลาดภายในของโปรแกรม")


def test_a_mistyped_command_is_said_in_thai():
    result = run_bcp("chek")
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == "คำสั่งไม่ถูกต้อง: ใช้ bcp check, bcp diff, bcp schema หรือ bcp new (ดูวิธีใช้ด้วย bcp --help)"


def test_an_unknown_edition_is_said_in_thai():
    result = run_bcp("check", env={"BCP_EDITION": "pubic"})
    assert result.returncode == 1
    assert result.stderr == "ข้อผิดพลาด: BCP_EDITION ต้องเป็น internal หรือ public (พบ 'pubic')\n"


# --- bcp diff on invalid data -------------------------------------------------------------------

GIT_ENV = {"GIT_AUTHOR_NAME": "ผู้รับผิดชอบแผน", "GIT_AUTHOR_EMAIL": "owner@example.invalid",
           "GIT_COMMITTER_NAME": "ผู้รับผิดชอบแผน", "GIT_COMMITTER_EMAIL": "owner@example.invalid",
           "GIT_CONFIG_NOSYSTEM": "1"}


@pytest.fixture
def repo(tmp_path) -> DataCopy:
    """A Git repository whose first commit is the real data; its `data/` is the copy to break."""
    copy = DataCopy(tmp_path / "plan" / "data")
    commit(copy, "แผนฉบับที่ ๑", init=True)
    return copy


def commit(copy: DataCopy, message: str, init: bool = False) -> None:
    root = copy.folder.parent
    for args in ([["init", "-q"]] if init else []) + [["add", "-A"], ["commit", "-q", "-m", message]]:
        subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=root, check=True, capture_output=True,
                       env={**os.environ, **GIT_ENV})


DIFF_CASES = [case for case in TEXT_CASES if case.id in {
    "buddhist-era-plan-date", "31-february", "review-in-the-future", "a-million-months", "alias-bomb", "alias-into-itself",
    "nested-40000-deep", "merge-key", "duplicate-key-after-a-list", "list-as-a-key", "second-document",
    "lone-surrogate", "id-of-300-characters", "base-60-extension"}]


@pytest.mark.parametrize("case", DIFF_CASES, ids=[case.id for case in DIFF_CASES])
def test_bcp_diff_says_the_new_data_is_invalid_and_exits_1(repo, case):
    case.edit(repo)
    commit(repo, "แก้ไขแผน")
    result = runner_for(case, DIFF_CASES)("diff", cwd=repo.folder.parent)
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("## ข้อมูลแผนที่ `HEAD` (")
    line = _expected_line(repo, case)
    where = f"data/{case.file}" + (f" บรรทัด {line}" if line else "")
    assert f"- ข้อผิดพลาด: {where}:" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("case", DIFF_CASES[:4], ids=[case.id for case in DIFF_CASES[:4]])
def test_bcp_diff_says_the_old_data_is_invalid_and_exits_1(repo, case):
    case.edit(repo)
    commit(repo, "ผิด")
    shutil.rmtree(repo.folder)
    shutil.copytree(LAMPANG, repo.folder)
    commit(repo, "แก้แล้ว")
    result = run_bcp_in_fork("diff", cwd=repo.folder.parent)
    assert result.returncode == 1, result.stderr
    assert "ข้อมูลแผนที่ `HEAD~1`" in result.stdout and "ใช้ไม่ได้ (มีข้อผิดพลาด ๑ รายการ)" in result.stdout
    assert result.stderr == ""


# --- the public edition refuses personal data typed into free text -----------------------------


@dataclass(frozen=True)
class PublicCase:
    """`old` replaced by `new` in `file`: reported at the line where `new` starts, with what was found."""

    id: str
    file: str
    old: str
    new: str
    field: str
    found: tuple[str, ...]

    def edit(self, copy: DataCopy) -> None:
        copy.replace(self.file, self.old, self.new)


PERSONAL = "ฉบับเผยแพร่ต้องไม่มีข้อมูลส่วนบุคคล: พบ{what} ในข้อความนี้: {fix}"
NAME_FIX = "ลบชื่อออก หรือเขียนเป็นตำแหน่งหรือทีมแทน"
NUMBER_FIX = "ลบเบอร์ออก (เบอร์กลางของสำนักงานใน plan.yaml ใช้ได้)"
APPOINT = "text: แต่งตั้งคณะบริหารความต่อเนื่องของสำนักงานประกันสังคม จังหวัดลำปาง"
OBJECTIVE = "  - เพื่อใช้เป็นแนวทางในการบริหารความต่อเนื่อง\n"
FIRST_ITEM = "      - text: ก่อนหน้านี้มีแผนเดิมอยู่\n"

PUBLIC_CASES = [
    PublicCase("name-and-mobile-in-a-step", "procedure.yaml", APPOINT, "text: โทรแจ้ง นางวันเพ็ญ 081-234-5678",
               "phases › day-1 › steps › d1-appoint-committee › text", ("ชื่อบุคคล 'วันเพ็ญ'", "เบอร์โทรศัพท์ '081-234-5678'")),
    PublicCase("full-name-in-a-revision-note", "revisions.yaml", "      - จัดทำแผน\n", "      - จัดทำแผน โดย กริชณ  สัมพันธ์สิทธิ์\n",
               "revisions › ลำดับที่ 1 › changes › ลำดับที่ 1", ("ชื่อบุคคล 'กริชณ สัมพันธ์สิทธิ์'",)),
    PublicCase("mobile-in-a-strategy", "strategies.yaml", "ใช้บุคลากรสำรอง ทดแทนภายในฝ่ายงานหรือกลุ่มงานเดียวกัน",
               "ใช้บุคลากรสำรอง โทร 0812345678", "strategies › ลำดับที่ 4 › measures › ลำดับที่ 1 › text",
               ("เบอร์โทรศัพท์ '0812345678'",)),
    PublicCase("first-name-in-a-bia-process", "bia.yaml", "name: งานจ่ายเงิน", "name: งานจ่ายเงิน (เพ็ญพร)",
               "processes › payments › name", ("ชื่อบุคคล 'เพ็ญพร'",)),
    PublicCase("first-name-run-into-a-team-name", "teams.yaml", "ผู้ประสบภัย\n", "ผู้ประสบภัยนำโดยวิชณ\n",
               "teams › relief › name", ("ชื่อบุคคล 'วิชณ'",)),
    PublicCase("landline-outside-the-office-block", "plan.yaml", OBJECTIVE, OBJECTIVE.replace("\n", " (054 265 022)\n"),
               "objectives › ลำดับที่ 1", ("เบอร์โทรศัพท์ '054 265 022'",)),
    PublicCase("international-format", "scope.yaml", "resource_analysis: >-\n", "resource_analysis: >-\n  แจ้ง +66 81 234 5678\n",
               "resource_analysis", ("เบอร์โทรศัพท์ '+66 81 234 5678'",)),
    PublicCase("thai-digits", "checklist.yaml", FIRST_ITEM, FIRST_ITEM.replace("\n", " ๐๘๑ ๒๓๔ ๕๖๗๘\n"),
               "parts › basics › items › ลำดับที่ 1 › text", ("เบอร์โทรศัพท์ '๐๘๑ ๒๓๔ ๕๖๗๘'",)),
    PublicCase("a-persons-extension", "resources.yaml", "services_note: >-\n", "services_note: >-\n  ติดต่อ ต่อ ๒๐๙\n",
               "services_note", ("เบอร์ต่อของบุคคล 'ต่อ 209'",)),
    PublicCase("mobile-in-a-position", "people.yaml", "position: นิติกรปฏิบัติการ", "position: นิติกรปฏิบัติการ โทร 089-876-5432",
               "people › krit › position", ("เบอร์โทรศัพท์ '089-876-5432'",)),
]


def _public_problems(copy: DataCopy, case: PublicCase) -> list:
    line = copy.line_of(case.file, case.new)
    return [Problem(copy.shown(case.file), line, case.field,
                    PERSONAL.format(what=what, fix=NAME_FIX if what.startswith("ชื่อ") else NUMBER_FIX))
            for what in case.found]


@pytest.mark.parametrize("case", PUBLIC_CASES, ids=[case.id for case in PUBLIC_CASES])
def test_every_public_plan_refuses_personal_data_in_free_text(data_copy, case):
    from bcp.edition import plan_for

    case.edit(data_copy)
    plan = data_copy.load()  # the internal edition is not concerned
    with pytest.raises(DataError) as raised:
        plan_for(plan, "public")
    assert raised.value.problems == _public_problems(data_copy, case)


@pytest.mark.parametrize("how", [["check", "--public"], ["check"]], ids=["--public", "BCP_EDITION"])
@pytest.mark.parametrize("case", PUBLIC_CASES[:3], ids=[case.id for case in PUBLIC_CASES[:3]])
def test_bcp_check_public_refuses_it(data_copy, case, how):
    case.edit(data_copy)
    run = runner_for(case, PUBLIC_CASES)
    assert run("check", str(data_copy.folder)).returncode == 0
    result = run(*how, str(data_copy.folder), env={"BCP_EDITION": "public"} if how == ["check"] else {})
    assert result.returncode == 1
    expected = _public_problems(data_copy, case)
    assert result.stderr.splitlines()[:len(expected)] == [str(p) for p in expected]
    assert "Traceback" not in result.stderr


def test_a_public_build_stops_on_it(data_copy, tmp_path):
    from conftest import build_site

    PUBLIC_CASES[0].edit(data_copy)
    result = build_site(tmp_path / "site", data=data_copy.folder, edition="public")
    assert result.returncode == 1
    for problem in _public_problems(data_copy, PUBLIC_CASES[0]):
        assert str(problem) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize("how", [["check", "--public"], ["check"]], ids=["--public", "BCP_EDITION"])
def test_the_real_data_passes_the_public_check(how):
    result = run_bcp(*how, env={"BCP_EDITION": "public"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ข้อมูลแผนถูกต้อง")


def test_what_the_public_edition_leaves_out_or_allows_is_not_refused(data_copy):
    from bcp.edition import plan_for

    # The office's own numbers, the data notes and the approver (both left out), a number that is no one's extension.
    data_copy.replace("procedure.yaml", APPOINT, "text: โทรแจ้งสำนักงาน ๐ ๕๔๒๖ ๕๐๑๘ หรือ 054-265-021 ต่อ 999")
    data_copy.replace("revisions.yaml", "    approved_by: null\n", "    approved_by: นางวันเพ็ญ พึ่งพิบูลย์ โทร 0812345678\n")
    data_copy.replace("notes.yaml", "    where: people.yaml (thatchakorn)\n", "    where: people.yaml (thatchakorn) 0812345678\n")
    assert plan_for(data_copy.load(), "public").people_file.people[0].first_name == "ประกันสังคมจังหวัดลำปาง"


def test_a_short_first_name_counts_only_after_a_title(data_copy):
    from bcp.edition import plan_for

    # "พร" is in "พร้อม", which the real steps use: a name that short is found only as "นางพร", "คุณพร"...
    data_copy.replace("people.yaml", "first_name: หทัยรัตน์", "first_name: พร")
    plan_for(data_copy.load(), "public")
    data_copy.replace("bia.yaml", "name: งานจ่ายเงิน", "name: งานจ่ายเงิน (คุณพร)")
    with pytest.raises(DataError) as raised:
        plan_for(data_copy.load(), "public")
    assert [p.message for p in raised.value.problems] == [PERSONAL.format(what="ชื่อบุคคล 'พร'", fix=NAME_FIX)]
