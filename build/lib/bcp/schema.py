"""JSON Schema of each data file, generated from the pydantic models.

VS Code's YAML extension reads schema/<file>.schema.json (mapped in
.vscode/settings.json) to complete keys and flag mistakes while the plan owner
types.  The schemas are committed; a test checks they match the models, so
regenerate with `bcp schema` after changing bcp/model.py.

The help is the models' own (bcp.model): a field's Thai description, or its
title; a file's, the docstring of its root model.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bcp.model import FILES

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _help_on_hover(schema: dict[str, Any]) -> None:
    """Each property's help: its field's Thai description, or its title where it has none."""
    for prop in schema.get("properties", {}).values():
        title = prop.pop("title", None)  # VS Code would show the title on hover instead of the help
        if title and "description" not in prop:
            prop["description"] = title


def schema_for(file: str) -> dict[str, Any]:
    schema = FILES[file].model_json_schema()
    _help_on_hover(schema)
    for definition in schema.get("$defs", {}).values():
        definition.pop("description", None)  # docstrings of models inside a file are notes for developers
        _help_on_hover(definition)
    # The root model's docstring stays: the file's help, shown when the file is opened.
    return {"$schema": DIALECT, "title": file, **{k: v for k, v in schema.items() if k != "title"}}


def schema_name(file: str) -> str:
    return file.removesuffix(".yaml") + ".schema.json"


def schema_text(file: str) -> str:
    return json.dumps(schema_for(file), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path, check: bool = False) -> list[str]:
    """Write every data file's schema into `folder`; return the names that were stale.

    With check=True nothing is written."""
    stale = []
    if not check:
        folder.mkdir(parents=True, exist_ok=True)
    for file in FILES:
        path = folder / schema_name(file)
        text = schema_text(file)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path.name)
            if not check:
                path.write_text(text, encoding="utf-8")
    return stale
