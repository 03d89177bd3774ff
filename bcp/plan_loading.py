"""Load a plan folder: read every file, validate each against its model, then across files."""

from __future__ import annotations

import os
from pathlib import Path

from bcp.field_errors import validate_document
from bcp.yaml_reading import Document, read_yaml
from bcp.model import FILES
from bcp.plan import Plan
from bcp.problems import DataError, Problem
from bcp.settings import Settings
from bcp.validate import check

# Plan field for each file, in FILES order.
PLAN_FIELDS = ("info", "scope", "people_file", "teams_file", "strategies_file", "bia",
           "resources", "procedure", "checklist", "notes_file", "revisions_file", "labels_file")
# The files a plan may do without (no notes, no revision history yet, the tool's own wording); every other one must be there.
OPTIONAL_FILES = {"notes.yaml", "revisions.yaml", "labels.yaml"}


def data_dir(default: str | os.PathLike = "data") -> Path:
    """The data folder: $BCP_DATA, else `default` (bcp.settings)."""
    return Settings.from_environ(default_data=default).data_dir


def _shown(path: Path) -> str:
    # The folder resolved, not the file: a link is named as the author named it, never by its target.
    try:
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def load_documents(folder: Path) -> tuple[dict[str, Document], list[Problem]]:
    docs: dict[str, Document] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        raise DataError([Problem(str(folder), None, "", "ไม่พบโฟลเดอร์ข้อมูลของแผน (ตั้งค่า BCP_DATA ให้ชี้ไปที่โฟลเดอร์ที่มีไฟล์ plan.yaml)")])
    for name in FILES:
        path = folder / name
        # A broken or looping link is not "no file": read_yaml says what is wrong with it.
        if not path.exists() and not path.is_symlink():
            if name in OPTIONAL_FILES:
                docs[name] = Document(_shown(path), {})
                continue
            problems.append(Problem(_shown(path), None, "", f"ไม่พบไฟล์ {name} ซึ่งต้องมีในโฟลเดอร์ข้อมูล"))
            continue
        try:
            docs[name] = read_yaml(path, _shown(path), folder)
        except DataError as error:
            problems.extend(error.problems)
    return docs, problems


def load_plan(folder: str | os.PathLike | None = None) -> Plan:
    """Load and validate the plan; raise DataError listing every error found.

    Warnings (allowed but weak data) are kept on `plan.warnings`."""
    folder = Path(folder) if folder is not None else data_dir()
    docs, problems = load_documents(folder)
    models = {}
    for name, model in FILES.items():
        if name in docs:
            value, found = validate_document(docs[name], model)
            problems.extend(found)
            models[name] = value
    if problems:
        raise DataError(problems)
    plan = Plan(**{field: models[name] for field, name in zip(PLAN_FIELDS, FILES)})
    found = check(plan, docs)
    errors = [p for p in found if p.level == "error"]
    if errors:
        raise DataError(found)
    plan.warnings = found
    plan.sources = docs
    return plan


_cache: dict[Path, tuple[tuple, Plan]] = {}


def _stamp(path: Path) -> tuple:
    try:
        st = path.stat()
    except OSError:  # a broken or looping link: load_plan reports it
        return (path.name, None, None)
    return (path.name, st.st_mtime_ns, st.st_size)


def load_plan_cached(folder: str | os.PathLike) -> Plan:
    """load_plan, reused while no data file changed (one load per site build)."""
    folder = Path(folder).resolve()
    stamp = tuple(sorted(_stamp(p) for p in folder.glob("*.yaml"))) if folder.is_dir() else ()
    cached = _cache.get(folder)
    if cached and cached[0] == stamp:
        return cached[1]
    plan = load_plan(folder)
    _cache[folder] = (stamp, plan)
    return plan
