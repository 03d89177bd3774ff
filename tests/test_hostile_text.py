"""Data is text, never code: the same hostile text in every kind of field shows literally.

Markup, Jinja, Markdown specials and a very long word in a person's name and
position, a team name, a step, a BIA process, a data note, an alternate site,
the cover notice, a phase label and a revision's approver: on the site's
pages, the role cards, the call tree and in the text of every PDF, with no
element created and no line running off the page.
"""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import SOURCE_DATE_EPOCH, DataCopy, build_site, page_text

pytestmark = pytest.mark.long_running  # started first by make test (tests/conftest.py)

LONG_WORD = "ABCDEFGHIJ" * 20  # 200 characters, no space to break at
HOSTILE = "<script>alert(1)</script> {{ 7*7 }} a | b *c* #d " + LONG_WORD


def _hostile(label: str) -> str:
    return f"{label} {HOSTILE}"


NAME = _hostile("กริชณ")
POSITION = _hostile("นักวิชาการแรงงาน")
TEAM = _hostile("ด้านการให้ความช่วยเหลือผู้ประสบภัย")
STEP = _hostile("แจ้งเหตุฉุกเฉิน")
PROCESS = _hostile("งานรับชำระเงินสมทบ")
NOTE = _hostile("ใช้ชื่อนี้")
# Markup only: the site is on every wall card, which holds one long word (the name) and still fits its page.
SITE = "ศูนย์บริการร่วม " + HOSTILE.removesuffix(" " + LONG_WORD)
NOTICE = _hostile("ฉบับร่าง")
PHASE = _hostile("วันที่ ๘ เป็นต้นไป")
APPROVER = _hostile("ผู้อนุมัติ")
# Markup that would leave a <style> element (mkdocs-to-pdf used to put the site name in one),
# embed a local file in the PDF, hide every page, and end on a backslash (sass stopped on it).
BREAKOUT = '</style><link rel="attachment" href="file:///etc/passwd"><p>X</p><style>*{display:none}</style>\\'
OFFICE = "สำนักงานประกันสังคมจังหวัดลำปาง" + BREAKOUT
TITLE = "แผนบริหารความต่อเนื่อง" + BREAKOUT.replace("passwd", "hosts")


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture(scope="session")
def hostile_data(tmp_path_factory) -> DataCopy:
    copy = DataCopy(tmp_path_factory.mktemp("hostile") / "data")
    copy.replace("plan.yaml", "\n  name: สำนักงานประกันสังคมจังหวัดลำปาง\n", f"\n  name: {_quoted(OFFICE)}\n")
    copy.replace("plan.yaml", "\ntitle: แผนบริหารความต่อเนื่อง\n", f"\ntitle: {_quoted(TITLE)}\n")
    copy.replace("people.yaml", "    first_name: กริชณ\n", f"    first_name: {_quoted(NAME)}\n")
    copy.replace("people.yaml", "    last_name: ทินหู่\n    position: นักวิชาการแรงงาน\n",
                 f"    last_name: ทินหู่\n    position: {_quoted(POSITION)}\n")
    copy.replace("teams.yaml", "    name: ด้านการให้ความช่วยเหลือผู้ประสบภัย\n", f"    name: {_quoted(TEAM)}\n")
    copy.replace("procedure.yaml", "        text: >-\n          แจ้งเหตุฉุกเฉิน วิกฤติ ตามกระบวนการ/Call Tree ให้กับบุคลากรในหน่วยงาน\n"
                 "          ภายหลังจากได้รับแจ้งจากหัวหน้าคณะบริหารความต่อเนื่องของหน่วยงาน\n", f"        text: {_quoted(STEP)}\n")
    copy.replace("bia.yaml", "    name: งานรับชำระเงินสมทบ\n", f"    name: {_quoted(PROCESS)}\n")
    copy.replace("notes.yaml", '    decision: ใช้ "กฤษณนัยน์" ทุกแห่ง (บุคคลเดียวกัน เบอร์ต่อ ๔๑๑ เหมือนกัน)\n',
                 f"    decision: {_quoted(NOTE)}\n")
    copy.replace("plan.yaml", "  name: ศูนย์บริการร่วม กระทรวงแรงงานจังหวัดลำปาง\n", f"  name: {_quoted(SITE)}\n")
    copy.replace("plan.yaml", 'version: "1"\n', f'version: "1"\ncover_notice: {_quoted(NOTICE)}\n')
    copy.replace("procedure.yaml", "    start_day: 8\n", f"    start_day: 8\n    label: {_quoted(PHASE)}\n")
    copy.replace("revisions.yaml", "    approved_by: null\n", f"    approved_by: {_quoted(APPROVER)}\n")
    return copy


@pytest.fixture(scope="session")
def hostile_site(hostile_data, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hostile-site") / "site"
    result = build_site(out, data=hostile_data.folder, pdf=True, extra_env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert result.returncode == 0, result.stderr
    return out


def _squeezed(text: str) -> str:
    # PDFs' text: SARA AM decomposed (NFKC folds both spellings), lines broken anywhere.
    return "".join(unicodedata.normalize("NFKC", text).split())


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


# --- the site ----------------------------------------------------------------------


@pytest.mark.parametrize("page, texts", [
    ("teams", [f"นาย{NAME} สัมพันธ์สิทธิ์", POSITION, TEAM]),
    ("call-tree", [TEAM]),
    ("procedure", [STEP, PHASE]),
    ("bia", [PROCESS]),
    ("data-notes", [NOTE]),
    ("cards", [f"นาย{NAME} สัมพันธ์สิทธิ์"]),
    ("cards/krit", [f"นาย{NAME} สัมพันธ์สิทธิ์", TEAM, STEP, SITE]),
    ("cards/jirayu", [TEAM]),
    ("checklists", [STEP, PHASE]),
    ("", [SITE, NOTICE]),
    ("resources", [SITE]),
    ("call-tree", [SITE]),
    ("revisions", [APPROVER]),
])
def test_hostile_text_shows_literally_on_the_site(hostile_site, page, texts):
    shown = page_text(hostile_site, page)
    for text in texts:
        assert text in shown, (page, text)


def test_call_tree_shows_the_name_literally(hostile_site):
    # Names in the tree break between first and last name only (separate spans).
    soup = BeautifulSoup((hostile_site / "call-tree" / "index.html").read_text(encoding="utf-8"), "html.parser")
    names = [" ".join(n.get_text(" ", strip=True).split()) for n in soup.select(".bcp-reach__name")]
    assert f"นาย{NAME} สัมพันธ์สิทธิ์" in names


def test_the_cards_of_the_step_hold_it(hostile_site):
    # The step falls to the relief team: its people read it on their cards as typed.
    for person_id in ("krit", "seksan", "jirayu", "wichan"):
        assert STEP in page_text(hostile_site, f"cards/{person_id}"), person_id


def test_no_element_is_created_from_the_data(hostile_site):
    for path in sorted(hostile_site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not [s for s in soup.find_all("script") if "alert" in s.get_text()], path
        assert not [e for e in soup.find_all(["em", "strong"]) if e.get_text() == "c"], path
        assert not [h for h in soup.find_all(["h1", "h2", "h3", "h4"]) if h.get_text().strip().startswith("d ABCDE")], path
        assert "49" not in " ".join(s for s in soup.find_all(string=True) if "ABCDEFGHIJ" in s), path


# --- the PDFs -------------------------------------------------------------------------

@pytest.mark.parametrize("pdf, texts", [
    ("plan.pdf", [f"นาย{NAME} สัมพันธ์สิทธิ์", POSITION, TEAM, STEP, PROCESS, SITE, NOTICE, PHASE, APPROVER]),
    ("cards/krit.pdf", [f"นาย{NAME} สัมพันธ์สิทธิ์", TEAM]),
    ("cards.pdf", [f"นาย{NAME} สัมพันธ์สิทธิ์", TEAM]),
    ("duties/krit.pdf", [f"นาย{NAME} สัมพันธ์สิทธิ์", TEAM, STEP, SITE]),
    ("wallet.pdf", [f"นาย{NAME} สัมพันธ์สิทธิ์"]),
    ("call-tree.pdf", [f"นาย{NAME} สัมพันธ์สิทธิ์", TEAM, SITE]),
    ("checklists.pdf", [STEP, PHASE]),
])
def test_hostile_text_shows_literally_in_the_pdfs(hostile_site, pdf, texts):
    shown = _squeezed(_pdf_text(hostile_site / "pdf" / pdf))
    for text in texts:
        assert _squeezed(text) in shown, (pdf, text)


@pytest.mark.parametrize("pdf, drawn", [
    ("plan.pdf", [OFFICE, TITLE]), ("call-tree.pdf", [OFFICE]), ("checklists.pdf", [OFFICE]),
    ("cards.pdf", []), ("cards/krit.pdf", []),
])
def test_markup_in_the_office_name_and_title_is_drawn_and_embeds_nothing(hostile_site, pdf, drawn):
    path = hostile_site / "pdf" / pdf
    attachments = subprocess.run(["pdfdetach", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert attachments.startswith("0 embedded files"), attachments
    shown = _squeezed(_pdf_text(path))
    for text in drawn:
        assert _squeezed(text) in shown, text
    # The metadata is plain text: the markup as typed, never escaped to "&lt;" nor taken as markup.
    title = PdfReader(path).metadata.title
    assert "</" in title and "&lt;" not in title, title


def test_the_plan_pdf_keeps_every_page_and_section(hostile_site, lampang_site_pdf):
    hostile, usual = PdfReader(hostile_site / "pdf" / "plan.pdf"), PdfReader(lampang_site_pdf / "pdf" / "plan.pdf")
    assert len(hostile.pages) >= len(usual.pages)
    shown = _squeezed(_pdf_text(hostile_site / "pdf" / "plan.pdf"))
    assert _squeezed(TITLE) in shown
    for heading in ("ขั้นตอนการบริหารความต่อเนื่อง", "การวิเคราะห์ผลกระทบทางธุรกิจ", "ประวัติการแก้ไขแผน"):
        assert _squeezed(heading) in shown, heading


def test_every_card_is_still_one_page(hostile_site, hostile_data):
    for person_id in ("krit", "jirayu"):
        assert len(PdfReader(hostile_site / "pdf" / "cards" / f"{person_id}.pdf").pages) == 1, person_id


@pytest.mark.parametrize("pdf", ["plan.pdf", "cards.pdf", "duties/krit.pdf", "call-tree.pdf", "checklists.pdf"])
def test_the_long_word_stays_on_the_page(hostile_site, pdf):
    """Every word's box (pdftotext -bbox) lies inside its page: the long word is broken, not cut off."""
    html = subprocess.run(["pdftotext", "-bbox", str(hostile_site / "pdf" / pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    soup = BeautifulSoup(html, "html.parser")
    outside = []
    for number, page in enumerate(soup.find_all("page"), start=1):
        width = float(page["width"])
        outside += [(number, w.get_text()) for w in page.find_all("word") if float(w["xmax"]) > width - 10]
    assert outside == []
    assert _squeezed(LONG_WORD) in _squeezed(_pdf_text(hostile_site / "pdf" / pdf))
