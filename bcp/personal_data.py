"""Personal data typed into free text, which the public edition must not publish.

The public edition (bcp.edition) removes names and numbers from where they
belong (people.yaml, approved_by, the data notes); what a clerk writes in a
step, a strategy, a team name or a revision note is published as typed.  This
scan reads every text the public edition publishes and finds a person's full
name or first name from people.yaml, a person's extension after "ต่อ", and
anything that looks like a Thai phone number, in Thai or Arabic digits and any
grouping ("081-234-5678", "๐ ๕๔๒๖ ๕๐๑๘", "+66 81 234 5678").  The office's
own number (plan.yaml, office.phone) is public and allowed anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from bcp.model import FILES
from bcp.plan import Plan
from bcp.problems import Problem
from bcp.thai import arabic_digits, normalize_phone, normalize_thai
from bcp.yaml_reading import Document, PathKey

# What the public edition leaves out by itself: the data notes, everything of a
# person but the position, the approver.  Not scanned.
_WITHHELD_FILES = {"notes.yaml"}
_WITHHELD_FIELDS = {("people.yaml", key) for key in ("id", "title", "first_name", "last_name", "extension", "mobile")} | {
    ("revisions.yaml", "approved_by")}

# Shorter first names are common syllables of ordinary words ("พร", "ชัย"): found only after a title.
_SHORT_NAME = 4
_TITLES = r"(?:นาย|นางสาว|นาง|น\.ส\.|คุณ|ดร\.|ผอ\.)"

# Digits grouped by spaces, dashes, dots or brackets, as numbers are written.
_SEPARATOR = "[ \t\u00a0.()\\-\u2010-\u2015\u2212]"
_NUMBER_RUN = re.compile(rf"(?:\+\s?66|\d)(?:{_SEPARATOR}{{0,2}}\d)*")
_GROUP = re.compile(r"\+\s?66|\d+")
_PHONE_LENGTHS = (9, 10)  # landline, mobile
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_EXTENSION = re.compile(r"ต่อ\s*(\d{2,5})(?!\d)")

_MESSAGE = "ฉบับเผยแพร่ต้องไม่มีข้อมูลส่วนบุคคล: พบ{what} ในข้อความนี้: {fix}"
_NAME_FIX = "ลบชื่อออก หรือเขียนเป็นตำแหน่งหรือทีมแทน"
_NUMBER_FIX = "ลบเบอร์ออก (เบอร์กลางของสำนักงานใน plan.yaml ใช้ได้)"


def _normal(text: str) -> str:
    return " ".join(normalize_thai(unicodedata.normalize("NFC", text)).split())


def _name_patterns(plan: Plan) -> list[tuple[tuple[re.Pattern, str], ...]]:
    """For each person, (pattern, name as shown) of the full name, then of the first name."""
    patterns = []
    for person in plan.people_file.people:
        first, last = _normal(person.first_name), _normal(person.last_name)
        before = "" if len(first) >= _SHORT_NAME else _TITLES
        patterns.append(((re.compile(rf"{re.escape(first)}\s*{re.escape(last)}"), f"{first} {last}"),
                         (re.compile(before + re.escape(first)), first)))
    return patterns


def _names_in(text: str, patterns: list[tuple[tuple[re.Pattern, str], ...]]) -> list[str]:
    """The names found in `text`: a person's full name, or else their first name."""
    return [next((shown for pattern, shown in person if pattern.search(text)), None) for person in patterns]


def _office_numbers(plan: Plan) -> set[str]:
    start, _, end = normalize_phone(plan.info.office.phone).partition("-")
    if not end:
        return {start}
    first = int(start[-len(end):])
    return {start[: -len(end)] + str(n).zfill(len(end)) for n in range(first, int(end) + 1)}


def phone_numbers(text: str) -> Iterator[tuple[str, str]]:
    """(as written, digits) of every run of digits in `text` that reads as a Thai phone number.

    A number starts with 0 (or +66) at the start of a group of digits and ends at the end of a
    group after 9 (landline) or 10 (mobile) digits: "0 5426 5018-21", "081-234-5678"."""
    plain = arabic_digits(text).translate(_FULL_WIDTH_DIGITS)  # one character for one: positions still hold
    for run in _NUMBER_RUN.finditer(plain):
        groups = list(_GROUP.finditer(run.group()))
        for index, group in enumerate(groups):
            if not (group.group().startswith(("0", "+"))):
                continue
            digits = ""
            for later in groups[index:]:
                digits += "0" if later.group().startswith("+") else later.group()
                if len(digits) in _PHONE_LENGTHS:
                    yield text[run.start() + group.start(): run.start() + later.end()], digits
                    break
                if len(digits) > max(_PHONE_LENGTHS):
                    break


def _published_texts(name: str, value: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if (name, key) not in _WITHHELD_FIELDS:
                yield from _published_texts(name, item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _published_texts(name, item, path + (index,))


def _documents(plan: Plan) -> dict[str, Document]:
    """The files as read; a plan made in Python (tests) is scanned as its models, without lines."""
    if plan.sources:
        return plan.sources
    from bcp.plan_loading import PLAN_FIELDS

    return {name: Document(name, getattr(plan, field).model_dump(mode="json")) for name, field in zip(FILES, PLAN_FIELDS)}


def personal_data_problems(plan: Plan) -> list[Problem]:
    """Every name or personal number in the texts the public edition publishes, as errors."""
    names = _name_patterns(plan)
    office = _office_numbers(plan)
    extensions = {p.extension for p in plan.people_file.people if p.extension}
    problems = []
    for name, doc in _documents(plan).items():
        if name in _WITHHELD_FILES:
            continue
        for path, raw in _published_texts(name, doc.data):
            text = _normal(raw)
            found = [f"ชื่อบุคคล '{shown}'" for shown in _names_in(text, names) if shown]
            found += [f"เบอร์โทรศัพท์ '{written}'" for written, digits in phone_numbers(text) if digits not in office]
            found += [f"เบอร์ต่อของบุคคล 'ต่อ {m.group(1)}'" for m in _EXTENSION.finditer(arabic_digits(text))
                      if m.group(1) in extensions]
            for what in found:
                fix = _NAME_FIX if what.startswith("ชื่อ") else _NUMBER_FIX
                problems.append(doc.problem(path, _MESSAGE.format(what=what, fix=fix)))
    return problems
