"""`bcp new`: a new office's starter plan, complete and commented, that checks and builds."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from bcp.field_errors import inner_model
from bcp.model import FILES
from bcp.yaml_reading import read_yaml
from conftest import ROOT, build_site, page_text
from test_schema import as_json, problems as schema_problems

pytestmark = pytest.mark.long_running  # started first by make test (tests/conftest.py)

TODAY = "2025-06-30"
PLACEHOLDER_WARNING = "ยังเป็นค่าตัวอย่างของแผนเริ่มต้น"


def bcp(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "BCP_TODAY": TODAY}
    env.pop("BCP_DATA", None)
    return subprocess.run([sys.executable, "-m", "bcp", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8")


@pytest.fixture(scope="module")
def starter(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("offices") / "data-newoffice"
    result = bcp("new", str(folder))
    assert result.returncode == 0, result.stderr
    assert f"สร้างแผนเริ่มต้นใน {folder} แล้ว: {len(FILES)} ไฟล์" in result.stdout
    assert f"BCP_DATA={folder} make check" in result.stdout  # the next step, as the owner guide gives it
    return folder


def test_every_data_file_the_model_knows_is_written(starter):
    assert sorted(path.name for path in starter.iterdir()) == sorted(FILES)


def _models(model: type[BaseModel], seen: set) -> None:
    if model in seen:
        return
    seen.add(model)
    for field in model.model_fields.values():
        inner = inner_model(field.annotation)
        if inner is not None:
            _models(inner, seen)


@pytest.mark.parametrize("file", list(FILES))
def test_every_field_is_shown_and_explained_in_the_models_words(starter, file):
    text = (starter / file).read_text(encoding="utf-8")
    comments = "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    models: set = set()
    _models(FILES[file], models)
    for model in models:
        for name, field in model.model_fields.items():
            # a key line, in use or commented out (an optional field whose value cannot be an example)
            assert re.search(rf"^\s*(# )?(- )?{name}:", text, re.M), f"{file}: {model.__name__}.{name} is not shown"
            help_text = field.description or field.title
            assert help_text in comments, f"{file}: {model.__name__}.{name}'s help is not in a comment"
    assert FILES[file].__doc__.strip().splitlines()[0] in comments  # the file's own help, at the top


def _placeholder_lines(folder: Path) -> set[tuple[str, int]]:
    """Where the starter left a value to replace, read from the files as the owner sees them."""
    found = set()
    for path in folder.iterdir():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("#"):
                continue
            if "«" in line or re.search(r': "?(020000000|0800000000|000|1900-01-01)"?$', line):
                found.add((path.name, number))
    return found


def test_starter_passes_check_with_a_warning_at_each_placeholder(starter):
    result = bcp("check", str(starter))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"ข้อมูลแผนถูกต้อง: {starter}")
    warned = set()
    for line in result.stderr.splitlines():
        match = re.fullmatch(rf"คำเตือน: {re.escape(str(starter))}/(\w+\.yaml) บรรทัด (\d+): ช่อง [^:]+: {PLACEHOLDER_WARNING}.*", line)
        if match:
            warned.add((match[1], int(match[2])))
    expected = _placeholder_lines(starter)
    assert len(expected) > 50  # the office's name, people, teams, steps ...
    assert warned == expected
    assert f"{starter}/plan.yaml บรรทัด" in result.stderr and "ช่อง office › name: " + PLACEHOLDER_WARNING in result.stderr
    assert "ช่อง people › head › mobile: " + PLACEHOLDER_WARNING + " (0800000000)" in result.stderr


def test_make_check_with_bcp_data_checks_the_new_folder_as_the_guide_says(starter):
    env = {**os.environ, "BCP_DATA": str(starter), "BCP_TODAY": TODAY}
    result = subprocess.run(["make", "--no-print-directory", "check"], cwd=ROOT, env=env, capture_output=True, text=True,
                            encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert f"ข้อมูลแผนถูกต้อง: {starter}" in result.stdout and PLACEHOLDER_WARNING in result.stderr


def test_a_replaced_value_is_no_longer_warned(starter, tmp_path):
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(starter, folder)
    plan = folder / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("«ชื่อเต็มของสำนักงาน»", "สำนักงานทดสอบ")
                    .replace('"020000000"', '"021234567"'), encoding="utf-8")
    stderr = bcp("check", str(folder)).stderr
    assert "ช่อง office › name:" not in stderr and "ช่อง office › phone:" not in stderr
    assert "ช่อง office › address: " + PLACEHOLDER_WARNING in stderr


@pytest.mark.parametrize("file", list(FILES))
def test_starter_passes_the_editors_schema(starter, file):
    assert schema_problems(file, as_json(read_yaml(starter / file, file).data)) == []


def test_starter_builds_the_site_and_pdfs(starter, tmp_path):
    out = tmp_path / "site"
    result = build_site(out, data=starter, pdf=True, extra_env={"BCP_TODAY": TODAY})
    assert result.returncode == 0, result.stderr
    assert "«ชื่อเต็มของสำนักงาน»" in page_text(out, "index.html")
    for pdf in ("plan", "cards", "checklists", "call-tree"):
        assert (out / "pdf" / f"{pdf}.pdf").stat().st_size > 0
    # the owner sees on the data-notes page what is left to replace, with file and line
    notes = page_text(out, "data-notes")
    assert "plan.yaml บรรทัด" in notes and PLACEHOLDER_WARNING in notes
    assert "ขัดกันเอง" not in notes  # the page's own words describe no office's source plan


def test_python_dash_m_bcp_new_writes_into_an_empty_folder(tmp_path):
    folder = tmp_path / "empty"
    folder.mkdir()
    result = bcp("new", str(folder))
    assert result.returncode == 0, result.stderr
    assert (folder / "plan.yaml").is_file()


def test_new_refuses_a_folder_that_has_files(tmp_path):
    folder = tmp_path / "data-lampang"
    folder.mkdir()
    (folder / "plan.yaml").write_text("title: แผนเดิม\n", encoding="utf-8")
    result = bcp("new", str(folder))
    assert result.returncode == 1
    assert result.stderr.strip() == (f"ข้อผิดพลาด: โฟลเดอร์ {folder} มีไฟล์อยู่แล้ว: bcp new ไม่เขียนทับข้อมูลเดิม "
                                     "ให้ระบุโฟลเดอร์ใหม่ที่ยังไม่มี หรือโฟลเดอร์ว่าง")
    assert [path.name for path in folder.iterdir()] == ["plan.yaml"]
    assert (folder / "plan.yaml").read_text(encoding="utf-8") == "title: แผนเดิม\n"
    assert [path.name for path in tmp_path.iterdir()] == ["data-lampang"]  # nothing left beside it


def test_new_refuses_a_file(tmp_path):
    (tmp_path / "plan").write_text("", encoding="utf-8")
    result = bcp("new", str(tmp_path / "plan"))
    assert result.returncode == 1 and "เป็นไฟล์ ไม่ใช่โฟลเดอร์" in result.stderr
