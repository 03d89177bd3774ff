"""What is printed speaks to clerks: the PDFs and the role cards.

No file names, field names, setting names or ids on paper or on a card (those
belong to the plan owner: the data-notes page, the owner guide, `bcp check`);
phone numbers are never split across lines; nothing is printed within 10 mm
of the paper's edge, where office printers lose it; every printable page links
to its PDF.
"""

from __future__ import annotations

import re
import subprocess
import typing
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pydantic import BaseModel

from bcp import thai
from bcp.model import FILES
from conftest import LAMPANG

MM = 72 / 25.4  # PDF points in a millimetre
PRINTER_MARGIN_MM = 10


def model_fields(model: type[BaseModel], seen: set | None = None) -> set[str]:
    """Every field name of a data file's model, and of the models inside it."""
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for info in model.model_fields.values():
        pending = [info.annotation]
        while pending:
            kind = pending.pop()
            pending.extend(typing.get_args(kind))
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                names |= model_fields(kind, seen)
    return names


FIELD_NAMES = set().union(*(model_fields(model) for model in FILES.values()))
# The developer's words: a file name, a setting, a field name, an id in quotes.
DEVELOPER_WORDS = [
    re.compile(r"\.ya?ml\b"),
    re.compile(r"\b(?:BCP_[A-Z_]+|SOURCE_DATE_EPOCH)\b"),
    re.compile(r"""['‘"“][a-z0-9][a-z0-9_-]*['’"”]"""),
    re.compile(r"(?<![A-Za-z_])(?:" + "|".join(sorted(map(re.escape, FIELD_NAMES), key=len, reverse=True))
               + r")(?![A-Za-z_])"),
]


def developer_words(text: str) -> list[str]:
    return [found for pattern in DEVELOPER_WORDS for found in pattern.findall(text)]


def test_the_scan_knows_the_words_it_looks_for():
    # the words the issue found on paper, and a sentence the PDFs print
    assert developer_words("ขอบเขตของแผน (scope.yaml) ไม่มีเหตุการณ์ 'flood'") == [".yaml", "'flood'", "scope"]
    assert developer_words("ยังไม่ได้กำหนดที่อยู่เว็บไซต์บนอินทราเน็ต (site_url) BCP_SITE_URL") == ["BCP_SITE_URL", "site_url"]
    assert {"extension", "mobile", "last_reviewed", "first_name"} <= FIELD_NAMES
    assert developer_words("ขอบเขตของแผนความต่อเนื่อง (Scope of BCP) e-Service Wifi VPN") == []


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture(scope="module")
def pdfs(lampang_site_pdf) -> dict[str, str]:
    """Every PDF of the build by its path under pdf/, with its text layer."""
    found = {str(path.relative_to(lampang_site_pdf / "pdf")): pdf_text(path)
             for path in sorted((lampang_site_pdf / "pdf").rglob("*.pdf"))}
    assert {"plan.pdf", "cards.pdf", "checklists.pdf", "call-tree.pdf", "cards/krit.pdf"} <= set(found)
    return found


def test_no_pdf_prints_a_file_field_setting_or_id(pdfs):
    found = {name: developer_words(text) for name, text in pdfs.items()}
    assert {name: words for name, words in found.items() if words} == {}


def test_no_card_page_shows_a_file_field_setting_or_id(lampang_site, lampang_plan):
    for person_id in lampang_plan.people:
        page = BeautifulSoup((lampang_site / "cards" / person_id / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        text = page.select_one("article").get_text(" ")
        assert developer_words(text) == [], person_id


# --- phone numbers ------------------------------------------------------------------------


def numbers_of(plan) -> set[str]:
    """Every phone number and extension as the plan prints it (Thai digits)."""
    numbers = {thai.format_phone(plan.info.office.phone)}
    for person in plan.people.values():
        if person.mobile:
            numbers.add(thai.format_phone(person.mobile))
        if person.extension:
            numbers.add(thai.format_extension(person.extension))
    return numbers


def split_forms(number: str) -> list[str]:
    """The number as it reads when a line ends inside it: at a space, or after a dash."""
    return [number[:i].rstrip() + "\n" + number[i:].lstrip() for i, char in enumerate(number)
            if char == " " or (i and number[i - 1] in "-\u2013")]


def test_phone_numbers_are_never_split_across_lines_in_a_pdf(pdfs, lampang_plan):
    numbers = numbers_of(lampang_plan)
    office = thai.format_phone(lampang_plan.info.office.phone)
    assert office == "๐ ๕๔๒๖ ๕๐๑๘–๒๑" and "\n" in "".join(split_forms(office))
    assert office in pdfs["plan.pdf"] and office in pdfs["call-tree.pdf"]
    for name, text in pdfs.items():
        broken = [split for number in numbers for split in split_forms(number) if split in text]
        assert broken == [], name


def test_phone_numbers_on_the_site_are_kept_whole(lampang_site, lampang_plan):
    office = thai.format_phone(lampang_plan.info.office.phone)
    numbers = numbers_of(lampang_plan)
    seen = 0
    for page in sorted(lampang_site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        for text in article.find_all(string=lambda s: s.strip() in numbers) if article else ():
            seen += 1
            assert "bcp-phone" in text.parent.get("class", []), (page, str(text))
    assert seen > 50, "premise: the site shows numbers"
    css = (lampang_site / "assets" / "stylesheets" / "bcp.css").read_text(encoding="utf-8")
    assert re.search(r"\.bcp-phone\s*\{\s*white-space:\s*nowrap;", css)
    assert office in (lampang_site / "index.html").read_text(encoding="utf-8")


# --- margins ------------------------------------------------------------------------------------

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def word_margins(pdf: Path) -> list[tuple[int, str, float, float, float, float]]:
    """(page, word, left, top, right, bottom): each word's distance from the paper's edges, in mm."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = []
    for number, (width, height, body) in enumerate(_PAGE.findall(out), 1):
        for x0, y0, x1, y1, word in _WORD.findall(body):
            words.append((number, word, float(x0) / MM, float(y0) / MM,
                          (float(width) - float(x1)) / MM, (float(height) - float(y1)) / MM))
    return words


def test_nothing_is_printed_within_10_mm_of_the_edge(lampang_site_pdf):
    for pdf in sorted((lampang_site_pdf / "pdf").rglob("*.pdf")):
        words = word_margins(pdf)
        assert words, pdf
        too_close = [(page, word, round(min(edges), 1)) for page, word, *edges in words
                     if min(edges) < PRINTER_MARGIN_MM - 0.05]
        assert too_close == [], pdf.name


def test_page_numbers_sit_inside_the_margin(lampang_site_pdf):
    # the footers exist (the test above measures them too): the lowest words of each numbered page
    footer = re.compile(r"^(?:หน้า|/|-|[๐-๙0-9]+)$")
    for name, front_matter in (("checklists.pdf", 0), ("call-tree.pdf", 0), ("plan.pdf", 2)):
        words = word_margins(lampang_site_pdf / "pdf" / name)
        for page in sorted({number for number, *_ in words})[front_matter:]:
            lowest = min((word for word in words if word[0] == page), key=lambda word: word[5])
            assert footer.match(lowest[1]) and lowest[5] >= PRINTER_MARGIN_MM, (name, page, lowest)


# --- a PDF for every printable page ---------------------------------------------------------------


def test_every_printable_page_links_to_its_pdf(lampang_site_pdf):
    printable = [page for page in sorted(lampang_site_pdf.rglob("*.html"))
                 if "data-bcp-print=" in page.read_text(encoding="utf-8")]
    names = {str(page.parent.relative_to(lampang_site_pdf)) for page in printable}
    assert {"checklists", "checklists/log-book", "call-tree", "cards/krit"} <= names
    for page in printable:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = [a["href"] for a in soup.select("article a[href$='.pdf']")]
        assert links, page
        assert all((page.parent / href).resolve().is_file() for href in links), page
