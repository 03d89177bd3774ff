"""The resource needs compared: resources.yaml."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bcp.diff.changes import Change, esc
from bcp.diff.fields import FieldComparison
from bcp.diff.matching import match_by_key, reordered
from bcp.plan import Plan


class ResourceComparison(FieldComparison):
    """Resource rows matched by their text; quantities per time window."""

    def resources(self) -> list[Change]:
        o, n = self.old.resources, self.new.resources
        out: list[Change] = []

        def windows(plan: Plan, ids: list[str]) -> str:
            return ", ".join(self.window(plan, w) for w in ids) or "(ไม่มี)"

        def counts(label: str, a: dict, b: dict, unit: str) -> list[Change]:
            changes = []
            for w in [*b, *(k for k in a if k not in b)]:
                if a.get(w) != b.get(w):
                    fmt = lambda v: self.cell(v, unit)  # noqa: E731
                    when = self.window(self.new if w in b else self.old, w)
                    changes.append(Change(f"จำนวน{esc(label)} ช่วง {when} เปลี่ยนจาก {fmt(a.get(w))} เป็น {fmt(b.get(w))}"))
            return changes

        def rows(title: str, old_rows: list, new_rows: list, key: str, compare: Callable[[Any, Any, str], list[Change]]):
            changes: list[Change] = []
            added, removed, pairs = match_by_key(old_rows, new_rows, lambda r: getattr(r, key), pair_leftovers=True)
            changes += [Change(f"{title}: ลบ {self.q(getattr(r, key))}") for r in removed]
            changes += [Change(f"{title}: เพิ่ม {self.q(getattr(r, key))}") for r in added]
            for a, b in pairs:
                label = self.q(getattr(b, key))
                changes += self.changed(f"{title}: ชื่อรายการ", getattr(a, key), getattr(b, key))
                changes += compare(a, b, label)
            if reordered([getattr(r, key) for r in old_rows], [getattr(r, key) for r in new_rows]):
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
