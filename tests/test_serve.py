"""The plan owner's loop: `mkdocs serve` (make serve) shows each saved data file.

A real preview server on a free port, with a copy of Lampang's data outside the
project (as BCP_DATA may put it); the tests edit the copy as an owner would
and read the served pages.  How fast a save shows is measured by `make bench`
(save_to_served_s); here a generous limit keeps a busy machine from failing
the test.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, DataCopy

SHOWN_WITHIN_S = 30  # a loaded CI machine; the target (1.5 s) is bench/run.py's
BROKEN = ("teams.yaml", "backup: wichan", "backup: jirayu")
BROKEN_SAYS = "'jirayu' เป็นผู้สำรองของตนเองไม่ได้"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    """`mkdocs serve` on the project, for one data folder; what it printed is kept in a file."""

    def __init__(self, data: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = log
        env = {**os.environ, "BCP_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
        env.pop("BCP_PDF", None)
        with open(log, "wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-f", str(ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{self.port}"],
                cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)

    def get(self, path: str = "") -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=SHOWN_WITHIN_S) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def wait_for(self, path: str, shows, within: float = SHOWN_WITHIN_S) -> tuple[str, float]:
        """The page at `path` once `shows(page html)` holds; fails after `within` seconds."""
        started = time.perf_counter()
        while True:
            assert self.process.poll() is None, f"the preview stopped:\n{self.printed()}"
            try:
                _, page = self.get(path)
                if shows(page):
                    return page, time.perf_counter() - started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass  # not serving yet
            assert time.perf_counter() - started < within, f"{path!r} not as expected:\n{self.printed()[-3000:]}"
            time.sleep(0.1)

    def printed(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)  # as Ctrl+C: MkDocs removes its temporary folder
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture
def data(tmp_path) -> DataCopy:
    return DataCopy(tmp_path / "office" / "data")


@pytest.fixture
def preview(data, tmp_path):
    server = Preview(data.folder, tmp_path / "serve.log")
    try:
        server.wait_for("teams/", lambda page: "bcp-team" in page, within=120)  # the first build
        yield server
    finally:
        server.stop()


def team_table_shows(extension: str):
    return lambda page: f"ต่อ {extension}" in page_text(page)


def page_text(page: str) -> str:
    article = BeautifulSoup(page, "html.parser").select_one("article")
    return " ".join(article.get_text(" ").split()) if article else ""


def test_a_saved_data_file_shows_on_the_served_page(preview, data):
    assert team_table_shows("๔๑๑")(preview.get("teams/")[1])
    data.replace("people.yaml", 'extension: "411"', 'extension: "499"')
    page, _ = preview.wait_for("teams/", team_table_shows("๔๙๙"))
    assert "ต่อ ๔๑๑" not in page_text(page)
    # the same save shows on the person's card
    assert "ต่อ ๔๙๙" in page_text(preview.get("cards/thatchakorn/")[1])


def shows_the_problem(page: str) -> bool:
    return "ข้อมูลแผนมีข้อผิดพลาด" in page_text(page)


def test_broken_data_shows_the_thai_error_on_every_page_until_the_next_good_save(preview, data):
    data.replace(*BROKEN)
    line = data.line_of("teams.yaml", "backup: jirayu")
    page, _ = preview.wait_for("teams/", shows_the_problem)
    problem = BeautifulSoup(page, "html.parser").select_one("#data-problems li")
    said = " ".join(problem.get_text(" ").split())
    assert f"ไฟล์ {data.shown('teams.yaml')} บรรทัด {line} ช่อง teams › relief › roles › ลำดับที่ 2 › backup" in said
    assert BROKEN_SAYS in said
    assert "bcp-team" not in page  # no stale plan under the problem
    # every page, the home page, a card and a page that is not there (any address the owner has open)
    for path in ("", "cards/krit/", "no-such-page/"):
        assert shows_the_problem(preview.get(path)[1]), path
    # and in the terminal, with the file and line, once
    printed = preview.printed()
    assert f"ข้อผิดพลาด: {data.shown('teams.yaml')} บรรทัด {line}: " in printed and BROKEN_SAYS in printed
    assert "Traceback" not in printed

    data.replace("teams.yaml", "backup: jirayu", "backup: wichan")
    page, _ = preview.wait_for("teams/", lambda page: "bcp-team" in page)
    assert not shows_the_problem(page)
    assert not shows_the_problem(preview.get("cards/krit/")[1])
    assert "ข้อมูลแผนถูกต้องแล้ว" in preview.printed()
    assert preview.process.poll() is None


def test_a_preview_started_on_broken_data_shows_the_error_then_the_plan(data, tmp_path):
    data.replace(*BROKEN)
    server = Preview(data.folder, tmp_path / "serve.log")
    try:
        page, _ = server.wait_for("", shows_the_problem, within=120)
        assert BROKEN_SAYS in page_text(page)
        data.replace("teams.yaml", "backup: jirayu", "backup: wichan")
        server.wait_for("teams/", lambda page: "bcp-team" in page)
    finally:
        server.stop()


def test_the_preview_says_where_to_look_in_thai(preview):
    printed = preview.printed()
    assert f"ดูตัวอย่างได้ที่ {preview.url}" in printed
    assert "Serving on" not in printed and "INFO" not in printed
