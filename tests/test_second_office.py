"""A second office's plan (tests/fixtures/second-office, README.md there), read from its site and PDFs:
what the first office's data never needed, as a clerk sees it."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from bcp import load_plan
from conftest import SECOND_OFFICE

pytestmark = pytest.mark.long_running  # started first by make test (tests/conftest.py)

KANYA, DARA, PREECHA = "นางสาวกัญญา บริการเด่น", "นางสาวดารา สำรองหนึ่ง", "นายปรีชา สำรองสอง"
SOMSRI, MANEE, PITI = "นางสมศรี ใจตัวอย่าง", "นางสาวมานี ทดลองดี", "นายปิติ สมมุติชัย"
SITES = ("ศูนย์ราชการสำรองอำเภอตัวอย่าง", "ห้องประชุมที่ว่าการอำเภอเมืองสมมุติ")


def fold(text: str) -> str:
    return " ".join(text.split())


def text_of(element) -> str:
    return fold(element.get_text(" "))


def page(site: Path, name: str) -> BeautifulSoup:
    path = site / name / "index.html" if name else site / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def one(soup, selector: str):
    found = soup.select(selector)
    assert len(found) == 1, f"{selector}: {len(found)} elements"
    return found[0]


def wall(site: Path, person_id: str):
    """The person's wall card (the card page's top, pdf/cards/<id>.pdf)."""
    return one(page(site, f"cards/{person_id}"), ".bcp-wall")


def duties(site: Path, person_id: str):
    """The person's full duties, below the wall card (pdf/duties/<id>.pdf)."""
    return one(page(site, f"cards/{person_id}"), ".bcp-duties")


def in_order(text: str, *parts: str) -> bool:
    """Every part is in `text`, each after the one before."""
    at = -1
    for part in parts:
        at = text.find(part, at + 1)
        if at < 0:
            return False
    return True


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_text(path: Path, page_number: int | None = None) -> str:
    """The PDF's text layer in drawing order, NFKC, without whitespace (see test_cards.pdf_text)."""
    pages = ["-f", str(page_number), "-l", str(page_number)] if page_number else []
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", *pages, str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return squeeze(out)


@pytest.fixture(scope="module")
def plan():
    return load_plan(SECOND_OFFICE)


def test_the_fixture_holds_what_a_second_office_needed(plan):
    # The tests below read these from the site: the fixture must keep them.
    assert len(plan.scope.incidents) == 5 and len(plan.teams) == 4
    assert [a.team.id for a in plan.assignments("manee")] == ["command", "systems", "logistics"]
    assert plan.teams["services"].roles[0].backups == ["dara", "preecha"]
    assert [s.name for s in plan.info.alternate_sites] == list(SITES)
    assert any(step.joint for step in plan.all_steps)
    assert plan.people["kanya"].mobile == "0800000101"  # typed "080-000-0101"
    assert plan.people["preecha"].mobile == "0800000303"  # typed in Thai digits with spaces


# --- several backups, in order -------------------------------------------------------------------


def test_teams_table_lists_the_backups_with_their_rank(second_office_site):
    teams = page(second_office_site, "teams")
    lead, member = one(teams, "#team-services tbody").select("tr")
    assert [(text_of(one(box, ".bcp-rank")), text_of(one(box, ".bcp-person__name"))) for box in lead.select(".bcp-backup")] == [
        ("ลำดับที่ 1", DARA), ("ลำดับที่ 2", PREECHA)]
    assert len(member.select(".bcp-backup")) == 1 and not member.select(".bcp-rank")  # one backup: no rank


def test_call_tree_tries_the_primary_then_each_backup_in_order(second_office_site):
    tree = one(page(second_office_site, "call-tree"), "#call-tree-diagram")
    services = one(tree, 'li[data-team="services"] > .bcp-tree__box')
    assert text_of(services).startswith("หัวหน้าทีมงานบริการประชาชน")
    assert in_order(text_of(services), KANYA, f"ไม่รับสาย โทร {DARA}", f"ไม่รับสาย โทร {PREECHA}")
    # the head leads the command team herself: her backups are told to stand by, in order
    command = one(tree, 'li[data-team="command"] > .bcp-tree__box')
    assert in_order(text_of(command), "(ต้นสายเป็นหัวหน้าทีมนี้เอง)", f"แจ้งผู้สำรองให้เตรียมทำหน้าที่แทน: {MANEE}",
                    f"ไม่รับสาย แจ้ง {PITI}")


def test_each_backups_card_says_whose_backup_and_which_rank(second_office_site):
    # the wall card, in words
    first = text_of(one(wall(second_office_site, "dara"), '[data-role="services:lead:backup"]'))
    assert first == f"สำรอง ลำดับที่ 1 ของ {KANYA} ในตำแหน่งหัวหน้าทีม งานบริการประชาชน"
    second = text_of(one(wall(second_office_site, "preecha"), '[data-role="services:lead:backup"]'))
    assert second == f"สำรอง ลำดับที่ 2 ของ {KANYA} ในตำแหน่งหัวหน้าทีม งานบริการประชาชน"
    # the second backup is called when the primary and the first backup do not answer
    assert "โทรหาคุณเมื่อ นางสาวกัญญา และ นางสาวดารา ไม่รับสาย" in text_of(
        one(wall(second_office_site, "preecha"), '[data-calls="incoming"]'))
    # the full duties say the same, with the backup before them
    duty = text_of(one(duties(second_office_site, "preecha"), '[data-role="services:lead:backup"]'))
    assert duty.startswith(f"หัวหน้าทีม งานบริการประชาชน บุคลากรสำรอง ลำดับที่ 2 ทำหน้าที่แทน {KANYA}")
    assert f"และผู้สำรองลำดับก่อนหน้า ({DARA}) ก็ไม่ว่าง" in duty
    calls = text_of(duties(second_office_site, "preecha").select(".bcp-duties__calls")[0])
    assert f"โทรหาคุณเมื่อ {KANYA} และ {DARA} ไม่รับสาย" in calls
    # the head's second backup stands by once the first cannot be told
    piti = duties(second_office_site, "piti")
    assert "บุคลากรสำรอง ลำดับที่ 2 ทำหน้าที่แทน " + SOMSRI in text_of(one(piti, '[data-role="command:lead:backup"]'))
    assert f"เมื่อแจ้ง {MANEE} ไม่ได้" in text_of(piti.select(".bcp-duties__calls")[0])
    # the primary's duties name both, in order
    kanya = text_of(one(duties(second_office_site, "kanya"), '[data-role="services:lead:primary"]'))
    assert in_order(kanya, "ผู้สำรองของคุณ", f"ลำดับที่ 1 {DARA}", f"ลำดับที่ 2 {PREECHA}")


def test_the_heads_wall_card_calls_a_team_head_then_each_backup_in_order(second_office_site):
    outgoing = one(wall(second_office_site, "somsri"), '[data-calls="outgoing"]')
    row = next(tr for tr in outgoing.select("tr[data-fit-item]") if KANYA in text_of(tr))
    fallbacks = [text_of(f.select_one(".bcp-reach__name")) for f in row.select(".bcp-wall__fallback")]
    assert fallbacks == [DARA, PREECHA]
    # her own team: the first backup is told to stand by, the second if the first does not answer
    # (manee's line also holds her call as a team head: one line a person, every fallback on it)
    standby = next(tr for tr in outgoing.select("tr[data-fit-item]") if "ให้เตรียมทำหน้าที่แทน" in text_of(tr))
    assert MANEE in text_of(standby.td)
    assert [text_of(f.select_one(".bcp-reach__name")) for f in standby.select(".bcp-wall__fallback")][0] == PITI


def test_a_person_with_three_roles_has_them_all(second_office_site):
    roles = [li["data-role"] for li in wall(second_office_site, "manee").select("[data-role]")]
    assert roles == ["command:lead:backup", "systems:member:primary", "logistics:lead:primary"]
    row = one(page(second_office_site, "cards"), 'tr[data-person="manee"]')
    assert [text_of(li) for li in row.select("li")] == [
        # the role "หัวหน้าทีม" of the team "ทีมงาน...": "ทีม" once, not "หัวหน้าทีม ทีมงาน..."
        "หัวหน้าทีมงานบริหารความต่อเนื่องด้านอำนวยการ บุคลากรสำรอง ลำดับที่ 1",
        "ผู้ปฏิบัติงาน ด้านระบบงาน บุคลากรหลัก", "หัวหน้าทีม ด้านพัสดุและสถานที่ บุคลากรหลัก"]


# --- alternate sites, the cover, phases, cells, responsibility, phones ---------------------------------


def test_both_alternate_sites_in_order_wherever_the_site_is_shown(second_office_site, plan):
    shown = {"home": text_of(one(page(second_office_site, ""), ".bcp-sites")),
             "resources": text_of(one(page(second_office_site, "resources"), ".bcp-sites")),
             "call tree": text_of(one(page(second_office_site, "call-tree"), ".bcp-sites"))}
    shown |= {f"duties {pid}": text_of(one(duties(second_office_site, pid), ".bcp-duties__places")) for pid in plan.people}
    shown |= {f"incident {i}": text_of(one(page(second_office_site, f"incidents/{i}"), ".bcp-incident__first")) for i in plan.incidents}
    for where, text in shown.items():
        assert in_order(text, f"1. {SITES[0]}", "12 ถนนสำรอง อำเภอตัวอย่าง", "(ใช้ก่อน ประสานผู้ดูแลอาคารล่วงหน้า)",
                        f"2. {SITES[1]}"), where
    for pid in plan.people:  # the wall card: where to go, in order
        assert [text_of(p) for p in wall(second_office_site, pid).select(".bcp-wall__site")] == [
            f"{SITES[0]} 12 ถนนสำรอง อำเภอตัวอย่าง", SITES[1]], pid


def test_the_cover_shows_the_version_as_worded_and_the_notice(second_office_site):
    cover = text_of(one(page(second_office_site, ""), ".bcp-cover"))
    assert "ฉบับที่ 3 (ปรับปรุง) · 29 กุมภาพันธ์ 2567" in cover
    assert text_of(one(page(second_office_site, ""), ".bcp-cover-notice")) == "ฉบับปรับปรุง ใช้แทนฉบับที่ 2 ตั้งแต่วันที่ลงนาม"


def test_a_phase_with_its_own_label(second_office_site):
    title = text_of(one(page(second_office_site, "procedure"), "#phase-day-8 .bcp-phase__title"))
    assert title == "ตั้งแต่วันที่ 8 จนกลับสู่ภาวะปกติ กลับสู่ภาวะปกติ"
    checklist = text_of(one(page(second_office_site, "checklists"), "#checklist-day-8 .bcp-checklist-phase__title"))
    assert checklist == title  # not "... เป็นต้นไป": the label is printed as written
    captions = [text_of(c) for c in duties(second_office_site, "wira").select(".bcp-duties__steps caption")]
    assert captions[-1] == "ตั้งแต่วันที่ 8 จนกลับสู่ภาวะปกติ กลับสู่ภาวะปกติ"


def cells(table) -> list[list[str]]:
    return [[text_of(c) for c in row.find_all(["th", "td"])] for row in table.select("tbody tr, tfoot tr")]


def test_a_dash_cell_is_told_from_not_stated_and_zero_and_is_not_counted(second_office_site):
    resources = page(second_office_site, "resources")
    equipment = one(resources, "#equipment + .bcp-table-wrap table")
    assert cells(equipment) == [["คอมพิวเตอร์พกพา", "กลุ่มงานอำนวยการ", "-", "2 เครื่อง", "ไม่ระบุ"],
                                ["เครื่องพิมพ์", "กลุ่มงานอำนวยการ", "0 เครื่อง", "1 เครื่อง", "1 เครื่อง"]]
    staff = one(resources, "#staff + .bcp-table-wrap table")
    assert cells(staff)[-1] == ["รวม", "-", "3", "5"]  # every row "-": the total is "-"
    services = one(resources, "#services + .bcp-table-wrap table")
    assert cells(services)[-1] == ["รวม", "1", "ไม่ระบุ", "2"]  # "-" left out; a null leaves the total unknown


def test_joint_responsibility_on_one_line_and_team_names_as_written(second_office_site):
    procedure = page(second_office_site, "procedure")
    joint = one(procedure, "#step-restore-system").find_all("td", recursive=False)
    assert text_of(joint[2]) == "หัวหน้าทีมด้านระบบงาน ร่วมกับ กลุ่มงานอำนวยการ" and not joint[2].select("li")
    assert len(joint[3].select(".bcp-box")) == 1
    separate = one(procedure, "#step-move-forms").find_all("td", recursive=False)
    assert [text_of(li) for li in separate[2].select("li")] == ["ทีมด้านพัสดุและสถานที่", "กลุ่มงานอำนวยการ"]
    form = one(page(second_office_site, "checklists"), 'tr[data-step="restore-system"] .bcp-form__who')
    assert text_of(form) == "หัวหน้าทีมด้านระบบงาน ร่วมกับ กลุ่มงานอำนวยการ"
    assert text_of(one(procedure, "#step-alert").find_all("td")[2]) == "หัวหน้าทีมงานบริหารความต่อเนื่องด้านอำนวยการ"
    assert text_of(one(procedure, "#step-open-counter").find_all("td")[2]) == "หัวหน้าและทีมงานบริการประชาชน"
    for path in second_office_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "ทีมงานงาน" not in text and "ทีมทีม" not in text, path


def test_phones_typed_with_dashes_spaces_and_thai_digits_print_as_always(second_office_site):
    teams = page(second_office_site, "teams")
    links = {text_of(a): a["href"] for a in teams.select(".bcp-contact a")}
    assert links["080 000 0101"] == "tel:+66800000101"  # "080-000-0101"
    assert links["089 555 6666"] == "tel:+66895556666"  # "+66 89 555 6666"
    assert links["080 000 0303"] == "tel:+66800000303"  # "๐๘๐ ๐๐๐ ๐๓๐๓"
    assert links["0 2123 4567"] == "tel:+6621234567"  # the office, "02-123-4567"


def test_checklist_item_with_two_evidences_links_to_both_and_notes_are_numbered(second_office_site):
    checklist = page(second_office_site, "checklist")
    row = next(tr for tr in checklist.select("table.bcp-checklist tbody tr") if "(Call Tree)" in text_of(tr))
    verdict = one(row, "td.bcp-verdict")
    assert verdict["data-verdict"] == "confirmed"
    assert [a["href"] for a in verdict.select("a.bcp-verdict__link")] == ["../call-tree/index.html#call-tree",
                                                                          "../teams/index.html#teams"]
    notes = one(checklist, ".bcp-priorities .bcp-table-note")
    assert [text_of(li).split()[0] for li in notes.select("li")] == ["1.", "2."]


def test_a_plan_not_reviewed_yet_has_one_calm_notice_and_no_banner(second_office_site):
    for path in second_office_site.rglob("*.html"):
        assert 'class="md-banner"' not in path.read_text(encoding="utf-8"), path
    revisions = page(second_office_site, "revisions")
    assert text_of(one(revisions, ".bcp-review-notice")) == (
        "แผนฉบับนี้ยังไม่มีบันทึกการทบทวนและการซ้อมแผน: การทบทวนครั้งแรกภายใน 28 กุมภาพันธ์ 2568 "
        "การซ้อมแผนครั้งแรกภายใน 28 กุมภาพันธ์ 2568")
    assert not revisions.select(".bcp-overdue")


# --- the office's own wording (labels.yaml) -------------------------------------------------------------

# What this office writes (its labels.yaml) where the tool would write its own words.
OWN_WORDING = ("วิกฤติ", "ประวัติการปรับปรุงแผน", "รายการที่ปรับปรุง", "ผู้ปฏิบัติหน้าที่แทน", "รายละเอียดตามตารางที่")
TOOLS_WORDING = ("ประวัติการแก้ไขแผน", "สิ่งที่เปลี่ยนแปลง", "ปรากฏดังตารางที่")
# "วิกฤต" alone, not the start of "วิกฤติ"
TOOLS_CRISIS = re.compile("วิกฤต(?!ิ)")


def test_the_offices_own_wording_is_printed_where_the_tools_would_be(second_office_site, plan):
    scope = page(second_office_site, "scope")
    assert text_of(one(scope, "h2#impact-matrix")) == "สรุปเหตุการณ์สภาวะวิกฤติและผลกระทบจากเหตุการณ์"
    matrix = one(scope, "#impact-matrix + .bcp-table-wrap table")
    assert text_of(matrix.caption) == "สรุปเหตุการณ์สภาวะวิกฤติและผลกระทบจากเหตุการณ์"  # no {number}: not numbered
    assert text_of(matrix.select("thead th")[1]) == "เหตุการณ์สภาวะวิกฤติ"
    revisions = page(second_office_site, "revisions")
    assert text_of(one(revisions, "h1")) == "ประวัติการปรับปรุงและการทบทวนแผน"
    history = one(revisions, "table.bcp-revisions")
    assert text_of(history.caption) == "ประวัติการปรับปรุงแผน"
    assert [text_of(th) for th in history.select("thead th")] == ["ฉบับที่", "วันที่", "รายการที่ปรับปรุง", "ผู้อนุมัติ"]
    nav = [text_of(a) for a in revisions.select("nav.md-nav--primary .md-nav__link")]
    assert "ประวัติการปรับปรุงและการทบทวน" in nav and "ประวัติการแก้ไขและการทบทวน" not in nav
    assert text_of(revisions.title).startswith("ประวัติการปรับปรุงและการทบทวน - ")
    teams = page(second_office_site, "teams")
    for table in teams.select("table.bcp-team"):
        assert [text_of(th) for th in table.select("thead th")] == ["บทบาท", "บุคลากรหลัก", "ผู้ปฏิบัติหน้าที่แทน"]
    # the lead sentence cites the table by the number the tool counted: four team tables, strategies, then this one
    bia = page(second_office_site, "bia")
    number = len(plan.teams) + 2
    assert text_of(bia.select_one("article p")).endswith(f"รายละเอียดตามตารางที่ {number}")
    assert text_of(one(bia, "table.bcp-bia caption")).startswith(f"ตารางที่ {number} ")
    # the tool's words appear on no page of the plan (the owner guide lists them as the defaults)
    for path in second_office_site.rglob("*.html"):
        if "owner-guide" in path.parts:
            continue
        text = text_of(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article") or "")
        assert not TOOLS_CRISIS.search(text), path
        for tools in TOOLS_WORDING:
            assert tools not in text, (path, tools)


# --- on paper ----------------------------------------------------------------------------------------


def test_plan_pdf_cover_keeps_the_long_revision_history_on_its_page(second_office_site_pdf, plan):
    path = second_office_site_pdf / "pdf" / "plan.pdf"
    cover = pdf_text(path, 1)
    for text in ("ฉบับที่ 3 (ปรับปรุง)", "ฉบับปรับปรุง ใช้แทนฉบับที่ 2 ตั้งแต่วันที่ลงนาม",
                 "ประวัติการปรับปรุงแผน (ฉบับล่าสุด 4 ฉบับ จากทั้งหมด 5 ฉบับ)", "17 พ.ค. 2564", "29 ก.พ. 2567"):
        assert squeeze(text) in cover, text
    for revision in plan.revisions[-4:]:
        for change in revision.changes:
            assert squeeze(change) in cover, change
        assert squeeze(revision.approved_by) in cover
    assert squeeze("จัดทำแผน") not in cover  # the oldest is in the plan's revisions section only
    assert pdf_text(path, 2).startswith("สารบัญ")  # nothing of the cover spilt onto page 2


def test_plan_pdf_prints_the_offices_own_wording(second_office_site_pdf, plan):
    text = pdf_text(second_office_site_pdf / "pdf" / "plan.pdf")
    for own in OWN_WORDING:
        assert squeeze(own) in text, own
    assert squeeze(f"รายละเอียดตามตารางที่ {len(plan.teams) + 2}") in text
    assert squeeze("สรุปเหตุการณ์สภาวะวิกฤติและผลกระทบจากเหตุการณ์") in text
    assert not TOOLS_CRISIS.search(text)
    for tools in TOOLS_WORDING:
        assert squeeze(tools) not in text, tools


def test_plan_pdf_numbers_its_pages_in_the_plans_digits(second_office_site_pdf):
    path = second_office_site_pdf / "pdf" / "plan.pdf"
    assert not re.search("[๐-๙]", pdf_text(path))
    assert pdf_text(path, 3).endswith("-1-")


def test_call_tree_pdf_has_the_backups_in_order_and_the_sites(second_office_site_pdf):
    text = pdf_text(second_office_site_pdf / "pdf" / "call-tree.pdf")
    assert in_order(text, squeeze("หัวหน้าทีมงานบริการประชาชน"), squeeze(KANYA), squeeze(f"ไม่รับสาย โทร {DARA}"),
                    squeeze(f"ไม่รับสาย โทร {PREECHA}"))
    assert in_order(text, squeeze(f"1. {SITES[0]}"), squeeze(f"2. {SITES[1]}"))


@pytest.mark.parametrize("person_id, rank", [("dara", 1), ("preecha", 2)])
def test_each_backups_card_pdf_says_their_rank(second_office_site_pdf, person_id, rank):
    card = second_office_site_pdf / "pdf" / "cards" / f"{person_id}.pdf"
    assert len(PdfReader(card).pages) == 1
    assert squeeze(f"สำรอง ลำดับที่ {rank} ของ {KANYA}") in pdf_text(card)
    assert squeeze(f"บุคลากรสำรอง ลำดับที่ {rank} ทำหน้าที่แทน {KANYA}") in pdf_text(
        second_office_site_pdf / "pdf" / "duties" / f"{person_id}.pdf")


def test_checklists_pdf_has_the_joint_line_and_the_phase_label(second_office_site_pdf):
    text = pdf_text(second_office_site_pdf / "pdf" / "checklists.pdf")
    assert squeeze("หัวหน้าทีมด้านระบบงาน ร่วมกับ กลุ่มงานอำนวยการ") in text
    assert squeeze("ตั้งแต่วันที่ 8 จนกลับสู่ภาวะปกติ กลับสู่ภาวะปกติ") in text
