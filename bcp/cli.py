"""Command line.

`bcp check` validates the data: exit 0 when usable, 1 when not.
`bcp diff OLD NEW` summarises in Thai what changed in the plan between two Git revisions.
`bcp schema` writes the JSON Schema of each data file (for the editor).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bcp import DataError, load_plan
from bcp.notices import owner_notices
from bcp.settings import Settings, SettingsError


def _check(args: argparse.Namespace) -> int:
    try:
        settings = Settings.from_environ()
    except SettingsError as error:
        print(f"ข้อผิดพลาด: {error}", file=sys.stderr)
        return 1
    folder = Path(args.data) if args.data else settings.data_dir
    try:
        plan = load_plan(folder)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    notices = owner_notices(plan, settings, folder)
    for notice in notices:
        print(notice, file=sys.stderr)
    print(f"ข้อมูลแผนถูกต้อง: {folder} ({len(plan.people)} คน, {len(plan.teams)} ทีม, "
          f"{len(plan.all_steps)} ขั้นตอน, คำเตือน {len(notices)} รายการ)")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from bcp.diff import DiffError, run

    try:
        code, text = run(args.old, args.new, Path(args.data) if args.data else None)
    except DiffError as error:
        print(f"ข้อผิดพลาด: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return code


def _schema(args: argparse.Namespace) -> int:
    from bcp.schema import write_schemas

    stale = write_schemas(Path(args.out), check=args.check)
    if args.check and stale:
        print("JSON Schema ไม่ตรงกับโมเดลข้อมูล: " + ", ".join(stale)
              + " (สั่ง `bcp schema` เพื่อสร้างใหม่ แล้ว commit)", file=sys.stderr)
        return 1
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
    diff = commands.add_parser("diff", help="สรุปการเปลี่ยนแปลงของแผนระหว่างสอง revision ของ Git เป็นภาษาไทย (Markdown)")
    diff.add_argument("old", nargs="?", default="HEAD~1", help="revision เดิม (ค่าเริ่มต้น HEAD~1)")
    diff.add_argument("new", nargs="?", default="HEAD", help="revision ใหม่ (ค่าเริ่มต้น HEAD)")
    diff.add_argument("--data", help="โฟลเดอร์ข้อมูลในที่เก็บ Git (ค่าเริ่มต้น: $BCP_DATA หรือ data/)")
    diff.set_defaults(run=_diff)
    schema = commands.add_parser("schema", help="เขียน JSON Schema ของไฟล์ข้อมูล (สำหรับ VS Code)")
    schema.add_argument("--out", default="schema", help="โฟลเดอร์ปลายทาง (ค่าเริ่มต้น schema/)")
    schema.add_argument("--check", action="store_true", help="ตรวจเท่านั้นว่าไฟล์ที่มีอยู่ตรงกับโมเดล ไม่เขียนไฟล์")
    schema.set_defaults(run=_schema)
    args = parser.parse_args(argv)
    return args.run(args)
