"""The plan owners' guide: its error examples are what the checker really prints."""

from __future__ import annotations

import datetime as dt

import re
import shutil
from pathlib import Path

import pytest

from bcp import DataError, load_plan
from bcp.review import review_status
from conftest import LAMPANG, ROOT, page_text

GUIDE = ROOT / "docs" / "owner-guide.md"
SOMCHAI = ("  - id: somchai\n    title: นาย\n    first_name: สมชาย\n    last_name: ใจดี\n"
           "    position: นักวิชาการแรงงาน\n    extension: \"411\"\n")


def normalised(text: str) -> str:
    # Line numbers depend on the office's files; the guide's example team is "support".
    return re.sub(r"บรรทัด \d+", "บรรทัด N", text).replace("teams › relief ›", "teams › support ›")


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    shutil.copytree(LAMPANG, tmp_path / "data")
    monkeypatch.chdir(tmp_path)  # files are then shown as data/people.yaml, as the guide shows them
    return tmp_path / "data"


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def report(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_plan(data)
    return caught.value.report().splitlines()


def in_guide(line: str) -> bool:
    return normalised(line) in normalised(GUIDE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("mistake", ["41l", "extention", "tab", "indent"])
def test_people_yaml_examples_are_real(data, mistake):
    person = {
        "41l": SOMCHAI.replace('"411"', '"41l"'),
        "extention": SOMCHAI.replace("extension:", "extention:"),
        "tab": SOMCHAI.replace("    position:", "\tposition:"),
        "indent": SOMCHAI.replace("    position:", "   position:"),
    }[mistake]
    append(data / "people.yaml", person)
    lines = report(data)
    assert len(lines) == 2, lines
    assert in_guide(lines[0]), lines[0]
    if mistake == "41l":
        assert in_guide(lines[1]), lines[1]


def test_teams_yaml_examples_are_real(data):
    append(data / "people.yaml", SOMCHAI)
    role = "      - {role: member, primary: jirayu, backup: wichan}\n"
    replace(data / "teams.yaml", role, role + "      - {role: member, primary: somchai, backup: somsri}\n")
    (unknown,) = [line for line in report(data) if line.startswith("ข้อผิดพลาด")]
    prefix = unknown.split("ที่ใช้ได้คือ ")[0] + "ที่ใช้ได้คือ "
    assert in_guide(prefix), prefix
    replace(data / "teams.yaml", "backup: somsri", "backup: somchai")
    (self_backup,) = [line for line in report(data) if line.startswith("ข้อผิดพลาด")]
    assert in_guide(self_backup), self_backup
    replace(data / "teams.yaml", "backup: somchai", "backup: [somsri, wichan]")
    (several,) = [line for line in report(data) if line.startswith("ข้อผิดพลาด")]
    assert in_guide(several), several


def test_revisions_yaml_examples_are_real(data):
    replace(data / "revisions.yaml", "  last_exercised: null", "  last_exercised: 15/3/2567")
    assert in_guide(report(data)[0])
    replace(data / "revisions.yaml", "  last_exercised: 15/3/2567", "  last_exercised: null")
    append(data / "revisions.yaml", "  - version: 2\n    date: 2024-02-01\n    changes: [แก้เบอร์ต่อ]\n")
    assert in_guide(report(data)[0])


def test_warning_examples_are_real(data):
    append(data / "people.yaml", SOMCHAI)
    plan = load_plan(data)
    lonely = [str(w) for w in plan.warnings if "somchai" in str(w)]
    assert lonely and in_guide(lonely[0]), lonely
    (overdue, _) = review_status(plan, dt.date.today()).reminders
    shown = str(overdue.problem("data/revisions.yaml"))
    assert in_guide(shown.split("แผนเลยกำหนดทบทวนแล้ว:")[0] + "แผนเลยกำหนดทบทวนแล้ว: …")


def test_guide_is_on_the_site(lampang_site):
    text = page_text(lampang_site, "owner-guide")
    assert "เปลี่ยนเบอร์โทรศัพท์" in text and "ส่งให้หัวหน้าอนุมัติด้วย Pull Request" in text
    assert 'extension: "499"' in text  # the YAML example survives Markdown and macros as code
    raw = (lampang_site / "owner-guide" / "index.html").read_text(encoding="utf-8")
    assert 'href="../revisions/index.html"' in raw
    assert "คู่มือผู้รับผิดชอบแผน" in (lampang_site / "index.html").read_text(encoding="utf-8")


def test_buddhist_era_example_is_real(data):
    replace(data / "revisions.yaml", "last_reviewed: 2023-01-03", "last_reviewed: 2567-03-15")
    assert in_guide(report(data)[0])


def test_public_edition_example_is_real(data):
    from bcp.edition import plan_for

    replace(data / "procedure.yaml", "text: แต่งตั้งคณะบริหารความต่อเนื่องของสำนักงานประกันสังคม จังหวัดลำปาง",
            "text: โทรแจ้ง 081-234-5678")
    with pytest.raises(DataError) as caught:
        plan_for(load_plan(data), "public")
    assert in_guide(caught.value.report().splitlines()[0])


def test_link_outside_example_is_real(data):
    (data / "notes.yaml").unlink()
    (data / "notes.yaml").symlink_to("/etc/hostname")
    assert in_guide(report(data)[0])


def test_internal_error_line_is_in_the_guide():
    from bcp.problems import INTERNAL_ERROR

    assert in_guide(INTERNAL_ERROR.split(":")[0] + ": …")


# The guide's labels.yaml example, as it shows it.
LABELS_EXAMPLE = """\
impact_matrix_title: สรุปเหตุการณ์สภาวะวิกฤติและผลกระทบจากเหตุการณ์
impact_matrix_caption: สรุปเหตุการณ์สภาวะวิกฤติและผลกระทบจากเหตุการณ์
column_incident_crisis: เหตุการณ์สภาวะวิกฤติ
revisions_caption: ประวัติการปรับปรุงแผน
bia_table_reference: ""
"""


def test_labels_yaml_example_and_its_errors_are_real(data):
    assert all(in_guide("    " + line) for line in LABELS_EXAMPLE.splitlines())
    (data / "labels.yaml").write_text(LABELS_EXAMPLE, encoding="utf-8")
    labels = load_plan(data).labels
    assert labels.revisions_caption == "ประวัติการปรับปรุงแผน" and labels.bia_table_reference == ""
    (data / "labels.yaml").write_text("revision_caption: ประวัติการปรับปรุงแผน\n", encoding="utf-8")
    assert in_guide(report(data)[0]), report(data)[0]
    (data / "labels.yaml").write_text("bia_caption: ตารางที่ {numbr} ผลกระทบทางธุรกิจ\n", encoding="utf-8")
    assert in_guide(report(data)[0]), report(data)[0]


def test_guide_lists_every_label_on_the_site(lampang_site):
    from bcp.model import LABEL_SPECS

    text = page_text(lampang_site, "owner-guide")
    assert "สิ่งที่ระบบเติมให้เอง" in text
    for key in LABEL_SPECS:  # the list is made from the catalogue: every key is there
        assert f" {key} " in text, key


def _file_table(text: str) -> dict[str, str]:
    """The data files a document's table lists, each with what it says about being required."""
    return {match[1]: match[2] for match in re.finditer(r"^\| `(\w+\.yaml)` \| ([^|]+?) \|", text, re.M)}


@pytest.mark.parametrize("document", [GUIDE, ROOT / "README.md"], ids=["guide", "readme"])
def test_every_data_file_is_listed_as_required_or_optional(document):
    from bcp.model import FILES
    from bcp.plan_loading import OPTIONAL_FILES

    listed = _file_table(document.read_text(encoding="utf-8"))
    assert listed == {file: "ไม่บังคับ" if file in OPTIONAL_FILES else "ต้องมี" for file in FILES}


def test_new_office_section_gives_the_commands_in_order():
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("## เริ่มแผนของสำนักงานใหม่ { #new-office }", 1)[1].split("\n## ", 1)[0]
    commands = ["git clone ", "make setup", ".venv/bin/bcp new ../data-chiangmai", "BCP_DATA=../data-chiangmai make check",
                "BCP_DATA=../data-chiangmai make site", "cp -r ../data-chiangmai offices/chiangmai",
                "git push -u origin office-chiangmai", "แล้วเปิด Pull Request"]
    positions = [section.index(command) for command in commands]
    assert positions == sorted(positions)
    assert "ในโฟลเดอร์ของเครื่องมือ" in section  # make check is run where the tool is, not in the data folder
