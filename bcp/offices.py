"""Every office's site at once (`make offices`), and the list the GitHub workflow builds one job per office from.

    python -m bcp.offices build [OFFICE ...] [--offices DIR] [--site DIR] [--jobs N]
    python -m bcp.offices list [--offices DIR]      the office ids, as JSON (the workflow's matrix)
    python -m bcp.offices index [--offices DIR] [--site DIR]   only site/index.html

Each folder in offices/ is one office, named by its id (the first
office's, a link to data/): its data files and nothing else.  `build` builds each office
as `make site` builds one (scripts/build_site.sh: the data checked, the site
and PDFs built, then published in one step by bcp.publish) into
site/<office>/, several at once (a process each, one per core), and writes
site/index.html: the offices, each linked to its site.  An office whose data
cannot be used is reported in Thai when its build ends, the others go on,
its previous site stays as it was, and the exit status is 1 at the end.

Only the standard library is imported here: the workflow lists the offices
before anything is installed.  The plans are loaded, and the page rendered, only for the index.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD_SITE = ROOT / "scripts" / "build_site.sh"
PLAN_PDF = "pdf/plan.pdf"  # as mkdocs.yml's plan_pdf output_path writes it
# An office's id is the name of its site's folder and of its job's artifact: as the plan's ids are.
_OFFICE_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,59}")


@dataclass(frozen=True)
class Office:
    id: str
    data: Path  # its data folder (offices/<id>, maybe a link)


@dataclass(frozen=True)
class Built:
    office: Office
    ok: bool
    output: str  # what the build printed, shown when it is over (builds run side by side)


def find_offices(root: Path) -> list[Office]:
    """The offices in `root`: every folder or link that is not hidden, by name (a link to nowhere too:
    its build says so, rather than the office silently missing)."""
    if not root.is_dir():
        return []
    return [Office(entry.name, entry) for entry in sorted(root.iterdir(), key=lambda entry: entry.name)
            if (entry.is_dir() or entry.is_symlink()) and not entry.name.startswith(".")]


def build_office(office: Office, site: Path) -> Built:
    """One office's site into site/<id>/, as `make site` builds one; never raises for the office's data."""
    if not _OFFICE_ID.fullmatch(office.id):
        return Built(office, False, f"ข้อผิดพลาด: ชื่อโฟลเดอร์ {office.data} ใช้เป็นรหัสสำนักงานไม่ได้: ใช้อักษรอังกฤษตัวเล็ก "
                                    "ตัวเลข - หรือ _ ไม่เกิน ๖๐ ตัวอักษร เช่น chiangmai (ชื่อนี้เป็นที่อยู่ของเว็บไซต์)\n")
    site.mkdir(parents=True, exist_ok=True)  # publish locks and builds beside site/<id>
    env = {**os.environ, "BCP_DATA": str(office.data.absolute())}
    result = subprocess.run(["bash", str(BUILD_SITE), str((site / office.id).absolute())], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")
    return Built(office, result.returncode == 0, result.stdout)


def build_offices(offices: list[Office], site: Path, jobs: int,
                  build: Callable[[Office, Path], Built] = build_office) -> list[Built]:
    """Build every office, `jobs` at a time, each reported as soon as it is over."""
    jobs = max(1, min(jobs, len(offices)))
    print(f"สร้างเว็บไซต์ของ {len(offices)} สำนักงาน ({', '.join(office.id for office in offices)}) "
          f"พร้อมกันครั้งละ {jobs} สำนักงาน", flush=True)
    results = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(build, office, site) for office in offices]
        for future in as_completed(futures):
            built = future.result()
            results.append(built)
            _report(built, site)
    return sorted(results, key=lambda built: built.office.id)


def _report(built: Built, site: Path) -> None:
    office = built.office
    print(f"\n── {office.id} ({office.data}) ──", flush=True)
    print(built.output.rstrip("\n"))
    if built.ok:
        print(f"สำเร็จ: {office.id}: เปิด {site / office.id / 'index.html'}", flush=True)
    else:
        print(f"ไม่สำเร็จ: {office.id}: แก้ข้อมูลใน {office.data} ตามข้อความด้านบน (สำนักงานอื่นสร้างต่อตามปกติ)", flush=True)


# --- the index page -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Listing:
    office: Office
    name: str | None  # from the office's plan.yaml; None when its data cannot be read
    plan: str | None  # the plan's title, version and date, as its cover says them
    built: bool  # site/<id>/index.html is there
    pdf: bool  # and its plan PDF
    failed: bool  # its last build here did not succeed


def _plan_line(office: Office) -> tuple[str | None, str | None]:
    from bcp import DataError, load_plan
    from bcp.thai import digits, thai_date

    try:
        plan = load_plan(office.data)
    except DataError:
        return None, None
    # As the plan's cover says it: its version in its own words (Plan.version_label), in its digits.
    info, thai = plan.info, plan.thai_digits
    return info.office.name, f"{info.title} {digits(plan.version_label, thai)} ({thai_date(info.date, thai)})"


def listings(offices: Iterable[Office], site: Path, failed: Iterable[str] = ()) -> list[Listing]:
    failed = set(failed)
    return [Listing(office, *_plan_line(office), (site / office.id / "index.html").is_file(),
                    (site / office.id / PLAN_PDF).is_file(), office.id in failed) for office in offices]


def index_html(items: list[Listing]) -> str:
    """site/index.html: every office, a link to its site and its plan PDF (overrides/offices/index.html)."""
    from bcp.render import partials_environment

    template = partials_environment(ROOT / "overrides" / "offices").get_template("index.html")
    return template.render(items=items, plan_pdf=PLAN_PDF) + "\n"


def write_index(items: list[Listing], site: Path) -> Path:
    """Write site/index.html in one step (a reader never sees half of it)."""
    site.mkdir(parents=True, exist_ok=True)
    target = site / "index.html"
    fd, temporary = tempfile.mkstemp(prefix=".index.html.", dir=site)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(index_html(items))
    os.chmod(temporary, 0o644)
    os.replace(temporary, target)
    return target


# --- the command ----------------------------------------------------------------------------------


def _chosen(offices: list[Office], names: list[str], root: Path) -> list[Office]:
    known = {office.id: office for office in offices}
    missing = [name for name in names if name not in known]
    if missing:
        raise SystemExit(f"ข้อผิดพลาด: ไม่พบสำนักงาน {', '.join(missing)} ใน {root}: "
                         f"ที่มีคือ {', '.join(known) or '(ไม่มี)'}")
    return [known[name] for name in names]


def _build(args: argparse.Namespace) -> int:
    root, site = Path(args.offices), Path(args.site)
    offices = find_offices(root)
    if not offices:
        print(f"ข้อผิดพลาด: ไม่พบโฟลเดอร์ของสำนักงานใน {root} (แต่ละสำนักงานเป็นโฟลเดอร์ข้อมูลหนึ่งโฟลเดอร์ ดู offices/README.md)",
              file=sys.stderr)
        return 1
    chosen = _chosen(offices, args.office, root) if args.office else offices
    results = build_offices(chosen, site, args.jobs)
    failed = [built.office for built in results if not built.ok]
    if not args.office:  # the whole set: the index lists every office; a job of the workflow builds one
        print(f"หน้ารวมสำนักงาน: {write_index(listings(offices, site, {office.id for office in failed}), site)}")
    if failed:
        print(f"สร้างเว็บไซต์สำเร็จ {len(results) - len(failed)} จาก {len(results)} สำนักงาน: ไม่สำเร็จ "
              + ", ".join(f"{office.id} ({office.data})" for office in failed)
              + ": แก้ข้อมูลตามข้อความด้านบน แล้วสั่งอีกครั้ง", file=sys.stderr)
        return 1
    print(f"สร้างเว็บไซต์ครบ {len(results)} สำนักงาน")
    return 0


def _list(args: argparse.Namespace) -> int:
    print(json.dumps([office.id for office in find_offices(Path(args.offices))]))
    return 0


def _index(args: argparse.Namespace) -> int:
    site = Path(args.site)
    print(f"หน้ารวมสำนักงาน: {write_index(listings(find_offices(Path(args.offices)), site), site)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = argparse.ArgumentParser(prog="python -m bcp.offices", description="เว็บไซต์ของทุกสำนักงานใน offices/")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, run, help_text in (("build", _build, "สร้างเว็บไซต์ของทุกสำนักงาน (หรือเฉพาะที่ระบุ) ลงใน site/<สำนักงาน>/"),
                                 ("list", _list, "รายชื่อรหัสสำนักงานแบบ JSON (สำหรับ GitHub Actions)"),
                                 ("index", _index, "เขียนเฉพาะหน้ารวมสำนักงาน site/index.html")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--offices", default="offices", help="โฟลเดอร์ที่มีโฟลเดอร์ข้อมูลของแต่ละสำนักงาน (ค่าเริ่มต้น offices/)")
        if name != "list":
            command.add_argument("--site", default="site", help="โฟลเดอร์ปลายทาง (ค่าเริ่มต้น site/)")
        if name == "build":
            command.add_argument("office", nargs="*", help="รหัสสำนักงานที่จะสร้าง (ไม่ระบุ: ทุกสำนักงาน และหน้ารวม)")
            command.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                                 help="จำนวนสำนักงานที่สร้างพร้อมกัน (ค่าเริ่มต้น: จำนวนแกนของเครื่อง)")
        command.set_defaults(run=run)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("หยุดตามคำสั่งของผู้ใช้: เว็บไซต์ที่สร้างเสร็จแล้วยังอยู่ ส่วนที่ยังไม่เสร็จคงเป็นฉบับเดิม", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
