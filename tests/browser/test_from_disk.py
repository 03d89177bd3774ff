"""The site opened from disk (file://, a copy on a laptop or a USB stick, no web server):
search works, its results open, and nothing is asked of the internet.  The copy is the
one a reader downloads: the zip `make site` links from the home page, unpacked."""

from __future__ import annotations

import re
import zipfile

import pytest

from bcp_mkdocs.offline import SITE_ZIP, ZIP_FOLDER
from tests.browser.browsing import SiteSearch, new_context


@pytest.fixture(scope="module")
def unpacked_site(lampang_site_pdf, tmp_path_factory):
    """The whole-site zip of `make site`, unpacked: its one folder."""
    out = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(lampang_site_pdf / SITE_ZIP) as archive:
        archive.extractall(out)
    return out / ZIP_FOLDER


class DiskSearch:
    """Material's search box on the copy's home page, opened from disk; every request recorded."""

    def __init__(self, browser, root):
        self.context = new_context(browser)
        self.urls: list[str] = []
        self.context.on("request", lambda request: self.urls.append(request.url))
        self.search = SiteSearch(self.context.new_page(), root.as_uri() + "/", start=(root / "index.html").as_uri())

    def close(self):
        self.context.close()


def test_search_works_in_the_unpacked_download(browser, unpacked_site, screenshots):
    disk = DiskSearch(browser, unpacked_site)
    try:
        search = disk.search
        assert search("ไฟดับ")[0] == "incidents/power-outage/"
        found = search("วินิจฉัย")  # a word in the middle of a sentence of the BIA page
        search.page.screenshot(path=str(screenshots / "search-from-disk.png"))
        assert found[0] == "bia/"
        # The result opens the page itself (a folder opens no index.html from disk).
        href = search.page.eval_on_selector(".md-search-result__item > a", "a => a.href")
        assert re.search(r"/bia/index\.html(\?|#|$)", href), href
        search.box.press("Enter")
        search.page.wait_for_url(re.compile(r"/bia/index\.html"))
        assert "วินิจฉัย" in search.page.locator("article").inner_text()
        loaded = " ".join(disk.urls)
        for part in ("iframe-worker/shim.js", "search/search_index.js", "bcp_search_worker.js", "lunr"):
            assert part in loaded, part
        assert [url for url in disk.urls if not url.startswith(("file:", "data:", "blob:", "about:"))] == []
    finally:
        disk.close()


def test_search_works_from_the_site_folder(browser, lampang_site):
    disk = DiskSearch(browser, lampang_site)
    try:
        assert disk.search("อัคคีภัย")[0] == "incidents/fire/"
    finally:
        disk.close()


def test_without_the_shim_the_search_box_disappears_from_disk(browser, lampang_site):
    """The premise of the tests above: from disk the browser starts no search worker of its
    own, and Material then hides its search box (as the site did before the shim)."""
    context = new_context(browser)
    try:
        context.route("**/iframe-worker/shim.js", lambda route: route.abort())
        page = context.new_page()
        page.goto((lampang_site / "index.html").as_uri(), wait_until="load")
        page.locator("input[data-md-component=search-query]").wait_for(state="hidden")
    finally:
        context.close()
