"""Browser tests: built sites served on localhost, driven in Debian's chromium (see browsing.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.browser.browsing import SiteSearch, new_context, serve
from tests.conftest import LAMPANG, build_site


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "needs_cards: needs the role cards (cards/<person-id>/); skipped while the site has none")


@pytest.fixture(autouse=True)
def _skip_without_cards(request):
    if request.node.get_closest_marker("needs_cards"):
        site = request.getfixturevalue("lampang_site")
        if not (site / "cards").is_dir():
            pytest.skip("the built site has no cards/ folder yet")


@pytest.fixture(scope="session")
def site_url(lampang_site):
    """Base URL (ending in /) of the Lampang site, served on localhost until the session ends."""
    with serve(lampang_site) as url:
        yield url


@pytest.fixture(scope="session")
def arabic_digits_site_url(tmp_path_factory):
    """The Lampang plan with `digits: arabic`: its pages print 209 where the usual site prints ๒๐๙."""
    data = tmp_path_factory.mktemp("arabic-digits") / "data"
    shutil.copytree(LAMPANG, data)
    plan = data / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "\ndigits: thai\n" in text
    plan.write_text(text.replace("\ndigits: thai\n", "\ndigits: arabic\n"), encoding="utf-8")
    site = data.parent / "site"
    result = build_site(site, data=data)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


@pytest.fixture
def page(browser):
    """A desktop-sized page in a fresh context."""
    context = new_context(browser)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_page(browser):
    """A page the width of a small phone (375 CSS pixels)."""
    context = new_context(browser, phone=True)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def search(browser, site_url):
    """The Lampang site's search box; one page per test module, so the index loads once."""
    context = new_context(browser)
    yield SiteSearch(context.new_page(), site_url)
    context.close()


@pytest.fixture(scope="session")
def all_pages(lampang_site) -> list[str]:
    """Every page of the built site, relative to its root: "", "teams/", "cards/wanphen/"..."""
    pages = []
    for index in sorted(lampang_site.rglob("index.html")):
        folder = index.parent.relative_to(lampang_site).as_posix()
        pages.append("" if folder == "." else folder + "/")
    return pages


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where browser tests leave screenshots for people to look at."""
    return tmp_path_factory.mktemp("screenshots")
