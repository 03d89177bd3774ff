"""Reading a revision's data from Git: the plan as it was at a commit, loaded and validated."""

from __future__ import annotations

import dataclasses
import subprocess
import tempfile
from pathlib import Path

from bcp.model import FILES
from bcp.plan import Plan
from bcp.plan_loading import load_plan
from bcp.problems import DataError


class DiffError(Exception):
    """The comparison cannot run at all (no Git, unknown revision): a Thai message."""


class MissingData(Exception):
    """The revision exists but has no data folder (a plan's first commit)."""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True)
    except FileNotFoundError:
        raise DiffError("ไม่พบโปรแกรม git: ติดตั้ง Git ก่อนใช้คำสั่ง bcp diff") from None


def repo_root(start: Path) -> Path:
    result = _git(start, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise DiffError(f"โฟลเดอร์ {start} ไม่ได้อยู่ในที่เก็บ Git (git repository): เปิดคำสั่งในโฟลเดอร์ของแผน")
    return Path(result.stdout.decode().strip())


def data_path_in_repo(root: Path, folder: Path) -> str:
    """The data folder as a path inside the repository ("data")."""
    absolute = folder if folder.is_absolute() else Path.cwd() / folder
    try:
        return absolute.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise DiffError(f"โฟลเดอร์ข้อมูล {folder} ไม่ได้อยู่ในที่เก็บ Git {root}") from None


def commit_of(root: Path, rev: str) -> str:
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if result.returncode != 0:
        raise DiffError(f"ไม่พบ revision '{rev}' ใน Git: ใช้ชื่อ branch, tag หรือ commit ที่มีอยู่ เช่น HEAD~1 หรือ origin/main")
    return result.stdout.decode().strip()


def plan_at(root: Path, commit: str, data_rel: str) -> Plan:
    """Load and validate the plan as it was at `commit`.

    Raises MissingData when the commit has no data files, DataError (file names
    as in the repository, e.g. data/people.yaml) when its data is invalid."""
    prefix = f"{data_rel}/" if data_rel not in ("", ".") else ""
    with tempfile.TemporaryDirectory(prefix="bcp-diff-") as tmp:
        found = 0
        for name in FILES:
            result = _git(root, "show", f"{commit}:{prefix}{name}")
            if result.returncode == 0:
                (Path(tmp) / name).write_bytes(result.stdout)
                found += 1
        if not found:
            raise MissingData(data_rel)
        try:
            return load_plan(tmp)
        except DataError as error:
            shown = [dataclasses.replace(p, file=p.file.replace(str(Path(tmp)), data_rel or ".")) for p in error.problems]
            raise DataError(shown) from None
