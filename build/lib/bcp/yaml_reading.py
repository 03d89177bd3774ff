"""Read the plan's YAML files safely, remembering where every value came from.

PyYAML's safe loader is used, with two additions: a duplicate key is an
error (PyYAML silently keeps the last one), and the line of every key and
list item is recorded so that any later error can name file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bcp.problems import DataError, Problem

PathKey = tuple[str | int, ...]


@dataclass
class Document:
    """One data file: its parsed content and where each value sits."""

    file: str  # as shown to the user, e.g. "data/people.yaml"
    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line(self, path: PathKey) -> int | None:
        """Line of `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def label(self, path: PathKey) -> str:
        """A readable field path: list items are named by their id when they have one."""
        parts: list[str] = []
        node: Any = self.data
        for key in path:
            if isinstance(key, int):
                item = node[key] if isinstance(node, list) and 0 <= key < len(node) else None
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    parts.append(item["id"])
                else:
                    parts.append(f"ลำดับที่ {key + 1}")
                node = item
            else:
                parts.append(str(key))
                node = node.get(key) if isinstance(node, dict) else None
        return " › ".join(parts) if parts else "(ทั้งไฟล์)"

    def problem(self, path: PathKey, message: str, level: str = "error") -> Problem:
        return Problem(self.file, self.line(path), self.label(path), message, level)


class _DuplicateKey(Exception):
    def __init__(self, key: object, line: int, first_line: int) -> None:
        self.key, self.line, self.first_line = key, line, first_line
        self.node: yaml.Node | None = None


class _NoDuplicateKeys:
    """Mixed into a safe loader: refuse duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        self.flatten_mapping(node)
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
            except TypeError:  # unhashable key: let PyYAML report it
                continue
            if first is not None:
                raise _DuplicateKey(key, key_node.start_mark.line + 1, first)
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


class _Loader(_NoDuplicateKeys, yaml.SafeLoader):
    """PyYAML's pure-Python parser: its error messages are the ones _YAML_HINTS knows."""


# libyaml's parser is some 10 times faster (a large plan's build spent most of
# its data time parsing YAML); the constructor, and so the values, are the same.
_FastLoader = type("_FastLoader", (_NoDuplicateKeys, yaml.CSafeLoader), {}) if yaml.__with_libyaml__ else _Loader


def _parse(loader_class: type, text: str) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        try:
            return node, (loader.construct_document(node) if node is not None else None)
        except _DuplicateKey as dup:
            dup.node = node  # to name the key's field path
            raise
    finally:
        loader.dispose()


def _record_lines(node: yaml.Node, path: PathKey, lines: dict[PathKey, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key_path = path + (key_node.value,)
                lines[key_path] = key_node.start_mark.line + 1
                _record_lines(value_node, key_path, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines)


def _key_label(node: yaml.Node, line: int, key: str, parts: tuple[str, ...] = ()) -> str | None:
    """Field path of the mapping key `key` written on `line`, labelled like Document.label.

    Used when the data cannot be built (a duplicate key): only the node tree is there."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                here = parts + (key_node.value,)
                if key_node.value == key and key_node.start_mark.line + 1 == line:
                    return " › ".join(here)
                found = _key_label(value_node, line, key, here)
                if found:
                    return found
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            ids = [v for k, v in getattr(item, "value", []) if isinstance(item, yaml.MappingNode)
                   and isinstance(k, yaml.ScalarNode) and k.value == "id" and isinstance(v, yaml.ScalarNode)]
            found = _key_label(item, line, key, parts + (ids[0].value if ids else f"ลำดับที่ {index + 1}",))
            if found:
                return found
    return None


# What PyYAML says, and what a clerk should do about it.
_YAML_HINTS = (
    # A file cut short (saved half-way, copied incompletely): PyYAML meets the end too early.
    ("'<stream end>'", "ไฟล์จบกลางคัน: ข้อมูลส่วนท้ายขาดหาย (อาจบันทึกไม่ครบ) หรือวงเล็บ { [ เปิดแล้วไม่ได้ปิด"),
    ("'\\t'", "มีการกดปุ่ม Tab: ให้ย่อหน้าด้วยการเว้นวรรค (space) เท่านั้น"),
    ("found unexpected end of stream", "เครื่องหมายคำพูด (\" หรือ ') เปิดแล้วไม่ได้ปิด หรือไฟล์จบกลางคัน"),
    ("while scanning a quoted scalar", "เครื่องหมายคำพูด (\" หรือ ') เปิดแล้วไม่ได้ปิด"),
    ("mapping values are not allowed", "เครื่องหมาย : อยู่ผิดที่: ย่อหน้าอาจไม่ตรง หรือข้อความที่มี \": \" ต้องครอบด้วยเครื่องหมายคำพูด"),
    ("did not find expected key", "ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า หรือเครื่องหมาย - / : ขาดหาย"),
    ("expected <block end>", "ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า"),
    ("did not find expected '-'", "รายการต้องขึ้นต้นด้วย - และย่อหน้าเท่ากัน"),
    ("could not find expected ':'", "ขาดเครื่องหมาย : หลังชื่อช่อง หรือข้อความยาวหลายบรรทัดย่อหน้าไม่ตรง"),
    ("found character that cannot start any token", "มีตัวอักษรที่ขึ้นต้นข้อมูลไม่ได้ (เช่น ` หรือ @): ครอบข้อความด้วยเครื่องหมายคำพูด"),
    ("found undefined alias", "อ้างถึง *ชื่อ ที่ไม่มี &ชื่อ กำหนดไว้"),
    # Safe loading refuses every tag (e.g. !!python/object): only plain data is read.
    ("could not determine a constructor", "มีแท็กที่ขึ้นต้นด้วย ! ซึ่งไม่รองรับ: ใช้ได้เฉพาะข้อความ ตัวเลข รายการ และ ชื่อช่อง: ค่า (ข้อความที่ขึ้นต้นด้วย ! ให้ครอบด้วยเครื่องหมายคำพูด)"),
)


_UNCLOSED_QUOTE = "เครื่องหมายคำพูด (\" หรือ ') ที่เปิดในบรรทัดนี้ไม่ได้ปิด"


def _swallowing_quote_line(text: str, error_line: int) -> int | None:
    """Line where a quoted value opens that runs on to the error's line.

    A missing closing quote makes YAML read the next lines as part of the
    value, up to the next quote further down; the error is then reported
    there, far from the real mistake."""
    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.start_mark.line != token.end_mark.line and token.end_mark.line + 1 == error_line):
                found = token.start_mark.line + 1
    except yaml.YAMLError:
        pass
    return found


def _yaml_problem(file: str, error: yaml.YAMLError, source: str = "") -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else None
    text = str(getattr(error, "problem", "") or error)
    context = str(getattr(error, "context", "") or "")
    if "while scanning a quoted scalar" in context and getattr(error, "context_mark", None):
        # Point at the opening quote, not at the end of the file where YAML gave up.
        return Problem(file, error.context_mark.line + 1, "", f"รูปแบบ YAML ไม่ถูกต้อง: {_UNCLOSED_QUOTE}")
    opened = _swallowing_quote_line(source, line) if source and line else None
    if opened:
        return Problem(file, opened, "", f"รูปแบบ YAML ไม่ถูกต้อง: {_UNCLOSED_QUOTE}")
    for needle, hint in _YAML_HINTS:
        if needle in text or needle in context:
            return Problem(file, line, "", f"รูปแบบ YAML ไม่ถูกต้อง: {hint}")
    return Problem(file, line, "", f"รูปแบบ YAML ไม่ถูกต้อง ({text})")


def _encoding_message(raw: bytes, error: UnicodeDecodeError) -> str:
    if error.end >= len(raw) and error.reason == "unexpected end of data":
        return "ไฟล์จบกลางตัวอักษร: ไฟล์อาจบันทึกไม่ครบ ให้ตรวจข้อความท้ายไฟล์แล้วบันทึกใหม่"
    try:
        legacy_thai = any("\u0e01" <= ch <= "\u0e5b" for ch in raw.decode("cp874"))
    except UnicodeDecodeError:
        legacy_thai = False
    # Notepad's "ANSI" on a Thai Windows is TIS-620 / Windows-874.
    where = " (ดูเหมือนบันทึกเป็นรหัสภาษาไทยแบบเก่า TIS-620 / ANSI)" if legacy_thai else ""
    return f"ไฟล์ไม่ได้บันทึกเป็น UTF-8{where}: ให้เปิดไฟล์แล้วบันทึกใหม่โดยเลือกการเข้ารหัส UTF-8"


def read_yaml(path: Path, shown_as: str) -> Document:
    """Parse one file; raise DataError with a Thai message when it cannot be read."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError([Problem(shown_as, line, "", _encoding_message(raw, error))]) from None
    try:
        try:
            node, data = _parse(_FastLoader, text)
        except yaml.YAMLError:
            # Read a broken file again with PyYAML's own parser, whose messages the hints match.
            node, data = _parse(_Loader, text)
        if node is None:
            raise DataError([Problem(shown_as, 1, "", "ไฟล์ว่างเปล่า: ไม่มีข้อมูลในไฟล์")])
    except _DuplicateKey as dup:
        raise DataError([Problem(shown_as, dup.line, _key_label(dup.node, dup.line, str(dup.key)) or str(dup.key),
                                 f"ชื่อช่อง '{dup.key}' ซ้ำกับบรรทัด {dup.first_line}: ให้ลบหรือรวมเป็นช่องเดียว")]) from None
    except yaml.YAMLError as error:
        raise DataError([_yaml_problem(shown_as, error, text)]) from None
    lines: dict[PathKey, int] = {}
    _record_lines(node, (), lines)
    return Document(shown_as, data, lines)
