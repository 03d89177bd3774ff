"""Shared test set-up: build a site the way `make site` does, once per session."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
LAMPANG = ROOT / "data"


def pytest_configure(config):
    config.addinivalue_line("markers", "long_running: a file that builds sites of its own or visits every page in "
                                       "the browser; make test starts these first")


def pytest_collection_modifyitems(config, items):
    """The long files first (a stable sort: each file's tests keep their order).  `make test` hands
    whole files to two processes in this order; ending on the short ones keeps one process from
    finishing a long build while the other has nothing left to do."""
    items.sort(key=lambda item: item.get_closest_marker("long_running") is None)


def build_site(out: Path, data: Path = LAMPANG, edition: str = "internal", pdf: bool = False,
               extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` into `out`; returns the finished process."""
    env = {**os.environ, "BCP_DATA": str(data), "BCP_EDITION": edition, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BCP_PDF", None)
    if pdf:
        env["BCP_PDF"] = "1"
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


# A fixed build date (2023-01-03 UTC), as scripts/build_site.sh sets from Git.
SOURCE_DATE_EPOCH = "1672704000"


def built_site(tmp_path_factory, name: str, **build) -> Path:
    """A site built with `build_site(**build)` into a fresh temporary folder; the build must succeed."""
    out = tmp_path_factory.mktemp(name) / "site"
    result = build_site(out, **build)
    assert result.returncode == 0, result.stderr
    return out


def built_once_per_run(tmp_path_factory, name: str, build: Callable[[Path], subprocess.CompletedProcess]
                       ) -> tuple[Path, subprocess.CompletedProcess]:
    """A site built by `build(out)` once per test run, with the process that built it; the build must succeed.

    `make test` runs the tests in several processes (pytest-xdist): each has its own session, so a
    session fixture alone would build the same site once per process.  The first process to need
    the site builds it under a lock in the run's shared temporary folder; the others wait and reuse it."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    folder, record = shared / f"built-{name}", shared / f"built-{name}.json"
    with open(shared / f"built-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed, also if this process dies
        if not record.exists():
            shutil.rmtree(folder, ignore_errors=True)  # left by a process whose build failed
            folder.mkdir()
            result = build(folder / "site")
            assert result.returncode == 0, result.stderr
            record.write_text(json.dumps({"args": result.args, "returncode": result.returncode,
                                          "stdout": result.stdout, "stderr": result.stderr}), encoding="utf-8")
    return folder / "site", subprocess.CompletedProcess(**json.loads(record.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def lampang_site(tmp_path_factory) -> Path:
    """The Lampang plan's site without PDFs (a preview build), once per session: the HTML tests'."""
    return built_once_per_run(tmp_path_factory, "lampang",
                              lambda out: build_site(out, extra_env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}))[0]


@pytest.fixture(scope="session")
def lampang_make_site(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The Lampang plan's site with every PDF, built by scripts/build_site.sh as `make site` does,
    once per session: the site, and what the build printed."""
    env = {**os.environ, "BCP_DATA": str(LAMPANG), "BCP_EDITION": "internal", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    for name in ("BCP_PDF", "NO_MKDOCS_2_WARNING", "COLUMNS"):  # the script sets what it needs
        env.pop(name, None)

    def make_site(out: Path) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", str(ROOT / "scripts" / "build_site.sh"), str(out)], cwd=ROOT, env=env,
                              capture_output=True, text=True, encoding="utf-8")

    return built_once_per_run(tmp_path_factory, "lampang-pdf", make_site)


@pytest.fixture(scope="session")
def lampang_site_pdf(lampang_make_site) -> Path:
    """The Lampang plan's site with every PDF, as `make site` builds it, once per session."""
    return lampang_make_site[0]


SECOND_OFFICE = FIXTURES / "second-office"
# The second office's plan is dated 2024-02-29 and records no review yet: before its first due date.
SECOND_OFFICE_TODAY = "2024-06-01"


@pytest.fixture(scope="session")
def second_office_site(tmp_path_factory) -> Path:
    """The fictional second office's site without PDFs, once per session."""
    return built_once_per_run(tmp_path_factory, "second-office", lambda out: build_site(
        out, data=SECOND_OFFICE, extra_env={"BCP_TODAY": SECOND_OFFICE_TODAY}))[0]


@pytest.fixture(scope="session")
def second_office_site_pdf(tmp_path_factory) -> Path:
    """The second office's site with every PDF, once per session."""
    return built_once_per_run(tmp_path_factory, "second-office-pdf", lambda out: build_site(
        out, data=SECOND_OFFICE, pdf=True, extra_env={"BCP_TODAY": SECOND_OFFICE_TODAY,
                                                      "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}))[0]


@pytest.fixture(scope="session")
def lampang_plan():
    from bcp import load_plan

    return load_plan(LAMPANG)


def page_text(site: Path, page: str) -> str:
    """Visible text of a built page (tags stripped, entities decoded, whitespace folded)."""
    import html
    import re

    raw = (site / page / "index.html").read_text(encoding="utf-8") if not page.endswith(".html") else (site / page).read_text(encoding="utf-8")
    main = raw.split('<article', 1)[-1].split('</article>', 1)[0]
    text = re.sub(r"<[^>]+>", " ", main)
    return re.sub(r"\s+", " ", html.unescape(text))


# --- data copies: each test is one small edit of the real data ---------------


class DataCopy:
    """A copy of a data folder under tmp_path, changed by plain text edits."""

    def __init__(self, folder: Path, source: Path = LAMPANG) -> None:
        import shutil

        shutil.copytree(source, folder)
        self.folder = folder

    def path(self, name: str) -> Path:
        return self.folder / name

    def shown(self, name: str) -> str:
        """The file name as a Problem names it (absolute: the copy is outside the project)."""
        return str(self.folder / name)

    def text(self, name: str) -> str:
        return self.path(name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        self.path(name).write_text(text, encoding="utf-8")

    def replace(self, name: str, old: str, new: str) -> None:
        """Replace `old`, which must occur exactly once, so each edit is unambiguous."""
        text = self.text(name)
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {name}"
        self.write(name, text.replace(old, new))

    def line_of(self, name: str, needle: str) -> int:
        """1-based line of the one occurrence of `needle` in the (edited) file."""
        text = self.text(name)
        assert text.count(needle) == 1, f"{needle!r} occurs {text.count(needle)} times in {name}"
        return text[: text.index(needle)].count("\n") + 1

    def load(self):
        from bcp import load_plan

        return load_plan(self.folder)

    def problems(self) -> list:
        """Every problem the loader reports; fails the test when the data loads."""
        from bcp import DataError, load_plan

        with pytest.raises(DataError) as raised:
            load_plan(self.folder)
        return raised.value.problems


@pytest.fixture
def data_copy(tmp_path) -> DataCopy:
    """A fresh copy of the Lampang data for one test to break."""
    return DataCopy(tmp_path / "data")


def print_from_disk(browser, page_file: Path, out: Path) -> Path:
    """The built page opened from disk (file://, as on a laptop with no server) and printed
    with the browser's own print: A4, no header or footer, backgrounds as the CSS says."""
    from tests.browser.browsing import new_context

    context = new_context(browser)
    try:
        page = context.new_page()
        page.goto(page_file.as_uri(), wait_until="load")
        page.emulate_media(media="print")
        out.write_bytes(page.pdf(format="A4", print_background=True, prefer_css_page_size=True))
    finally:
        context.close()
    return out


# One browser for every test that needs one (tests/browser/ and the print checks elsewhere).
@pytest.fixture(scope="session")
def browser():
    from tests.browser.browsing import CHROMIUM, CHROMIUM_FLAGS

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/setup.sh as root (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS,
                                             timeout=60_000)
        yield browser
        browser.close()
