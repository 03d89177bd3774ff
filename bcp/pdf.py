"""HTML to PDF with WeasyPrint: safe, reproducible, laid out once, on every core.

A `LayoutJob` is one WeasyPrint layout (one HTML document) that may be cut
into several PDF files: all the wall cards are laid out together, then each
person's pages are written to their own file and all of them to cards.pdf.
Documents that share a stylesheet share one layout pass and one parse of the
stylesheet and fonts; the jobs themselves run in a pool of worker processes
(`LayoutPool`), one per core, started early so that WeasyPrint is imported and
the fonts are loaded while the site is still being built.

Every fetch goes through `SafeUrlFetcher`: only regular files inside the
folders the build names (the docs and the site being built), and `data:`
images; never the network, never another file of the machine.  No PDF ever
carries an attachment.
"""

from __future__ import annotations

import concurrent.futures
import copy
import datetime as dt
import functools
import hashlib
import heapq
import logging
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bcp.thai import pdf_text

# WeasyPrint logs every CSS property it does not support (Material's) as a
# warning; what matters (a refused fetch) is reported by the fetcher itself.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)

# data: URLs WeasyPrint may read: the inline images our templates make.
_DATA_TYPES = ("image/svg+xml", "image/png", "image/jpeg", "image/gif")


# --- what to lay out -----------------------------------------------------------


@dataclass(frozen=True)
class PdfFile:
    """One PDF file cut from a laid-out document."""

    path: Path
    title: str
    # The sections (ids of the elements that start them) whose pages the file
    # holds, in document order; empty: every page.
    sections: tuple[str, ...] = ()
    # An element the file's first page must hold (an incident's sheet: its first step; the
    # layout discards what does not fit that page): a file whose first page does not is named
    # in LayoutResult.without_holder.
    first_page_holding: str | None = None


@dataclass(frozen=True)
class LayoutJob:
    """One HTML document for one WeasyPrint layout, and the files cut from it."""

    name: str  # Thai, for progress lines ("บัตรหน้าที่ทุกคน")
    html: str
    base_url: str | None  # folder the document's relative URLs start from (None: all absolute)
    files: tuple[PdfFile, ...]
    # Ids of the elements that start the document's sections, in order (cards:
    # one per person); each section runs to the page before the next one starts.
    sections: tuple[str, ...] = ()
    subject: str | None = None  # PDF metadata: description
    # Write SARA AM decomposed in the whole document (bcp.thai.pdf_text); False
    # when the caller did it on the drawn text only.
    decompose_sara_am: bool = True


@dataclass(frozen=True)
class LayoutResult:
    name: str
    pages: int
    # Pages of each section (job.sections), to tell which one spilled over.
    section_pages: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    refused: tuple[str, ...] = ()  # URLs the fetcher refused
    # Files (by their paths as in job.files) whose first page does not hold their
    # PdfFile.first_page_holding element.
    without_holder: tuple[str, ...] = ()


# --- fetching ------------------------------------------------------------------


class RefusedFetch(ValueError):
    pass


def allowed_path(url: str, roots: Sequence[Path]) -> Path | None:
    """The regular file a file: URL names, if it lies inside one of `roots`."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(unquote(parts.path))
    try:
        resolved = path.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return None
    if not resolved.is_file() or not any(resolved.is_relative_to(root) for root in roots):
        return None
    return resolved


def safe_url_fetcher(roots: Iterable[str | os.PathLike], refused: list[str] | None = None):
    """A WeasyPrint URL fetcher that serves only files inside `roots` and data: images."""
    from weasyprint.urls import URLFetcher

    resolved_roots = tuple(Path(root).resolve() for root in roots)

    class SafeUrlFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                media_type = url[5:].split(",", 1)[0].split(";", 1)[0].strip().lower()
                if media_type in _DATA_TYPES:
                    return super().fetch(url, headers)
            elif scheme == "file" and allowed_path(url, resolved_roots) is not None:
                return super().fetch(url, headers)
            if refused is not None:
                refused.append(url[:200])
            raise RefusedFetch(f"refused: {url[:200]}")

    return SafeUrlFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


# --- the worker's side -----------------------------------------------------------


@dataclass
class _WorkerState:
    roots: tuple[Path, ...]
    source_date: str | None
    refused: list[str]
    fetcher: object
    font_config: object
    # Parsed stylesheets by content: the same files serve every document of the
    # build (the docs' bcp.css and the site's copy of it are parsed once).
    sheets: dict[bytes, object] = field(default_factory=dict)


_state: _WorkerState | None = None


def start_worker(roots: Sequence[str], source_date: str | None, preload: Sequence[str] = (),
                 niceness: int = 0) -> None:
    """Make this process ready to lay out: WeasyPrint imported, fonts and stylesheets loaded;
    `niceness` above 0: it lets every process of normal priority go first."""
    global _state
    if niceness:
        os.nice(niceness)
    import weasyprint  # noqa: F401  (imported here: loading Pango costs a site-only build nothing)
    from weasyprint.text.fonts import FontConfiguration

    refused: list[str] = []
    _state = _WorkerState(tuple(Path(r).resolve() for r in roots), source_date, refused,
                          safe_url_fetcher(roots, refused), FontConfiguration())
    for path in preload:
        _stylesheet(Path(path))
    if preload:
        # One small Thai layout: Pango's and fontconfig's caches are warm for the first real job.
        weasyprint.HTML(string='<p lang="th" style="font-family: Sarabun">ทดสอบ ภาษาไทย</p>').render(
            stylesheets=[_stylesheet(Path(p)) for p in preload], font_config=_state.font_config)


# A layout makes millions of short-lived objects: with Python's default thresholds the cyclic
# garbage collector runs so often that it takes 15 to 20 % of a layout (bench/README.md).
WORKER_GC_THRESHOLD = (50_000, 20, 20)


def _start_worker_process(roots: Sequence[str], source_date: str | None, preload: Sequence[str],
                          niceness: int = 0) -> None:
    """A pool worker's start: ready to lay out, and what it loaded kept out of every garbage collection."""
    import gc

    start_worker(roots, source_date, preload, niceness)
    gc.freeze()  # WeasyPrint, the fonts, the parsed stylesheets: they live as long as the worker
    gc.set_threshold(*WORKER_GC_THRESHOLD)


def _stylesheet(path: Path):
    import weasyprint

    assert _state is not None
    content = path.read_bytes()
    key = hashlib.sha256(content).digest()
    if key not in _state.sheets:
        _state.sheets[key] = weasyprint.CSS(string=content.decode("utf-8", "replace"), base_url=path.resolve().as_uri(),
                                            font_config=_state.font_config, url_fetcher=_state.fetcher)
    return _state.sheets[key]


_STYLE_ELEMENT = re.compile(r"<link\b[^>]*\brel=\"?stylesheet\"?[^>]*>|<style\b[^>]*>.*?</style>", re.S | re.I)
_HREF = re.compile(r"\bhref=\"([^\"]*)\"", re.I)


def _take_stylesheets(html: str, base_url: str | None) -> tuple[str, list]:
    """The document's stylesheets as parsed objects (shared ones parsed once), and the HTML without them.

    Kept in document order, so the cascade is the same as WeasyPrint reading them itself."""
    import weasyprint

    assert _state is not None
    head_end = html.find("</head>")
    if head_end < 0:
        return html, []
    head, rest = html[:head_end], html[head_end:]
    sheets = []
    for match in _STYLE_ELEMENT.finditer(head):
        tag = match.group(0)
        if tag.lower().startswith("<style"):
            css = tag[tag.index(">") + 1: tag.rindex("<")]
            sheets.append(weasyprint.CSS(string=css, base_url=base_url, font_config=_state.font_config,
                                         url_fetcher=_state.fetcher))
            continue
        href = _HREF.search(tag)
        url = href.group(1) if href else ""
        if base_url and not re.match(r"^[a-z][a-z0-9+.-]*:", url):
            url = base_url.rstrip("/") + "/" + url
        path = allowed_path(url, _state.roots)
        if path is None:
            _state.refused.append(url[:200])
            continue
        sheets.append(_stylesheet(path))
    return _STYLE_ELEMENT.sub("", head) + rest, sheets


def _without_attachments(document) -> None:
    """No PDF carries a file: not from <link rel=attachment>, not from <a rel=attachment>."""
    document.metadata.attachments = []
    for page in document.pages:
        page.links[:] = [link for link in page.links if link[0] != "attachment"]


def lay_out(job: LayoutJob, out_dir: str) -> LayoutResult:
    """Lay out `job` once and write its files under `out_dir` (in a worker process)."""
    import weasyprint

    if _state is None:
        raise RuntimeError("start_worker() was not called in this process")
    started = time.perf_counter()
    refused_before = len(_state.refused)
    base_url = Path(job.base_url).resolve().as_uri() + "/" if job.base_url else None
    # SARA AM decomposed: WeasyPrint's text layer maps the composed glyph wrongly (bcp.thai.pdf_text).
    html, sheets = _take_stylesheets(pdf_text(job.html) if job.decompose_sara_am else job.html, base_url)
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=_state.fetcher).render(
        stylesheets=sheets, font_config=_state.font_config)
    _without_attachments(document)
    starts = _section_starts(document, job.sections)
    holders = {file.first_page_holding for file in job.files if file.first_page_holding}
    holder_pages = {anchor: index for index, page in enumerate(document.pages) for anchor in page.anchors
                    if anchor in holders}
    without_holder = []
    for file in job.files:
        first = starts[file.sections[0]] if file.sections else 0
        if file.first_page_holding and holder_pages.get(file.first_page_holding) != first:
            without_holder.append(str(file.path))
        pages = _pages_of(document, starts, file.sections)
        _write(document.copy(pages), Path(out_dir) / file.path, file.title, job.subject, _state.source_date)
    section_pages = {section: len(_pages_of(document, starts, (section,))) for section in job.sections}
    return LayoutResult(job.name, len(document.pages), section_pages, time.perf_counter() - started,
                        tuple(_state.refused[refused_before:]), tuple(without_holder))


def _section_starts(document, sections: Sequence[str]) -> dict[str, int]:
    """Index of the page where each section's element lies."""
    wanted = set(sections)
    starts: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor in wanted and anchor not in starts:
                starts[anchor] = index
    missing = wanted - starts.keys()
    if missing:
        raise ValueError(f"sections not found in the laid-out document: {sorted(missing)}")
    return starts


def _pages_of(document, starts: dict[str, int], sections: Sequence[str]) -> list:
    if not sections:
        return list(document.pages)
    ordered = sorted(starts.values())
    pages = []
    for section in sections:
        first = starts[section]
        later = [index for index in ordered if index > first]
        pages.extend(document.pages[first: later[0] if later else len(document.pages)])
    return pages


def _write(document, target: Path, title: str, subject: str | None, source_date: str | None) -> None:
    """Write with metadata from the data as plain text, dated only from SOURCE_DATE_EPOCH."""
    target.parent.mkdir(parents=True, exist_ok=True)
    document.metadata = copy.copy(document.metadata)  # copy() shares it with the document laid out
    document.metadata.title = title
    document.metadata.description = subject
    document.metadata.authors = []
    document.metadata.keywords = []
    document.metadata.generator = "WeasyPrint"
    document.metadata.created = document.metadata.modified = source_date
    document.metadata.attachments = []
    document.write_pdf(target)


def source_date(epoch: int | None) -> str | None:
    """SOURCE_DATE_EPOCH as a W3C date for the PDF's dates; None when unset (no date at all)."""
    if epoch is None:
        return None
    return dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --- the build's side ------------------------------------------------------------------


def _lay_out_in_worker(job: LayoutJob, out_dir: str) -> LayoutResult:
    return lay_out(job, out_dir)


# The printouts' workers yield the processor: the site's pages (this process) and the plan (the
# plan's worker) are what the build waits for last.
BACKGROUND_NICENESS = 10


class LayoutPool:
    """Worker processes that lay out `LayoutJob`s while the build goes on.

    The printouts are ready at the start of the build, the plan only once the
    site is built, and the plan is the longest layout: the build ends when the
    plan does.  So the plan has a worker of its own, idle until it comes, and
    the printouts' workers (one per other core) run at a lower priority: they take
    what processor time this process (building the site) and the plan's worker
    leave.  Jobs wait here, not in the workers' queues; the printouts go
    largest first, so the small ones fill the end, and once the plan is
    handed in, its worker takes printouts too when it is free.  With
    `processes=0` (or where fork is unavailable) every job runs in this
    process when submitted: `mkdocs serve` and tests that want no children.
    """

    def __init__(self, roots: Sequence[str | os.PathLike], epoch: int | None,
                 preload: Sequence[str | os.PathLike] = (), processes: int | None = None,
                 preload_first: Sequence[str | os.PathLike] = (), defer_first: bool = False) -> None:
        """`preload`: stylesheets every worker parses before its first job; `preload_first`: those
        only the plan's worker needs (the theme's)."""
        self.roots = [str(Path(root).resolve()) for root in roots]
        self.preload = [str(Path(path).resolve()) for path in preload]
        self.preload_first = self.preload + [str(Path(path).resolve()) for path in preload_first]
        self.source_date = source_date(epoch)
        if processes is None:
            # The plan's worker takes a core of its own: the printouts have the others (two at most).
            forks = "fork" in multiprocessing.get_all_start_methods()
            processes = max(1, min(2, (os.cpu_count() or 1) - 1)) if forks else 0
        self.processes = processes
        self.executor: concurrent.futures.Executor | None = None  # the printouts' workers
        self.first_executor: concurrent.futures.Executor | None = None  # the plan's worker
        self._lock = threading.RLock()  # the executor's own thread hands back results
        self._waiting: list = []  # heap of (order, sequence, job, out_dir, future)
        self._sequence = 0
        self._running = 0
        self._first_running = 0
        self._first_seen = False
        if processes > 0:
            # fork: the workers start from this process as it is (the plan loaded, no
            # interpreter start-up), and begin loading WeasyPrint at once.
            self.executor = concurrent.futures.ProcessPoolExecutor(
                processes, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker_process,
                initargs=(self.roots, self.source_date, self.preload, BACKGROUND_NICENESS))
            for _ in range(processes):  # start every worker now, not on the first job
                self.executor.submit(os.getpid)
            if not defer_first:
                self.start_first()
        self._inline_started = False

    def start_first(self) -> None:
        """Start the plan's worker (once): forked from this process as it is by now."""
        if self.executor is None or self.first_executor is not None:
            return
        self.first_executor = concurrent.futures.ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker_process,
            initargs=(self.roots, self.source_date, self.preload_first))
        self.first_executor.submit(os.getpid)
        self._dispatch()

    def submit(self, job: LayoutJob, out_dir: str | os.PathLike, first: bool = False) -> concurrent.futures.Future:
        """Lay `job` out when a worker is free; `first`: on the plan's worker, before every job still waiting."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        if self.executor is None:
            try:
                if not self._inline_started:
                    start_worker(self.roots, self.source_date, self.preload_first)
                    self._inline_started = True
                future.set_result(lay_out(job, str(out_dir)))
            except BaseException as error:  # handed to whoever waits, as a worker's would be
                future.set_exception(error)
            return future
        # The larger document first (its HTML's length stands for its layout time).
        order = (0 if first else 1, -len(job.html))
        with self._lock:
            self._first_seen = self._first_seen or first
            heapq.heappush(self._waiting, (order, self._sequence, job, str(out_dir), future))
            self._sequence += 1
            self._dispatch()
        return future

    def _dispatch(self) -> None:
        with self._lock:
            while self._waiting and self.executor is not None and self.first_executor is not None:
                first = self._waiting[0][0][0] == 0
                if self._first_running == 0 and (first or self._first_seen):
                    executor, on_first = self.first_executor, True
                elif self._running < self.processes:
                    executor, on_first = self.executor, False
                else:
                    return
                _, _, job, out_dir, future = heapq.heappop(self._waiting)
                if on_first:
                    self._first_running += 1
                else:
                    self._running += 1
                running = executor.submit(_lay_out_in_worker, job, out_dir)
                running.add_done_callback(functools.partial(self._finished, future, on_first))

    def _finished(self, future: concurrent.futures.Future, on_first: bool, running: concurrent.futures.Future) -> None:
        with self._lock:
            if on_first:
                self._first_running -= 1
            else:
                self._running -= 1
            self._dispatch()
        if future.done():  # cancelled by close()
            return
        if running.cancelled():
            future.cancel()
        elif running.exception() is not None:
            future.set_exception(running.exception())
        else:
            future.set_result(running.result())

    def close(self, cancel: bool = False) -> None:
        with self._lock:
            waiting, self._waiting = self._waiting, []
        for *_, future in waiting:
            future.cancel()
        for name in ("executor", "first_executor"):
            executor = getattr(self, name)
            if executor is not None:
                setattr(self, name, None)
                executor.shutdown(wait=not cancel, cancel_futures=cancel)


def as_laid_out(futures: Iterable[concurrent.futures.Future],
                follow_up: Callable[[LayoutResult], concurrent.futures.Future | None]) -> Iterator[tuple[LayoutResult, int]]:
    """Every job's result as soon as it is done, with its pass (1 for the jobs given); the first
    failure is raised.

    After each result is handed on, `follow_up(result)` may submit the same document again (a
    wall card or a sheet that spilled over): that pass starts at once, beside the jobs still
    running, and its result comes too."""
    passes = {future: 1 for future in futures}
    while passes:
        done, _ = concurrent.futures.wait(passes, return_when=concurrent.futures.FIRST_COMPLETED)
        for future in done:
            number = passes.pop(future)
            result = future.result()
            yield result, number
            again = follow_up(result)
            if again is not None:
                passes[again] = number + 1
