"""The review reminder bar: short on a phone, full on a desktop, links to the review page."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("fixture, list_shown", [("phone_page", False), ("page", True)])
def test_banner_is_short_on_a_phone_and_links_to_the_review_page(request, site_url, fixture, list_shown):
    page = request.getfixturevalue(fixture)
    page.goto(site_url + "teams/index.html")
    assert page.locator(".md-banner").is_visible()
    assert page.locator(".bcp-review-banner__title").inner_text() == "คำเตือน: แผนนี้ต้องทบทวนและซ้อมแผน"
    assert page.locator(".bcp-review-banner__list").is_visible() is list_shown
    page.click("text=ดูประวัติการแก้ไขและการทบทวน")
    page.wait_for_url("**/revisions/index.html", timeout=10_000)
    assert page.locator("h1").inner_text() == "ประวัติการแก้ไขและการทบทวนแผน"
