"""The JSON Schemas VS Code uses to check the data files as the plan owner types."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import subprocess
import sys

import jsonschema
import pytest
from pydantic import BaseModel

from bcp import model
from bcp.model import FILES
from bcp.schema import schema_for, schema_name, write_schemas
from bcp.yaml_reading import read_yaml
from conftest import LAMPANG, ROOT

SCHEMA_DIR = ROOT / "schema"


def as_json(value):
    """YAML data as VS Code's YAML 1.2 parser sees it: dates are strings."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def problems(file: str, data) -> list[str]:
    validator = jsonschema.Draft202012Validator(json.loads((SCHEMA_DIR / schema_name(file)).read_text(encoding="utf-8")))
    return [error.message for error in validator.iter_errors(data)]


def test_committed_schemas_match_the_model():
    stale = write_schemas(SCHEMA_DIR, check=True)
    assert stale == [], f"schema/ is out of date with bcp/model.py: run `python -m bcp schema` and commit ({stale})"
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.schema.json")) == sorted(schema_name(f) for f in FILES)


def test_bcp_schema_writes_the_same_files(tmp_path):
    result = subprocess.run([sys.executable, "-m", "bcp", "schema", "--out", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for file in FILES:
        assert (tmp_path / schema_name(file)).read_text(encoding="utf-8") == (SCHEMA_DIR / schema_name(file)).read_text(encoding="utf-8")
    (tmp_path / "people.schema.json").write_text("{}", encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "bcp", "schema", "--check", "--out", str(tmp_path)], cwd=ROOT,
                           capture_output=True, text=True)
    assert check.returncode == 1 and "people.schema.json" in check.stderr


@pytest.mark.parametrize("file", list(FILES))
def test_lampang_data_passes_its_schema(file):
    # A schema stricter than the loader would put red marks under valid data.
    assert problems(file, as_json(read_yaml(LAMPANG / file, file).data)) == []


def test_schema_flags_what_the_loader_rejects():
    person = {"id": "somchai", "title": "นาย", "first_name": "สมชาย", "last_name": "ใจดี"}
    assert problems("people.yaml", {"people": [{**person, "extention": "411"}]}) == [
        "Additional properties are not allowed ('extention' was unexpected)"]
    assert problems("people.yaml", {"people": [{k: v for k, v in person.items() if k != "last_name"}]}) == [
        "'last_name' is a required property"]
    assert problems("people.yaml", {"people": [{**person, "extension": "41x"}]})
    assert problems("people.yaml", {"people": [{**person, "id": "Somchai"}]})


def test_schema_accepts_what_the_loader_accepts():
    person = {"id": "somchai", "title": "นาย", "first_name": "สมชาย", "last_name": "ใจดี"}
    # Thai digits and unquoted numbers, as clerks type them.
    assert problems("people.yaml", {"people": [{**person, "extension": 411, "mobile": "๐๘๑๒๓๔๕๖๗๘"}]}) == []
    assert problems("people.yaml", {"people": [{**person, "extension": "๔๑๑"}]}) == []
    for mobile in ("080-000-0101", "+66 80 000 0101", "๐๘๐ ๐๐๐ ๐๑๐๑", "(080) 000.0101"):
        assert problems("people.yaml", {"people": [{**person, "mobile": mobile}]}) == [], mobile
    assert problems("people.yaml", {"people": [{**person, "mobile": "โทร 080"}]})
    review = {"last_reviewed": "2024-01-03", "review_every_months": "๑๒", "last_exercised": None, "exercise_every_months": 12}
    assert problems("revisions.yaml", {"review": review, "revisions": [{"version": 2, "date": "2024-01-03", "changes": ["x"]}]}) == []


def test_schema_takes_one_backup_or_an_ordered_list_but_not_both():
    def teams(role: dict) -> dict:
        return {"introduction": ["x"], "role_names": {"lead": "หัวหน้า", "member": "ทีมงาน"}, "bcp_head": "a",
                "teams": [{"id": "t", "name": "ทีม", "roles": [{"role": "lead", "primary": "a", **role}]}]}

    assert problems("teams.yaml", teams({"backup": "b"})) == []
    assert problems("teams.yaml", teams({"backups": ["b", "c"]})) == []
    assert problems("teams.yaml", teams({"backup": "b", "backups": ["c"]}))


def test_fields_carry_thai_help():
    person = schema_for("people.yaml")["$defs"]["Person"]["properties"]
    assert person["extension"]["description"].startswith("เบอร์ต่อภายใน")
    assert "title" not in person["extension"]  # the English title would replace the Thai help on hover
    assert schema_for("revisions.yaml")["description"] == "ประวัติการแก้ไขแผน และวันที่ทบทวน/ซ้อมแผน"


def _models() -> list[type[BaseModel]]:
    """Every model the data files are made of (bcp.model)."""
    return [value for value in vars(model).values()
            if isinstance(value, type) and issubclass(value, model.Model) and value is not model.Model]


def _is_thai(text: str | None) -> bool:
    return bool(text) and any("\u0e01" <= ch <= "\u0e5b" for ch in text)


def test_every_field_of_every_model_has_a_thai_title():
    # The title names the field in `bcp diff` and in messages, the description (or title) helps in the editor.
    untitled = [f"{m.__name__}.{name}" for m in _models() for name, info in m.model_fields.items() if not _is_thai(info.title)]
    assert untitled == [], f"add Field(title=\"<Thai label>\", description=...) to {untitled}"
    undescribed = [f"{m.__name__}.{name}" for m in _models() for name, info in m.model_fields.items()
                   if info.description is not None and not _is_thai(info.description)]
    assert undescribed == []
    assert len(_models()) > len(FILES)


def test_every_data_file_has_a_thai_section_title_and_help():
    for file, root in FILES.items():
        assert _is_thai(root.model_config.get("title")), file  # the section of `bcp diff`
        assert _is_thai(root.__doc__), file  # shown when the file is opened
        assert schema_for(file)["description"] == inspect.cleandoc(root.__doc__)


def test_the_editor_shows_each_fields_thai_title_where_it_has_no_description():
    services = schema_for("checklist.yaml")["$defs"]["InfrastructureService"]["properties"]
    assert services["name"] == {"description": "ชื่อบริการ", "minLength": 1, "type": "string"}
    assert "description" not in schema_for("people.yaml")["$defs"]["Person"]  # a docstring for developers


def test_vscode_maps_every_data_file_to_its_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    for file in FILES:
        # the first office's data, and every office's in offices/ (offices/README.md)
        assert mapping[f"./schema/{schema_name(file)}"] == [f"data/{file}", f"offices/*/{file}"]
        assert (ROOT / "schema" / schema_name(file)).is_file()
    recommended = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in recommended["recommendations"]
