"""`bcp diff`: what a pull request changes in the plan, in plain Thai.

Each test makes a Git repository in a temporary folder with Lampang's data,
edits the YAML text as a plan owner would, commits, and reads the summary.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bcp.diff import DiffError, run

ROOT = Path(__file__).resolve().parents[1]
LAMPANG = ROOT / "data"
GIT_ENV = {"GIT_AUTHOR_NAME": "ผู้รับผิดชอบแผน", "GIT_AUTHOR_EMAIL": "owner@example.invalid",
           "GIT_COMMITTER_NAME": "ผู้รับผิดชอบแผน", "GIT_COMMITTER_EMAIL": "owner@example.invalid",
           "GIT_CONFIG_NOSYSTEM": "1"}


class Repo:
    def __init__(self, root: Path, data: str = "data") -> None:
        self.root = root
        self.data = root / data

    def git(self, *args: str) -> str:
        result = subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=self.root, capture_output=True,
                                text=True, env={**os.environ, **GIT_ENV})
        assert result.returncode == 0, result.stderr
        return result.stdout

    def edit(self, file: str, old: str, new: str, count: int = 1) -> None:
        path = self.data / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= count, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    def commit(self, message: str = "แก้ไขแผน") -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)

    def diff(self, old: str = "HEAD~1", new: str = "HEAD") -> tuple[int, str]:
        return run(old, new, cwd=self.root)

    def changed(self) -> str:
        """Commit the edits made so far and return the summary (which must succeed)."""
        self.commit()
        code, text = self.diff()
        assert code == 0, text
        return text


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Repo:
    monkeypatch.delenv("BCP_DATA", raising=False)
    root = tmp_path / "plan"
    shutil.copytree(LAMPANG, root / "data")
    r = Repo(root)
    r.git("init", "-q")
    r.commit("แผนฉบับที่ ๑")
    return r


def unchanged(repo: Repo) -> tuple[int, str]:
    """What `bcp diff` says between the last two commits when nothing in the plan changed."""
    old, new = repo.git("rev-parse", "--short=7", "HEAD~1").strip(), repo.git("rev-parse", "--short=7", "HEAD").strip()
    return 0, (f"## สรุปการเปลี่ยนแปลงของแผน\n\n"
               f"ไม่มีการเปลี่ยนแปลงข้อมูลแผนระหว่าง `HEAD~1` ({old}) และ `HEAD` ({new})\n")


def lines(text: str) -> list[str]:
    return text.splitlines()


def section(text: str, title: str) -> str:
    """The bullet lines under one `### title` heading."""
    match = re.search(rf"^### {re.escape(title)}\n\n(.*?)(?=^### |\Z)", text, re.S | re.M)
    assert match, f"no section {title!r} in:\n{text}"
    return match.group(1).strip("\n")


def move_block(text: str, start: str, after: str) -> str:
    """Move the YAML list item starting with line `start` to just after the item starting with `after`."""
    rows = text.splitlines(keepends=True)

    def block(first: str) -> tuple[int, int]:
        i = next(n for n, row in enumerate(rows) if row.rstrip("\n") == first)
        indent = len(first) - len(first.lstrip())
        j = i + 1
        while j < len(rows) and (rows[j].strip() == "" or len(rows[j]) - len(rows[j].lstrip()) > indent):
            j += 1
        return i, j

    i, j = block(start)
    moving = rows[i:j]
    del rows[i:j]
    _, k = block(after)
    rows[k:k] = moving
    return "".join(rows)


# --- people ------------------------------------------------------------------


def test_extension_changed_is_said_with_the_persons_name_and_thai_digits(repo):
    repo.edit("people.yaml", 'extension: "411"', 'extension: "499"')
    text = repo.changed()
    assert section(text, "บุคลากร").strip() == "- เบอร์ต่อของ นางสาวทัชชกร กฤษณนัยน์ เปลี่ยนจาก ๔๑๑ เป็น ๔๙๙"
    assert text.startswith("## สรุปการเปลี่ยนแปลงของแผน")
    assert "เปลี่ยนแปลง ๑ รายการ" in text


def test_person_added_and_put_in_a_team(repo):
    repo.edit("people.yaml", "  - id: wanphen\n", "  - id: somchai\n    title: นาย\n    first_name: สมชาย\n"
              "    last_name: ใจดี\n    position: นักวิชาการแรงงาน\n    extension: \"412\"\n"
              "    mobile: \"0812345678\"\n  - id: wanphen\n")
    repo.edit("teams.yaml", "      - {role: member, primary: jirayu, backup: wichan}\n",
              "      - {role: member, primary: jirayu, backup: wichan}\n      - {role: member, primary: somchai, backup: jirayu}\n")
    text = repo.changed()
    assert "- เพิ่มบุคลากร: นายสมชาย ใจดี ตำแหน่งนักวิชาการแรงงาน เบอร์ต่อ ๔๑๒ มือถือ ๐๘๑ ๒๓๔ ๕๖๗๘" in lines(text)
    assert ("- ทีมด้านการให้ความช่วยเหลือผู้ประสบภัย: เพิ่ม นายสมชาย ใจดี เป็นทีมงาน (ผู้สำรอง: นายจิรายุ ทินหู่)"
            in lines(section(text, "ทีมงาน")))


def test_person_removed_and_replaced_as_backup(repo):
    repo.edit("teams.yaml", "{role: member, primary: jirayu, backup: wichan}", "{role: member, primary: jirayu, backup: seksan}")
    people = repo.data / "people.yaml"
    people.write_text(re.sub(r"  - id: wichan\n(    .*\n)+", "", people.read_text(encoding="utf-8")), encoding="utf-8")
    text = repo.changed()
    assert section(text, "บุคลากร").strip() == "- ลบบุคลากร: นายวิชณ แวสว่างวงศ์ ตำแหน่งนิติกร ๔ เบอร์ต่อ ๓๐๒"
    assert ("- ทีมด้านการให้ความช่วยเหลือผู้ประสบภัย: ผู้สำรองของ นายจิรายุ ทินหู่ (ทีมงาน) เปลี่ยนจาก "
            "นายวิชณ แวสว่างวงศ์ เป็น นายเสกสรรค์ ปัญญาสงค์") in lines(text)


def test_name_position_and_mobile_changed(repo):
    repo.edit("people.yaml", "last_name: กฤษณนัยน์", "last_name: กฤษณนัย")
    repo.edit("people.yaml", "position: นิติกรปฏิบัติการ", "position: นิติกรชำนาญการ")
    repo.edit("people.yaml", 'extension: "209"', 'extension: "209"\n    mobile: "0812345678"')
    people = section(repo.changed(), "บุคลากร")
    assert "- ชื่อของ นางสาวทัชชกร กฤษณนัยน์ เปลี่ยนเป็น นางสาวทัชชกร กฤษณนัย" in lines(people)
    assert "- ตำแหน่งของ นายกริชณ สัมพันธ์สิทธิ์ เปลี่ยนจาก นิติกรปฏิบัติการ เป็น นิติกรชำนาญการ" in lines(people)
    assert "- เพิ่มเบอร์มือถือของ นางวันเพ็ญ พึ่งพิบูลย์: ๐๘๑ ๒๓๔ ๕๖๗๘" in lines(people)


# --- teams -------------------------------------------------------------------


def test_team_lead_replaced(repo):
    repo.edit("teams.yaml", "{role: lead, primary: krit, backup: seksan}", "{role: lead, primary: seksan, backup: krit}")
    teams = section(repo.changed(), "ทีมงาน")
    assert lines(teams) == [
        "- ทีมด้านการให้ความช่วยเหลือผู้ประสบภัย: หัวหน้าทีม (บุคลากรหลัก) เปลี่ยนจาก นายกริชณ สัมพันธ์สิทธิ์ เป็น นายเสกสรรค์ ปัญญาสงค์",
        "- ทีมด้านการให้ความช่วยเหลือผู้ประสบภัย: ผู้สำรองของ นายเสกสรรค์ ปัญญาสงค์ (หัวหน้าทีม) เปลี่ยนจาก "
        "นายเสกสรรค์ ปัญญาสงค์ เป็น นายกริชณ สัมพันธ์สิทธิ์",
    ]


def test_second_backup_added_is_said_in_order(repo):
    repo.edit("teams.yaml", "{role: member, primary: jirayu, backup: wichan}", "{role: member, primary: jirayu, backups: [wichan, seksan]}")
    assert lines(section(repo.changed(), "ทีมงาน")) == [
        "- ทีมด้านการให้ความช่วยเหลือผู้ประสบภัย: ผู้สำรองของ นายจิรายุ ทินหู่ (ทีมงาน) เปลี่ยนจาก นายวิชณ แวสว่างวงศ์ "
        "เป็น ลำดับที่ ๑ นายวิชณ แวสว่างวงศ์, ลำดับที่ ๒ นายเสกสรรค์ ปัญญาสงค์"]
    repo.edit("teams.yaml", "backups: [wichan, seksan]", "backups: [seksan, wichan]")
    assert lines(section(repo.changed(), "ทีมงาน")) == [
        "- ทีมด้านการให้ความช่วยเหลือผู้ประสบภัย: ผู้สำรองของ นายจิรายุ ทินหู่ (ทีมงาน) เปลี่ยนจาก "
        "ลำดับที่ ๑ นายวิชณ แวสว่างวงศ์, ลำดับที่ ๒ นายเสกสรรค์ ปัญญาสงค์ เป็น ลำดับที่ ๑ นายเสกสรรค์ ปัญญาสงค์, "
        "ลำดับที่ ๒ นายวิชณ แวสว่างวงศ์"]


def test_one_backup_typed_as_a_list_prints_nothing(repo):
    repo.edit("teams.yaml", "{role: member, primary: jirayu, backup: wichan}", "{role: member, primary: jirayu, backups: [wichan]}")
    repo.commit()
    assert repo.diff() == unchanged(repo)


def test_member_removed_from_team_and_bcp_head_changed(repo):
    repo.edit("teams.yaml", "      - {role: member, primary: penporn, backup: praphaporn}\n", "")
    repo.edit("teams.yaml", "bcp_head: wanphen", "bcp_head: krit")
    teams = lines(section(repo.changed(), "ทีมงาน"))
    assert ("- ทีมงานยุทธศาสตร์และการจัดการ และผู้ประสานคณะบริหารความต่อเนื่อง: นำ นางสาวเพ็ญพร เชื้อนแก้ว "
            "ออกจากทีมงาน (ผู้สำรองเดิม: นางประภาพรธณ ต๊ะทอง)") in teams
    assert "- หัวหน้าคณะบริหารความต่อเนื่องของหน่วยงาน เปลี่ยนจาก นางวันเพ็ญ พึ่งพิบูลย์ เป็น นายกริชณ สัมพันธ์สิทธิ์" in teams


def test_team_added_then_removed(repo):
    repo.edit("teams.yaml", "# ผู้รับผิดชอบขั้นตอนที่ไม่ใช่ทีม BCP\n",
              "  - id: it\n    name: ด้านเทคโนโลยีสารสนเทศ\n    roles:\n"
              "      - {role: lead, primary: seksan, backup: jirayu}\n\n# ผู้รับผิดชอบขั้นตอนที่ไม่ใช่ทีม BCP\n")
    text = repo.changed()
    assert "- เพิ่มทีมด้านเทคโนโลยีสารสนเทศ" in lines(text)
    assert "  - หัวหน้าทีม: นายเสกสรรค์ ปัญญาสงค์ (สำรอง: นายจิรายุ ทินหู่)" in lines(text)
    repo.git("checkout", "-q", "HEAD~1", "--", "data/teams.yaml")
    assert "- ลบทีมด้านเทคโนโลยีสารสนเทศ" in lines(repo.changed())


# --- procedure ---------------------------------------------------------------


def test_step_added_with_its_place_and_responsible(repo):
    repo.edit("procedure.yaml", "      - id: d1-list-casualties\n",
              "      - id: d1-check-backup-site\n        text: ตรวจความพร้อมของสถานที่ปฏิบัติงานสำรอง\n"
              "        responsible:\n          - {team: relief, scope: lead}\n      - id: d1-list-casualties\n")
    procedure = section(repo.changed(), "ขั้นตอน")
    assert lines(procedure)[:3] == [
        "- เพิ่มขั้นตอนในระยะวันที่ ๑ (ภายใน ๒๔ ชั่วโมง): “ตรวจความพร้อมของสถานที่ปฏิบัติงานสำรอง”",
        "  - ผู้รับผิดชอบ: หัวหน้าทีมด้านการให้ความช่วยเหลือผู้ประสบภัย",
        "  - ต่อจากขั้นตอน “ทบทวนกระบวนการ / งานที่มีความเร่งด่วน และส่งผลกระทบอย่างสูงจำเป็นต้องดำเนินหรือ…”",
    ]


def test_step_removed(repo):
    path = repo.data / "procedure.yaml"
    path.write_text(re.sub(r"      - id: d1-list-casualties\n(        .*\n)+", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    assert (section(repo.changed(), "ขั้นตอน").strip()
            == "- ลบขั้นตอนในระยะวันที่ ๑ (ภายใน ๒๔ ชั่วโมง): “ระบุและสรุปรายชื่อบุคลากรในหน่วยงาน ที่ได้รับบาดเจ็บ/เสียชีวิต”")


def test_step_reworded_shows_before_and_after(repo):
    repo.edit("procedure.yaml", "ที่ได้รับบาดเจ็บ/เสียชีวิต\n", "ที่ได้รับบาดเจ็บ สูญหาย หรือเสียชีวิต\n")
    assert lines(section(repo.changed(), "ขั้นตอน")) == [
        "- แก้ไขข้อความขั้นตอนในระยะวันที่ ๑ (ภายใน ๒๔ ชั่วโมง)",
        "  - เดิม: “ระบุและสรุปรายชื่อบุคลากรในหน่วยงาน ที่ได้รับบาดเจ็บ/เสียชีวิต”",
        "  - ใหม่: “ระบุและสรุปรายชื่อบุคลากรในหน่วยงาน ที่ได้รับบาดเจ็บ สูญหาย หรือเสียชีวิต”",
    ]


def test_step_moved_within_a_phase(repo):
    path = repo.data / "procedure.yaml"
    path.write_text(move_block(path.read_text(encoding="utf-8"), "      - id: d1-list-casualties",
                               "      - id: d1-inform-relatives"), encoding="utf-8")
    assert section(repo.changed(), "ขั้นตอน").strip() == (
        "- ย้ายขั้นตอน “ระบุและสรุปรายชื่อบุคลากรในหน่วยงาน ที่ได้รับบาดเจ็บ/เสียชีวิต” ในระยะวันที่ ๑ (ภายใน ๒๔ ชั่วโมง) "
        "ไปไว้ต่อจากขั้นตอน “สื่อสารและรายงานสถานการณ์แก่ญาติผู้ป่วยหนักเพื่อให้ทราบถึงสถานการณ์…”")


def test_step_moved_to_another_phase(repo):
    path = repo.data / "procedure.yaml"
    path.write_text(move_block(path.read_text(encoding="utf-8"), "      - id: d1-log-book",
                               "      - id: d2-track-recovery"), encoding="utf-8")
    procedure = section(repo.changed(), "ขั้นตอน")
    assert lines(procedure)[0] == (
        "- ย้ายขั้นตอน “บันทึก (Log Book) และทบทวนกิจกรรมและงานต่างๆ ที่ทีมงานบริหารความต่อเนื่องของ…” "
        "จากระยะวันที่ ๑ (ภายใน ๒๔ ชั่วโมง) ไประยะวันที่ ๒ - ๗ "
        "(ต่อจากขั้นตอน “ติดตามสถานะภาพการกอบกู้คืนมาของทรัพยากรที่ได้รับผลกระทบ…”)")


def test_step_responsible_changed(repo):
    repo.edit("procedure.yaml", "      - id: d1-list-casualties\n        text: ระบุและสรุปรายชื่อบุคลากรในหน่วยงาน ที่ได้รับบาดเจ็บ/เสียชีวิต\n"
              "        responsible:\n          - unit: section-heads\n",
              "      - id: d1-list-casualties\n        text: ระบุและสรุปรายชื่อบุคลากรในหน่วยงาน ที่ได้รับบาดเจ็บ/เสียชีวิต\n"
              "        responsible:\n          - unit: section-heads\n          - {team: operations, scope: lead}\n")
    assert section(repo.changed(), "ขั้นตอน").strip() == (
        "- ผู้รับผิดชอบขั้นตอน “ระบุและสรุปรายชื่อบุคลากรในหน่วยงาน ที่ได้รับบาดเจ็บ/เสียชีวิต” เปลี่ยนจาก "
        "หัวหน้าฝ่าย/หัวหน้ากลุ่ม เป็น หัวหน้าฝ่าย/หัวหน้ากลุ่ม, หัวหน้าทีมด้านการป้องกันและปฏิบัติการ")


def test_step_made_joint(repo):
    repo.edit("procedure.yaml", "          - {team: strategy, scope: lead_and_team}\n      - id: d1-manual-processing",
              "          - {team: strategy, scope: lead_and_team}\n        joint: true\n      - id: d1-manual-processing")
    assert section(repo.changed(), "ขั้นตอน").strip() == (
        "- แก้ไขผู้รับผิดชอบขั้นตอน “ติดต่อและประสานงานกับหน่วยงานที่เกี่ยวข้องในการจัดหาทรัพยากรที่จำเป็นต้องใช้ใน…”\n"
        "  - เดิม: หัวหน้าและทีมด้านการป้องกันและปฏิบัติการ, หัวหน้าและทีมด้านการให้ความช่วยเหลือผู้ประสบภัย, "
        "หัวหน้าและทีมงานยุทธศาสตร์และการจัดการ และผู้ประสานคณะบริหารความต่อเนื่อง\n"
        "  - ใหม่: หัวหน้าและทีมด้านการป้องกันและปฏิบัติการ ร่วมกับ หัวหน้าและทีมด้านการให้ความช่วยเหลือผู้ประสบภัย ร่วมกับ "
        "หัวหน้าและทีมงานยุทธศาสตร์และการจัดการ และผู้ประสานคณะบริหารความต่อเนื่อง")


# --- BIA, resources, plan info -----------------------------------------------


def test_bia_urgency_and_recovery_changed(repo):
    repo.edit("bia.yaml", "    urgency: medium\n    recovery: 1w", "    urgency: high\n    recovery: 1d")
    assert lines(section(repo.changed(), "การวิเคราะห์ผลกระทบทางธุรกิจ (BIA)")) == [
        "- ความเร่งด่วนของกระบวนการ “งานวินิจฉัยเงินทดแทนกองทุนเงินทดแทน” เปลี่ยนจาก ปานกลาง เป็น สูง",
        "- ระยะเวลาเป้าหมายในการฟื้นคืนของกระบวนการ “งานวินิจฉัยเงินทดแทนกองทุนเงินทดแทน” เปลี่ยนจาก ๑ สัปดาห์ เป็น ๑ วัน",
    ]


def test_bia_process_added(repo):
    (repo.data / "bia.yaml").write_text((repo.data / "bia.yaml").read_text(encoding="utf-8")
                                        + "  - id: registration\n    name: งานขึ้นทะเบียนนายจ้าง\n    urgency: low\n    recovery: 1m\n",
                                        encoding="utf-8")
    assert (section(repo.changed(), "การวิเคราะห์ผลกระทบทางธุรกิจ (BIA)").strip()
            == "- เพิ่มกระบวนการ “งานขึ้นทะเบียนนายจ้าง” (ความเร่งด่วนต่ำ ฟื้นคืนภายใน ๑ เดือน)")


def test_resource_quantities_changed(repo):
    repo.edit("resources.yaml", "quantities: {4h: 2, 1d: 3, 1w: 3, 2w: 3, 1m: 3}", "quantities: {4h: 3, 1d: 3, 1w: 3, 2w: 3, 1m: 3}")
    repo.edit("resources.yaml", "quantities: {4h: 2, 1d: 2, 1w: 2, 2w: 2, 1m: null}", "quantities: {4h: 2, 1d: 2, 1w: 2, 2w: 2, 1m: 2}")
    repo.edit("resources.yaml", "counts: {4h: 1, 1d: 2, 1w: 2, 2w: 2, 1m: 3}", "counts: {4h: 2, 1d: 2, 1w: 2, 2w: 2, 1m: 3}")
    assert lines(section(repo.changed(), "ทรัพยากร")) == [
        "- จำนวนคอมพิวเตอร์โน้ตบุ๊ก ช่วง ๔ ชั่วโมง เปลี่ยนจาก ๒ เครื่อง เป็น ๓ เครื่อง",
        "- จำนวนWifi ระบบ VPN ช่วง ๑ เดือน เปลี่ยนจาก ไม่ระบุ เป็น ๒ เครื่อง",
        "- จำนวนเจ้าหน้าที่รับชำระเงินสมทบ ช่วง ๔ ชั่วโมง เปลี่ยนจาก ๑ คน เป็น ๒ คน",
    ]


def test_a_cell_marked_none_is_told_from_not_stated(repo):
    repo.edit("resources.yaml", "quantities: {4h: 2, 1d: 2, 1w: 2, 2w: 2, 1m: null}", "quantities: {4h: -, 1d: 2, 1w: 2, 2w: 2, 1m: -}")
    assert lines(section(repo.changed(), "ทรัพยากร")) == [
        "- จำนวนWifi ระบบ VPN ช่วง ๔ ชั่วโมง เปลี่ยนจาก ๒ เครื่อง เป็น - (ไม่มี)",
        "- จำนวนWifi ระบบ VPN ช่วง ๑ เดือน เปลี่ยนจาก ไม่ระบุ เป็น - (ไม่มี)",
    ]


def test_office_phone_and_time_window_changed(repo):
    repo.edit("plan.yaml", 'phone: "054265018-21"', 'phone: "054265030"')
    repo.edit("plan.yaml", "{id: 2w, amount: 2, unit: week}", "{id: 2w, amount: 10, unit: day}")
    info = lines(section(repo.changed(), "ข้อมูลทั่วไป"))
    assert "- เบอร์โทรศัพท์สำนักงาน เปลี่ยนจาก ๐ ๕๔๒๖ ๕๐๑๘–๒๑ เป็น ๐ ๕๔๒๖ ๕๐๓๐" in info
    assert "- ช่วงเวลา ๒ สัปดาห์ เปลี่ยนเป็น ๑๐ วัน" in info


def test_second_alternate_site_added_and_the_list_form_alone_prints_nothing(repo):
    site = "alternate_site:\n  name: ศูนย์บริการร่วม กระทรวงแรงงานจังหวัดลำปาง\n"
    repo.edit("plan.yaml", site, "alternate_sites:\n  - name: ศูนย์บริการร่วม กระทรวงแรงงานจังหวัดลำปาง\n")
    repo.commit()
    assert repo.diff() == unchanged(repo)
    repo.edit("plan.yaml", "  - name: ศูนย์บริการร่วม กระทรวงแรงงานจังหวัดลำปาง\n",
              "  - name: ศูนย์บริการร่วม กระทรวงแรงงานจังหวัดลำปาง\n  - name: ที่ว่าการอำเภอ\n    address: ถนนตัวอย่าง\n"
              "    notes: เมื่อศูนย์บริการร่วมใช้ไม่ได้\n")
    assert lines(section(repo.changed(), "ข้อมูลทั่วไป")) == [
        "- เพิ่มสถานที่ปฏิบัติงานสำรอง (ข้อที่ ๒): “ที่ว่าการอำเภอ ถนนตัวอย่าง (เมื่อศูนย์บริการร่วมใช้ไม่ได้)”"]


def test_checklist_answer_and_note_confirmed(repo):
    repo.edit("checklist.yaml", "      - text: ก่อนหน้านี้มีแผนเดิมอยู่\n        answer: true", "      - text: ก่อนหน้านี้มีแผนเดิมอยู่\n        answer: false")
    repo.edit("notes.yaml", "    where: people.yaml (thatchakorn)\n", "    where: people.yaml (thatchakorn)\n    confirmed: true\n")
    text = repo.changed()
    assert section(text, "แบบตรวจสอบ") == "- ข้อ “ก่อนหน้านี้มีแผนเดิมอยู่” (ส่วนข้อมูลพื้นฐาน): คำตอบเปลี่ยนจาก มี เป็น ไม่มี"
    assert section(text, "บันทึกการตัดสินใจเรื่องข้อมูล").strip() == "- ยืนยันบันทึกเรื่อง “นามสกุลของ นางสาวทัชชกร”"


def test_checklist_evidence_made_a_list(repo):
    repo.edit("checklist.yaml", "evidence: call_tree", "evidence: [call_tree, teams]")
    assert section(repo.changed(), "แบบตรวจสอบ") == (
        "- หลักฐานของข้อ “กระบวนการแจ้งเหตุฉุกเฉิน (Call Tree)” (ส่วนองค์ประกอบตามแนวทางของการจัดทำ BCP) เปลี่ยนจาก call\\_tree เป็น call\\_tree, teams")


def test_renamed_urgency_level_is_said_once_not_for_every_process(repo):
    repo.edit("plan.yaml", "{id: high, name: สูง}", "{id: high, name: สูงมาก}")
    repo.edit("teams.yaml", "    name: หัวหน้าฝ่าย/หัวหน้ากลุ่ม", "    name: หัวหน้าฝ่ายและหัวหน้ากลุ่ม")
    text = repo.changed()
    assert [s for s in re.findall(r"^### (.*)$", text, re.M)] == ["ข้อมูลทั่วไป", "ทีมงาน"]
    assert section(text, "ข้อมูลทั่วไป") == "- ระดับความเร่งด่วน “สูง” เปลี่ยนชื่อเป็น “สูงมาก”"
    assert section(text, "ทีมงาน") == (
        "- ชื่อหน่วยงานผู้รับผิดชอบ เปลี่ยนจาก “หัวหน้าฝ่าย/หัวหน้ากลุ่ม” เป็น “หัวหน้าฝ่ายและหัวหน้ากลุ่ม”")


def test_generic_fields_are_still_reported(repo):
    repo.edit("checklist.yaml", "- task: ภารกิจกฎหมาย", "- task: ภารกิจด้านกฎหมาย")
    assert section(repo.changed(), "แบบตรวจสอบ") == (
        "- ส่วนประเด็นที่คณะกรรมการสอบถาม › ระบบ e-Service › แถว “ภารกิจกฎหมาย” › ภารกิจ/งาน "
        "เปลี่ยนจาก “ภารกิจกฎหมาย” เป็น “ภารกิจด้านกฎหมาย”")


# --- revisions and review ----------------------------------------------------


def test_revision_added_with_review_date(repo):
    repo.edit("plan.yaml", 'version: "1"', 'version: "2"')
    repo.edit("plan.yaml", "date: 2023-01-03", "date: 2024-02-01")
    repo.edit("revisions.yaml", "  last_reviewed: 2023-01-03", "  last_reviewed: 2024-02-01")
    (repo.data / "revisions.yaml").write_text((repo.data / "revisions.yaml").read_text(encoding="utf-8") + (
        "  - version: 2\n    date: 2024-02-01\n    changes:\n      - เปลี่ยนเบอร์ต่อของผู้สำรอง\n"
        "    approved_by: ประกันสังคมจังหวัด\n"), encoding="utf-8")
    text = repo.changed()
    assert lines(section(text, "ประวัติการแก้ไขและการทบทวน")) == [
        "- วันที่ทบทวนแผนครั้งล่าสุด เปลี่ยนจาก ๓ มกราคม ๒๕๖๖ เป็น ๑ กุมภาพันธ์ ๒๕๖๗",
        "- เพิ่มประวัติการแก้ไข ฉบับที่ ๒ ลงวันที่ ๑ กุมภาพันธ์ ๒๕๖๗",
        "  - “เปลี่ยนเบอร์ต่อของผู้สำรอง”",
        "  - ผู้อนุมัติ: ประกันสังคมจังหวัด",
    ]
    assert "- ฉบับที่ของแผน เปลี่ยนจาก ๑ เป็น ๒" in lines(section(text, "ข้อมูลทั่วไป"))


def test_exercise_recorded(repo):
    repo.edit("revisions.yaml", "  last_exercised: null", "  last_exercised: 2024-03-15")
    assert (section(repo.changed(), "ประวัติการแก้ไขและการทบทวน").strip()
            == "- เพิ่มวันที่ซ้อมแผนครั้งล่าสุด: ๑๕ มีนาคม ๒๕๖๗")


# --- what is not a change, and what cannot be compared -----------------------


def test_reordered_keys_comments_and_rewrapped_text_are_no_change(repo):
    repo.edit("people.yaml", "    title: นาง\n    first_name: วันเพ็ญ\n", "    first_name: วันเพ็ญ  # ชื่อจริง\n    title: นาง\n")
    repo.edit("teams.yaml", "{role: lead, primary: wanphen, backup: thatchakorn}", "{backup: thatchakorn, primary: wanphen, role: lead}")
    repo.edit("bia.yaml", "    urgency: high\n    recovery: 1d\n", "    recovery: 1d\n    urgency: high\n")
    repo.edit("plan.yaml", "objectives:\n", "# วัตถุประสงค์ตามแผนต้นฉบับ\nobjectives:\n")
    # re-wrapped at a space: the same text (a break inside a Thai word would add a space: a real change)
    repo.edit("plan.yaml", "และผู้มีส่วนได้ส่วนเสีย\n    (Stakeholders) มีความเชื่อมั่น", "และผู้มีส่วนได้ส่วนเสีย (Stakeholders)\n    มีความเชื่อมั่น")
    repo.edit("people.yaml", 'extension: "411"', "extension: 411")
    repo.commit()
    assert repo.git("diff", "--stat", "HEAD~1", "HEAD").strip()  # the text did change
    assert repo.diff() == unchanged(repo)


def test_reordering_people_in_people_yaml_is_no_change(repo):
    path = repo.data / "people.yaml"
    path.write_text(move_block(path.read_text(encoding="utf-8"), "  - id: wanphen", "  - id: krit"), encoding="utf-8")
    repo.commit()
    assert repo.diff() == unchanged(repo)


def test_no_change_is_said_on_the_command_line(repo):
    # a commit that touches no data file: an approver reads that the plan did not change
    (repo.root / "README.md").write_text("แผน\n", encoding="utf-8")
    repo.commit("เอกสารประกอบ")
    result = subprocess.run([sys.executable, "-m", "bcp", "diff"], cwd=repo.root, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (result.returncode, result.stdout) == unchanged(repo)
    assert result.stderr == ""


def test_invalid_new_prints_the_errors_and_exits_1(repo):
    repo.edit("people.yaml", 'extension: "411"', 'extension: "41x"')
    repo.commit()
    result = subprocess.run([sys.executable, "-m", "bcp", "diff"], cwd=repo.root, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert "มีข้อผิดพลาด" in result.stdout
    line = (repo.data / "people.yaml").read_text(encoding="utf-8").splitlines().index('    extension: "41x"') + 1
    assert f"- ข้อผิดพลาด: data/people.yaml บรรทัด {line}: ช่อง people › thatchakorn › extension:" in result.stdout
    assert "เบอร์ต่อต้องเป็นตัวเลข ๒ ถึง ๕ หลัก" in result.stdout


def test_invalid_old_cannot_be_compared_said_in_thai_with_exit_1(repo):
    repo.edit("teams.yaml", "backup: wichan", "backup: nobody")
    repo.commit("ผิด")
    repo.edit("teams.yaml", "backup: nobody", "backup: wichan")
    repo.commit()
    code, text = repo.diff()
    # Nothing was compared: exit 1, so the pull request shows this, never "no change".
    assert code == 1
    assert "ข้อมูลแผนที่ `HEAD~1`" in text and "ใช้ไม่ได้ (มีข้อผิดพลาด ๑ รายการ) จึงเทียบการเปลี่ยนแปลงไม่ได้" in text


def test_old_revision_without_data_is_the_first_plan(tmp_path, monkeypatch):
    monkeypatch.delenv("BCP_DATA", raising=False)
    r = Repo(tmp_path / "plan")
    r.root.mkdir()
    r.git("init", "-q")
    (r.root / "README.md").write_text("แผน\n", encoding="utf-8")
    r.commit("เริ่ม")
    shutil.copytree(LAMPANG, r.data)
    text = r.changed()
    assert "ไม่มีข้อมูลแผนในโฟลเดอร์ `data` ที่ `HEAD~1`" in text
    assert "(๑๓ คน ๓ ทีม ๓๔ ขั้นตอน)" in text


def test_unknown_revision_is_a_thai_error(repo):
    with pytest.raises(DiffError, match="ไม่พบ revision 'no-such-branch'"):
        repo.diff("no-such-branch", "HEAD")
    result = subprocess.run([sys.executable, "-m", "bcp", "diff", "no-such-branch"], cwd=repo.root,
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1 and result.stderr.startswith("ข้อผิดพลาด: ไม่พบ revision 'no-such-branch'")


def test_data_folder_from_bcp_data(tmp_path, monkeypatch):
    r = Repo(tmp_path / "plan", data="offices/lampang")
    shutil.copytree(LAMPANG, r.data)
    r.git("init", "-q")
    r.commit()
    r.edit("people.yaml", 'extension: "209"', 'extension: "210"')
    r.commit()
    monkeypatch.chdir(r.root)
    monkeypatch.setenv("BCP_DATA", "offices/lampang")
    code, text = run()
    assert code == 0
    assert "- เบอร์ต่อของ นางวันเพ็ญ พึ่งพิบูลย์ เปลี่ยนจาก ๒๐๙ เป็น ๒๑๐" in lines(text)


def test_data_is_escaped_for_markdown(repo):
    repo.edit("people.yaml", "position: นิติกรปฏิบัติการ", "position: \"นิติกร *ชำนาญการ* <b>|</b>\"")
    people = section(repo.changed(), "บุคลากร")
    assert "เป็น นิติกร \\*ชำนาญการ\\* &lt;b&gt;\\|&lt;/b&gt;" in people


def test_a_change_no_rule_words_is_still_reported(repo, monkeypatch):
    from bcp.diff import Differ

    repo.edit("people.yaml", 'extension: "411"', 'extension: "499"')
    monkeypatch.setattr(Differ, "people", lambda self: [])  # as if a new field had no sentence yet
    assert section(repo.changed(), "บุคลากร") == "- มีการแก้ไขในไฟล์ people.yaml"


def test_a_field_compared_generically_is_named_by_its_models_title(repo):
    # notes.yaml's `source` is what the source plan says: each model titles its own fields.
    repo.edit("notes.yaml", "source: ตารางที่ ๗ ช่อง ๑ เดือน", "source: ตารางที่ ๗ ช่องหนึ่งเดือน")
    assert lines(section(repo.changed(), "บันทึกการตัดสินใจเรื่องข้อมูล")) == [
        "- แก้ไขบันทึกเรื่อง “จำนวน Wifi ระบบ VPN ช่วง ๑ เดือน” › สิ่งที่ต้นฉบับระบุ",
        "  - เดิม: “ตารางที่ ๗ ช่อง ๑ เดือน มีเพียงคำว่า \"เครื่อง\" ไม่มีจำนวน”",
        "  - ใหม่: “ตารางที่ ๗ ช่องหนึ่งเดือน มีเพียงคำว่า \"เครื่อง\" ไม่มีจำนวน”",
    ]
