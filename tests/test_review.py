"""Revision history and review reminders: data rules, dates, the build's warning, the site's banner."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bcp import DataError, load_plan
from bcp import model as m
from bcp.review import add_months, review_status
from bcp.settings import Settings, SettingsError
from conftest import LAMPANG, ROOT, page_text

# 2024-06-01 12:00 in Thailand: Lampang's review (due 2024-01-03) is overdue.
JUNE_2024 = "2024-06-01"


def with_review(plan, **review) -> object:
    fields = {"last_reviewed": dt.date(2024, 1, 10), "review_every_months": 12,
              "last_exercised": dt.date(2024, 2, 20), "exercise_every_months": 12, **review}
    return dataclasses.replace(plan, revisions_file=m.Revisions(review=m.Review(**fields), revisions=plan.revisions))


# --- dates -----------------------------------------------------------------


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(dt.date(2023, 1, 3), 12) == dt.date(2024, 1, 3)
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2023, 11, 30), 3) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2023, 12, 15), 6) == dt.date(2024, 6, 15)


def reference_date(environ: dict) -> dt.date:
    return Settings.from_environ(environ).reference_date()


def test_reminders_compare_with_bcp_today_or_todays_date_in_thailand():
    assert reference_date({"BCP_TODAY": "2023-11-15"}) == dt.date(2023, 11, 15)
    assert reference_date({}) == dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()
    # The commit date used for reproducible files must not freeze the reminders.
    assert reference_date({"SOURCE_DATE_EPOCH": "1672704000"}) == dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()


@pytest.mark.parametrize("value", ["bogus", "2023-02-31", "2566-13-01", "15/11/2566"])
def test_a_bcp_today_that_is_not_a_date_is_a_thai_error(value):
    with pytest.raises(SettingsError, match="BCP_TODAY ต้องเป็นวันที่แบบ ค.ศ. ปี-เดือน-วัน"):
        Settings.from_environ({"BCP_TODAY": value})


# --- reminders -------------------------------------------------------------


def test_lampang_is_overdue_for_review_and_has_no_exercise(lampang_plan):
    status = review_status(lampang_plan, today=dt.date(2024, 6, 1))
    assert status.review_due == dt.date(2024, 1, 3)
    assert [r.kind for r in status.reminders] == ["review", "exercise"]
    assert status.reminders[0].message == ("แผนเลยกำหนดทบทวนแล้ว: ทบทวนครั้งล่าสุดเมื่อ ๓ มกราคม ๒๕๖๖ "
                                           "ต้องทบทวนทุก ๑๒ เดือน (ครบกำหนด ๓ มกราคม ๒๕๖๗)")
    # never exercised: due 12 months after the plan's date, and overdue since
    assert status.reminders[1].message == ("ยังไม่มีบันทึกการซ้อมแผน: ต้องซ้อมแผนทุก ๑๒ เดือน "
                                           "(ครบกำหนดครั้งแรก ๓ มกราคม ๒๕๖๗ นับจากวันที่ของแผน)")
    assert status.notice is None


def test_not_overdue_on_the_due_date_itself(lampang_plan):
    status = review_status(lampang_plan, today=dt.date(2024, 1, 3))
    assert status.reminders == ()
    # not exercised yet, and not late: a calm notice, no reminder
    assert status.notice == "แผนฉบับนี้ยังไม่มีบันทึกการซ้อมแผน: การซ้อมแผนครั้งแรกภายใน ๓ มกราคม ๒๕๖๗"


def test_a_first_edition_not_reviewed_yet_gets_one_calm_notice(lampang_plan):
    plan = with_review(lampang_plan, last_reviewed=None, last_exercised=None)
    status = review_status(plan, today=dt.date(2023, 6, 1))
    assert (status.reminders, status.overdue) == ((), False)
    assert status.notice == ("แผนฉบับนี้ยังไม่มีบันทึกการทบทวนและการซ้อมแผน: การทบทวนครั้งแรกภายใน ๓ มกราคม ๒๕๖๗ "
                             "การซ้อมแผนครั้งแรกภายใน ๓ มกราคม ๒๕๖๗")
    assert (status.review_due, status.exercise_due) == (dt.date(2024, 1, 3), dt.date(2024, 1, 3))
    # without a review section at all: reviewed yearly from the plan's date
    status = review_status(dataclasses.replace(lampang_plan, revisions_file=m.Revisions()), today=dt.date(2023, 6, 1))
    assert status.reminders == () and status.notice.startswith("แผนฉบับนี้ยังไม่มีบันทึกการทบทวนและการซ้อมแผน: "
                                                               "การทบทวนและการซ้อมแผนครั้งแรกภายใน ๓ มกราคม ๒๕๖๗")


def test_up_to_date_plan_has_no_reminder(lampang_plan):
    plan = with_review(lampang_plan)
    assert review_status(plan, today=dt.date(2024, 6, 1)).reminders == ()
    assert not review_status(plan, today=dt.date(2024, 6, 1)).overdue


def test_stale_exercise(lampang_plan):
    plan = with_review(lampang_plan, last_exercised=dt.date(2022, 5, 1), exercise_every_months=6)
    (reminder,) = review_status(plan, today=dt.date(2024, 6, 1)).reminders
    assert reminder.kind == "exercise"
    assert reminder.message == ("เลยกำหนดซ้อมแผนแล้ว: ซ้อมครั้งล่าสุดเมื่อ ๑ พฤษภาคม ๒๕๖๕ "
                                "ต้องซ้อมทุก ๖ เดือน (ครบกำหนด ๑ พฤศจิกายน ๒๕๖๕)")
    assert str(reminder.problem("data/revisions.yaml")).startswith(
        "คำเตือน: data/revisions.yaml: ช่อง review › last_exercised: เลยกำหนดซ้อมแผนแล้ว")


def test_plan_without_review_section_is_reminded_once_a_year_has_passed(lampang_plan):
    plan = dataclasses.replace(lampang_plan, revisions_file=m.Revisions())
    status = review_status(plan, today=dt.date(2024, 6, 1))
    (reminder,) = status.reminders
    assert reminder.message == ("แผนไม่ได้ระบุวันที่ทบทวนและซ้อมแผนครั้งล่าสุด และเลยกำหนดทบทวนประจำปีแล้ว "
                                "(ครบกำหนด ๓ มกราคม ๒๕๖๗)")
    assert status.notice is None


# --- revisions.yaml rules ----------------------------------------------------


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(LAMPANG, folder)
    return folder


def add_revision(folder: Path, entry: str) -> None:
    path = folder / "revisions.yaml"
    path.write_text(path.read_text(encoding="utf-8") + entry, encoding="utf-8")


def errors_of(folder: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_plan(folder)
    return [str(p) for p in caught.value.errors]


def test_newest_revision_must_be_plan_yaml_version(data):
    add_revision(data, "  - version: 2\n    date: 2024-02-01\n    changes: [แก้เบอร์ต่อ]\n")
    line = len((data / "revisions.yaml").read_text(encoding="utf-8").splitlines()) - 2
    assert errors_of(data) == [
        f"ข้อผิดพลาด: {data}/revisions.yaml บรรทัด {line}: ช่อง revisions › ลำดับที่ 2 › version: "
        "ฉบับล่าสุดในประวัติการแก้ไขคือ 2 แต่ plan.yaml ระบุ version: 1: แก้ให้ตรงกัน (หน้าปกแสดงฉบับที่จาก plan.yaml)"
    ]


def test_the_version_may_be_worded_and_is_matched_by_its_number(data):
    replace_in(data / "plan.yaml", 'version: "1"', 'version: "๒ (ปรับปรุง)"')
    add_revision(data, "  - version: 2\n    date: 2024-02-01\n    changes: [แก้เบอร์ต่อ]\n")
    plan = load_plan(data)
    assert (plan.info.version, plan.version_label) == ("๒ (ปรับปรุง)", "ฉบับที่ ๒ (ปรับปรุง)")
    replace_in(data / "plan.yaml", 'version: "๒ (ปรับปรุง)"', 'version: "๓ (ปรับปรุง)"')
    assert errors_of(data)[0].endswith("ฉบับล่าสุดในประวัติการแก้ไขคือ 2 แต่ plan.yaml ระบุ version: ๓ (ปรับปรุง): "
                                       "แก้ให้ตรงกัน (หน้าปกแสดงฉบับที่จาก plan.yaml)")
    # a version that says "ฉบับ..." itself is not prefixed twice
    replace_in(data / "plan.yaml", 'version: "๓ (ปรับปรุง)"', 'version: "ฉบับปรับปรุงครั้งที่ 2"')
    assert load_plan(data).version_label == "ฉบับปรับปรุงครั้งที่ 2"


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_revision_versions_unique_and_dates_in_order(data):
    add_revision(data, "  - version: \"1\"\n    date: 2022-12-01\n    changes: [แก้เบอร์ต่อ]\n")
    found = "\n".join(errors_of(data))
    assert "ฉบับที่ 1 ซ้ำกับรายการลำดับที่ 1" in found
    assert "วันที่เก่ากว่ารายการก่อนหน้า: เรียงประวัติการแก้ไขจากเก่าไปใหม่" in found


def test_review_interval_must_be_at_least_a_month(data):
    path = data / "revisions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("review_every_months: 12", "review_every_months: 0"), encoding="utf-8")
    assert any("ช่อง review › review_every_months: รอบเวลาต้องอย่างน้อย ๑ เดือน" in e for e in errors_of(data))


def test_missing_revisions_file_is_allowed_and_reminded(data):
    (data / "revisions.yaml").unlink()
    plan = load_plan(data)
    assert plan.revisions == [] and plan.review is None
    assert review_status(plan, dt.date(2024, 6, 1)).overdue


# --- what users see ------------------------------------------------------------


def banner(site: Path, page: str = "index.html") -> str:
    """Text of Material's announcement bar on a built page ("" when there is none)."""
    raw = (site / page).read_text(encoding="utf-8")
    match = re.search(r'<aside class="md-banner">(.*?)</aside>', raw, re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", match.group(1)))).strip() if match else ""


def test_lampang_site_shows_the_overdue_banner_on_every_page(lampang_site):
    for page in ("index.html", "teams/index.html", "procedure/index.html", "revisions/index.html"):
        text = banner(lampang_site, page)
        assert "แผนเลยกำหนดทบทวนแล้ว: ทบทวนครั้งล่าสุดเมื่อ ๓ มกราคม ๒๕๖๖" in text, page
        assert "ยังไม่มีบันทึกการซ้อมแผน" in text, page
    raw = (lampang_site / "teams" / "index.html").read_text(encoding="utf-8")
    assert 'href="../revisions/index.html">ดูประวัติการแก้ไขและการทบทวน</a>' in raw


def test_revisions_page_shows_history_and_review_dates(lampang_site):
    text = page_text(lampang_site, "revisions")
    assert "ฉบับที่ วันที่ สิ่งที่เปลี่ยนแปลง ผู้อนุมัติ ๑ ๓ มกราคม ๒๕๖๖ จัดทำแผน ไม่ระบุ" in text
    assert "ทบทวนแผนครั้งล่าสุด ๓ มกราคม ๒๕๖๖" in text
    assert "ครบกำหนดทบทวนครั้งถัดไป ๓ มกราคม ๒๕๖๗ (เลยกำหนดแล้ว)" in text
    assert "ซ้อมแผนครั้งล่าสุด ยังไม่มีบันทึก" in text
    nav = (lampang_site / "index.html").read_text(encoding="utf-8")
    assert "ประวัติการแก้ไขและการทบทวน" in nav


def test_build_logs_the_warning_and_an_up_to_date_plan_has_no_banner(tmp_path, data):
    def build(folder: Path, out: Path) -> subprocess.CompletedProcess:
        env = {**os.environ, "BCP_DATA": str(folder), "NO_MKDOCS_2_WARNING": "1", "BCP_TODAY": JUNE_2024}
        env.pop("BCP_PDF", None)
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                               "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True)

    overdue = build(LAMPANG, tmp_path / "overdue")
    assert overdue.returncode == 0, overdue.stderr
    # a line of its own, as bcp check prints it (no "INFO -" in front)
    assert any(line.startswith(f"คำเตือน: data/revisions.yaml บรรทัด {line_of('last_reviewed:')}: ช่อง review › "
                               "last_reviewed: แผนเลยกำหนดทบทวนแล้ว") for line in overdue.stderr.splitlines())
    assert "(ครบกำหนด ๓ มกราคม ๒๕๖๗)" in banner(tmp_path / "overdue")
    assert "ตรวจสถานะ ณ วันที่ ๑ มิถุนายน ๒๕๖๗" in page_text(tmp_path / "overdue", "revisions")

    path = data / "revisions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("last_reviewed: 2023-01-03", "last_reviewed: 2024-05-01")
                    .replace("last_exercised: null", "last_exercised: 2024-05-20"), encoding="utf-8")
    current = build(data, tmp_path / "current")
    assert current.returncode == 0, current.stderr
    assert "revisions.yaml" not in current.stderr
    assert banner(tmp_path / "current") == ""
    assert 'class="md-banner"' not in (tmp_path / "current" / "index.html").read_text(encoding="utf-8")
    assert "ครบกำหนดทบทวนครั้งถัดไป ๑ พฤษภาคม ๒๕๖๘" in page_text(tmp_path / "current", "revisions")


def test_bcp_check_prints_the_reminders_and_still_passes():
    env = {**os.environ, "BCP_TODAY": JUNE_2024}
    env.pop("BCP_DATA", None)
    result = subprocess.run([sys.executable, "-m", "bcp", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0
    # Each at the line where the date is to be recorded.
    assert (f"คำเตือน: data/revisions.yaml บรรทัด {line_of('last_reviewed:')}: ช่อง review › last_reviewed: "
            "แผนเลยกำหนดทบทวนแล้ว: ทบทวนครั้งล่าสุดเมื่อ ๓ มกราคม ๒๕๖๖ ต้องทบทวนทุก ๑๒ เดือน (ครบกำหนด ๓ มกราคม ๒๕๖๗): "
            "เมื่อทำแล้วให้บันทึกวันที่ในช่องนี้") in result.stderr
    assert (f"คำเตือน: data/revisions.yaml บรรทัด {line_of('last_exercised:')}: ช่อง review › last_exercised: "
            "ยังไม่มีบันทึกการซ้อมแผน") in result.stderr


def test_bcp_check_says_once_and_calmly_that_a_first_edition_is_not_reviewed_yet(data):
    replace_in(data / "revisions.yaml", "last_reviewed: 2023-01-03", "last_reviewed: null")
    env = {**os.environ, "BCP_TODAY": "2023-06-01", "BCP_DATA": str(data)}
    result = subprocess.run([sys.executable, "-m", "bcp", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    about_review = [line for line in result.stderr.splitlines() if "revisions.yaml" in line]
    assert about_review == [f"หมายเหตุ: {data}/revisions.yaml บรรทัด {line_of('review:')}: ช่อง review: แผนฉบับนี้ยังไม่มีบันทึก"
                            "การทบทวนและการซ้อมแผน: การทบทวนครั้งแรกภายใน ๓ มกราคม ๒๕๖๗ การซ้อมแผนครั้งแรกภายใน ๓ มกราคม ๒๕๖๗"]
    warnings = result.stderr.count("คำเตือน: ")
    assert f"คำเตือน {warnings} รายการ)" in result.stdout  # the notice is not counted as a warning


def line_of(key: str) -> int:
    """The line of Lampang's revisions.yaml that starts with `key` (after indentation)."""
    lines = (LAMPANG / "revisions.yaml").read_text(encoding="utf-8").splitlines()
    return next(number for number, text in enumerate(lines, 1) if text.strip().startswith(key))
