"""Command line: `bcp check` validates the data; exit 0 when usable, 1 when not."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bcp import DataError, data_dir, load_plan
from bcp.review import review_status


def _check(args: argparse.Namespace) -> int:
    folder = Path(args.data) if args.data else data_dir()
    try:
        plan = load_plan(folder)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for warning in plan.warnings:
        print(warning, file=sys.stderr)
    for reminder in review_status(plan).reminders:
        print(reminder.problem(str(folder / "revisions.yaml")), file=sys.stderr)
    print(f"ข้อมูลแผนถูกต้อง: {folder} ({len(plan.people)} คน, {len(plan.teams)} ทีม, "
          f"{len(plan.all_steps)} ขั้นตอน, คำเตือน {len(plan.warnings)} รายการ)")
    return 0


def main(argv: list[str] | None = None) -> int:
    # Thai messages must reach a Windows console or a pipe intact.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = argparse.ArgumentParser(prog="bcp", description="เครื่องมือแผนบริหารความต่อเนื่อง (BCP)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="ตรวจข้อมูลแผนในโฟลเดอร์ข้อมูล (ค่าเริ่มต้น: $BCP_DATA หรือ data/)")
    check.add_argument("data", nargs="?", help="โฟลเดอร์ข้อมูล")
    check.set_defaults(run=_check)
    args = parser.parse_args(argv)
    return args.run(args)
