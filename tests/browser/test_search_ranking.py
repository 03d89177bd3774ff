"""Search ranks as a person expects: an incident's page for its name, a heading before a
mention in passing, the plan's pages before the owner's, and only whole words highlighted.

Each case checks its premise on the built pages first (the word is also on the pages that
must come later, more often, or inside other words), so that it cannot pass by chance.
"""

from __future__ import annotations

import html
import re

import pytest

from tests.browser.browsing import SiteSearch, new_context
from tests.conftest import page_text

# Pages for the plan's owner, and the completeness checklist that names every part of the plan.
OWNER_PAGES = ("checklist/", "data-notes/", "owner-guide/", "revisions/")

# A word of an incident's name, as a clerk types it.
INCIDENT_WORDS = [("ไฟดับ", "power-outage"), ("อัคคีภัย", "fire"), ("จลาจล", "protest"),
                  ("ชุมนุมประท้วง", "protest"), ("โรคระบาด", "epidemic")]

# A word in a heading of the page, and in the body of other pages more often.
HEADINGS = [("อุปกรณ์", "resources/"), ("วัสดุ", "resources/"), ("ผู้ให้บริการ", "resources/"),
            ("เทคโนโลยีสารสนเทศ", "resources/")]

# Plan words the owner's pages use too.
PLAN_WORDS = ["ทีมงาน", "อุปกรณ์", "ผู้ให้บริการ", "เทคโนโลยีสารสนเทศ", "กระบวนการ", "แจ้งเหตุ", "ไฟดับ",
              # a heading of the owner guide says these too; plan pages say them in passing
              "สำรองข้อมูล", "ทรัพยากร", "Call Tree"]


def _text(site, page: str) -> str:
    return page_text(site, page or "index.html")


def _headings(site, page: str) -> str:
    raw = (site / page / "index.html").read_text(encoding="utf-8")
    article = raw.split("<article", 1)[-1]
    return html.unescape(" ".join(re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", article, re.S)))


def test_each_incidents_name_finds_its_page_first(search, lampang_plan):
    incidents = lampang_plan.scope.incidents
    assert len(incidents) >= 3
    for incident in incidents:
        assert search(incident.name)[:1] == [f"incidents/{incident.id}/"], incident.name


@pytest.mark.parametrize(("word", "incident"), INCIDENT_WORDS)
def test_a_word_of_an_incidents_name_finds_its_page_first(search, lampang_plan, lampang_site, word, incident):
    name = next(i.name for i in lampang_plan.scope.incidents if i.id == incident)
    assert word in name
    assert word in _text(lampang_site, "scope/"), "premise: the scope page names it too"
    found = search(word)
    assert found[:1] == [f"incidents/{incident}/"]
    assert "scope/" in found


@pytest.mark.parametrize(("word", "page"), HEADINGS)
def test_a_heading_comes_before_words_in_passing(search, lampang_site, word, page):
    assert word in _headings(lampang_site, page), f"premise: {word} heads a section of {page}"
    count = _text(lampang_site, page).count(word)
    found = search(word)
    busier = [other for other in found if other != page and other not in OWNER_PAGES
              and _text(lampang_site, other).count(word) >= count and word not in _headings(lampang_site, other)]
    assert busier, f"premise: another page says {word} as often as {page}, in passing"
    assert found[0] == page


@pytest.mark.parametrize("word", PLAN_WORDS)
def test_plan_pages_come_before_the_owners_pages(search, word):
    found = search(word)
    owners = [i for i, page in enumerate(found) if page in OWNER_PAGES]
    plan = [i for i, page in enumerate(found) if page not in OWNER_PAGES]
    assert owners and plan, f"premise: {word} is on plan pages and on the owner's: {found}"
    assert max(plan) < min(owners), found


def test_highlights_mark_whole_words_only(search, lampang_site, screenshots):
    # ไฟดับ is searched as ไฟ and ดับ: ไฟล์ (file) and ระดับ (level) hold them but are other words.
    owner_text = _text(lampang_site, "owner-guide/") + _text(lampang_site, "data-notes/")
    assert "ไฟล์" in owner_text and "ระดับ" in owner_text + _text(lampang_site, "bia/")
    assert "owner-guide/" in search("ไฟล์"), "premise: ไฟล์ is in the index"
    found = search("ไฟดับ")
    search.page.screenshot(path=str(screenshots / "search-power-outage.png"))
    marks = search.page.eval_on_selector_all(".md-search-result mark", "ms => ms.map(m => m.textContent)")
    assert "ไฟ" in marks and "ดับ" in marks
    assert not [mark for mark in marks if "ไฟล" in mark or "ระดับ" in mark or "ลำดับ" in mark], marks
    assert "owner-guide/" not in found[:3]

MARKS = """() => [...document.querySelectorAll("article mark[data-md-highlight]")].map(mark =>
    [mark.textContent, (mark.nextSibling && mark.nextSibling.textContent || "").slice(0, 2)])"""


@pytest.mark.parametrize("ours", [True, False], ids=["site", "material-alone"])
def test_the_page_highlight_marks_whole_words_only(browser, site_url, lampang_site, ours):
    """After a click on a result Material marks the query's words on the page (?h=ไฟ+ดับ)
    wherever they occur; without the site's script (material-alone) ไฟล์ is marked too."""
    assert "ไฟล์" in _text(lampang_site, "data-notes/") and "ไฟดับ" in _text(lampang_site, "data-notes/")
    context = new_context(browser)
    try:
        if not ours:
            context.route("**/bcp_search.js", lambda route: route.abort())
        page = context.new_page()
        page.goto(site_url + "data-notes/?h=%E0%B9%84%E0%B8%9F+%E0%B8%94%E0%B8%B1%E0%B8%9A")  # h=ไฟ ดับ
        page.locator("article mark[data-md-highlight]").first.wait_for()
        page.wait_for_timeout(300)  # the check runs as the marks come
        marks = page.evaluate(MARKS)
        inside = [mark for mark, after in marks if mark.endswith("ไฟ") and after.startswith("ล")]
        assert any(mark == "ดับ" for mark, _ in marks)
        if ours:
            assert inside == [], marks
        else:
            assert inside, "premise: Material alone marks ไฟ inside ไฟล์"
    finally:
        context.close()


def test_enter_on_an_incidents_name_opens_its_page(browser, site_url):
    context = new_context(browser)
    try:
        search = SiteSearch(context.new_page(), site_url)
        assert search("ไฟดับ")[0] == "incidents/power-outage/"
        search.box.press("Enter")
        search.page.wait_for_url(re.compile(r"/incidents/power-outage/"))
    finally:
        context.close()


def test_the_log_book_form_is_found_by_its_name(search, lampang_plan):
    """The blank log book is a form of its own (the phase checklists copy the procedure and stay out
    of search): a clerk who types its name lands on it."""
    title = lampang_plan.labels.log_book_title
    assert "Log Book" in title, "premise: the log book's title names it"
    assert search("Log Book")[:1] == ["checklists/log-book/"]
