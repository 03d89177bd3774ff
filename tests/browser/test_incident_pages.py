"""An incident's page in the browser: what a clerk sees first when something has happened."""

from __future__ import annotations

from bcp.incidents import brief
from tests.browser.browsing import screenshot_top


def test_an_incident_page_shows_the_strategies_of_each_area_it_hits(page, phone_page, site_url, lampang_plan, screenshots):
    incident = lampang_plan.scope.incidents[0]
    b = brief(lampang_plan, incident.id)
    for name, tab in (("desktop", page), ("phone", phone_page)):
        # from the home page's first block, as a clerk would get there
        tab.goto(site_url)
        tab.locator(".bcp-incident-picker a", has_text=incident.name).first.click()
        tab.wait_for_url(f"**/incidents/{incident.id}/**")
        assert tab.locator("article h1").inner_text().strip() == f"เมื่อเกิด{incident.name}"
        for strategy in b.strategies:
            heading = tab.locator(f'.bcp-incident__strategies h2 ~ h3[data-area="{strategy.area}"]').first
            assert heading.is_visible() and heading.inner_text().strip() == strategy.resource
            items = tab.locator(f'.bcp-incident__strategies ul[data-area="{strategy.area}"] > li')
            assert items.count() == len(strategy.measures)
            for number, measure in enumerate(strategy.measures):
                item = items.nth(number)
                assert item.is_visible(), (name, strategy.area, number)
                assert " ".join(measure.text.split()) in " ".join(item.inner_text().split())
        # the first steps and whom to call are on the page too, not hidden
        assert tab.locator(".bcp-incident__steps li").first.is_visible()
        assert tab.locator(".bcp-incident__calls li").first.is_visible()
        # nothing on the page is wider than the screen
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), name
        screenshot_top(tab, screenshots / f"incident-{name}.png")
