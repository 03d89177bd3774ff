"""Printable checklists, the log book form, and the completeness checklist checked against the data."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from bcp import checklist, load_plan
from conftest import FIXTURES, print_from_disk

MINI = FIXTURES / "cards-mini"


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def text_of(element) -> str:
    return fold(element.get_text(" "))


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_pages(path: Path) -> list[str]:
    """Each page's text layer in drawing order (see test_cards.pdf_text), NFKC, no whitespace."""
    pages = len(PdfReader(path).pages)
    return [squeeze(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-f", str(n), "-l", str(n), str(path), "-"],
                                   capture_output=True, text=True, check=True).stdout) for n in range(1, pages + 1)]


def items(plan):
    for part in plan.checklist.parts:
        for item in part.items:
            yield item
            yield from item.items


def item(plan, text):
    return next(i for i in items(plan) if i.text == text)


# --- the completeness checklist against the data -------------------------------------------------


def test_verdicts_on_the_lampang_data(lampang_plan):
    plan = lampang_plan
    flood = checklist.verdict(plan, item(plan, "เหตุการณ์อุทกภัย"))
    assert flood.status == checklist.CONTRADICTED  # ticked in the plan, absent from its scope
    # a sentence about the plan: no file, no id
    assert flood.detail == "แผนตอบว่ามี แต่ข้อมูลไม่ยืนยัน: ขอบเขตของแผนไม่มีเหตุการณ์อุทกภัย"
    fire = checklist.verdict(plan, item(plan, "เหตุการณ์อัคคีภัย"))
    assert (fire.status, fire.links) == (checklist.CONFIRMED, (checklist.Link("scope", "incident-fire"),))
    assert checklist.verdict(plan, item(plan, "ก่อนหน้านี้มีแผนเดิมอยู่")).status == checklist.NOT_SHOWN
    assert checklist.verdict(plan, item(plan, "อื่นๆ (ระบุ)")).status == checklist.NOT_SHOWN
    tree = checklist.verdict(plan, item(plan, "กระบวนการแจ้งเหตุฉุกเฉิน (Call Tree)"))
    assert (tree.status, [link.page for link in tree.links]) == (checklist.CONFIRMED, ["call-tree"])
    assert "๑๓ จาก ๑๓ คน" in tree.detail
    for text, anchor in (("ด้านบุคลากร", "strategy-people"), ("ทีมงานแผนดำเนินธุรกิจอย่างต่อเนื่อง", "teams")):
        assert [link.anchor for link in checklist.verdict(plan, item(plan, text)).links] == [anchor]
    # a heading with sub-items only has no verdict of its own
    assert checklist.verdict(plan, item(plan, "กลยุทธ์และแนวทางในการบริหารความต่อเนื่อง")) is None


def test_verdicts_when_the_data_lacks_what_the_plan_answers():
    plan = load_plan(MINI)
    flood = checklist.verdict(plan, item(plan, "อุทกภัย"))
    assert flood.status == checklist.CONTRADICTED and flood.detail.endswith("ขอบเขตของแผนไม่มีเหตุการณ์อุทกภัย")
    # answered "no", and the data has no IT strategy either: consistent, not confirmed
    assert checklist.verdict(plan, item(plan, "กลยุทธ์ด้านไอที")).status == checklist.ABSENT
    tree = checklist.verdict(plan, item(plan, "Call Tree"))
    assert tree.status == checklist.CONFIRMED and "6 จาก 7 คน" in tree.detail and "นางสาวอีฟ ทดสอบ" in tree.detail


def test_several_evidences_confirm_together_and_each_is_linked(lampang_plan):
    plan = lampang_plan
    several = item(plan, "ทีมงานแผนดำเนินธุรกิจอย่างต่อเนื่อง").model_copy(update={"evidence": ["teams", "call_tree"]})
    verdict = checklist.verdict(plan, several)
    assert verdict.status == checklist.CONFIRMED
    assert verdict.links == (checklist.Link("teams", "teams"), checklist.Link("call-tree", "call-tree"))
    assert verdict.detail.startswith("มีทีมงาน ๓ ทีม บุคลากร ๑๓ คน; สร้างจากทีมงาน")
    # one part missing: the answer "มี" is not confirmed, and the missing part is named
    partly = item(plan, "เหตุการณ์อุทกภัย").model_copy(update={"evidence": ["incident:fire", "incident:flood"]})
    verdict = checklist.verdict(plan, partly)
    assert verdict.status == checklist.CONTRADICTED
    assert verdict.detail == "แผนตอบว่ามี แต่ข้อมูลไม่ยืนยัน: ขอบเขตของแผนไม่มีเหตุการณ์อุทกภัย"
    assert verdict.links == (checklist.Link("scope", "incident-fire"), checklist.Link("scope", "scope"))


def test_checklist_page_says_what_the_data_shows_and_links_to_it(lampang_site, lampang_plan):
    soup = soup_of(lampang_site, "checklist")
    rows = soup.select("table.bcp-checklist tbody tr")
    verdicts = {fold(row.find(["td", "th"]).get_text(" ")): row.select_one("td.bcp-verdict") for row in rows}
    flood = verdicts["- เหตุการณ์อุทกภัย"]
    assert flood["data-verdict"] == "contradicted"
    assert "ข้อมูลไม่ตรงกับคำตอบ" in text_of(flood) and "ขอบเขตของแผนไม่มีเหตุการณ์อุทกภัย" in text_of(flood)
    assert "ข้อมูลแสดงไม่ได้" in text_of(verdicts["๑.๑ ก่อนหน้านี้มีแผนเดิมอยู่"])
    confirmed = [text for text, cell in verdicts.items() if cell is not None and cell.get("data-verdict") == "confirmed"]
    # every item with evidence in the data but the flood: 3 incidents, teams, BIA, resources, 5 strategies, call tree, procedure
    assert len(confirmed) == 13 and "- เหตุการณ์อัคคีภัย" in confirmed and "๒.๕ กระบวนการแจ้งเหตุฉุกเฉิน (Call Tree)" in confirmed
    # every link lands on an element that exists on its page, and is named by the section's heading:
    # the heading it points to, or the title of the page when it points inside a section (a table row)
    links = [link for cell in verdicts.values() if cell is not None for link in cell.select("a.bcp-verdict__link")]
    assert len(links) == 14  # the confirmed items and the flood
    for link in links:
        page, anchor = link["href"].split("#")
        target = BeautifulSoup((lampang_site / "checklist" / page).resolve().read_text(encoding="utf-8"), "html.parser")
        element = target.find(id=anchor)
        assert element is not None, link["href"]
        heading = element if element.name in ("h1", "h2", "h3") else target.select_one("article h1")
        assert text_of(link) == text_of(heading), link["href"]
    assert "ดูส่วนที่เกี่ยวข้อง" not in text_of(soup.select_one("article"))
    assert "ข้อมูลของแผนยืนยันไม่ได้" in text_of(soup.select_one("article"))  # part 3, said plainly


# --- phase checklists and the log book, on the site --------------------------------------------------


def test_every_phase_has_a_checklist_with_every_step(lampang_site, lampang_plan):
    soup = soup_of(lampang_site, "checklists")
    sections = soup.select("section.bcp-checklist-phase")
    assert [s["id"] for s in sections] == [f"checklist-{p.id}" for p in lampang_plan.procedure.phases]
    for section, phase in zip(sections, lampang_plan.procedure.phases):
        headers = [text_of(th) for th in section.select("thead th")]
        assert headers == ["ลำดับ", "ขั้นตอนและกิจกรรม", "ผู้รับผิดชอบ", "เสร็จ", "เวลา", "ลงชื่อย่อ"]
        rows = section.select("tbody tr")
        assert [r["data-step"] for r in rows] == [s.id for s in phase.steps]
        for row, step in zip(rows, phase.steps):
            cells = row.select("td")
            assert fold(step.text) in text_of(cells[1])
            for r in step.responsible:
                assert lampang_plan.responsible_label(r) in text_of(cells[2])
            assert cells[3].select(".bcp-box")  # a box to tick
            assert text_of(cells[4]) == text_of(cells[5]) == ""  # written by hand


def test_log_book_is_a_blank_form(lampang_site):
    form = soup_of(lampang_site, "checklists/log-book").select_one("#log-book-form")
    assert [text_of(th) for th in form.select("thead th")] == ["วันที่ / เวลา", "กิจกรรม", "ผู้ดำเนินการ", "หมายเหตุ"]
    rows = form.select("tbody tr")
    assert len(rows) >= 15
    assert all(text_of(row) == "" for row in rows)


# --- checklists.pdf ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def checklist_pages(lampang_site_pdf) -> list[str]:
    return pdf_pages(lampang_site_pdf / "pdf" / "checklists.pdf")


def test_checklists_pdf_holds_every_step_each_row_on_one_page(checklist_pages, lampang_plan):
    whole = "".join(checklist_pages)
    for phase in lampang_plan.procedure.phases:
        assert squeeze(phase.title) in whole
        for step in phase.steps:
            # found whole on a single page: no row is split across two sheets
            assert any(squeeze(step.text) in page for page in checklist_pages), step.id
            for sub in step.items:
                assert squeeze(sub) in whole


def test_checklists_pdf_ends_with_the_log_book_on_its_own_page(checklist_pages, lampang_plan):
    heading = squeeze("บันทึก (Log Book) กิจกรรมและงานของทีมงานบริหารความต่อเนื่อง")
    assert [heading in page for page in checklist_pages] == [False] * (len(checklist_pages) - 1) + [True]
    last = checklist_pages[-1]
    for column in ("วันที่/เวลา", "กิจกรรม", "ผู้ดำเนินการ", "หมายเหตุ"):
        assert squeeze(column) in last
    # each phase starts a new sheet
    starts = [next(i for i, page in enumerate(checklist_pages) if squeeze(p.title) in page) for p in lampang_plan.procedure.phases]
    assert starts == sorted(set(starts)) and starts[0] == 0
    # sheets are numbered in the plan's digits
    assert checklist_pages[0].endswith(squeeze(f"หน้า ๑ / {'๐๑๒๓๔๕๖๗๘๙'[len(checklist_pages)]}"))


def test_checklists_and_call_tree_pdfs_embed_sarabun(lampang_site_pdf, lampang_plan):
    for name in ("checklists.pdf", "call-tree.pdf"):
        fonts = subprocess.run(["pdffonts", str(lampang_site_pdf / "pdf" / name)], capture_output=True,
                               text=True, check=True).stdout.splitlines()[2:]
        assert fonts and all("Sarabun" in line.split()[0] and " yes yes " in line for line in fonts), name
    tree = "".join(pdf_pages(lampang_site_pdf / "pdf" / "call-tree.pdf"))
    assert len(PdfReader(lampang_site_pdf / "pdf" / "call-tree.pdf").pages) == 1
    for person in lampang_plan.people.values():
        assert squeeze(person.full_name) in tree


def test_log_book_page_prints_as_one_a4_sheet_in_a_browser(browser, lampang_site, tmp_path):
    out = print_from_disk(browser, lampang_site / "checklists" / "log-book" / "index.html", tmp_path / "log-book.pdf")
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
