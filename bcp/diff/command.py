"""`bcp diff`: two Git revisions' plans, compared and written as Markdown."""

from __future__ import annotations

from pathlib import Path

from bcp import thai
from bcp.diff.changes import esc
from bcp.diff.differ import compare
from bcp.diff.git import MissingData, commit_of, data_path_in_repo, plan_at, repo_root
from bcp.diff.markdown import heading, render
from bcp.plan_loading import data_dir
from bcp.problems import DataError


def run(old_rev: str = "HEAD~1", new_rev: str = "HEAD", folder: Path | None = None,
        cwd: Path | None = None) -> tuple[int, str]:
    """(exit code, Markdown), never empty.  Exit 1 when the two cannot be compared (NEW cannot be
    used, or OLD cannot); raises DiffError when Git cannot answer."""
    root = repo_root(cwd or Path.cwd())
    if folder is None:
        folder = data_dir(root / "data")
        if not folder.is_absolute():
            folder = (cwd or Path.cwd()) / folder
    data_rel = data_path_in_repo(root, folder)
    old_commit, new_commit = commit_of(root, old_rev), commit_of(root, new_rev)
    old_label, new_label = f"`{old_rev}` ({old_commit[:7]})", f"`{new_rev}` ({new_commit[:7]})"

    try:
        new = plan_at(root, new_commit, data_rel)
    except MissingData:
        return 1, f"## ไม่พบข้อมูลแผนที่ {new_label}\n\nไม่มีไฟล์ข้อมูลในโฟลเดอร์ `{data_rel}` ที่ revision นี้\n"
    except DataError as error:
        lines = [f"## ข้อมูลแผนที่ {new_label} มีข้อผิดพลาด", "",
                 "แก้ไขไฟล์ตามรายการนี้ก่อนรวมการเปลี่ยนแปลง (merge):", ""]
        lines += [f"- {esc(problem)}" for problem in error.problems]
        return 1, "\n".join(lines) + "\n"

    try:
        old = plan_at(root, old_commit, data_rel)
    except MissingData:  # the plan's first version: all of it is new, which is an answer
        return 0, (f"{heading(new.labels.diff_title)}\n\n"
                   f"ไม่มีข้อมูลแผนในโฟลเดอร์ `{data_rel}` ที่ {old_label} จึงไม่มีฉบับเดิมให้เทียบ: "
                   f"ข้อมูลแผนที่ {new_label} ถูกต้อง ({thai.digits(len(new.people), new.thai_digits)} คน "
                   f"{thai.digits(len(new.teams), new.thai_digits)} ทีม "
                   f"{thai.digits(len(new.all_steps), new.thai_digits)} ขั้นตอน)\n")
    except DataError as error:
        count = thai.digits(len(error.errors), new.thai_digits)
        return 1, (f"{heading(new.labels.diff_title)}\n\n"
                   f"ข้อมูลแผนที่ {old_label} ใช้ไม่ได้ (มีข้อผิดพลาด {count} รายการ) จึงเทียบการเปลี่ยนแปลงไม่ได้: "
                   f"ข้อมูลแผนที่ {new_label} ถูกต้องแล้ว\n")
    return 0, render(compare(old, new), old_label, new_label, new.thai_digits, new.labels.diff_title)
