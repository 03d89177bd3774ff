"""The plan PDF (pdf/plan.pdf): what goes to the governor and the archive.

Checked on the PDF itself: its pages, the fonts it embeds, and its text layer
(what copy and search give).  The text layer is read with `pdftotext -raw`
(drawing order): poppler's default reading-order mode moves zero-width Thai
marks after the next letter ("ส่วน" comes out as "สว่ น") whatever made the PDF,
so only the drawing order can show whether the PDF's own text is right.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import html
import re
import sys
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from bcp import thai
from bcp_mkdocs import pdf_events
from conftest import ROOT, SOURCE_DATE_EPOCH, build_site

pytestmark = pytest.mark.long_running  # started first by make test (tests/conftest.py)

THAI = re.compile("[\u0e00-\u0e7f]")
# The plan's sections in the PDF (nav pages); data-notes is for the plan owner.
PDF_PAGES = ["index.html", "incidents", "scope", "teams", "call-tree", "strategies", "bia", "resources", "procedure", "checklist", "revisions"]
FRONT_MATTER = 2  # cover and สารบัญ carry no page number


def squeeze(text: str) -> str:
    """NFKC without any whitespace: Thai lines wrap between words that have no space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_page_texts(pdf: Path) -> list[str]:
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    pages = raw.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def font_unicode_maps(pdf: Path) -> dict[str, set[str]]:
    """Each embedded font (subset prefix dropped) -> the characters its ToUnicode map gives."""
    maps: dict[str, set[str]] = {}
    for page in PdfReader(pdf).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            name = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
            chars = maps.setdefault(name, set())
            if "/ToUnicode" not in font:
                continue
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
                for dst in re.findall(r"<[0-9a-fA-F]+>\s*<([0-9a-fA-F]+)>", block):
                    chars.update(bytes.fromhex(dst).decode("utf-16-be"))
            for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
                for lo, hi, dst in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
                    start = int(dst, 16)
                    chars.update(chr(start + i) for i in range(int(hi, 16) - int(lo, 16) + 1))
    return maps


def page_number(n: int) -> str:
    return f"- {thai.thai_digits(n)} -"


@pytest.fixture(scope="module")
def plan_pdf(lampang_site_pdf) -> Path:
    return lampang_site_pdf / "pdf" / "plan.pdf"


@pytest.fixture(scope="module")
def pages(plan_pdf) -> list[str]:
    return pdf_page_texts(plan_pdf)


@pytest.fixture(scope="module")
def text(pages) -> str:
    return squeeze("".join(pages))


def section_titles(site: Path) -> list[str]:
    """The h1 of every plan section as the site shows it (the PDF uses the same pages)."""
    titles = []
    for page in PDF_PAGES:
        path = site / page if page.endswith(".html") else site / page / "index.html"
        page_html = path.read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", page_html.split("<article", 1)[1], re.S).group(1)
        titles.append(html.unescape(re.sub(r"<[^>]+>", "", h1)).strip())
    return titles


# --- the file and where it is linked from ------------------------------------


def test_pdf_is_built_and_linked_from_the_home_page(lampang_site_pdf, plan_pdf):
    assert plan_pdf.read_bytes().startswith(b"%PDF-")
    home = (lampang_site_pdf / "index.html").read_text(encoding="utf-8")
    assert 'href="pdf/plan.pdf"' in home


def test_pdf_templates_are_not_published(lampang_site_pdf):
    # Only the PDFs themselves: the plan, the wall cards (all, and one folder of one each), the
    # full duties (one each), the wallet cards, the call tree and the printable forms; no
    # template or stylesheet leaks.
    published = sorted(p.name for p in (lampang_site_pdf / "pdf").iterdir())
    assert published == ["call-tree.pdf", "cards", "cards.pdf", "checklists.pdf", "duties", "incidents", "plan.pdf",
                         "wallet.pdf"]
    assert all(p.suffix == ".pdf" for folder in ("cards", "duties", "incidents")
               for p in (lampang_site_pdf / "pdf" / folder).iterdir())


def incidents_section(plan_pdf, plan) -> range:
    """The plan PDF's pages (0-based) of its incidents section (every incident's brief: strategies,
    first steps, calls): from its bookmark to the next top-level one."""
    reader = PdfReader(plan_pdf)
    top = [item for item in reader.outline if not isinstance(item, list)]
    at = next(i for i, item in enumerate(top) if item.title == plan.labels.incidents_title)
    return range(reader.get_destination_page_number(top[at]), reader.get_destination_page_number(top[at + 1]))


def test_page_count_is_sensible(plan_pdf, lampang_plan):
    count = len(PdfReader(plan_pdf).pages)
    incidents = len(incidents_section(plan_pdf, lampang_plan))
    assert len(lampang_plan.scope.incidents) <= incidents <= 5 * len(lampang_plan.scope.incidents), incidents
    # cover, contents, at least a page per section; the procedure alone
    # (34 steps) needs several pages.  Far more would mean blank pages.
    assert FRONT_MATTER + len(PDF_PAGES) - 1 + 3 <= count - incidents <= 40, count


def test_metadata_dates_come_from_source_date_epoch(plan_pdf, lampang_plan):
    meta = PdfReader(plan_pdf).metadata
    expected = dt.datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), dt.timezone.utc)
    assert meta.creation_date == expected
    assert meta.modification_date == expected
    # The document title keeps its normal spelling (SARA AM not decomposed).
    assert meta.title == f"{lampang_plan.info.title} {lampang_plan.info.office.name}"


# --- fonts ---------------------------------------------------------------------


def test_sarabun_is_embedded_for_every_weight(plan_pdf):
    rows = subprocess.run(["pdffonts", str(plan_pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    fonts = {row.split()[0].split("+", 1)[-1]: row.split() for row in rows}
    # name type... emb sub uni object ID: "emb" is the 5th field from the end.
    assert all(columns[-5] == "yes" for columns in fonts.values()), rows
    # Regular text, bold headings and table heads, semi-bold names, italic instructions.
    assert {"Sarabun", "Sarabun-Bold", "Sarabun-Semi-Bold", "Sarabun-Italic"} <= set(fonts), rows


def test_thai_is_drawn_only_with_sarabun(plan_pdf, text):
    maps = font_unicode_maps(plan_pdf)
    sarabun = set().union(*(chars for name, chars in maps.items() if name.startswith("Sarabun")))
    for name, chars in maps.items():
        if not name.startswith("Sarabun"):
            # A fallback face (e.g. DejaVu for ✓) must not draw Thai: that
            # would mean Sarabun failed to load or lacks a glyph.
            assert not THAI.search("".join(chars)), (name, sorted(THAI.findall("".join(chars))))
    missing = {c for c in THAI.findall(text) if c not in sarabun}
    assert not missing, missing


def test_no_replacement_or_box_characters(pages):
    whole = "".join(pages)
    assert "\ufffd" not in whole
    assert not re.search("[\u25a1\u25af\u2610]", whole)  # boxes drawn as text


# --- the text layer: the plan exactly as in the data --------------------------


def test_text_layer_has_every_person_process_and_step(text, lampang_plan):
    plan = lampang_plan
    expected = [p.full_name for p in plan.people.values()]
    expected += [process.name for process in plan.bia.processes]
    for step in plan.all_steps:
        expected += [step.text, *step.items] + ([step.highlight] if step.highlight else [])
    missing = [item for item in expected if squeeze(item) not in text]
    assert not missing, missing


def test_sara_am_is_extracted_right(text, lampang_plan):
    office = lampang_plan.info.office.name
    assert "\u0e33" in office  # the check below means something only with SARA AM
    assert squeeze(office) in text
    # WeasyPrint's bug turns later SARA AA into SARA AM: "สำนักงาน" -> "สำนักงำน".
    assert squeeze("สำนักงำน") not in text


def test_data_notes_are_not_in_the_plan_pdf(text):
    assert squeeze("บันทึกการตัดสินใจเรื่องข้อมูล") not in text


# --- cover, contents, header and page numbers ----------------------------------


def test_cover_is_made_from_the_data(pages, lampang_plan):
    info = lampang_plan.info
    cover = squeeze(pages[0])
    date = thai.thai_date(info.date)
    assert date == "๓ มกราคม ๒๕๖๖"
    for item in (info.title, info.title_en, info.office.name, f"ฉบับที่ {thai.thai_digits(info.version)}", date):
        assert squeeze(item) in cover, item


def test_cover_shows_the_revision_history(pages, lampang_plan):
    cover = squeeze(pages[0])
    assert squeeze("ประวัติการแก้ไขแผน") in cover
    assert lampang_plan.revisions, "the Lampang data records its first revision"
    for revision in lampang_plan.revisions:
        assert squeeze(thai.thai_date(revision.date, abbr=True)) in cover  # short dates: they never split
        for change in revision.changes:
            assert squeeze(change) in cover, change


def test_contents_list_every_section_with_its_thai_page_number(pages, lampang_site_pdf):
    toc = pages[1]
    assert "สารบัญ" in toc
    # Each entry is drawn as: title, dotted leader, page number in Thai digits.
    lines = [line for line in toc.splitlines() if line.strip() != "."]
    entries = {}
    for title_line, number_line in zip(lines, lines[1:]):
        found = re.fullmatch(r"\. ([๐-๙]+)", number_line.strip())
        if found and title_line.endswith(" ."):
            entries[squeeze(title_line[:-2])] = int(thai.arabic_digits(found.group(1)))
    for title in section_titles(lampang_site_pdf):
        number = entries.get(squeeze(title))
        assert number, (title, entries)
        # The page that says "- n -" in its footer starts with that section.
        page = pages[FRONT_MATTER + number - 1]
        assert page_number(number) in page
        assert squeeze(title) in squeeze(page)
    numbers = list(entries.values())
    assert numbers == sorted(numbers)


def test_every_content_page_has_the_office_header_and_a_thai_page_number(pages, lampang_plan):
    office = lampang_plan.info.office.name
    for index, page in enumerate(pages[FRONT_MATTER:], start=1):
        assert squeeze(office) in squeeze(page), index
        assert page.rstrip().endswith(page_number(index)), (index, page[-80:])
        assert not re.search(rf"^- {index} -$", page, re.M)
    for front in pages[:FRONT_MATTER]:
        assert not re.search(r"^- [๐-๙0-9]+ -$", front, re.M)


def test_checklist_verdicts_name_their_section_and_its_page(pages, lampang_site_pdf):
    from bs4 import BeautifulSoup

    site = BeautifulSoup((lampang_site_pdf / "checklist" / "index.html").read_text(encoding="utf-8"), "html.parser")
    sections = {" ".join(link.get_text().split()) for link in site.select("a.bcp-verdict__link")}
    assert len(sections) == 7  # scope, teams, BIA, resources, strategies, call tree, procedure
    # lines wrap anywhere in Thai: the words may be split by line breaks, the number ends at one
    text = unicodedata.normalize("NFKC", "".join(pages))
    for section in sections:
        numbers = re.findall(r"\s*".join(map(re.escape, squeeze(f"ดู {section} หน้า"))) + r"\s*([๐-๙]+)", text)
        assert numbers, section
        for number in set(numbers):
            # the page that says "- n -" in its footer holds that section's heading
            page = pages[FRONT_MATTER + int(thai.arabic_digits(number)) - 1]
            assert page_number(int(thai.arabic_digits(number))) in page and squeeze(section) in squeeze(page), section
    assert squeeze("ดูส่วนที่เกี่ยวข้อง") not in squeeze(text) and squeeze("กดลิงก์") not in squeeze(text)


def test_bookmarks_list_the_sections_in_normal_spelling(plan_pdf, lampang_site_pdf):
    outline = PdfReader(plan_pdf).outline
    top_level = [item.title for item in outline if not isinstance(item, list)]
    assert top_level == section_titles(lampang_site_pdf)
    assert any("\u0e33" in title for title in top_level)


# --- tables ---------------------------------------------------------------------


def test_no_procedure_row_is_cut_across_pages(pages, lampang_plan):
    squeezed = [squeeze(page) for page in pages]
    for step in lampang_plan.all_steps:
        row = squeeze(step.text + "".join(step.items))
        assert any(row in page for page in squeezed), step.id


def test_procedure_table_header_repeats_on_every_page(pages, lampang_plan, plan_pdf):
    briefs = incidents_section(plan_pdf, lampang_plan)  # the incidents' first steps are lists, not the table
    step_pages = [page for number, page in enumerate(pages)
                  if number not in briefs and any(squeeze(s.text) in squeeze(page) for s in lampang_plan.all_steps)]
    assert len(step_pages) > 1
    for page in step_pages:
        assert "ขั้นตอนและกิจกรรม" in page


# --- the site keeps its normal spelling; builds are reproducible ---------------


def test_web_pages_keep_sara_am(lampang_site_pdf, lampang_plan):
    for path in lampang_site_pdf.rglob("*.html"):
        assert "\u0e4d\u0e32" not in path.read_text(encoding="utf-8"), path
    home = (lampang_site_pdf / "index.html").read_text(encoding="utf-8")
    assert lampang_plan.info.office.name in home


def test_two_builds_are_byte_identical(lampang_site_pdf, tmp_path):
    # Another folder and another hash seed: nothing may depend on either.
    again = tmp_path / "again"
    result = build_site(again, pdf=True, extra_env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONHASHSEED": "4242"})
    assert result.returncode == 0, result.stderr
    first = sorted(p.relative_to(lampang_site_pdf) for p in lampang_site_pdf.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    assert Path("pdf/plan.pdf") in first and Path("sitemap.xml.gz") in first
    differing = [str(p) for p in first if not filecmp.cmp(lampang_site_pdf / p, again / p, shallow=False)]
    assert not differing, differing


def test_preview_build_makes_no_pdf(lampang_site):
    """`make serve` builds without BCP_PDF (as the session's site-only build is): fast, and no link to
    a PDF that isn't there."""
    out = lampang_site
    assert (out / "index.html").is_file()
    assert not (out / "pdf").exists()
    assert "pdf/plan.pdf" not in (out / "index.html").read_text(encoding="utf-8")


def test_a_build_without_pdfs_does_not_load_weasyprint(tmp_path):
    """The bcp plugin drives mkdocs-to-pdf only when PDFs are built: a preview never imports it."""
    script = (
        "import sys\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        f"build(load_config(config_file={str(ROOT / 'mkdocs.yml')!r}, site_dir={str(tmp_path / 'site')!r}))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'mkdocs_to_pdf')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("BCP_PDF", "BCP_DATA")}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "site" / "index.html").exists()


# --- what goes to WeasyPrint (bcp_mkdocs/pdf_events.py) ----------------------------


def test_mkdocs_to_pdf_reads_a_page_s_head_and_article_only():
    page = ('<!doctype html><html lang="th"><head><title>ก</title><link rel="stylesheet" href="a.css"></head>'
            '<body dir="ltr" data-md-color-scheme="default"><header>เมนู</header><nav><a href="x/">x</a></nav>'
            '<article class="md-content__inner"><h1 id="t">หัวข้อ</h1><article class="bcp">ใน</article></article>'
            '<footer>ท้าย</footer><script src="b.js"></script></body></html>')
    kept = pdf_events.head_and_article(page)
    assert kept == ('<!doctype html><html lang="th"><head><title>ก</title><link rel="stylesheet" href="a.css"></head>'
                    '<body dir="ltr" data-md-color-scheme="default"><article class="md-content__inner"><h1 id="t">หัวข้อ</h1>'
                    '<article class="bcp">ใน</article></article></body></html>')
    no_article = page.replace("<article", "<div").replace("</article>", "</div>")
    assert pdf_events.head_and_article(no_article) == no_article

COMBINED = """<html><head><title>สำนักงาน</title><style>ul > li { content: "ำ"; }</style>
<meta name="dcterms.created" content="2031-05-05T10:00:00+00:00"><meta name="description" content="&lt;b&gt;"></head>
<body><h1>บทนำ</h1><p>น้ำ &lt;ำ&gt;</p><details><summary>สรุป</summary><p>ข้อความ</p></details></body></html>"""
COVER = '<article id="doc-cover"><p>ปก &lt;สำนักงาน&gt;</p></article>'


def test_pdf_html_gets_decomposed_sara_am_in_drawn_text_only():
    from bs4 import BeautifulSoup

    soup = pdf_events.prepare(BeautifulSoup(COMBINED, "html.parser"), COVER)
    out = str(soup)
    assert soup.title.string == "สำนักงาน"
    assert 'ul > li { content: "ำ"; }' in out  # CSS neither escaped nor changed
    assert soup.find_all("p")[1].string == thai.pdf_text("น้ำ <ำ>") and "&lt;" in out
    assert soup.h1["data-bookmark"] == "บทนำ" and soup.h1.string == thai.pdf_text("บทนำ")
    assert soup.details.has_attr("open")


def test_the_cover_comes_first_and_the_pages_meta_never_reaches_the_pdf():
    """Metadata is written from the data as plain text (bcp.pdf), with dates from SOURCE_DATE_EPOCH only."""
    from bs4 import BeautifulSoup

    soup = pdf_events.prepare(BeautifulSoup(COMBINED, "html.parser"), COVER)
    assert soup.body.contents[0]["id"] == "doc-cover"
    assert soup.body.contents[0].p.string == thai.pdf_text("ปก <สำนักงาน>")
    assert soup.find("meta", attrs={"name": True}) is None
