"""The offline promise: no page asks anything of another host (an intranet has no internet)."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.browser.browsing import new_context

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in LOCAL_HOSTS


class Recorder:
    """Every request of a browser context (pages and their workers); other hosts are refused."""

    def __init__(self, context):
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))
        # Refused, not sent: a leak fails the test instead of waiting on the network.
        context.route("**/*", lambda route: route.continue_() if _is_local(route.request.url) else route.abort())

    @property
    def external(self) -> list[str]:
        return sorted({url for url in self.urls if not _is_local(url)})


def test_no_request_leaves_localhost_on_any_page(browser, site_url, all_pages):
    context = new_context(browser)
    try:
        recorder = Recorder(context)
        page = context.new_page()
        for path in all_pages:  # on screen, until the search worker has loaded too
            page.goto(site_url + path, wait_until="networkidle")
        page.emulate_media(media="print")
        for path in all_pages:  # print styles may ask for other files
            page.goto(site_url + path, wait_until="load")
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
