"""What changed in the plan between two Git revisions, in plain Thai, as Markdown.

The head of office approves a pull request from this summary without reading
YAML.  Both revisions' data files are read with `git show`, loaded and
validated, and the MODELS are compared, not the text: reordered keys, comments
and re-wrapped lines change nothing in the plan and print nothing.

Every section has a hand-written comparison for what a reader cares about
(people by name, roles, steps, recovery times, quantities); any other field
falls through to a generic comparison, so no change to the data goes unreported.
"""

from __future__ import annotations

import dataclasses
import difflib
import subprocess
import tempfile
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from bcp.plan_loading import PLAN_FIELDS as _PLAN_FIELDS  # Plan attribute of each file, in FILES order
from bcp import data_dir, load_plan, thai
from bcp import model as m
from bcp.model import FILES
from bcp.plan import Plan
from bcp.problems import DataError

# --- reading a revision's data -----------------------------------------------


class DiffError(Exception):
    """The comparison cannot run at all (no Git, unknown revision): a Thai message."""


class MissingData(Exception):
    """The revision exists but has no data folder (a plan's first commit)."""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True)
    except FileNotFoundError:
        raise DiffError("ไม่พบโปรแกรม git: ติดตั้ง Git ก่อนใช้คำสั่ง bcp diff") from None


def repo_root(start: Path) -> Path:
    result = _git(start, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        raise DiffError(f"โฟลเดอร์ {start} ไม่ได้อยู่ในที่เก็บ Git (git repository): เปิดคำสั่งในโฟลเดอร์ของแผน")
    return Path(result.stdout.decode().strip())


def data_path_in_repo(root: Path, folder: Path) -> str:
    """The data folder as a path inside the repository ("data")."""
    absolute = folder if folder.is_absolute() else Path.cwd() / folder
    try:
        return absolute.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise DiffError(f"โฟลเดอร์ข้อมูล {folder} ไม่ได้อยู่ในที่เก็บ Git {root}") from None


def commit_of(root: Path, rev: str) -> str:
    result = _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if result.returncode != 0:
        raise DiffError(f"ไม่พบ revision '{rev}' ใน Git: ใช้ชื่อ branch, tag หรือ commit ที่มีอยู่ เช่น HEAD~1 หรือ origin/main")
    return result.stdout.decode().strip()


def plan_at(root: Path, commit: str, data_rel: str) -> Plan:
    """Load and validate the plan as it was at `commit`.

    Raises MissingData when the commit has no data files, DataError (file names
    as in the repository, e.g. data/people.yaml) when its data is invalid."""
    prefix = f"{data_rel}/" if data_rel not in ("", ".") else ""
    with tempfile.TemporaryDirectory(prefix="bcp-diff-") as tmp:
        found = 0
        for name in FILES:
            result = _git(root, "show", f"{commit}:{prefix}{name}")
            if result.returncode == 0:
                (Path(tmp) / name).write_bytes(result.stdout)
                found += 1
        if not found:
            raise MissingData(data_rel)
        try:
            return load_plan(tmp)
        except DataError as error:
            shown = [dataclasses.replace(p, file=p.file.replace(str(Path(tmp)), data_rel or ".")) for p in error.problems]
            raise DataError(shown) from None


# --- the summary's shape -----------------------------------------------------


@dataclass
class Change:
    text: str
    details: list[str] = field(default_factory=list)


@dataclass
class Section:
    title: str
    changes: list[Change]


_MD_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_[]|~"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def esc(text: object) -> str:
    """Data as literal Markdown text on one line (a pull-request comment)."""
    return " ".join(str(text).split()).translate(_MD_SPECIALS)


def short(text: str, limit: int = 80) -> str:
    """The start of a long text, cut at a space, to name a step or an item."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    if cut <= limit * 2 // 3:
        # Thai runs long without spaces: cut between words (PyThaiNLP's dictionary segmenter).
        from pythainlp.tokenize import word_tokenize

        cut = 0
        for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
            if cut + len(word) > limit:
                break
            cut += len(word)
        cut = cut or limit  # one "word" longer than the limit (a URL)
    return text[:cut].rstrip() + "…"


def _moved(old_order: Sequence[Hashable], new_order: Sequence[Hashable]) -> list[Hashable]:
    """Items kept in both orders whose position relative to the others changed."""
    old_set, new_set = set(old_order), set(new_order)
    common_old = [k for k in old_order if k in new_set]
    common_new = [k for k in new_order if k in old_set]
    matcher = difflib.SequenceMatcher(None, common_old, common_new, autojunk=False)
    stable = {k for block in matcher.get_matching_blocks() for k in common_new[block.b: block.b + block.size]}
    return [k for k in common_new if k not in stable]


def _keyed(old: Sequence, new: Sequence, key: Callable[[Any], Hashable], pair_leftovers: bool = False):
    """Match list items by key: (added, removed, [(old, new)]).

    With pair_leftovers, one unmatched old item and one unmatched new item at the
    same place are taken as the same row renamed (rows keyed by their text)."""
    old_keys = {key(item): item for item in old}
    new_keys = {key(item): item for item in new}
    pairs = [(old_keys[k], item) for k, item in new_keys.items() if k in old_keys]
    removed = [item for k, item in old_keys.items() if k not in new_keys]
    added = [item for k, item in new_keys.items() if k not in old_keys]
    if pair_leftovers and removed and added:
        single = len(removed) == len(added) == 1
        for old_item, new_item in list(zip(removed, added)):
            if single or old.index(old_item) == new.index(new_item):
                pairs.append((old_item, new_item))
                removed.remove(old_item)
                added.remove(new_item)
    return added, removed, pairs


# Thai names of data fields, for the generic comparison.
FIELD_LABELS = {
    "title": "หัวข้อ", "title_en": "ชื่อภาษาอังกฤษ", "name": "ชื่อ", "phone": "เบอร์โทรศัพท์", "address": "ที่อยู่",
    "date": "วันที่", "version": "ฉบับที่", "introduction": "บทนำ", "id": "รหัส (id)",
    "incidents": "เหตุการณ์", "impacts": "ผลกระทบ", "resource_analysis": "ข้อความการวิเคราะห์ทรัพยากร",
    "impact_areas": "ด้านผลกระทบ", "definition": "คำอธิบาย",
    "first_name": "ชื่อ", "last_name": "นามสกุล", "position": "ตำแหน่ง", "extension": "เบอร์ต่อ", "mobile": "เบอร์มือถือ",
    "resource": "ทรัพยากร", "measures": "มาตรการ", "text": "ข้อความ", "highlight": "ข้อความที่เน้น",
    "urgency": "ความเร่งด่วน", "recovery": "ระยะเวลาฟื้นคืน",
    "requirement": "ความต้องการ", "source": "แหล่งที่มา", "windows": "ช่วงเวลา", "item": "รายการ", "unit": "หน่วย",
    "quantities": "จำนวน", "notes": "หมายเหตุ", "counts": "จำนวน", "note_mark": "เครื่องหมายหมายเหตุ (*)",
    "items": "หัวข้อย่อย", "responsible": "ผู้รับผิดชอบ", "scope": "ขอบเขต", "teams": "ทีม",
    "parts": "ส่วน", "specify": "ระบุ", "answer": "คำตอบ", "evidence": "หลักฐาน (evidence)",
    "priorities": "ส่วนประเด็นที่คณะกรรมการสอบถาม", "resolution_date": "วันที่มติ", "e_service": "ระบบ e-Service",
    "digital_title": "หัวข้อระบบดิจิทัล", "digital_current": "ระบบดิจิทัลที่ใช้อยู่", "digital_planned": "ระบบดิจิทัลที่วางแผนไว้",
    "infrastructure": "โครงสร้างพื้นฐาน", "question": "คำถาม", "rows": "แถว", "task": "ภารกิจ/งาน", "system": "ระบบ",
    "heading": "หัวตาราง", "services": "บริการ", "continuous": "บริการได้ต่อเนื่องไม่หยุดชะงัก",
    "max_downtime": "หยุดชะงักไม่เกิน", "topic": "เรื่อง", "decision": "สิ่งที่ตัดสินใจ", "where": "แก้ที่ไฟล์",
    "confirmed": "สถานะการยืนยัน", "changes": "สิ่งที่เปลี่ยนแปลง", "approved_by": "ผู้อนุมัติ",
    "amount": "จำนวน", "role": "บทบาท", "primary": "บุคลากรหลัก", "backup": "บุคลากรสำรอง",
}
_UNITS = {"hour": "ชั่วโมง", "day": "วัน", "week": "สัปดาห์", "month": "เดือน"}
_SCOPES = {"lead": "หัวหน้าทีม", "team": "ทีมงาน", "lead_and_team": "หัวหน้าและทีมงาน"}
_ROLE_KINDS = {"lead": "หัวหน้าทีม", "member": "ทีมงาน"}


# --- comparing two plans -----------------------------------------------------


class Differ:
    def __init__(self, old: Plan, new: Plan) -> None:
        self.old, self.new = old, new
        self.thai_digits = new.thai_digits

    # --- formatting ----------------------------------------------------------

    def d(self, value: object) -> str:
        return thai.digits(value, self.thai_digits)

    def date(self, value) -> str:
        return thai.thai_date(value, self.thai_digits)

    def phone(self, value: str | None) -> str:
        try:
            return thai.format_phone(value, self.thai_digits)
        except ValueError:
            return self.d(value)

    @staticmethod
    def q(text: object) -> str:
        return f"“{esc(text)}”"

    def person(self, plan: Plan, person_id: str | None) -> str:
        if person_id is None:
            return "(ไม่มี)"
        person = plan.people.get(person_id)
        return esc(person.full_name) if person else esc(person_id)

    def window(self, plan: Plan, window_id: str) -> str:
        return self.d(plan.window_label(window_id)) if window_id in plan.windows else esc(window_id)

    def team(self, plan: Plan, team_id: str) -> str:
        team = plan.teams.get(team_id)
        return f"ทีม{esc(team.name)}" if team else esc(team_id)

    def phase(self, plan: Plan, phase: m.Phase) -> str:
        return f"ระยะ{self.d(plan.phase_label(phase))}"

    def responsible(self, plan: Plan, step: m.Step) -> str:
        labels = []
        for r in step.responsible:
            try:
                labels.append(plan.responsible_label(r))
            except KeyError:
                labels.append(r.team or r.unit or "")
        return esc(", ".join(labels))

    def changed(self, label: str, old: Any, new: Any, fmt: Callable[[Any], str] | None = None) -> list[Change]:
        """"label เปลี่ยนจาก a เป็น b"; long texts as before/after lines."""
        if old == new:
            return []
        fmt = fmt or self.q
        if old is None:
            return [Change(f"เพิ่ม{label}: {fmt(new)}")]
        if new is None:
            return [Change(f"ลบ{label} (เดิม {fmt(old)})")]
        a, b = fmt(old), fmt(new)
        if len(a) + len(b) > 90:
            return [Change(f"แก้ไข{label}", [f"เดิม: {a}", f"ใหม่: {b}"])]
        return [Change(f"{label} เปลี่ยนจาก {a} เป็น {b}")]

    def texts(self, label: str, old: Sequence[str], new: Sequence[str]) -> list[Change]:
        """A list of texts (paragraphs, objectives, sub-items): added, removed, reworded."""
        out: list[Change] = []
        matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and i2 - i1 == j2 - j1:
                for offset in range(i2 - i1):
                    out.append(Change(f"แก้ไข{label} ข้อที่ {self.d(j1 + offset + 1)}",
                                      [f"เดิม: {self.q(old[i1 + offset])}", f"ใหม่: {self.q(new[j1 + offset])}"]))
                continue
            out.extend(Change(f"ลบ{label}: {self.q(text)}") for text in old[i1:i2])
            out.extend(Change(f"เพิ่ม{label} (ข้อที่ {self.d(j1 + k + 1)}): {self.q(text)}") for k, text in enumerate(new[j1:j2]))
        return out

    # --- generic comparison (every field not compared by hand) ----------------

    def rest(self, where: str, old: BaseModel, new: BaseModel, handled: Iterable[str]) -> list[Change]:
        """The generic comparison of every field of `old`/`new` not in `handled`."""
        out: list[Change] = []
        handled = set(handled)
        for name in type(new).model_fields:
            if name not in handled:
                self.generic(self.join(where, FIELD_LABELS.get(name, name)), getattr(old, name), getattr(new, name), name, out)
        return out

    @staticmethod
    def join(where: str, label: str) -> str:
        return f"{where} › {label}" if where else label

    def scalar(self, plan: Plan, value: Any, name: str) -> str:
        if value is None:
            return "ไม่ได้ตอบ" if name == "answer" else "(ไม่ระบุ)"
        if isinstance(value, bool):
            yes_no = {"answer": ("มี", "ไม่มี"), "confirmed": ("ยืนยันแล้ว", "รอยืนยัน"), "note_mark": ("มี", "ไม่มี")}
            return yes_no.get(name, ("ใช่", "ไม่ใช่"))[0 if value else 1]
        if hasattr(value, "year"):
            return self.date(value)
        if isinstance(value, int):
            return self.d(value)
        if name in ("primary", "backup", "bcp_head"):
            return self.person(plan, value)
        if name in ("windows", "recovery"):
            return self.window(plan, value)
        if name in ("area", "impacts"):
            area = plan.impact_areas.get(value)
            return esc(area.name) if area else esc(value)
        if name == "urgency":
            level = plan.urgency.get(value)
            return esc(level.name) if level else esc(value)
        if name == "teams":
            return self.team(plan, value)
        if name in ("phone", "mobile"):
            return self.phone(value)
        if name == "extension":
            return self.d(value)
        if name == "unit" and value in _UNITS:
            return _UNITS[value]
        if name == "scope" and value in _SCOPES:
            return _SCOPES[value]
        if name == "role" and value in _ROLE_KINDS:
            return _ROLE_KINDS[value]
        if name == "digits":
            return {"thai": "เลขไทย", "arabic": "เลขอารบิก"}.get(value, esc(value))
        return self.q(value)

    def summary(self, plan: Plan, item: Any) -> str:
        """How a list item is named in a sentence."""
        if isinstance(item, m.Person):
            return esc(item.full_name)
        if isinstance(item, m.Revision):
            return f"ฉบับที่ {self.d(esc(item.version))}"
        if isinstance(item, m.TimeWindow):
            return f"{self.d(item.amount)} {_UNITS[item.unit]}"
        if isinstance(item, m.Role):
            return f"{_ROLE_KINDS[item.role]} {self.person(plan, item.primary)}"
        if isinstance(item, m.Strategy):
            return self.scalar(plan, item.area, "area")
        for attr in ("name", "title", "topic", "item", "requirement", "task", "question", "text", "role", "source"):
            value = getattr(item, attr, None)
            if isinstance(value, str):
                return self.q(short(value))
        if isinstance(item, BaseModel):
            return self.q(short(", ".join(str(v) for v in item.model_dump().values() if v)))
        return self.scalar(plan, item, "")

    def generic(self, where: str, old: Any, new: Any, name: str, out: list[Change]) -> None:
        if old == new:
            return
        if isinstance(old, BaseModel) and isinstance(new, BaseModel) and type(old) is type(new):
            out.extend(self.rest(where, old, new, ()))
        elif isinstance(old, list) and isinstance(new, list):
            self.generic_list(where, old, new, name, out)
        elif isinstance(old, dict) and isinstance(new, dict):
            for key in [*old, *(k for k in new if k not in old)]:
                label = self.window(self.new, key) if key in self.new.windows or key in self.old.windows else esc(key)
                self.generic(self.join(where, label), old.get(key), new.get(key), name, out)
        else:
            a, b = self.scalar(self.old, old, name), self.scalar(self.new, new, name)
            if a != b:
                if len(a) + len(b) > 90:
                    out.append(Change(f"แก้ไข{where}", [f"เดิม: {a}", f"ใหม่: {b}"]))
                else:
                    out.append(Change(f"{where} เปลี่ยนจาก {a} เป็น {b}"))

    def generic_list(self, where: str, old: list, new: list, name: str, out: list[Change]) -> None:
        items = old + new
        if items and all(isinstance(i, BaseModel) and "id" in type(i).model_fields for i in items):
            added, removed, pairs = _keyed(old, new, lambda i: i.id)
            out.extend(Change(f"{where}: ลบ {self.summary(self.old, i)}") for i in removed)
            out.extend(Change(f"{where}: เพิ่ม {self.summary(self.new, i)}") for i in added)
            for o, n in pairs:
                self.generic(f"{where} {self.summary(self.new, n)}", o, n, name, out)
            moved = _moved([i.id for i in old], [i.id for i in new])
            if moved:
                names = ", ".join(self.summary(self.new, i) for i in new if i.id in moved)
                out.append(Change(f"{where}: ย้ายลำดับ {names}"))
            return
        key = (lambda i: i.model_dump_json()) if items and isinstance(items[0], BaseModel) else (lambda i: i)
        matcher = difflib.SequenceMatcher(None, [key(i) for i in old], [key(i) for i in new], autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and i2 - i1 == j2 - j1:
                for o, n in zip(old[i1:i2], new[j1:j2]):
                    if isinstance(o, BaseModel):
                        self.generic(f"{where} {self.summary(self.old, o)}", o, n, name, out)
                    else:
                        self.generic(where, o, n, name, out)
                continue
            out.extend(Change(f"{where}: ลบ {self.summary(self.old, i)}") for i in old[i1:i2])
            out.extend(Change(f"{where}: เพิ่ม {self.summary(self.new, i)}") for i in new[j1:j2])

    # --- sections ------------------------------------------------------------

    def sections(self) -> list[Section]:
        parts = [
            ("ข้อมูลทั่วไป", self.info),
            ("ขอบเขตและผลกระทบ", self.scope),
            ("บุคลากร", self.people),
            ("ทีมงาน", self.teams),
            ("กลยุทธ์", self.strategies),
            ("การวิเคราะห์ผลกระทบทางธุรกิจ (BIA)", self.bia),
            ("ทรัพยากร", self.resources),
            ("ขั้นตอน", self.procedure),
            ("แบบตรวจสอบ", self.checklist),
            ("บันทึกการตัดสินใจเรื่องข้อมูล", self.notes),
            ("ประวัติการแก้ไขและการทบทวน", self.revisions),
        ]
        result = [Section(title, changes) for title, compare in parts if (changes := compare())]
        # Safety net: a file whose content changed says so even if no rule above put it in words.
        titles = {s.title for s in result}
        for (name, _), attr in zip(FILES.items(), _PLAN_FIELDS):
            title = _SECTION_OF_FILE.get(name, name)
            if title not in titles and _content(getattr(self.old, attr)) != _content(getattr(self.new, attr)):
                result.append(Section(title, [Change(f"มีการแก้ไขในไฟล์ {name}")]))
        return result

    def info(self) -> list[Change]:
        o, n = self.old.info, self.new.info
        out: list[Change] = []
        for label, a, b, fmt in (
            ("ชื่อแผน", o.title, n.title, None),
            ("ชื่อแผนภาษาอังกฤษ", o.title_en, n.title_en, None),
            ("ชื่อหน่วยงาน", o.office.name, n.office.name, None),
            ("เบอร์โทรศัพท์สำนักงาน", o.office.phone, n.office.phone, self.phone),
            ("ที่อยู่สำนักงาน", o.office.address, n.office.address, None),
            ("ผู้จัดทำ", o.author_unit, n.author_unit, None),
            ("วันที่ของแผน", o.date, n.date, self.date),
            ("ฉบับที่ของแผน", o.version, n.version, lambda v: self.d(esc(v))),
            ("สถานที่ปฏิบัติงานสำรอง", o.alternate_site.name, n.alternate_site.name, None),
            ("ที่อยู่สถานที่ปฏิบัติงานสำรอง", o.alternate_site.address, n.alternate_site.address, None),
            ("ข้อความนำสมมติฐาน", o.assumptions_intro, n.assumptions_intro, None),
        ):
            out += self.changed(label, a, b, fmt)
        out += self.changed("รูปแบบตัวเลข", o.digits, n.digits, lambda v: self.scalar(self.new, v, "digits"))
        out += self.texts("ย่อหน้าในบทนำ", o.introduction, n.introduction)
        out += self.texts("วัตถุประสงค์", o.objectives, n.objectives)
        out += self.texts("สมมติฐาน", o.assumptions, n.assumptions)

        added, removed, pairs = _keyed(o.time_windows, n.time_windows, lambda w: w.id)
        out += [Change(f"ลบช่วงเวลา {self.summary(self.old, w)}") for w in removed]
        out += [Change(f"เพิ่มช่วงเวลา {self.summary(self.new, w)}") for w in added]
        out += [Change(f"ช่วงเวลา {self.summary(self.old, a)} เปลี่ยนเป็น {self.summary(self.new, b)}") for a, b in pairs if a != b]
        if _moved([w.id for w in o.time_windows], [w.id for w in n.time_windows]):
            out.append(Change("ลำดับช่วงเวลาเปลี่ยนเป็น " + ", ".join(self.summary(self.new, w) for w in n.time_windows)))

        added, removed, pairs = _keyed(o.urgency_levels, n.urgency_levels, lambda u: u.id)
        out += [Change(f"ลบระดับความเร่งด่วน {self.q(u.name)}") for u in removed]
        out += [Change(f"เพิ่มระดับความเร่งด่วน {self.q(u.name)}") for u in added]
        out += [Change(f"ระดับความเร่งด่วน {self.q(a.name)} เปลี่ยนชื่อเป็น {self.q(b.name)}") for a, b in pairs if a.name != b.name]
        if _moved([u.id for u in o.urgency_levels], [u.id for u in n.urgency_levels]):
            out.append(Change("ลำดับระดับความเร่งด่วนเปลี่ยนเป็น " + ", ".join(self.q(u.name) for u in n.urgency_levels)))

        office_fields = {"office", "alternate_site"}
        out += self.rest("", o.office, n.office, ("name", "phone", "address"))
        out += self.rest("สถานที่ปฏิบัติงานสำรอง", o.alternate_site, n.alternate_site, ("name", "address"))
        out += self.rest("", o, n, {"title", "title_en", "author_unit", "date", "version", "digits", "introduction",
                                    "objectives", "assumptions_intro", "assumptions", "time_windows",
                                    "urgency_levels"} | office_fields)
        return out

    def scope(self) -> list[Change]:
        o, n = self.old.scope, self.new.scope
        out = self.changed("ข้อความนำขอบเขตของแผน", o.introduction, n.introduction)
        out += self.changed("ข้อความการวิเคราะห์ทรัพยากร", o.resource_analysis, n.resource_analysis)
        added, removed, pairs = _keyed(o.incidents, n.incidents, lambda i: i.id)
        area = lambda plan, a: self.scalar(plan, a, "area")  # noqa: E731
        out += [Change(f"ลบเหตุการณ์ {self.q(i.name)} ออกจากขอบเขตของแผน") for i in removed]
        out += [Change(f"เพิ่มเหตุการณ์ {self.q(i.name)} ในขอบเขตของแผน (ผลกระทบ: "
                       f"{', '.join(area(self.new, a) for a in i.impacts)})") for i in added]
        for a, b in pairs:
            out += self.changed(f"ชื่อเหตุการณ์", a.name, b.name)
            gained = [area(self.new, x) for x in b.impacts if x not in a.impacts]
            lost = [area(self.old, x) for x in a.impacts if x not in b.impacts]
            if gained:
                out.append(Change(f"เหตุการณ์ {self.q(b.name)} มีผลกระทบเพิ่ม: {', '.join(gained)}"))
            if lost:
                out.append(Change(f"เหตุการณ์ {self.q(b.name)} ไม่มีผลกระทบต่อไปนี้แล้ว: {', '.join(lost)}"))
        if _moved([i.id for i in o.incidents], [i.id for i in n.incidents]):
            out.append(Change("ลำดับเหตุการณ์เปลี่ยนเป็น " + ", ".join(self.q(i.name) for i in n.incidents)))
        out += self.rest("", o, n, ("introduction", "resource_analysis", "incidents"))
        return out

    def people(self) -> list[Change]:
        out: list[Change] = []
        added, removed, pairs = _keyed(self.old.people_file.people, self.new.people_file.people, lambda p: p.id)

        def described(p: m.Person) -> str:
            parts = [esc(p.full_name)]
            if p.position:
                parts.append(f"ตำแหน่ง{esc(p.position)}")
            if p.extension:
                parts.append(f"เบอร์ต่อ {self.d(p.extension)}")
            if p.mobile:
                parts.append(f"มือถือ {self.phone(p.mobile)}")
            return " ".join(parts)

        out += [Change(f"ลบบุคลากร: {described(p)}") for p in removed]
        out += [Change(f"เพิ่มบุคลากร: {described(p)}") for p in added]
        for a, b in pairs:
            name = esc(b.full_name)
            if a.full_name != b.full_name:
                out.append(Change(f"ชื่อของ {esc(a.full_name)} เปลี่ยนเป็น {name}"))
            out += self.changed(f"ตำแหน่งของ {name}", a.position, b.position, esc)
            out += self.changed(f"เบอร์ต่อของ {name}", a.extension, b.extension, self.d)
            out += self.changed(f"เบอร์มือถือของ {name}", a.mobile, b.mobile, self.phone)
            out += self.rest(name, a, b, ("id", "title", "first_name", "last_name", "position", "extension", "mobile"))
        # The order of people.yaml is not part of the plan: people appear in teams and steps.
        out += self.rest("", self.old.people_file, self.new.people_file, ("people",))
        return out

    def teams(self) -> list[Change]:
        o, n = self.old.teams_file, self.new.teams_file
        out = self.texts("ย่อหน้าในบทนำทีมงาน", o.introduction, n.introduction)
        for kind in ("lead", "member"):
            out += self.changed(f"ชื่อเรียก{_ROLE_KINDS[kind]}", o.role_names.get(kind), n.role_names.get(kind))
        if o.bcp_head != n.bcp_head:
            out += self.changed("หัวหน้าคณะบริหารความต่อเนื่องของหน่วยงาน", self.person(self.old, o.bcp_head),
                                self.person(self.new, n.bcp_head), str)

        def roles_text(plan: Plan, team: m.Team) -> list[str]:
            return [f"{_ROLE_KINDS[r.role]}: {self.person(plan, r.primary)} (สำรอง: {self.person(plan, r.backup)})" for r in team.roles]

        added, removed, pairs = _keyed(o.teams, n.teams, lambda t: t.id)
        out += [Change(f"ลบ{self.team(self.old, t.id)}", roles_text(self.old, t)) for t in removed]
        out += [Change(f"เพิ่ม{self.team(self.new, t.id)}", roles_text(self.new, t)) for t in added]
        for a, b in pairs:
            if a.name != b.name:
                out.append(Change(f"ชื่อ{self.team(self.old, a.id)} เปลี่ยนเป็น {self.q(b.name)}"))
            out += self.roles(self.team(self.new, b.id), a, b)
            out += self.rest(self.team(self.new, b.id), a, b, ("id", "name", "roles"))
        if _moved([t.id for t in o.teams], [t.id for t in n.teams]):
            out.append(Change("ลำดับทีมเปลี่ยนเป็น " + ", ".join(self.team(self.new, t.id) for t in n.teams)
                              + " (เลขตารางของทีมเปลี่ยนตาม)"))

        added, removed, pairs = _keyed(o.units, n.units, lambda u: u.id)
        out += [Change(f"ลบหน่วยงานผู้รับผิดชอบ {self.q(u.name)}") for u in removed]
        out += [Change(f"เพิ่มหน่วยงานผู้รับผิดชอบ {self.q(u.name)}") for u in added]
        for a, b in pairs:
            out += self.changed("ชื่อหน่วยงานผู้รับผิดชอบ", a.name, b.name)
            old_teams = [self.team(self.old, t) for t in a.teams]
            new_teams = [self.team(self.new, t) for t in b.teams]
            if a.teams != b.teams and old_teams != new_teams:
                out.append(Change(f"ทีมที่ทำงานแทนหน่วยงาน {self.q(b.name)} เปลี่ยนจาก "
                                  f"{', '.join(old_teams) or '(ไม่มี)'} เป็น {', '.join(new_teams) or '(ไม่มี)'}"))
        out += self.rest("", o, n, ("introduction", "role_names", "bcp_head", "teams", "units"))
        return out

    def roles(self, team: str, old: m.Team, new: m.Team) -> list[Change]:
        """Roles have no id: match them by primary person, then the lead, then the backup."""
        old_name = lambda pid: self.person(self.old, pid)  # noqa: E731
        new_name = lambda pid: self.person(self.new, pid)  # noqa: E731
        old_left, new_left = list(old.roles), list(new.roles)
        pairs: list[tuple[m.Role, m.Role]] = []

        def match(same: Callable[[m.Role, m.Role], bool]) -> None:
            for a in list(old_left):
                b = next((b for b in new_left if same(a, b)), None)
                if b is not None:
                    pairs.append((a, b))
                    old_left.remove(a)
                    new_left.remove(b)

        match(lambda a, b: a.primary == b.primary)
        match(lambda a, b: old_name(a.primary) == new_name(b.primary))
        match(lambda a, b: a.role == b.role == "lead")
        match(lambda a, b: a.role == b.role and a.backup is not None and old_name(a.backup) == new_name(b.backup))
        out: list[Change] = []
        for a in old_left:
            out.append(Change(f"{team}: นำ {old_name(a.primary)} ออกจาก{_ROLE_KINDS[a.role]} (ผู้สำรองเดิม: {old_name(a.backup)})"))
        for b in new_left:
            out.append(Change(f"{team}: เพิ่ม {new_name(b.primary)} เป็น{_ROLE_KINDS[b.role]} (ผู้สำรอง: {new_name(b.backup)})"))
        for a, b in pairs:
            kind = _ROLE_KINDS[b.role]
            if a.role != b.role:
                out.append(Change(f"{team}: {new_name(b.primary)} เปลี่ยนจาก{_ROLE_KINDS[a.role]}เป็น{kind}"))
            if a.primary != b.primary and old_name(a.primary) != new_name(b.primary):
                out.append(Change(f"{team}: {kind} (บุคลากรหลัก) เปลี่ยนจาก {old_name(a.primary)} เป็น {new_name(b.primary)}"))
            if a.backup != b.backup and old_name(a.backup) != new_name(b.backup):
                out.append(Change(f"{team}: ผู้สำรองของ {new_name(b.primary)} ({kind}) เปลี่ยนจาก "
                                  f"{old_name(a.backup)} เป็น {new_name(b.backup)}"))
        order_old = [old_name(r.primary) for r in old.roles]
        order_new = [new_name(r.primary) for r in new.roles]
        if not old_left and not new_left and _moved(order_old, order_new):
            out.append(Change(f"{team}: ลำดับรายชื่อเปลี่ยนเป็น {', '.join(order_new)}"))
        return out

    def strategies(self) -> list[Change]:
        out: list[Change] = []
        o, n = self.old.strategies, self.new.strategies
        area = lambda plan, s: self.scalar(plan, s.area, "area")  # noqa: E731
        measure = lambda b: b.text + (f" {b.highlight}" if b.highlight else "")  # noqa: E731
        added, removed, pairs = _keyed(o, n, lambda s: s.area)
        out += [Change(f"ลบกลยุทธ์{area(self.old, s)}") for s in removed]
        out += [Change(f"เพิ่มกลยุทธ์{area(self.new, s)} ({esc(s.resource)})", [self.q(measure(b)) for b in s.measures]) for s in added]
        for a, b in pairs:
            label = area(self.new, b)
            out += self.changed(f"ชื่อทรัพยากรของกลยุทธ์{label}", a.resource, b.resource)
            out += self.texts(f"มาตรการ{label}", [measure(x) for x in a.measures], [measure(x) for x in b.measures])
            out += self.rest(f"กลยุทธ์{label}", a, b, ("area", "resource", "measures"))
        if _moved([s.area for s in o], [s.area for s in n]):
            out.append(Change("ลำดับกลยุทธ์เปลี่ยนเป็น " + ", ".join(area(self.new, s) for s in n)))
        out += self.rest("", self.old.strategies_file, self.new.strategies_file, ("strategies",))
        return out

    def bia(self) -> list[Change]:
        o, n = self.old.bia, self.new.bia
        out = self.changed("ข้อความนำ BIA", o.introduction, n.introduction)
        urgency = lambda plan, p: self.scalar(plan, p.urgency, "urgency")  # noqa: E731
        recovery = lambda plan, p: self.window(plan, p.recovery)  # noqa: E731
        added, removed, pairs = _keyed(o.processes, n.processes, lambda p: p.id)
        out += [Change(f"ลบกระบวนการ {self.q(p.name)}") for p in removed]
        out += [Change(f"เพิ่มกระบวนการ {self.q(p.name)} (ความเร่งด่วน{urgency(self.new, p)} "
                       f"ฟื้นคืนภายใน {recovery(self.new, p)})") for p in added]
        for a, b in pairs:
            name = self.q(b.name)
            out += self.changed("ชื่อกระบวนการ", a.name, b.name)
            # References are compared by id: renaming a level or a window is said once, where it is defined.
            if a.urgency != b.urgency:
                out += self.changed(f"ความเร่งด่วนของกระบวนการ {name}", urgency(self.old, a), urgency(self.new, b), str)
            if a.recovery != b.recovery:
                out += self.changed(f"ระยะเวลาเป้าหมายในการฟื้นคืนของกระบวนการ {name}", recovery(self.old, a), recovery(self.new, b), str)
            out += self.rest(f"กระบวนการ {name}", a, b, ("id", "name", "urgency", "recovery"))
        if _moved([p.id for p in o.processes], [p.id for p in n.processes]):
            out.append(Change("ลำดับกระบวนการเปลี่ยนเป็น " + ", ".join(self.q(p.name) for p in n.processes)))
        out += self.rest("", o, n, ("introduction", "processes"))
        return out

    def resources(self) -> list[Change]:
        o, n = self.old.resources, self.new.resources
        out: list[Change] = []

        def windows(plan: Plan, ids: list[str]) -> str:
            return ", ".join(self.window(plan, w) for w in ids) or "(ไม่มี)"

        def counts(label: str, a: dict, b: dict, unit: str) -> list[Change]:
            changes = []
            for w in [*b, *(k for k in a if k not in b)]:
                if a.get(w) != b.get(w):
                    fmt = lambda v: "ไม่ระบุ" if v is None else f"{self.d(v)} {unit}".strip()  # noqa: E731
                    when = self.window(self.new if w in b else self.old, w)
                    changes.append(Change(f"จำนวน{esc(label)} ช่วง {when} เปลี่ยนจาก {fmt(a.get(w))} เป็น {fmt(b.get(w))}"))
            return changes

        def rows(title: str, old_rows: list, new_rows: list, key: str, compare: Callable[[Any, Any, str], list[Change]]):
            changes: list[Change] = []
            added, removed, pairs = _keyed(old_rows, new_rows, lambda r: getattr(r, key), pair_leftovers=True)
            changes += [Change(f"{title}: ลบ {self.q(getattr(r, key))}") for r in removed]
            changes += [Change(f"{title}: เพิ่ม {self.q(getattr(r, key))}") for r in added]
            for a, b in pairs:
                label = self.q(getattr(b, key))
                changes += self.changed(f"{title}: ชื่อรายการ", getattr(a, key), getattr(b, key))
                changes += compare(a, b, label)
            if _moved([getattr(r, key) for r in old_rows], [getattr(r, key) for r in new_rows]):
                changes.append(Change(f"{title}: ลำดับรายการเปลี่ยนเป็น " + ", ".join(self.q(getattr(r, key)) for r in new_rows)))
            return changes

        out += rows("พื้นที่ปฏิบัติงานสำรอง", o.workspace, n.workspace, "source", lambda a, b, label: (
            self.changed(f"ความต้องการพื้นที่ของ {label}", a.requirement, b.requirement)
            + (self.changed(f"ช่วงเวลาที่ใช้ {label}", windows(self.old, a.windows), windows(self.new, b.windows), str)
               if a.windows != b.windows else [])
            + self.rest(f"พื้นที่ปฏิบัติงานสำรอง {label}", a, b, ("source", "requirement", "windows"))))
        out += rows("วัสดุอุปกรณ์", o.equipment, n.equipment, "item", lambda a, b, label: (
            counts(b.item, a.quantities, b.quantities, b.unit)
            + self.changed(f"แหล่งที่มาของ {label}", a.source, b.source)
            + self.changed(f"หน่วยนับของ {label}", a.unit, b.unit)
            + self.rest(f"วัสดุอุปกรณ์ {label}", a, b, ("item", "quantities", "source", "unit"))))
        out += self.changed("ข้อความนำเทคโนโลยีสารสนเทศ", o.it_introduction, n.it_introduction)
        out += rows("ระบบเทคโนโลยีสารสนเทศ", o.it_systems, n.it_systems, "name", lambda a, b, label: (
            (self.changed(f"ช่วงเวลาที่ต้องใช้ {label}", windows(self.old, a.windows), windows(self.new, b.windows), str)
             if a.windows != b.windows else [])
            + self.changed(f"แหล่งที่มาของ {label}", a.source, b.source)
            + [change for w in [*b.notes, *(k for k in a.notes if k not in b.notes)] for change in self.changed(
                f"หมายเหตุของ {label} ช่วง {self.window(self.new if w in b.notes else self.old, w)}",
                a.notes.get(w), b.notes.get(w))]
            + self.rest(f"ระบบ {label}", a, b, ("name", "windows", "source", "notes"))))
        out += rows("บุคลากรหลักที่จำเป็น", o.staff, n.staff, "role", lambda a, b, label: (
            counts(b.role, a.counts, b.counts, "คน") + self.rest(f"บุคลากร {label}", a, b, ("role", "counts"))))
        out += rows("ผู้ให้บริการ", o.services, n.services, "name", lambda a, b, label: (
            counts(b.name, a.counts, b.counts, "ราย") + self.rest(f"ผู้ให้บริการ {label}", a, b, ("name", "counts"))))
        out += self.changed("หมายเหตุผู้ให้บริการ", o.services_note, n.services_note)
        out += self.rest("", o, n, ("workspace", "equipment", "it_introduction", "it_systems", "staff", "services", "services_note"))
        return out

    def procedure(self) -> list[Change]:
        old, new = self.old, self.new
        out: list[Change] = []
        added, removed, pairs = _keyed(old.procedure.phases, new.procedure.phases, lambda p: p.id)
        out += [Change(f"ลบ{self.phase(old, p)} {self.q(p.title)} ทั้งระยะ (ขั้นตอน {self.d(len(p.steps))} ขั้นตอน)") for p in removed]
        out += [Change(f"เพิ่ม{self.phase(new, p)} {self.q(p.title)}") for p in added]
        for a, b in pairs:
            label = self.phase(new, b)
            out += self.changed(f"ช่วงเวลาของ{self.phase(old, a)}", self.phase(old, a), label, str)
            out += self.changed(f"ชื่อ{label}", a.title, b.title)
            out += self.changed(f"คำแนะนำของ{label}", a.instruction, b.instruction)
            out += self.rest(label, a, b, ("id", "start_day", "end_day", "within_hours", "title", "instruction", "steps"))
        if _moved([p.id for p in old.procedure.phases], [p.id for p in new.procedure.phases]):
            out.append(Change("ลำดับระยะเปลี่ยนเป็น " + ", ".join(self.phase(new, p) for p in new.procedure.phases)))

        def where(plan: Plan) -> dict[str, tuple[m.Phase, int]]:
            return {s.id: (phase, i) for phase in plan.procedure.phases for i, s in enumerate(phase.steps)}

        old_at, new_at = where(old), where(new)
        name = lambda s: self.q(short(s.text))  # noqa: E731

        def after(phase: m.Phase, index: int) -> str:
            return f"ต่อจากขั้นตอน {name(phase.steps[index - 1])}" if index else f"เป็นขั้นตอนแรกของ{self.phase(new, phase)}"

        for phase in old.procedure.phases:
            for step in phase.steps:
                if step.id not in new_at:
                    out.append(Change(f"ลบขั้นตอนใน{self.phase(old, phase)}: {self.q(step.text)}"))
        for phase in new.procedure.phases:
            old_phase = next((p for p in old.procedure.phases if p.id == phase.id), None)
            stayed = [s.id for s in phase.steps if s.id in old_at and old_at[s.id][0].id == phase.id]
            moved = set(_moved([s.id for s in old_phase.steps if s.id in stayed], stayed)) if old_phase else set()
            for index, step in enumerate(phase.steps):
                if step.id not in old_at:
                    details = [f"ผู้รับผิดชอบ: {self.responsible(new, step)}", after(phase, index)]
                    details += [f"หัวข้อย่อย: {self.q(item)}" for item in step.items]
                    out.append(Change(f"เพิ่มขั้นตอนใน{self.phase(new, phase)}: {self.q(step.text)}", details))
                    continue
                old_phase_of_step, _ = old_at[step.id]
                before = old_phase_of_step.steps[old_at[step.id][1]]
                if old_phase_of_step.id != phase.id:
                    out.append(Change(f"ย้ายขั้นตอน {name(step)} จาก{self.phase(old, old_phase_of_step)} "
                                      f"ไป{self.phase(new, phase)} ({after(phase, index)})"))
                elif step.id in moved:
                    out.append(Change(f"ย้ายขั้นตอน {name(step)} ใน{self.phase(new, phase)} ไปไว้{after(phase, index)}"))
                out += self.step(before, step, self.phase(new, phase))
        return out

    def step(self, a: m.Step, b: m.Step, phase: str) -> list[Change]:
        out: list[Change] = []
        name = self.q(short(b.text))
        if a.text != b.text:
            out.append(Change(f"แก้ไขข้อความขั้นตอนใน{phase}",
                              [f"เดิม: {self.q(a.text)}", f"ใหม่: {self.q(b.text)}"]))
        out += self.changed(f"ข้อความที่เน้นของขั้นตอน {name}", a.highlight, b.highlight)
        out += self.texts(f"หัวข้อย่อยของขั้นตอน {name}", a.items, b.items)
        if a.responsible != b.responsible:
            out += self.changed(f"ผู้รับผิดชอบขั้นตอน {name}", self.responsible(self.old, a), self.responsible(self.new, b), str)
        out += self.rest(f"ขั้นตอน {name}", a, b, ("id", "text", "highlight", "items", "responsible"))
        return out

    def checklist(self) -> list[Change]:
        o, n = self.old.checklist, self.new.checklist
        out = self.changed("ชื่อแบบตรวจสอบ", o.title, n.title)
        added, removed, pairs = _keyed(o.parts, n.parts, lambda part: part.id)
        out += [Change(f"ลบส่วน {self.q(part.title)} ของแบบตรวจสอบ") for part in removed]
        out += [Change(f"เพิ่มส่วน {self.q(part.title)} ในแบบตรวจสอบ") for part in added]
        for a, b in pairs:
            out += self.changed("ชื่อส่วนของแบบตรวจสอบ", a.title, b.title)
            out += self.checklist_items(f"ส่วน{esc(b.title)}", a.items, b.items)
        if _moved([part.id for part in o.parts], [part.id for part in n.parts]):
            out.append(Change("ลำดับส่วนของแบบตรวจสอบเปลี่ยนเป็น " + ", ".join(self.q(part.title) for part in n.parts)))
        out += self.texts("หมายเหตุของแบบตรวจสอบ", o.notes, n.notes)
        out += self.rest("", o, n, ("title", "parts", "notes"))
        return out

    def checklist_items(self, where: str, old: list[m.ChecklistItem], new: list[m.ChecklistItem]) -> list[Change]:
        """Items have no id: matched by their text; a reworded item keeps its place."""
        out: list[Change] = []
        answer = lambda value: self.scalar(self.new, value, "answer")  # noqa: E731
        matcher = difflib.SequenceMatcher(None, [i.text for i in old], [i.text for i in new], autojunk=False)
        pairs = []
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
                pairs += zip(old[i1:i2], new[j1:j2])
                continue
            out += [Change(f"ลบข้อ {self.q(i.text)} ({where})") for i in old[i1:i2]]
            out += [Change(f"เพิ่มข้อ {self.q(i.text)} ({where}) คำตอบ: {answer(i.answer)}") for i in new[j1:j2]]
        for a, b in pairs:
            item = f"ข้อ {self.q(b.text)} ({where})"
            if a.text != b.text:
                out.append(Change(f"แก้ไขข้อความข้อในแบบตรวจสอบ ({where})", [f"เดิม: {self.q(a.text)}", f"ใหม่: {self.q(b.text)}"]))
            if a.answer != b.answer:
                out.append(Change(f"{item}: คำตอบเปลี่ยนจาก {answer(a.answer)} เป็น {answer(b.answer)}"))
            out += self.changed(f"ข้อความที่ระบุใน{item}", a.specify, b.specify)
            out += self.changed(f"หลักฐานของ{item}", a.evidence, b.evidence, esc)
            out += self.checklist_items(f"{where} › {esc(short(b.text, 40))}", a.items, b.items)
            out += self.rest(item, a, b, ("text", "answer", "specify", "evidence", "items"))
        return out

    def notes(self) -> list[Change]:
        out: list[Change] = []
        added, removed, pairs = _keyed(self.old.notes, self.new.notes, lambda x: x.id)
        out += [Change(f"ลบบันทึกเรื่อง {self.q(x.topic)}") for x in removed]
        out += [Change(f"เพิ่มบันทึกเรื่อง {self.q(x.topic)}", [f"สิ่งที่ตัดสินใจ: {self.q(x.decision)}"]) for x in added]
        for a, b in pairs:
            if a.confirmed != b.confirmed:
                out.append(Change(f"{'ยืนยัน' if b.confirmed else 'ยกเลิกการยืนยัน'}บันทึกเรื่อง {self.q(b.topic)}"))
            out += self.rest(f"บันทึกเรื่อง {self.q(b.topic)}", a, b, ("id", "confirmed"))
        out += self.rest("", self.old.notes_file, self.new.notes_file, ("notes",))
        return out

    def revisions(self) -> list[Change]:
        o, n = self.old.revisions_file, self.new.revisions_file
        out: list[Change] = []
        months = lambda v: f"ทุก {self.d(v)} เดือน"  # noqa: E731
        if o.review and n.review:
            a, b = o.review, n.review
            out += self.changed("วันที่ทบทวนแผนครั้งล่าสุด", a.last_reviewed, b.last_reviewed, self.date)
            out += self.changed("รอบการทบทวนแผน", a.review_every_months, b.review_every_months, months)
            out += self.changed("วันที่ซ้อมแผนครั้งล่าสุด", a.last_exercised, b.last_exercised, self.date)
            out += self.changed("รอบการซ้อมแผน", a.exercise_every_months, b.exercise_every_months, months)
        elif o.review != n.review:
            out.append(Change("เพิ่มข้อมูลการทบทวนและการซ้อมแผน" if n.review else "ลบข้อมูลการทบทวนและการซ้อมแผน"))

        def described(r: m.Revision) -> list[str]:
            return [self.q(c) for c in r.changes] + [f"ผู้อนุมัติ: {esc(r.approved_by) if r.approved_by else 'ไม่ระบุ'}"]

        version = lambda r: thai.arabic_digits(r.version)  # noqa: E731
        added, removed, pairs = _keyed(o.revisions, n.revisions, version)
        out += [Change(f"ลบประวัติการแก้ไข {self.summary(self.old, r)}") for r in removed]
        out += [Change(f"เพิ่มประวัติการแก้ไข {self.summary(self.new, r)} ลงวันที่ {self.date(r.date)}", described(r)) for r in added]
        for a, b in pairs:
            label = f"ประวัติการแก้ไข {self.summary(self.new, b)}"
            out += self.changed(f"วันที่ของ{label}", a.date, b.date, self.date)
            out += self.texts(f"สิ่งที่เปลี่ยนแปลงใน{label}", a.changes, b.changes)
            out += self.changed(f"ผู้อนุมัติของ{label}", a.approved_by, b.approved_by, esc)
            out += self.rest(label, a, b, ("version", "date", "changes", "approved_by"))
        out += self.rest("", o, n, ("review", "revisions"))
        return out


# Summary section of each data file (the safety net above).
_SECTION_OF_FILE = {
    "plan.yaml": "ข้อมูลทั่วไป", "scope.yaml": "ขอบเขตและผลกระทบ", "people.yaml": "บุคลากร", "teams.yaml": "ทีมงาน",
    "strategies.yaml": "กลยุทธ์", "bia.yaml": "การวิเคราะห์ผลกระทบทางธุรกิจ (BIA)", "resources.yaml": "ทรัพยากร",
    "procedure.yaml": "ขั้นตอน", "checklist.yaml": "แบบตรวจสอบ", "notes.yaml": "บันทึกการตัดสินใจเรื่องข้อมูล",
    "revisions.yaml": "ประวัติการแก้ไขและการทบทวน",
}


def _content(value: Any) -> Any:
    """A file's content as the plan sees it: the order of people.yaml does not matter."""
    if isinstance(value, m.People):
        return sorted(value.people, key=lambda p: p.id)
    return value


def compare(old: Plan, new: Plan) -> list[Section]:
    """The plan's changes from `old` to `new`, by section, in plain Thai."""
    return Differ(old, new).sections()


# --- the command -------------------------------------------------------------


def render(sections: list[Section], old_label: str, new_label: str, thai_digits: bool = True) -> str:
    """Markdown for a pull-request comment; "" when nothing in the plan changed."""
    if not sections:
        return ""
    total = sum(len(s.changes) for s in sections)
    lines = ["## สรุปการเปลี่ยนแปลงของแผน", "",
             f"เทียบข้อมูลแผนที่ {old_label} กับ {new_label}: เปลี่ยนแปลง {thai.digits(total, thai_digits)} รายการ"]
    for section in sections:
        lines += ["", f"### {section.title}", ""]
        for change in section.changes:
            lines.append(f"- {change.text}")
            lines += [f"  - {detail}" for detail in change.details]
    return "\n".join(lines) + "\n"


def run(old_rev: str = "HEAD~1", new_rev: str = "HEAD", folder: Path | None = None,
        cwd: Path | None = None) -> tuple[int, str]:
    """(exit code, Markdown).  Exit 1 when either revision's data cannot be used; raises DiffError when Git cannot answer."""
    root = repo_root(cwd or Path.cwd())
    if folder is None:
        folder = data_dir(root / "data")
        if not folder.is_absolute():
            folder = (cwd or Path.cwd()) / folder
    data_rel = data_path_in_repo(root, folder)
    old_commit, new_commit = commit_of(root, old_rev), commit_of(root, new_rev)
    old_label, new_label = f"`{old_rev}` ({old_commit[:7]})", f"`{new_rev}` ({new_commit[:7]})"

    try:
        new = plan_at(root, new_commit, data_rel)
    except MissingData:
        return 1, f"## ไม่พบข้อมูลแผนที่ {new_label}\n\nไม่มีไฟล์ข้อมูลในโฟลเดอร์ `{data_rel}` ที่ revision นี้\n"
    except DataError as error:
        lines = [f"## ข้อมูลแผนที่ {new_label} มีข้อผิดพลาด", "",
                 "แก้ไขไฟล์ตามรายการนี้ก่อนรวมการเปลี่ยนแปลง (merge):", ""]
        lines += [f"- {esc(problem)}" for problem in error.problems]
        return 1, "\n".join(lines) + "\n"

    try:
        old = plan_at(root, old_commit, data_rel)
    except MissingData:
        return 0, ("## สรุปการเปลี่ยนแปลงของแผน\n\n"
                   f"ไม่มีข้อมูลแผนในโฟลเดอร์ `{data_rel}` ที่ {old_label} จึงไม่มีฉบับเดิมให้เทียบ: "
                   f"ข้อมูลแผนที่ {new_label} ถูกต้อง ({thai.digits(len(new.people), new.thai_digits)} คน "
                   f"{thai.digits(len(new.teams), new.thai_digits)} ทีม "
                   f"{thai.digits(len(new.all_steps), new.thai_digits)} ขั้นตอน)\n")
    except DataError as error:
        count = thai.digits(len(error.errors), new.thai_digits)
        return 1, ("## สรุปการเปลี่ยนแปลงของแผน\n\n"
                   f"ข้อมูลแผนที่ {old_label} ใช้ไม่ได้ (มีข้อผิดพลาด {count} รายการ) จึงเทียบการเปลี่ยนแปลงไม่ได้: "
                   f"ข้อมูลแผนที่ {new_label} ถูกต้องแล้ว\n")
    return 0, render(compare(old, new), old_label, new_label, new.thai_digits)
