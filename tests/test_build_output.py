"""What `make site` prints, for the person who runs it: each warning once, in Thai, with
file and line; how far the PDFs are; none of MkDocs' own steps (`make site V=1` shows them)."""

from __future__ import annotations

import os
import re
import subprocess

from bcp import load_plan
from bcp.notices import owner_notices
from bcp.settings import Settings
from conftest import LAMPANG, ROOT

# MkDocs' and its plugins' own lines, which a person does not need
CHATTER = ("INFO", "DEBUG", "Page skipped", "[macros]", "Cleaning site directory", "Building documentation",
           "Documentation built", "Found PDF rendering event hook", "MkDocs", "Material for MkDocs", "site built")


def laid_out_documents() -> set[str]:
    """The names of the documents `make site` lays out: the plan and every printout."""
    from bcp.printouts import Printouts
    from bcp.render import Renderer
    from bcp_mkdocs.plan_pdf import PLAN_JOB

    renderer = Renderer(load_plan(LAMPANG), ROOT / "overrides" / "partials" / "bcp")
    names = {PLAN_JOB} | {job.name for job in Printouts(renderer, str(ROOT / "docs")).jobs()}
    assert {"แผนฉบับเต็ม", "บัตรติดผนัง", "หน้าที่ฉบับเต็ม", "บัตรติดตัว", "แบบตรวจสอบและบันทึก Log Book", "สายการแจ้งเหตุ",
            "เมื่อเกิดเหตุ"} <= names
    return names


def test_make_site_says_each_warning_once_and_the_pdf_progress(lampang_make_site):
    _, result = lampang_make_site
    lines = (result.stderr + result.stdout).splitlines()
    notices = [str(notice) for notice in owner_notices(load_plan(LAMPANG), Settings.from_environ({}), LAMPANG)]
    assert len(notices) >= 10 and all(notice.startswith("คำเตือน: data/") for notice in notices)
    # `make site` runs in the project folder: files as the plan owner opens them, with their lines
    assert "คำเตือน: data/people.yaml บรรทัด 5: ช่อง people › wanphen:" in "\n".join(notices)
    for notice in notices:
        assert lines.count(notice) == 1, notice
    progress = [line for line in lines if line.startswith("สร้าง PDF ")]
    documents = laid_out_documents()
    assert [re.match(rf"สร้าง PDF (\d+)/{len(documents)}: .+ \(\d+ หน้า, [\d.]+ วินาที\)$", line).group(1)
            for line in progress] == [str(n) for n in range(1, len(documents) + 1)], progress
    assert {line.split(": ", 1)[1].split(" (")[0] for line in progress} == documents
    assert lines[-1] == f"สร้างเว็บไซต์เสร็จ: เปิด {lampang_make_site[0]}/index.html"
    # nothing else: no English, no MkDocs steps
    others = [line for line in lines if line not in notices and line not in progress and line != lines[-1]]
    assert len(others) == 1 and re.fullmatch(r"สร้างเว็บไซต์และ PDF ทั้งหมดใน [\d.]+ วินาที", others[0]), others
    assert not [line for line in lines for word in CHATTER if word in line]


def test_verbose_shows_mkdocs_own_steps(tmp_path):
    env = {**os.environ, "BCP_DATA": str(LAMPANG), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BCP_PDF", None)
    quiet = subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "a")],
                           cwd=ROOT, env=env, capture_output=True, text=True)
    verbose = subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-v", "-d", str(tmp_path / "b")],
                             cwd=ROOT, env=env, capture_output=True, text=True)
    assert quiet.returncode == verbose.returncode == 0, quiet.stderr + verbose.stderr
    assert "Documentation built" not in quiet.stderr and "[macros]" not in quiet.stderr
    assert "Documentation built" in verbose.stderr and "[macros]" in verbose.stderr
    # the warnings, once each either way
    warning = next(line for line in quiet.stderr.splitlines() if line.startswith("คำเตือน: "))
    assert quiet.stderr.splitlines().count(warning) == 1
    assert sum(warning in line for line in verbose.stderr.splitlines()) == 1
