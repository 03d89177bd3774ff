"""`make offices`: every office's site side by side, one office's bad data reported without stopping the others."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bcp.offices import Built, Office, build_offices, find_offices
from conftest import FIXTURES, LAMPANG, ROOT, SOURCE_DATE_EPOCH, page_text

pytestmark = pytest.mark.long_running  # started first by make test (tests/conftest.py)

OFFICES = FIXTURES / "offices"
SHOWN = OFFICES.relative_to(ROOT)  # as make is given it, and messages name it


@pytest.fixture(scope="module")
def offices_run(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """`make offices` over the two fixture offices, into a site that already holds an older site of the broken one."""
    site = tmp_path_factory.mktemp("offices") / "site"
    (site / "broken").mkdir(parents=True)
    (site / "broken" / "index.html").write_text("<p>ฉบับก่อนหน้า</p>", encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    for name in ("BCP_DATA", "BCP_PDF", "BCP_EDITION"):
        env.pop(name, None)
    result = subprocess.run(["make", "--no-print-directory", "offices", f"OFFICES={SHOWN}", f"OFFICES_SITE={site}"],
                            cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8")
    return site, result


def test_a_broken_office_fails_the_run_at_the_end_in_thai(offices_run):
    site, result = offices_run
    assert result.returncode != 0
    said = result.stdout + result.stderr
    # the broken office's own report: file, line, field, in Thai
    assert f"ข้อผิดพลาด: {SHOWN}/broken/plan.yaml บรรทัด 6: ช่อง office › phone:" in said
    assert f"ไม่สำเร็จ: broken: แก้ข้อมูลใน {SHOWN}/broken ตามข้อความด้านบน" in said
    summary = (f"สร้างเว็บไซต์สำเร็จ 1 จาก 2 สำนักงาน: ไม่สำเร็จ broken ({SHOWN}/broken): "
               "แก้ข้อมูลตามข้อความด้านบน แล้วสั่งอีกครั้ง")
    assert summary in result.stderr.splitlines()  # after every office's report (make adds its own line)
    assert said.index("สำเร็จ: mini:") < said.index(summary) and said.index("ไม่สำเร็จ: broken:") < said.index(summary)


def test_the_other_office_is_built_with_its_pdfs(offices_run):
    site, result = offices_run
    assert f"สำเร็จ: mini: เปิด {site}/mini/index.html" in result.stdout
    assert "สำนักงานทดสอบ" in (site / "mini" / "index.html").read_text(encoding="utf-8")
    assert "นางหัวหน้า ทดสอบ" in page_text(site / "mini", "cards/head")
    for pdf in ("plan", "cards", "call-tree"):
        assert (site / "mini" / "pdf" / f"{pdf}.pdf").stat().st_size > 0
    # published as make site publishes: nothing half-built or locked left beside the sites
    assert sorted(path.name for path in site.iterdir()) == ["broken", "index.html", "mini"]


def test_the_broken_offices_previous_site_stays(offices_run):
    site, _ = offices_run
    assert (site / "broken" / "index.html").read_text(encoding="utf-8") == "<p>ฉบับก่อนหน้า</p>"


def test_the_index_lists_every_office_offline(offices_run):
    site, _ = offices_run
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="th">' in index
    mini = re.search(r'<li id="mini">(.*?)</li>', index, re.S)[1]
    assert '<a class="name" href="mini/index.html">สำนักงานทดสอบ</a>' in mini  # the name from the office's data
    assert "แผนทดสอบ ฉบับที่ 2 (1 พฤษภาคม 2567)" in mini  # an Arabic-digit plan, as its cover says it
    assert '<a href="mini/pdf/plan.pdf">แผนฉบับ PDF</a>' in mini
    broken = re.search(r'<li id="broken">(.*?)</li>', index, re.S)[1]
    assert "การสร้างครั้งล่าสุดไม่สำเร็จ" in broken and "ฉบับก่อนหน้า" in broken
    # opened from a laptop's disk: every link is one of the sites here, nothing from the internet
    for link in re.findall(r'(?:href|src)="([^"]+)"', index):
        assert not re.match(r"[a-z]+:|//", link) and (site / link).exists(), link
    assert "<script" not in index and "@import" not in index


def test_an_office_that_never_built_is_listed_without_a_link(tmp_path):
    from bcp.offices import listings, write_index

    site = tmp_path / "site"
    index = write_index(listings(find_offices(OFFICES), site), site).read_text(encoding="utf-8")
    broken = re.search(r'<li id="broken">(.*?)</li>', index, re.S)[1]
    assert "href" not in broken and "ยังไม่มีเว็บไซต์: ข้อมูลของสำนักงานนี้มีข้อผิดพลาด" in broken
    assert "href" not in re.search(r'<li id="mini">(.*?)</li>', index, re.S)[1]  # not built here yet


def _waits_for_the_other(office: Office, site: Path) -> Built:
    """A build that finishes only once the other office's build has started too."""
    site.mkdir(parents=True, exist_ok=True)
    (site / f"{office.id}.started").touch()
    other = next(name for name in ("first", "second") if name != office.id)
    deadline = time.monotonic() + 60
    while not (site / f"{other}.started").exists():
        if time.monotonic() > deadline:
            return Built(office, False, "the other office's build never ran alongside")
        time.sleep(0.05)
    return Built(office, True, f"built {office.id}")


def test_offices_are_built_side_by_side(tmp_path, capsys):
    offices = [Office("first", tmp_path / "first"), Office("second", tmp_path / "second")]
    results = build_offices(offices, tmp_path / "site", jobs=2, build=_waits_for_the_other)
    assert [(built.office.id, built.ok) for built in results] == [("first", True), ("second", True)], results
    said = capsys.readouterr().out
    assert "สร้างเว็บไซต์ของ 2 สำนักงาน (first, second) พร้อมกันครั้งละ 2 สำนักงาน" in said
    assert "สำเร็จ: first:" in said and "built second" in said


def test_lampang_is_an_office_that_reuses_data(tmp_path):
    lampang = ROOT / "offices" / "lampang"
    assert lampang.is_symlink() and lampang.resolve() == LAMPANG  # one copy of the data
    assert [office.id for office in find_offices(ROOT / "offices")] == ["lampang"]
    listed = subprocess.run([sys.executable, "-m", "bcp.offices", "list"], cwd=ROOT, capture_output=True, text=True)
    assert json.loads(listed.stdout) == ["lampang"]
    checked = subprocess.run([sys.executable, "-m", "bcp", "check", "offices/lampang"], cwd=ROOT, capture_output=True,
                             text=True, encoding="utf-8")
    assert checked.returncode == 0 and checked.stdout.startswith("ข้อมูลแผนถูกต้อง: offices/lampang")


def test_a_folder_name_that_cannot_be_an_address_is_said_in_thai(tmp_path):
    from bcp.offices import build_office

    built = build_office(Office("Chiang Mai", tmp_path / "Chiang Mai"), tmp_path / "site")
    assert not built.ok
    assert built.output.startswith(f"ข้อผิดพลาด: ชื่อโฟลเดอร์ {tmp_path / 'Chiang Mai'} ใช้เป็นรหัสสำนักงานไม่ได้")


def test_a_link_to_no_folder_is_an_office_whose_build_says_so(tmp_path):
    from bcp.offices import build_office

    (tmp_path / "offices").mkdir()
    (tmp_path / "offices" / "README.md").write_text("", encoding="utf-8")
    (tmp_path / "offices" / "gone").symlink_to(tmp_path / "moved-away")
    (office,) = find_offices(tmp_path / "offices")
    built = build_office(office, tmp_path / "site")
    assert not built.ok and "ไม่พบโฟลเดอร์ข้อมูลของแผน" in built.output


def test_an_unknown_office_is_said_in_thai(tmp_path):
    result = subprocess.run([sys.executable, "-m", "bcp.offices", "build", "chiangmai", "--offices", str(OFFICES),
                             "--site", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1
    assert result.stderr.strip() == f"ข้อผิดพลาด: ไม่พบสำนักงาน chiangmai ใน {OFFICES}: ที่มีคือ broken, mini"


def test_the_index_words_each_plan_as_its_cover_does(data_copy, tmp_path):
    """Its title, its version as the cover words it (a version that is a phrase of its own is not
    numbered again), its date."""
    from bcp.offices import listings, write_index

    data_copy.replace("plan.yaml", 'version: "1"', "version: ฉบับปรับปรุง")
    data_copy.replace("revisions.yaml", '  - version: "1"', "  - version: ฉบับปรับปรุง")
    site = tmp_path / "site"
    index = write_index(listings([Office("lampang", data_copy.folder)], site), site).read_text(encoding="utf-8")
    entry = re.search(r'<li id="lampang">(.*?)</li>', index, re.S)[1]
    assert "แผนบริหารความต่อเนื่อง ฉบับปรับปรุง (๓ มกราคม ๒๕๖๖)" in entry and "ฉบับที่" not in entry
