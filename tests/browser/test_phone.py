"""The site at phone width (375 CSS pixels): staff read the plan on their phones."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bcp import load_plan
from tests.browser.browsing import PHONE, open_laid_out, screenshot_top

pytestmark = pytest.mark.long_running  # started first by make test (tests/conftest.py)

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
    # ... and has stopped moving: under load the slide's transition may still run after the first link arrived
    page.wait_for_function("document.getAnimations().every(animation => animation.playState !== 'running')")
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


# --- tables on a phone: one block of "column: value" lines per row --------------------------

# Every table of the page and every visible cell: where it lies, how it is shown, and how its
# text may break.  The header row of a stacked table is out of sight (for screen readers).
PAGE_TABLES = """() => {
  const style = getComputedStyle
  const hidden = el => el.closest('table[data-bcp-stack] > thead') !== null
  const tables = [...document.querySelectorAll('article table')].map(table => {
    const box = table.getBoundingClientRect()
    return {cls: table.className, stacked: table.hasAttribute('data-bcp-stack'), display: style(table).display,
            left: box.left, right: box.right, width: box.width}
  })
  const cells = [...document.querySelectorAll('article :is(td, th)')].filter(c => c.getClientRects().length && !hidden(c))
  const wraps = [...document.querySelectorAll('article :is(td, th), article :is(td, th) :is(a, code)')]
    .map(el => ({tag: el.tagName, text: el.textContent.trim().slice(0, 30),
                 overflowWrap: style(el).overflowWrap, wordBreak: style(el).wordBreak}))
    .filter(el => el.overflowWrap === 'anywhere' || ['break-all', 'break-word'].includes(el.wordBreak))
  return {scrollWidth: document.documentElement.scrollWidth, tables, wraps,
          wideCells: cells.filter(c => c.getBoundingClientRect().right > innerWidth + 0.5).map(c => c.textContent.trim().slice(0, 30))}
}"""

# The words of the cells' text (the browser's own Thai word breaker, the dictionary its line
# breaking uses) that are laid out over more than one line: broken inside a word.
SPLIT_WORDS = """() => {
  const words = new Intl.Segmenter('th', {granularity: 'word'})
  const split = []
  for (const cell of document.querySelectorAll('article :is(td, th)')) {
    if (!cell.getClientRects().length || cell.closest('table[data-bcp-stack] > thead')) continue
    const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      for (const {segment, index, isWordLike} of words.segment(node.data)) {
        if (!isWordLike || segment.length < 2) continue
        const range = document.createRange()
        range.setStart(node, index)
        range.setEnd(node, index + segment.length)
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)))
        if (lines.size > 1) split.push(segment)
      }
    }
  }
  return split
}"""

# Tables that keep their columns on a phone: the wall card's two fixed halves, and the log
# book, a blank form (nothing but boxes as blocks); both fit the screen as they are.
KEPT_AS_TABLES = {"bcp-wall__table", "bcp-wall__footer", "bcp-table bcp-form bcp-logbook"}


def test_no_table_is_wider_than_a_phone(phone_page, site_url, all_pages, screenshots):
    page = phone_page
    stacked = 0
    for path in all_pages:
        where = path or "home"
        page.goto(site_url + path, wait_until="load")
        seen = page.evaluate(PAGE_TABLES)
        assert seen["scrollWidth"] <= WIDTH, f"{where}: the page scrolls sideways"
        for number, table in enumerate(seen["tables"], start=1):
            assert table["left"] >= 0 and table["right"] <= WIDTH + 0.5, f"{where} table {number} ({table['cls']}): {table}"
            if table["stacked"]:
                stacked += 1
                assert table["display"] == "block", f"{where} table {number}: {table}"
            else:
                assert table["cls"] in KEPT_AS_TABLES, f"{where} table {number} ({table['cls']}) is not reflowed"
        assert not seen["wideCells"], f"{where}: cells beyond the screen: {seen['wideCells']}"
        # no cell may break a word anywhere (Thai would split inside a syllable: "ยุทธศา|สตร์")
        assert not seen["wraps"], f"{where}: cells that break words anywhere: {seen['wraps'][:5]}"
        assert not (split := page.evaluate(SPLIT_WORDS)), f"{where}: words broken across lines: {split[:10]}"
    assert stacked >= 40, "premise: the plan's tables are reflowed"
    for path in ("teams/", "bia/", "resources/", "scope/", "procedure/", "cards/wanphen/", "incidents/fire/"):
        open_laid_out(page, site_url + path)
        screenshot_top(page, screenshots / f"phone-{path.strip('/').replace('/', '-')}.png")


CELLS = """table => [...table.querySelectorAll(':scope > :is(tbody, tfoot) > tr > :is(td, th)')].map(cell => {
  const box = cell.getBoundingClientRect()
  const label = getComputedStyle(cell, '::before').content
  return {tag: cell.tagName, text: cell.textContent.replace(/\\s+/g, ' ').trim(), shown: getComputedStyle(cell).display !== 'none',
          label: label === 'none' ? null : JSON.parse(label), left: box.left, right: box.right, top: box.top,
          width: box.width, height: box.height, lineHeight: parseFloat(getComputedStyle(cell).lineHeight)}
})"""


def test_a_team_on_a_phone_names_each_persons_column(phone_page, site_url, lampang_plan):
    """The teams page read on a phone: the backups in sight, each under its column's name, a
    role's name on one line across the block (it was one or two syllables a line)."""
    page = phone_page
    page.goto(site_url + "teams/", wait_until="load")
    labels = lampang_plan.labels
    tables = page.locator("article table.bcp-team")
    assert tables.count() == len(lampang_plan.teams)
    backups = roles = 0
    for index in range(tables.count()):
        for cell in tables.nth(index).evaluate(CELLS):
            assert cell["left"] >= 0 and cell["right"] <= WIDTH, cell
            if cell["tag"] == "TH":  # the role: the block's title, no label, the block's whole width
                roles += 1
                assert cell["label"] is None and cell["width"] > WIDTH * 0.8, cell
                assert cell["height"] < 2.5 * cell["lineHeight"], cell
            elif cell["label"] == f"{labels.column_backup}: ":
                backups += 1
            else:
                assert cell["label"] == f"{labels.column_primary}: ", cell
    assert roles == backups == sum(len(team.roles) for team in lampang_plan.teams.values())
    # a phone number is dialled whole: on one line
    for phone in page.locator("article table .bcp-phone").all():
        assert len({round(box["top"]) for box in phone.evaluate("el => [...el.getClientRects()].map(r => ({top: r.top}))")}) == 1


def test_grouped_headers_and_ticks_read_as_lines(phone_page, site_url, lampang_plan):
    """The BIA's windows sit under one group header: a process's block says its window with the
    group's name ("... ๑ วัน: ✓"); unticked windows are left out; the process heads its block
    although its number comes first in the row."""
    page = phone_page
    page.goto(site_url + "bia/", wait_until="load")
    table = page.locator("article table.bcp-bia")
    group = table.locator("thead th[colspan]").inner_text().strip()
    windows = [th.inner_text().strip() for th in table.locator("thead tr:nth-child(2) th").all()]
    cells = table.evaluate(CELLS)
    rows = [cells[i:i + 3 + len(windows)] for i in range(0, len(cells), 3 + len(windows))]
    assert len(rows) == len(lampang_plan.bia.processes)
    for row, process in zip(rows, lampang_plan.bia.processes):
        number, name, urgency, *ticks = row
        assert name["text"] == process.name and name["label"] is None
        assert name["top"] < number["top"], "the process heads its block"
        shown = [tick for tick in ticks if tick["shown"]]
        assert len(shown) == 1 and shown[0]["text"] == "✓", row
        assert shown[0]["label"] in {f"{group} {window}: " for window in windows}, shown[0]
        assert urgency["label"].endswith(": ") and urgency["label"] != ": "


def test_a_group_of_rows_is_a_heading_and_a_note_row_has_no_label(phone_page, site_url):
    page = phone_page
    page.goto(site_url + "checklist/", wait_until="load")
    groups = page.locator("article table[data-bcp-stack] th[scope=rowgroup]")
    assert groups.count() >= 2
    labelled = 0
    for group in groups.all():
        assert group.evaluate("th => getComputedStyle(th, '::before').content") == "none"
        assert group.evaluate("th => getComputedStyle(th.parentElement).borderTopStyle") == "none"
        # the rows below it are blocks of labelled lines, the heading is not one of them
        below = group.evaluate("""th => { const row = th.parentElement.nextElementSibling
          return [getComputedStyle(row).borderTopStyle, row.cells[0].colSpan, getComputedStyle(row.cells[0], '::before').content,
                  row.closest('table').tHead.rows[0].cells[0].textContent.trim()] }""")
        assert below[0] != "none", below
        if below[1] == 1:
            labelled += 1
            assert below[2] == f'"{below[3]}: "', below
    assert labelled >= 2
    spanning = page.locator("article table[data-bcp-stack] td[colspan]")
    assert spanning.count() >= 1
    for cell in spanning.all():
        colspan = int(cell.get_attribute("colspan"))
        columns = cell.evaluate("td => td.closest('table').tHead.rows[0].cells.length")
        if colspan >= columns:
            assert cell.get_attribute("data-bcp-label") is None


DESKTOP_PAGES = ["scope/", "teams/", "bia/", "resources/", "procedure/", "checklist/", "checklists/",
                 "owner-guide/", "cards/wanphen/", "incidents/fire/"]


def test_desktop_tables_stay_tables(page, site_url, screenshots):
    """At 1280 px nothing of the phone layout shows: tables with their header rows, no labels in
    the cells, each within its box."""
    for path in DESKTOP_PAGES:
        page.goto(site_url + path, wait_until="load")
        tables = page.evaluate("""() => [...document.querySelectorAll('article table')].map(table => ({
          cls: table.className, display: getComputedStyle(table).display,
          head: table.tHead ? table.tHead.getBoundingClientRect().height : null,
          wider: table.getBoundingClientRect().width > table.parentElement.clientWidth + 1,
          labels: [...table.querySelectorAll('td')].filter(td => getComputedStyle(td, '::before').content !== 'none').length,
          rows: [...table.rows].filter(tr => getComputedStyle(tr).display !== 'table-row').length}))""")
        assert tables, path
        for table in tables:
            # Material shows a Markdown table as an inline-block table
            assert table["display"] in {"table", "inline-block"}, (path, table)
            assert table["rows"] == 0 and table["labels"] == 0, (path, table)
            assert table["head"] is None or table["head"] > 10, (path, table)
            assert not table["wider"], (path, table)
    page.goto(site_url + "teams/", wait_until="networkidle")
    screenshot_top(page, screenshots / "desktop-teams.png")
