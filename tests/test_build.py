"""Bad data or a bad page stops the build with a Thai report, and nothing is written."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, DataCopy, build_site

SELF_BACKUP = "'jirayu' เป็นผู้สำรองของตนเองไม่ได้: เลือกผู้สำรองคนอื่น"


@pytest.fixture
def broken(data_copy) -> DataCopy:
    data_copy.replace("teams.yaml", "backup: wichan", "backup: jirayu")
    return data_copy


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_with_broken_data_fails_with_the_thai_report(broken, tmp_path):
    out = tmp_path / "site"
    result = build_site(out, data=broken.folder)
    assert result.returncode == 1
    line = broken.line_of("teams.yaml", "backup: jirayu")
    assert (f"ข้อผิดพลาด: {broken.shown('teams.yaml')} บรรทัด {line}: ช่อง teams › relief › roles › ลำดับที่ 2 › backup: "
            f"{SELF_BACKUP}") in result.stderr.splitlines()
    assert "พบข้อผิดพลาด 1 รายการ" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_build_with_broken_data_leaves_an_existing_site_alone(broken, lampang_site, tmp_path):
    out = tmp_path / "site"
    shutil.copytree(lampang_site, out)
    before = snapshot(out)
    result = build_site(out, data=broken.folder)
    assert result.returncode == 1
    assert snapshot(out) == before


def test_build_script_keeps_the_old_site_when_the_data_is_broken(broken, tmp_path):
    target = tmp_path / "site"
    (target / "teams").mkdir(parents=True)
    (target / "index.html").write_text("<p>แผนฉบับที่ใช้อยู่</p>", encoding="utf-8")
    (target / "teams" / "index.html").write_bytes(b"\x00\xff old bytes")
    before = snapshot(target)
    env = {**os.environ, "BCP_DATA": str(broken.folder), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(["bash", str(ROOT / "scripts" / "build_site.sh"), str(target)], cwd=ROOT, env=env,
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1
    assert f"{broken.shown('teams.yaml')} บรรทัด {broken.line_of('teams.yaml', 'backup: jirayu')}" in result.stderr
    assert SELF_BACKUP in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"], "no half-built folder is left behind"


# --- pages: macros fail the build on errors and undefined names ---------------------------


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """The project without its history, to break one page."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("mkdocs.yml", "macros.py"):
        shutil.copy2(ROOT / name, copy / name)
    for name in ("bcp", "bcp_mkdocs", "overrides", "docs", "data"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


@pytest.mark.parametrize("call, says", [
    ("{{ no_such_name }}", "no_such_name"),
    ('{{ component("no_such_component") }}', "no_such_component"),
], ids=["undefined-name", "unknown-component"])
def test_a_broken_macro_fails_the_build(project_copy, call, says):
    page = project_copy / "docs" / "bia.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{call}\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BCP_DATA", None)
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "mkdocs", "build", "--strict",
                             "-d", str(project_copy / "site")], cwd=project_copy, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert says in result.stderr
    assert not (project_copy / "site" / "bia" / "index.html").exists()


def build_copy(project_copy: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    environ.pop("BCP_DATA", None)
    return subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "mkdocs", "build", "--strict",
                           "-d", str(project_copy / "site")], cwd=project_copy, env=environ, capture_output=True, text=True)


@pytest.mark.parametrize("debug", [False, True], ids=["plain", "BCP_DEBUG"])
def test_a_fault_in_the_program_is_one_thai_line_and_the_traceback_only_under_bcp_debug(project_copy, debug):
    from bcp.problems import INTERNAL_ERROR

    partial = project_copy / "overrides" / "partials" / "bcp" / "card.html"
    partial.write_text(partial.read_text(encoding="utf-8") + "{% if %}", encoding="utf-8")  # a broken template
    result = build_copy(project_copy, **({"BCP_DEBUG": "1"} if debug else {}))
    assert result.returncode == 1
    assert INTERNAL_ERROR in result.stdout + result.stderr
    assert ("Traceback" in result.stderr) is debug


# --- scripts/build_site.sh on many kinds of broken data ------------------------------

BROKEN_FILES = {
    "a tab": ("teams.yaml", lambda t: t.replace("  - id: relief\n", "\t- id: relief\n", 1)),
    "bad indentation": ("people.yaml", lambda t: t.replace("    title: นาง\n", "      title: นาง\n", 1)),
    "an unclosed quote": ("people.yaml", lambda t: t.replace('extension: "209"', 'extension: "209', 1)),
    "a truncated file": ("procedure.yaml", lambda t: t[: len(t) // 2] + "\n      - {team: [relief\n"),
    "a duplicate key": ("plan.yaml", lambda t: t.replace("title: แผนบริหารความต่อเนื่อง\n",
                                                         "title: แผนบริหารความต่อเนื่อง\ntitle: ซ้ำ\n", 1)),
}


@pytest.mark.parametrize("case", BROKEN_FILES)
def test_build_script_reports_broken_yaml_in_thai_and_keeps_the_site(case, data_copy, tmp_path):
    name, edit = BROKEN_FILES[case]
    path = data_copy.path(name)
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("<p>แผนฉบับที่ใช้อยู่</p>", encoding="utf-8")
    before = snapshot(target)
    env = {**os.environ, "BCP_DATA": str(data_copy.folder), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(["bash", str(ROOT / "scripts" / "build_site.sh"), str(target)], cwd=ROOT, env=env,
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1, result.stderr
    assert f"{data_copy.shown(name)} บรรทัด " in result.stderr
    assert "ข้อผิดพลาด" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]


def test_build_script_reports_a_file_not_in_utf8(data_copy, tmp_path):
    path = data_copy.path("scope.yaml")
    path.write_bytes(path.read_text(encoding="utf-8").encode("tis-620"))
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_bytes(b"old")
    env = {**os.environ, "BCP_DATA": str(data_copy.folder), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(["bash", str(ROOT / "scripts" / "build_site.sh"), str(target)], cwd=ROOT, env=env,
                            capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 1
    assert data_copy.shown("scope.yaml") in result.stderr and "UTF-8" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert (target / "index.html").read_bytes() == b"old"
