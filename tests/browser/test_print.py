"""Printing role cards and checklists from the browser, and finding a card by a person's name.

These need the role cards (cards/<person-id>/) and the printable checklists
(checklists/): the tests skip while the built site has no cards/ folder.
"""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from pypdf import PdfReader
from tests.browser.browsing import open_laid_out

pytestmark = pytest.mark.needs_cards

# Chromium's PDF text layer drops some Thai vowel and tone marks ("ต่อเนื่อง" comes
# out as "ต่อเนื อง"), so printed text is compared by its consonants, digits and
# Latin letters only.
_SKELETON_DROP = re.compile(r"[^\u0e01-\u0e2e\u0e50-\u0e590-9A-Za-z]")


def _skeleton(text: str) -> str:
    return _SKELETON_DROP.sub("", text)


def _print(page) -> PdfReader:
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))


def _pdf_text(reader: PdfReader) -> str:
    return "".join(page.extract_text() for page in reader.pages)


def test_every_person_has_a_card(lampang_site, lampang_plan):
    missing = [pid for pid in lampang_plan.people if not (lampang_site / "cards" / pid / "index.html").is_file()]
    assert missing == []


def test_a_persons_name_finds_their_card(search, lampang_plan):
    for person_id, person in lampang_plan.people.items():
        for query in (f"{person.first_name} {person.last_name}", person.last_name):
            cards = [page for page in search(query) if page.startswith("cards/")]
            assert cards and cards[0] == f"cards/{person_id}/", (query, cards)


def test_a_role_card_prints_on_exactly_one_page(page, site_url, lampang_plan, screenshots):
    for person_id, person in lampang_plan.people.items():
        page.emulate_media(media="screen")
        open_laid_out(page, f"{site_url}cards/{person_id}/")
        reader = _print(page)
        assert _skeleton(person.last_name) in _skeleton(_pdf_text(reader)), f"premise: {person_id}'s card printed"
        assert len(reader.pages) == 1, f"{person_id}: the card prints on {len(reader.pages)} pages"
    # One card to look at, as an image.
    (screenshots / "card.pdf").write_bytes(page.pdf(format="A4", print_background=True))
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(screenshots / "card.pdf"), str(screenshots / "card")],
                   check=True, timeout=60)


def test_checklists_print_without_the_navigation(page, site_url, lampang_site, all_pages):
    checklists = [path for path in all_pages if path.startswith("checklists/")]
    assert checklists, "no page under checklists/"
    for path in checklists:
        page.emulate_media(media="screen")
        open_laid_out(page, site_url + path)
        nav = page.locator("nav.md-nav--primary .md-nav__link")
        titles = {t.strip() for t in nav.all_inner_texts() if t.strip()}
        assert titles, "premise: the page has the site navigation on screen"
        article = _skeleton(page.locator("article").inner_text())

        reader = _print(page)
        for selector in (".md-header", ".md-sidebar", ".md-footer", ".md-tabs", "nav.md-nav--primary"):
            shown = page.locator(selector).evaluate_all("els => els.filter(e => e.getClientRects().length).length")
            assert shown == 0, f"{path}: {selector} is printed"
        printed = _skeleton(_pdf_text(reader))
        # Forms hide the page's h1 on paper (each sheet has its own title): the
        # premise is that what the article shows in print media is what printed.
        shown_in_print = _skeleton(page.locator("article").inner_text())[:40]
        assert len(shown_in_print) >= 20 and shown_in_print in printed, f"premise: {path} printed its content"
        for title in titles:
            if _skeleton(title) not in article:
                assert _skeleton(title) not in printed, f"{path}: the navigation entry {title} is printed"

