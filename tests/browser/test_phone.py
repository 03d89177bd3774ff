"""The site at phone width (375 CSS pixels): staff read the plan on their phones."""

from __future__ import annotations

from pathlib import Path

import yaml

from bcp import load_plan
from tests.browser.browsing import PHONE

ROOT = Path(__file__).resolve().parents[2]
WIDTH = PHONE["width"]


def _top_level_nav_titles() -> list[str]:
    """The navigation's titles as the site shows them: mkdocs.yml names each by a label's key."""
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    labels = load_plan(ROOT / "data").labels
    return [getattr(labels, next(iter(item))) if isinstance(item, dict) else item for item in nav]


def test_navigation_drawer_opens_and_leads_to_a_page(phone_page, site_url, screenshots):
    page = phone_page
    page.goto(site_url)
    sidebar_links = page.locator("nav.md-nav--primary > ul > li > a.md-nav__link")
    assert not _inside_viewport(sidebar_links.first), "premise: the navigation is hidden at phone width"

    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    page.wait_for_function(  # the drawer slides in
        "el => el.getBoundingClientRect().left >= 0", arg=sidebar_links.first.element_handle())
    page.screenshot(path=str(screenshots / "phone-drawer.png"))

    titles = _top_level_nav_titles()
    assert len(titles) >= 9
    for title in titles:
        # The current page's entry is a <label> (it opens the page's contents), the others are links.
        entry = page.locator("nav.md-nav--primary .md-nav__link:visible", has_text=title).first
        assert _inside_viewport(entry), title

    page.locator("nav.md-nav--primary a.md-nav__link", has_text="ทีมงานบริหารความต่อเนื่อง").first.click()
    page.wait_for_url("**/teams/**")
    assert "ทีมงาน" in page.locator("article h1").inner_text()


def _inside_viewport(locator) -> bool:
    if not locator.is_visible():
        return False
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH and box["width"] > 0


TABLES = """() => [...document.querySelectorAll('article table')].map(table => {
  let wrap = table.parentElement
  while (wrap.tagName !== 'ARTICLE' && !['auto', 'scroll'].includes(getComputedStyle(wrap).overflowX))
    wrap = wrap.parentElement
  const scrolls = wrap.tagName !== 'ARTICLE'
  const wider = table.getBoundingClientRect().width > wrap.clientWidth + 1
  let scrolled = 0
  if (scrolls && wider) { wrap.scrollLeft = 40; scrolled = wrap.scrollLeft; wrap.scrollLeft = 0 }
  const box = wrap.getBoundingClientRect()
  return {scrolls, wider, scrolled, left: box.left, right: box.right}
})"""


def test_tables_scroll_instead_of_the_page_overflowing(phone_page, site_url, all_pages, screenshots):
    page = phone_page
    wide_tables = 0
    for path in all_pages:
        page.goto(site_url + path, wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH, f"{path or 'home'} overflows"
        for number, table in enumerate(page.evaluate(TABLES), start=1):
            where = f"{path or 'home'} table {number}"
            assert table["scrolls"], f"{where}: no scrolling wrapper"
            assert table["left"] >= 0 and table["right"] <= WIDTH, f"{where}: wrapper wider than the screen"
            if table["wider"]:
                wide_tables += 1
                assert table["scrolled"] > 0, f"{where}: does not scroll sideways"
    assert wide_tables > 0, "premise: some table is wider than a phone"
    page.goto(site_url + "resources/", wait_until="networkidle")
    page.screenshot(path=str(screenshots / "phone-table.png"))
