"""The checklist and the records compared: checklist.yaml, notes.yaml and revisions.yaml."""

from __future__ import annotations

import difflib

from bcp import model as m
from bcp.diff.changes import Change, esc, short
from bcp.diff.fields import FieldComparison
from bcp.diff.matching import match_by_key, reordered


class RecordComparison(FieldComparison):
    """The checklist's answers, the data notes, the revision history and the review dates."""

    def checklist(self) -> list[Change]:
        o, n = self.old.checklist, self.new.checklist
        out = self.changed("ชื่อแบบตรวจสอบ", o.title, n.title)
        added, removed, pairs = match_by_key(o.parts, n.parts, lambda part: part.id)
        out += [Change(f"ลบส่วน {self.q(part.title)} ของแบบตรวจสอบ") for part in removed]
        out += [Change(f"เพิ่มส่วน {self.q(part.title)} ในแบบตรวจสอบ") for part in added]
        for a, b in pairs:
            out += self.changed("ชื่อส่วนของแบบตรวจสอบ", a.title, b.title)
            out += self.checklist_items(f"ส่วน{esc(b.title)}", a.items, b.items)
        if reordered([part.id for part in o.parts], [part.id for part in n.parts]):
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
            out += self.changed(f"หลักฐานของ{item}", ", ".join(a.evidence) or None, ", ".join(b.evidence) or None, esc)
            out += self.checklist_items(f"{where} › {esc(short(b.text, 40))}", a.items, b.items)
            out += self.rest(item, a, b, ("text", "answer", "specify", "evidence", "items"))
        return out

    def notes(self) -> list[Change]:
        out: list[Change] = []
        added, removed, pairs = match_by_key(self.old.notes, self.new.notes, lambda x: x.id)
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

        added, removed, pairs = match_by_key(o.revisions, n.revisions, lambda r: m.version_key(r.version))
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

