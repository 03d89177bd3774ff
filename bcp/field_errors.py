"""pydantic's validation errors in Thai, at the file, line and field of the value.

A model refuses a value (a missing field, a misspelt key, a number that is
text ...); the clerk reads what to change, in Thai, where it is.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from bcp.model import ID_PATTERN, LIST_FORMS
from bcp.problems import Problem
from bcp.yaml_reading import Document

# What a field checked against a pattern must look like, by field name.
FIELD_FORMATS = {
    "id": "ต้องเป็นอักษรภาษาอังกฤษตัวเล็ก ตัวเลข - หรือ _ ไม่มีเว้นวรรค เช่น somchai",
    "extension": "เบอร์ต่อต้องเป็นตัวเลข ๒ ถึง ๕ หลัก เช่น \"209\"",
    "evidence": "ต้องเป็นชื่อหลักฐาน เช่น teams, bia, strategy:building",
    "site_url": "ที่อยู่เว็บไซต์ต้องขึ้นต้นด้วย http:// หรือ https:// และไม่มีช่องว่าง เช่น \"http://bcp.intranet.local/\"",
}


def _thai_message(error: dict, model: type[BaseModel] | None) -> str:
    kind = error["type"]
    loc = error["loc"]
    name = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    found = error.get("input")
    shown = f" (พบ {found!r})" if found is not None and not isinstance(found, (dict, list)) else ""
    ctx = error.get("ctx") or {}
    if isinstance(found, list) and kind.endswith("_type") and kind != "list_type":
        return _one_value_only(name, found)
    if kind == "missing":
        return f"ขาดช่อง '{name}' ซึ่งต้องมี"
    if kind == "extra_forbidden":
        where = _model_at(model, loc)
        allowed = list(getattr(where, "model_fields", None) or ())
        guess = difflib.get_close_matches(name, allowed, n=1)
        hint = f" หมายถึง '{guess[0]}' หรือไม่?" if guess else ""
        # A model with too many fields to list says where they are listed instead (labels.yaml).
        listing = getattr(where, "unknown_key_help", None) or (f"ช่องที่ใช้ได้: {', '.join(allowed)}" if allowed else "")
        return f"ไม่รู้จักช่อง '{name}'{hint}" + (f" {listing}" if listing else "")
    if kind == "string_pattern_mismatch":
        # Every reference to another item (primary, impacts, team ...) uses the id pattern.
        key = name if name in FIELD_FORMATS else ("id" if ctx.get("pattern") == ID_PATTERN else name)
        return FIELD_FORMATS.get(key, "รูปแบบไม่ถูกต้อง") + shown
    if kind in ("string_type", "string_too_short"):
        return "ต้องเป็นข้อความ และต้องไม่เว้นว่าง" + shown
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "ต้องเป็นตัวเลขจำนวนเต็ม (ใช้เลขไทยหรือเลขอารบิกก็ได้)" + shown
    if kind == "greater_than_equal":
        return "ต้องเป็นตัวเลขไม่ติดลบ" + shown
    if kind == "value_error" and isinstance(ctx.get("error"), ValueError):
        return str(ctx["error"])  # our own validators raise Thai messages
    if kind == "literal_error":
        return f"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {ctx.get('expected', '')}" + shown
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return "ต้องเป็นวันที่แบบ ค.ศ. ปี-เดือน-วัน เช่น 2023-01-03" + shown
    if kind in ("bool_type", "bool_parsing"):
        return "ต้องเป็น true (มี/ใช่) หรือ false (ไม่มี/ไม่ใช่)" + shown
    if kind == "too_short":
        return f"ต้องมีอย่างน้อย {ctx.get('min_length', 1)} รายการ"
    if kind == "list_type":
        return "ต้องเป็นรายการ: แต่ละรายการขึ้นบรรทัดใหม่ด้วย - " + shown
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "ต้องเป็นกลุ่มข้อมูลแบบ ชื่อช่อง: ค่า" + shown
    return f"ข้อมูลไม่ถูกต้อง: {error['msg']}" + shown


def _one_value_only(name: str, found: list) -> str:
    """A list typed where one value goes: say so, and name the field that takes several, if there is one."""
    message = f"ช่องนี้ใส่ได้ค่าเดียว แต่พบรายการ {len(found)} ค่า"
    many = LIST_FORMS.get(name)
    if many is None:
        return message
    if found and all(isinstance(item, str) for item in found):
        example = f" เช่น {many}: [{', '.join(found)}]"
    else:
        example = " (ขึ้นบรรทัดใหม่ด้วย - ทีละรายการ)"
    return f"{message}: ถ้ามีหลายค่า ให้ใช้ช่อง {many} แทน {name}{example} (เรียงตามลำดับ)"


def _model_at(model: type[BaseModel] | None, loc: tuple) -> Any:
    """The model where an unknown key was found (walks the model along loc); None if there is none."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or current is None:
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return None
        current = inner_model(info.annotation)
    return current


def inner_model(annotation: Any) -> Any:
    """The model a field holds, directly or in a list, an optional or a dict; None for plain values."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = inner_model(arg)
        if found is not None:
            return found
    return None


def as_typed(data: Any, path: tuple) -> tuple:
    """`path` as the file has it: the model takes one value typed alone as a list of one (a single
    evidence), so an index into a value that is not a list in the file is dropped."""
    value = data
    for index, part in enumerate(path):
        if isinstance(part, int) and not isinstance(value, list):
            return path[:index] + as_typed(value, path[index + 1:])
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return path
    return path


def validate_document(document: Document, model: type[BaseModel]) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(document.data), []
    except ValidationError as error:
        problems = []
        for item in error.errors():
            loc = tuple(part for part in item["loc"] if not (isinstance(part, str) and (part == "[key]" or part.startswith(("function-", "constrained-")))))
            problems.append(document.problem(as_typed(document.data, loc), _thai_message(item, model)))
        return None, problems
