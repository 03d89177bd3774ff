"""Command line.

`bcp check` validates the data: exit 0 when usable, 1 when not.  `--public` (or
BCP_EDITION=public) also refuses personal data typed into free text.
`bcp diff OLD NEW` summarises in Thai what changed in the plan between two Git revisions.
`bcp schema` writes the JSON Schema of each data file (for the editor).
`bcp new FOLDER` writes a commented starter plan for a new office into a new (or empty) folder.

Every failure is one kind of message: the data's problems in Thai (file, line,
field) with exit 1; a fault of the program itself is one Thai line asking to
report it, with the traceback only under BCP_DEBUG=1.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from bcp import DataError, load_plan
from bcp.notices import owner_notices
from bcp.problems import INTERNAL_ERROR
from bcp.settings import Settings, SettingsError, debug_enabled

USAGE_ERROR = "คำสั่งไม่ถูกต้อง: ใช้ bcp check, bcp diff, bcp schema หรือ bcp new (ดูวิธีใช้ด้วย bcp --help)"


def _check(args: argparse.Namespace) -> int:
    from bcp.edition import plan_for

    settings = Settings.from_environ()
    folder = Path(args.data) if args.data else settings.data_dir
    plan = load_plan(folder)
    if args.public:
        settings = settings.with_overrides(edition="public")
    if settings.public:
        plan_for(plan, "public")  # raises DataError on a name or a personal number in free text
    notices = owner_notices(plan, settings, folder)
    for notice in notices:
        print(notice, file=sys.stderr)
    print(f"ข้อมูลแผนถูกต้อง: {folder} ({len(plan.people)} คน, {len(plan.teams)} ทีม, "
          f"{len(plan.all_steps)} ขั้นตอน, คำเตือน {sum(1 for n in notices if n.level == 'warning')} รายการ)")
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


def _new(args: argparse.Namespace) -> int:
    from bcp.starter import StarterError, write_starter

    folder = Path(args.folder)
    try:
        written = write_starter(folder, Settings.from_environ().reference_date())
    except StarterError as error:
        print(f"ข้อผิดพลาด: {error}", file=sys.stderr)
        return 1
    print(f"สร้างแผนเริ่มต้นใน {folder} แล้ว: {len(written)} ไฟล์ ({', '.join(written)})\n"
          "ขั้นต่อไป: แก้ค่าตัวอย่างในทุกไฟล์ให้เป็นข้อมูลจริงของสำนักงาน (ต้นไฟล์บอกว่าค่าใดเป็นค่าตัวอย่าง "
          "และทุกช่องมีคำอธิบาย) แล้วตรวจด้วยคำสั่งนี้ในโฟลเดอร์ของเครื่องมือ:\n"
          f"    BCP_DATA={folder} make check")
    return 0


class _ThaiArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        self.exit(2, USAGE_ERROR + "\n")


def _parser() -> argparse.ArgumentParser:
    parser = _ThaiArgumentParser(prog="bcp", description="เครื่องมือแผนบริหารความต่อเนื่อง (BCP)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_ThaiArgumentParser)
    check = commands.add_parser("check", help="ตรวจข้อมูลแผนในโฟลเดอร์ข้อมูล (ค่าเริ่มต้น: $BCP_DATA หรือ data/)")
    check.add_argument("data", nargs="?", help="โฟลเดอร์ข้อมูล")
    check.add_argument("--public", action="store_true",
                       help="ตรวจเพิ่มว่าข้อความไม่มีชื่อบุคคลหรือเบอร์โทรศัพท์ (สำหรับฉบับเผยแพร่, เหมือน BCP_EDITION=public)")
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
    new = commands.add_parser("new", help="เขียนแผนเริ่มต้นพร้อมคำอธิบายทุกช่องลงในโฟลเดอร์ใหม่ (สำหรับสำนักงานที่เริ่มทำแผน)")
    new.add_argument("folder", help="โฟลเดอร์ใหม่หรือโฟลเดอร์ว่าง เช่น ../data-chiangmai")
    new.set_defaults(run=_new)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Thai messages must reach a Windows console or a pipe intact.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except SettingsError as error:
        print(f"ข้อผิดพลาด: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("หยุดตามคำสั่งของผู้ใช้", file=sys.stderr)
        return 130
    except Exception:  # a fault of the program, not of the data
        if debug_enabled():
            traceback.print_exc()
        print(INTERNAL_ERROR, file=sys.stderr)
        return 1
