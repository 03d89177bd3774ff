"""Publishing a built site (bcp/publish.py, used by scripts/build_site.sh): one step, queued, never half there.

The build command here is a small Python program that writes a site of a few
files (slowly, when a test needs time to look), so each test runs in a second.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from bcp import publish as publishing
from conftest import ROOT

# Writes {dir}/index.html and {dir}/page/index.html saying `label`, after `pause` seconds,
# and logs its start and end in `log` (to see whether two builds overlapped).
FAKE_BUILD = """
import pathlib, sys, time
out, label, pause, log = pathlib.Path(sys.argv[1]), sys.argv[2], float(sys.argv[3]), sys.argv[4]
with open(log, "a") as f: f.write(f"start {label} {time.monotonic()}\\n")
(out / "page").mkdir()
(out / "page" / "index.html").write_text(label)
time.sleep(pause)
(out / "index.html").write_text(label)
with open(log, "a") as f: f.write(f"end {label} {time.monotonic()}\\n")
"""


def build_command(label: str, log: Path, pause: float = 0.0) -> list[str]:
    return [sys.executable, "-c", FAKE_BUILD, "{dir}", label, str(pause), str(log)]


def run_publish(target: Path, command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bcp.publish", str(target), "--", *command], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")


def site_of(target: Path) -> dict[str, str]:
    return {str(p.relative_to(target)): p.read_text() for p in sorted(target.rglob("*")) if p.is_file()}


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "www"


@pytest.fixture
def published(folder) -> Path:
    """A target holding a first site, "v1"."""
    folder.mkdir()
    target = folder / "site"
    result = run_publish(target, build_command("v1", folder.parent / "log"))
    assert result.returncode == 0, result.stderr
    return target


def test_first_build_creates_the_site(published, folder):
    assert site_of(published) == {"index.html": "v1", "page/index.html": "v1"}
    assert sorted(p.name for p in folder.iterdir()) == ["site"], "no lock or work folder left behind"


def test_a_new_build_replaces_the_old_site_whole(published, folder):
    result = run_publish(published, build_command("v2", folder.parent / "log"))
    assert result.returncode == 0, result.stderr
    assert "สร้างเว็บไซต์เสร็จ" in result.stdout
    assert site_of(published) == {"index.html": "v2", "page/index.html": "v2"}
    assert published.is_dir() and not published.is_symlink()
    assert sorted(p.name for p in folder.iterdir()) == ["site"]


def test_a_failed_build_leaves_the_previous_site_with_a_thai_message(published, folder):
    result = run_publish(published, [sys.executable, "-c", "import sys; sys.exit(1)", "{dir}"])
    assert result.returncode == 1
    assert f"ข้อผิดพลาด: สร้างเว็บไซต์ไม่สำเร็จ" in result.stderr
    assert f"เว็บไซต์เดิมใน {published} ยังอยู่ครบ" in result.stderr
    assert "Traceback" not in result.stderr
    assert site_of(published) == {"index.html": "v1", "page/index.html": "v1"}
    assert sorted(p.name for p in folder.iterdir()) == ["site"]


def test_a_full_disk_during_the_build_leaves_the_previous_site(published, folder):
    # Writing to /dev/full fails with ENOSPC, as every write does on a full disk.
    full = [sys.executable, "-c", "open('/dev/full', 'w').write('x' * 100000)", "{dir}"]
    result = run_publish(published, full)
    assert result.returncode == 1
    assert "เว็บไซต์เดิมใน" in result.stderr and "ยังอยู่ครบ" in result.stderr
    assert site_of(published) == {"index.html": "v1", "page/index.html": "v1"}


def test_a_build_without_index_is_not_published(published):
    result = run_publish(published, [sys.executable, "-c", "pass", "{dir}"])
    assert result.returncode == 1
    assert "ไม่ได้ไฟล์ index.html" in result.stderr
    assert site_of(published) == {"index.html": "v1", "page/index.html": "v1"}


def test_a_full_disk_at_the_swap_leaves_the_previous_site(published, folder, monkeypatch, capsys):
    def no_space(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(publishing, "_renameat2_exchange", no_space)
    assert publishing.main([str(published), "--", *build_command("v2", folder.parent / "log")]) == 1
    assert "พื้นที่ดิสก์เต็ม" in capsys.readouterr().err
    assert site_of(published) == {"index.html": "v1", "page/index.html": "v1"}
    assert sorted(p.name for p in folder.iterdir()) == ["site"]


def test_the_target_is_exchanged_in_one_step_never_moved_away(published, folder, monkeypatch):
    renames, exchanges = [], []
    real_rename, real_exchange = os.rename, publishing._renameat2_exchange
    monkeypatch.setattr(publishing.os, "rename", lambda src, dst: (renames.append(dst), real_rename(src, dst)))
    monkeypatch.setattr(publishing, "_renameat2_exchange", lambda a, b: (exchanges.append(b), real_exchange(a, b)))
    assert publishing.main([str(published), "--", *build_command("v2", folder.parent / "log")]) == 0
    assert exchanges == [published] and renames == []
    assert site_of(published) == {"index.html": "v2", "page/index.html": "v2"}


def test_without_the_exchange_the_fallback_still_publishes(published, folder, monkeypatch):
    def not_here(*args):
        raise OSError(errno.ENOSYS, "renameat2")

    monkeypatch.setattr(publishing, "_renameat2_exchange", not_here)
    assert publishing.main([str(published), "--", *build_command("v2", folder.parent / "log")]) == 0
    assert site_of(published) == {"index.html": "v2", "page/index.html": "v2"}
    assert sorted(p.name for p in folder.iterdir()) == ["site"]


def test_the_fallback_puts_the_old_site_back_when_the_new_one_cannot_go_in(published, folder, monkeypatch):
    def not_here(*args):
        raise OSError(errno.ENOSYS, "renameat2")

    real_rename = os.rename

    def new_site_cannot_go_in(src, dst):
        if Path(dst) == published and not Path(src).name.endswith(".old"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_rename(src, dst)

    monkeypatch.setattr(publishing, "_renameat2_exchange", not_here)
    monkeypatch.setattr(publishing.os, "rename", new_site_cannot_go_in)
    assert publishing.main([str(published), "--", *build_command("v2", folder.parent / "log")]) == 1
    assert site_of(published) == {"index.html": "v1", "page/index.html": "v1"}


def _read_whole_site(target: Path) -> str:
    """"index/page" as read from one opening of the folder at `target`; "missing" when there is none.

    Two reads by path could straddle a swap; reads relative to one open folder see one folder."""
    try:
        folder = os.open(target, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return "missing"
    try:
        parts = []
        for name in ("index.html", "page/index.html"):
            with open(name, opener=lambda path, flags: os.open(path, flags, dir_fd=folder)) as file:
                parts.append(file.read())
        return "/".join(parts)
    except OSError:
        # Read while a swap removed it: the previous site, already out of place, is being deleted.
        replaced = os.fstat(folder).st_ino != os.stat(target).st_ino
        return "replaced" if replaced else "partial"
    finally:
        os.close(folder)


def test_the_site_is_never_missing_or_partial_while_builds_replace_it(published, folder):
    seen: list[str] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            seen.append(_read_whole_site(published))

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        for n in range(2, 8):
            assert run_publish(published, build_command(f"v{n}", folder.parent / "log")).returncode == 0
    finally:
        stop.set()
        watcher.join()
    assert len(seen) > 100
    assert "missing" not in seen and "partial" not in seen
    whole = [label for label in seen if label != "replaced"]
    assert all(label.split("/")[0] == label.split("/")[1] for label in whole), set(seen)
    assert {"v1/v1", "v7/v7"} <= set(whole)


def test_two_builds_into_one_target_queue(folder, tmp_path):
    folder.mkdir()
    target, log = folder / "site", tmp_path / "log"
    first = subprocess.Popen([sys.executable, "-m", "bcp.publish", str(target), "--", *build_command("a", log, 1.5)],
                             cwd=ROOT, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)
    second = run_publish(target, build_command("b", log))
    first.wait(timeout=30)
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert "รอ: มีการสร้างเว็บไซต์ลงใน" in second.stderr
    events = [line.split()[:2] for line in log.read_text().splitlines()]
    assert events == [["start", "a"], ["end", "a"], ["start", "b"], ["end", "b"]]
    assert site_of(target) == {"index.html": "b", "page/index.html": "b"}, "one whole site, nothing nested"
    assert sorted(p.name for p in folder.iterdir()) == ["site"]


def test_leftovers_of_a_killed_build_are_removed_by_the_next(published, folder, tmp_path):
    log = tmp_path / "log"
    killed = subprocess.Popen([sys.executable, "-m", "bcp.publish", str(published), "--", *build_command("dead", log, 30)],
                              cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 20
    while "start dead" not in (log.read_text() if log.exists() else ""):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    os.killpg(killed.pid, signal.SIGKILL)
    killed.wait()
    assert [p.name for p in folder.iterdir() if p.name.startswith("site.new.")], "premise: the kill left a work folder"
    assert site_of(published) == {"index.html": "v1", "page/index.html": "v1"}
    result = run_publish(published, build_command("v2", log))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["site"]
    assert site_of(published) == {"index.html": "v2", "page/index.html": "v2"}


def test_a_terminated_build_cleans_up_after_itself(published, folder, tmp_path):
    log = tmp_path / "log"
    stopped = subprocess.Popen([sys.executable, "-m", "bcp.publish", str(published), "--", *build_command("x", log, 30)],
                               cwd=ROOT)
    deadline = time.monotonic() + 20
    while "start x" not in (log.read_text() if log.exists() else ""):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    stopped.terminate()
    stopped.wait(timeout=20)
    assert stopped.returncode != 0
    assert sorted(p.name for p in folder.iterdir()) == ["site"]
    assert site_of(published) == {"index.html": "v1", "page/index.html": "v1"}
