"""Read the plan's YAML files safely, remembering where every value came from.

PyYAML's safe loader is used, with these changes: values are read as typed
(`0107` stays text, see _ReadAsTyped), work is bounded (depth, alias copies;
the file's size and kind in bcp.data_files), a duplicate key is an error
(PyYAML silently keeps the last one), and the line of every key and list item
is recorded so that any later error can name file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bcp.data_files import read_data_file
from bcp.model import MAX_ID_LENGTH
from bcp.problems import DataError, Problem

PathKey = tuple[str | int, ...]


def _is_label_id(value: object) -> bool:
    # A longer id is refused (bcp.model), and a message quotes no more of the file than it must.
    return isinstance(value, str) and len(value) <= MAX_ID_LENGTH


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
                if isinstance(item, dict) and _is_label_id(item.get("id")):
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


class _Refused(Exception):
    """Data that is not read (a duplicate key, too deep, too many alias copies, a tag...): a Thai message,
    and where: the field, or the node whose field is found once the document is there (`root`)."""

    def __init__(self, line: int, message: str, field: str = "", node: yaml.Node | None = None) -> None:
        self.line, self.message, self.field, self.node = line, message, field, node
        self.root: yaml.Node | None = None


# Limits no real plan comes near (the office's data: depth 7, no alias), so that a hostile or
# broken file is refused at once instead of exhausting memory or the stack.
MAX_DEPTH = 40
MAX_ALIAS_COPIES = 10_000  # values copied by all the *aliases of a file together
MAX_VALUES = 250_000  # a plan 50 times the office's has some 30,000 in its largest file

_TAG_REFUSED = ("มีแท็กที่ขึ้นต้นด้วย ! ซึ่งไม่รองรับ: ใช้ได้เฉพาะข้อความ ตัวเลข รายการ และ ชื่อช่อง: ค่า "
                "(ข้อความที่ขึ้นต้นด้วย ! ให้ครอบด้วยเครื่องหมายคำพูด)")
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"

# Characters no clerk types and no page can show: control characters (typed as "\0", "\e" ... in
# double quotes), lone surrogates ("\ud800"), non-characters, and the bidirectional overrides that
# make text read differently from what it is.
_FORBIDDEN_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")



class _Open:
    """A collection being composed: its node, its anchor, its size so far (aliases expanded)."""

    __slots__ = ("node", "anchor", "size", "key")

    def __init__(self, node: yaml.CollectionNode, anchor: str | None) -> None:
        self.node, self.anchor, self.size = node, anchor, 0
        self.key: yaml.Node | None = None  # of a mapping, waiting for its value

    @property
    def awaits_key(self) -> bool:
        return isinstance(self.node, yaml.MappingNode) and self.key is None

    def add(self, node: yaml.Node, size: int) -> None:
        self.size += size
        if isinstance(self.node, yaml.SequenceNode):
            self.node.value.append(node)
        elif self.key is None:
            self.key = node
        else:
            self.node.value.append((self.key, node))
            self.key = None


def _refuse_odd_node(event: yaml.NodeEvent, stack: list[_Open], values: int, line: int) -> None:
    """Refuse a value the plan never needs: too many, too deep, tagged, or a merge key."""
    if values > MAX_VALUES:
        raise _Refused(line, f"ไฟล์มีข้อมูลมากเกินไป (เกิน {MAX_VALUES:,} ค่า): ตรวจว่าเลือกไฟล์ถูกต้อง", _stack_label(stack))
    if event.tag not in (None, "!"):
        raise _Refused(line, f"รูปแบบ YAML ไม่ถูกต้อง: {_TAG_REFUSED}", _stack_label(stack))
    if isinstance(event, yaml.ScalarEvent):
        if stack and stack[-1].awaits_key and event.value == "<<" and event.implicit[0]:
            raise _Refused(line, "ไม่รองรับ << (การรวมช่องจากข้อมูลที่อ้างถึง): เขียนทุกช่องให้ครบในรายการนั้น",
                           _stack_label(stack))
    elif len(stack) >= MAX_DEPTH:
        raise _Refused(line, f"ข้อมูลซ้อนกันลึกเกิน {MAX_DEPTH} ชั้น: ตรวจย่อหน้าและวงเล็บ [ {{ ที่เปิดไว้", _stack_label(stack))


def _invisible_character(code: int) -> str:
    return (f"มีอักขระที่มองไม่เห็นหรือใช้ไม่ได้ (รหัส U+{code:04X}) ซึ่งมักติดมากับการคัดลอก"
            " หรือเขียนด้วย \\ ในเครื่องหมายคำพูด: ลบอักขระนั้นแล้วพิมพ์ข้อความใหม่")


class _ReadAsTyped(yaml.resolver.BaseResolver):
    """Mixed into a safe loader: every value is read as the author typed it, within bounds.

    YAML 1.1 (PyYAML's default) turns `0107` into 71, `3:08` into 188 and `no`
    into False.  Here a plain value is null (~, null, empty), true or false, and
    anything else is text: the models then read numbers and dates from the text
    (`bcp.model`), so an extension or a phone number keeps its leading zero.
    Keys are always text.  Nodes are composed without recursion, with limits on
    depth and on alias copies; duplicate keys, merge keys (<<) and tags are refused.
    """

    yaml_implicit_resolvers: dict = {}
    yaml_path_resolvers: dict = {}

    def get_single_node(self) -> yaml.Node | None:
        self.get_event()  # stream start
        node = None
        if not self.check_event(yaml.StreamEndEvent):
            start = self.get_event().start_mark  # document start
            node = self._compose_document()
            if not self.check_event(yaml.StreamEndEvent):
                event = self.get_event()
                raise yaml.composer.ComposerError("expected a single document in the stream", start,
                                                  "but found another document", event.start_mark)
        self.get_event()  # stream end
        return node

    def _compose_document(self) -> yaml.Node | None:
        stack: list[_Open] = []
        anchors: dict[str, yaml.Node] = {}
        sizes: dict[str, int] = {}  # of each anchored node once complete, aliases expanded
        copied = values = 0
        root = None
        while True:
            event = self.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, yaml.DocumentEndEvent):
                return root
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                done = stack.pop()
                node, size, anchor = done.node, done.size + 1, done.anchor
                node.end_mark = event.end_mark
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in anchors:
                    raise yaml.composer.ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
                if event.anchor not in sizes:  # its collection is still open: it would contain itself
                    raise _Refused(line, f"*{event.anchor} อ้างถึงข้อมูลที่ตัวมันเองอยู่ข้างใน (วนไม่รู้จบ): "
                                         "เขียนข้อมูลตรง ๆ แทนการอ้างถึง", _stack_label(stack))
                node, size, anchor = anchors[event.anchor], sizes[event.anchor], None
                copied += size
                if copied > MAX_ALIAS_COPIES:
                    raise _Refused(line, f"การอ้างถึงด้วย *ชื่อ (alias) คัดลอกข้อมูลเกิน {MAX_ALIAS_COPIES:,} ค่า: "
                                         "เขียนข้อมูลตรง ๆ แทนการอ้างถึงซ้ำ", _stack_label(stack))
            else:
                values += 1
                _refuse_odd_node(event, stack, values, line)
                anchor = event.anchor
                if anchor is not None and anchor in anchors:
                    raise yaml.composer.ComposerError("found duplicate anchor", anchors[anchor].start_mark,
                                                      "second occurrence", event.start_mark)
                if isinstance(event, yaml.ScalarEvent):
                    is_key = bool(stack) and stack[-1].awaits_key
                    tag = _STR if is_key else self.resolve(yaml.ScalarNode, event.value, event.implicit)
                    node, size = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style), 1
                    if anchor is not None:
                        anchors[anchor] = node
                else:
                    kind, tag = ((yaml.SequenceNode, _SEQ) if isinstance(event, yaml.SequenceStartEvent)
                                 else (yaml.MappingNode, _MAP))
                    node = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
                    if anchor is not None:
                        anchors[anchor] = node
                    stack.append(_Open(node, anchor))
                    continue
            if anchor is not None:
                sizes[anchor] = size
            if stack:
                stack[-1].add(node, size)
            else:
                root = node

    def construct_scalar(self, node: yaml.ScalarNode) -> str:
        value = super().construct_scalar(node)
        bad = _FORBIDDEN_CHARACTER.search(value)
        if bad:
            raise _Refused(node.start_mark.line + 1, _invisible_character(ord(bad.group())), node=node)
        return value

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(key_node.start_mark.line + 1,
                               "ชื่อช่องต้องเป็นข้อความ ไม่ใช่รายการหรือกลุ่มข้อมูล: ตรวจเครื่องหมาย ? [ { หน้าเครื่องหมาย :",
                               node=key_node)
            key = self.construct_object(key_node)
            first = seen.get(key)
            if first is not None:
                raise _Refused(key_node.start_mark.line + 1, f"ชื่อช่อง '{key}' ซ้ำกับบรรทัด {first}: ให้ลบหรือรวมเป็นช่องเดียว",
                               node=key_node)
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


# YAML 1.2's core schema for null and booleans; numbers, dates and times stay text.
_ReadAsTyped.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_ReadAsTyped.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


class _Loader(_ReadAsTyped, yaml.SafeLoader):
    """PyYAML's pure-Python parser: its error messages are the ones _YAML_HINTS knows."""


# libyaml's parser is some 10 times faster (a large plan's build spent most of
# its data time parsing YAML); the events, and so the values, are the same.
_FastLoader = type("_FastLoader", (_ReadAsTyped, yaml.CSafeLoader), {}) if yaml.__with_libyaml__ else _Loader


def _parse(loader_class: type, text: str) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        try:
            return node, (loader.construct_document(node) if node is not None else None)
        except _Refused as refused:
            refused.root = node  # to name the field
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


def _item_id(item: yaml.Node) -> str | None:
    """The `id: ...` of a list item written as a mapping, as Document.label names it."""
    if isinstance(item, yaml.MappingNode):
        for key, value in item.value:
            if isinstance(key, yaml.ScalarNode) and key.value == "id" and isinstance(value, yaml.ScalarNode):
                return value.value if _is_label_id(value.value) else None
    return None


_LABEL_PARTS = 6


def _stack_label(stack: list[_Open]) -> str:
    """The field being composed, from the collections still open, labelled like Document.label."""
    parts = []
    for depth, open_ in enumerate(stack):
        if isinstance(open_.node, yaml.SequenceNode):
            item = stack[depth + 1].node if depth + 1 < len(stack) else None
            parts.append((_item_id(item) if item is not None else None) or f"ลำดับที่ {len(open_.node.value) + 1}")
        elif open_.key is None:
            break  # at a key of this mapping
        else:
            parts.append(open_.key.value if isinstance(open_.key, yaml.ScalarNode) else "?")
    if len(parts) > _LABEL_PARTS:  # too deep to read anyway: where it starts and where it ends
        parts = parts[: _LABEL_PARTS // 2] + ["…"] + parts[-(_LABEL_PARTS // 2):]
    return " › ".join(parts)


def _node_label(root: yaml.Node | None, target: yaml.Node) -> str:
    """The field of `target` in the document (a key: the key's field), labelled like Document.label."""
    todo: list[tuple[yaml.Node, tuple[str, ...]]] = [(root, ())] if root is not None else []
    seen: set[int] = set()
    while todo:
        node, parts = todo.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                here = parts + ((key.value,) if isinstance(key, yaml.ScalarNode) else ())
                if key is target or value is target:
                    return " › ".join(here)
                todo.append((value, here))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                here = parts + (_item_id(item) or f"ลำดับที่ {index + 1}",)
                if item is target:
                    return " › ".join(here)
                todo.append((item, here))
    return ""


_ESCAPE_HINT = ("ในข้อความที่ครอบด้วย \" มีเครื่องหมาย \\ ที่ใช้ไม่ได้: เขียน \\ เป็น \\\\ "
                "หรือครอบข้อความด้วย ' แทน")
_SEVERAL_DOCUMENTS = ("ไฟล์มีบรรทัด --- หรือ ... ที่แบ่งข้อมูลเป็นหลายชุด: ไฟล์หนึ่งมีข้อมูลได้ชุดเดียว "
                      "ให้ลบบรรทัดนั้น (ข้อความที่ขึ้นต้นด้วย --- ให้ครอบด้วยเครื่องหมายคำพูด)")
_FLOW_HINT = "วงเล็บ [ ] หรือ { } เปิดแล้วไม่ได้ปิด หรือขาดเครื่องหมาย , ระหว่างรายการ"

# What PyYAML says, and what a clerk should do about it.  No English reaches a message:
# a problem not listed here gets _YAML_GENERIC.
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
    ("found duplicate anchor", "ตั้งชื่อ &ชื่อ ซ้ำกันสองแห่ง: เปลี่ยนชื่อแห่งหนึ่ง"),
    ("but found another document", _SEVERAL_DOCUMENTS),
    ("found unexpected document separator", _SEVERAL_DOCUMENTS),
    ("expected '<document start>'", _SEVERAL_DOCUMENTS),
    ("found unknown escape character", _ESCAPE_HINT),
    ("expected escape sequence", _ESCAPE_HINT),
    ("sequence entries are not allowed here", "เครื่องหมาย - (รายการ) อยู่ผิดที่: ย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า"),
    ("mapping keys are not allowed here", "เครื่องหมาย ? อยู่ผิดที่: ข้อความที่ขึ้นต้นด้วย ? ให้ครอบด้วยเครื่องหมายคำพูด"),
    ("expected ',' or ']'", _FLOW_HINT),
    ("expected ',' or '}'", _FLOW_HINT),
    ("while parsing a flow", _FLOW_HINT),
    ("while scanning an alias", "เครื่องหมาย * ต้องตามด้วยชื่อ: ข้อความที่ขึ้นต้นด้วย * ให้ครอบด้วยเครื่องหมายคำพูด"),
    ("while scanning an anchor", "เครื่องหมาย & ต้องตามด้วยชื่อ: ข้อความที่ขึ้นต้นด้วย & ให้ครอบด้วยเครื่องหมายคำพูด"),
    ("while scanning a block scalar", "หลังเครื่องหมาย | หรือ > ต้องขึ้นบรรทัดใหม่ แล้วย่อหน้าข้อความในบรรทัดถัดไป"),
    ("while scanning a directive", "บรรทัดที่ขึ้นต้นด้วย % ใช้ไม่ได้: ข้อความที่ขึ้นต้นด้วย % ให้ครอบด้วยเครื่องหมายคำพูด"),
    ("YAML directive", "บรรทัดที่ขึ้นต้นด้วย % ใช้ไม่ได้: ข้อความที่ขึ้นต้นด้วย % ให้ครอบด้วยเครื่องหมายคำพูด"),
    # Safe loading refuses every tag (e.g. !!python/object): only plain data is read.
    ("could not determine a constructor", _TAG_REFUSED),
    ("while scanning a tag", _TAG_REFUSED),
    ("while parsing a tag", _TAG_REFUSED),
    ("tag handle", _TAG_REFUSED),
)
_YAML_GENERIC = ("ตรวจย่อหน้า เครื่องหมาย : และ - เครื่องหมายคำพูด และวงเล็บ ในบรรทัดนี้และบรรทัดก่อนหน้า "
                 "(ข้อความที่มีเครื่องหมายพิเศษให้ครอบด้วยเครื่องหมายคำพูด)")


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
    if isinstance(error, yaml.reader.ReaderError) and isinstance(error.character, int):
        # A raw control character (NUL, ...): PyYAML gives its position in the text.
        line = source[: error.position].count("\n") + 1 if source else None
        return Problem(file, line, "", f"รูปแบบ YAML ไม่ถูกต้อง: {_invisible_character(error.character)}")
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else None
    text = str(getattr(error, "problem", "") or "")
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
    return Problem(file, line, "", f"รูปแบบ YAML ไม่ถูกต้อง: {_YAML_GENERIC}")


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


def read_yaml(path: Path, shown_as: str, folder: Path | None = None) -> Document:
    """Parse one file (which must lie in `folder`, by default its own); raise DataError with a Thai message
    when it cannot be read."""
    raw = read_data_file(path, shown_as, folder)
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
    except _Refused as refused:
        field = refused.field or (_node_label(refused.root, refused.node) if refused.node is not None else "")
        raise DataError([Problem(shown_as, refused.line, field, refused.message)]) from None
    except yaml.YAMLError as error:
        raise DataError([_yaml_problem(shown_as, error, text)]) from None
    lines: dict[PathKey, int] = {}
    _record_lines(node, (), lines)
    return Document(shown_as, data, lines)
