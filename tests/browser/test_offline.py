"""The offline promise: no page asks anything of another host (an intranet has no internet)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.browsing import new_context

pytestmark = pytest.mark.long_running  # started first by make test (tests/conftest.py)

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


class Recorder:
    """Every request of a browser context (pages and their workers); other hosts are refused."""

    def __init__(self, context):
        self.urls: list[str] = []
        self.in_flight: set = set()
        context.on("request", self._started)
        context.on("requestfinished", lambda request: self.in_flight.discard(request))
        context.on("requestfailed", lambda request: self.in_flight.discard(request))
        # Refused, not sent: a leak fails the test instead of waiting on the network.
        context.route("**/*", lambda route: route.continue_() if _is_local(route.request.url) else route.abort())

    def _started(self, request) -> None:
        self.urls.append(request.url)
        self.in_flight.add(request)

    def settle(self, page, quiet_ms: int = 150, limit_ms: int = 10_000) -> None:
        """Wait until no request of the page or its workers has been open for `quiet_ms`: what
        `networkidle` does with 500 ms, on 40-odd pages.  The pages start every request (fonts, the
        search worker and its index) while loading or right after."""
        waited = quiet = 0
        while quiet < quiet_ms and waited < limit_ms:
            page.wait_for_timeout(25)  # Playwright delivers the request events while it waits
            waited += 25
            quiet = 0 if self.in_flight else quiet + 25
        assert not self.in_flight, [request.url for request in self.in_flight]

    @property
    def external(self) -> list[str]:
        return sorted({url for url in self.urls if not _is_local(url)})


def test_no_request_leaves_localhost_on_any_page(browser, site_url, all_pages):
    context = new_context(browser)
    try:
        recorder = Recorder(context)
        page = context.new_page()
        for path in all_pages:
            page.emulate_media(media="screen")
            page.goto(site_url + path, wait_until="load")
            recorder.settle(page)  # on screen, until the search worker has loaded too
            # Print styles may ask for other files: the same page as printed, not loaded again.  Laying it
            # out issues those requests at once, and the recorder sees a request as soon as it is issued.
            page.emulate_media(media="print")
            assert page.evaluate("matchMedia('print').matches && document.body.getBoundingClientRect().height > 0"), path
        recorder.settle(page)
        assert recorder.external == []
        # The recording saw everything, the search worker's own loading included.
        loaded = " ".join(recorder.urls)
        assert len(all_pages) >= 9
        for part in ("search/search_index.json", "bcp_search_worker.js", "workers/search.", "/lunr/",
                     "bcp.css", "Sarabun"):
            assert part in loaded, part
    finally:
        context.close()


def test_the_recorder_sees_requests_to_other_hosts(browser, site_url):
    context = new_context(browser)
    try:
        recorder = Recorder(context)
        page = context.new_page()
        page.goto(site_url)
        page.evaluate("""() => new Promise(done => {
            const img = document.createElement('img')
            img.onload = img.onerror = done
            img.src = 'https://fonts.googleapis.com/probe.png'
            document.body.append(img)
        })""")
        assert recorder.external == ["https://fonts.googleapis.com/probe.png"]
    finally:
        context.close()
