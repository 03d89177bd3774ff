"""Helpers for the browser tests: serve a built site, open Debian's chromium, use the search box.

Playwright never downloads a browser here: it drives /usr/bin/chromium, which
scripts/setup.sh installs (`make test` runs it first).  Every wait has a
timeout, so a broken page fails its test instead of hanging CI.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TIMEOUT_MS = 15_000
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from http.server
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Serve `folder` on localhost (a free port) from a background thread; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def new_context(browser, phone: bool = False):
    """A fresh browser context (own cache and storage) with timeouts on every wait."""
    if phone:
        context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    else:
        context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context


def open_laid_out(page, url: str) -> None:
    """Open `url` and wait until it is laid out in its own fonts (Sarabun): what a print or a
    screenshot needs, without networkidle's fixed half second of quiet on every page."""
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => document.fonts.status)")


def screenshot_top(page, path: Path, screens: int = 3) -> None:
    """A screenshot of the page's first `screens` screenfuls, for people to look at: a whole long
    page at a phone's pixel density takes chromium most of a second to paint and encode."""
    viewport = page.viewport_size
    height = page.evaluate("document.documentElement.scrollHeight")
    page.screenshot(path=str(path), full_page=True,
                    clip={"x": 0, "y": 0, "width": viewport["width"], "height": min(height, screens * viewport["height"])})


def relative_page(href: str, site_url: str) -> str:
    """"http://127.0.0.1:8000/teams/index.html?h=x" -> "teams/"."""
    path = urlsplit(href).path
    base = urlsplit(site_url).path
    path = path[len(base):] if path.startswith(base) else path
    return path.removesuffix("index.html")


class SiteSearch:
    """Type into Material's search box like a user and read the result list."""

    PLACEHOLDER = "พิมพ์เพื่อเริ่มค้นหา"  # Material's Thai text while the box is empty

    def __init__(self, page, site_url: str, start: str | None = None):
        """`start`: the page to search from, if not `site_url` (from disk: its index.html)."""
        self.page = page
        self.site_url = site_url
        page.goto(start or site_url)
        self.box = page.locator("input[data-md-component=search-query]")
        self.box.click()

    def __call__(self, query: str) -> list[str]:
        """The pages found, best first, relative to the site root ("", "teams/")."""
        self._type("")
        self._wait_for_meta("text => text === placeholder")
        self._type(query)
        self._wait_for_meta("text => text !== '' && text !== placeholder")
        hrefs = self.page.eval_on_selector_all(
            ".md-search-result__item > a:first-child", "links => links.map(a => a.href)")
        return [relative_page(href, self.site_url) for href in hrefs]

    def _type(self, text: str) -> None:
        self.box.fill(text)
        self.box.press("End")  # Material reads the box on keyup

    def _wait_for_meta(self, condition: str) -> None:
        self.page.wait_for_function(
            f"placeholder => ({condition})("
            "document.querySelector('.md-search-result__meta').textContent.trim())",
            arg=self.PLACEHOLDER, timeout=TIMEOUT_MS)
