"""The general parts of the plan compared: plan.yaml, scope.yaml, strategies.yaml and bia.yaml."""

from __future__ import annotations

from bcp.diff.changes import Change, esc
from bcp.diff.fields import FieldComparison
from bcp.diff.matching import match_by_key, reordered


class GeneralComparison(FieldComparison):
    """General information, scope and impacts, strategies, business impact analysis."""

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
            ("ข้อความนำสมมติฐาน", o.assumptions_intro, n.assumptions_intro, None),
            ("ข้อความแจ้งบนหน้าปก", o.cover_notice, n.cover_notice, None),
        ):
            out += self.changed(label, a, b, fmt)
        out += self.changed("รูปแบบตัวเลข", o.digits, n.digits, lambda v: self.scalar(self.new, v, "digits"))
        # In order: the first is used first.  Typed as alternate_site or alternate_sites, the same.
        out += self.texts("สถานที่ปฏิบัติงานสำรอง", [self.site(x) for x in o.alternate_sites], [self.site(x) for x in n.alternate_sites])
        out += self.texts("ย่อหน้าในบทนำ", o.introduction, n.introduction)
        out += self.texts("วัตถุประสงค์", o.objectives, n.objectives)
        out += self.texts("สมมติฐาน", o.assumptions, n.assumptions)

        added, removed, pairs = match_by_key(o.time_windows, n.time_windows, lambda w: w.id)
        out += [Change(f"ลบช่วงเวลา {self.summary(self.old, w)}") for w in removed]
        out += [Change(f"เพิ่มช่วงเวลา {self.summary(self.new, w)}") for w in added]
        out += [Change(f"ช่วงเวลา {self.summary(self.old, a)} เปลี่ยนเป็น {self.summary(self.new, b)}") for a, b in pairs if a != b]
        if reordered([w.id for w in o.time_windows], [w.id for w in n.time_windows]):
            out.append(Change("ลำดับช่วงเวลาเปลี่ยนเป็น " + ", ".join(self.summary(self.new, w) for w in n.time_windows)))

        added, removed, pairs = match_by_key(o.urgency_levels, n.urgency_levels, lambda u: u.id)
        out += [Change(f"ลบระดับความเร่งด่วน {self.q(u.name)}") for u in removed]
        out += [Change(f"เพิ่มระดับความเร่งด่วน {self.q(u.name)}") for u in added]
        out += [Change(f"ระดับความเร่งด่วน {self.q(a.name)} เปลี่ยนชื่อเป็น {self.q(b.name)}") for a, b in pairs if a.name != b.name]
        if reordered([u.id for u in o.urgency_levels], [u.id for u in n.urgency_levels]):
            out.append(Change("ลำดับระดับความเร่งด่วนเปลี่ยนเป็น " + ", ".join(self.q(u.name) for u in n.urgency_levels)))

        office_fields = {"office", "alternate_site", "alternate_sites"}
        out += self.rest("", o.office, n.office, ("name", "phone", "address"))
        out += self.rest("", o, n, {"title", "title_en", "author_unit", "date", "version", "cover_notice", "digits", "introduction",
                                    "objectives", "assumptions_intro", "assumptions", "time_windows",
                                    "urgency_levels"} | office_fields)
        return out

    @staticmethod
    def site(site) -> str:
        """An alternate site in one line: its name, address and notes."""
        return " ".join(part for part in (site.name, site.address, f"({site.notes})" if site.notes else None) if part)

    def scope(self) -> list[Change]:
        o, n = self.old.scope, self.new.scope
        out = self.changed("ข้อความนำขอบเขตของแผน", o.introduction, n.introduction)
        out += self.changed("ข้อความการวิเคราะห์ทรัพยากร", o.resource_analysis, n.resource_analysis)
        added, removed, pairs = match_by_key(o.incidents, n.incidents, lambda i: i.id)
        area = lambda plan, a: self.scalar(plan, a, "area")  # noqa: E731
        out += [Change(f"ลบเหตุการณ์ {self.q(i.name)} ออกจากขอบเขตของแผน") for i in removed]
        out += [Change(f"เพิ่มเหตุการณ์ {self.q(i.name)} ในขอบเขตของแผน (ผลกระทบ: "
                       f"{', '.join(area(self.new, a) for a in i.impacts)})") for i in added]
        for a, b in pairs:
            out += self.changed("ชื่อเหตุการณ์", a.name, b.name)
            gained = [area(self.new, x) for x in b.impacts if x not in a.impacts]
            lost = [area(self.old, x) for x in a.impacts if x not in b.impacts]
            if gained:
                out.append(Change(f"เหตุการณ์ {self.q(b.name)} มีผลกระทบเพิ่ม: {', '.join(gained)}"))
            if lost:
                out.append(Change(f"เหตุการณ์ {self.q(b.name)} ไม่มีผลกระทบต่อไปนี้แล้ว: {', '.join(lost)}"))
        if reordered([i.id for i in o.incidents], [i.id for i in n.incidents]):
            out.append(Change("ลำดับเหตุการณ์เปลี่ยนเป็น " + ", ".join(self.q(i.name) for i in n.incidents)))
        out += self.rest("", o, n, ("introduction", "resource_analysis", "incidents"))
        return out

    def strategies(self) -> list[Change]:
        out: list[Change] = []
        o, n = self.old.strategies, self.new.strategies
        area = lambda plan, s: self.scalar(plan, s.area, "area")  # noqa: E731
        measure = lambda b: b.text + (f" {b.highlight}" if b.highlight else "")  # noqa: E731
        added, removed, pairs = match_by_key(o, n, lambda s: s.area)
        out += [Change(f"ลบกลยุทธ์{area(self.old, s)}") for s in removed]
        out += [Change(f"เพิ่มกลยุทธ์{area(self.new, s)} ({esc(s.resource)})", [self.q(measure(b)) for b in s.measures]) for s in added]
        for a, b in pairs:
            label = area(self.new, b)
            out += self.changed(f"ชื่อทรัพยากรของกลยุทธ์{label}", a.resource, b.resource)
            out += self.texts(f"มาตรการ{label}", [measure(x) for x in a.measures], [measure(x) for x in b.measures])
            out += self.rest(f"กลยุทธ์{label}", a, b, ("area", "resource", "measures"))
        if reordered([s.area for s in o], [s.area for s in n]):
            out.append(Change("ลำดับกลยุทธ์เปลี่ยนเป็น " + ", ".join(area(self.new, s) for s in n)))
        out += self.rest("", self.old.strategies_file, self.new.strategies_file, ("strategies",))
        return out

    def bia(self) -> list[Change]:
        o, n = self.old.bia, self.new.bia
        out = self.changed("ข้อความนำ BIA", o.introduction, n.introduction)
        urgency = lambda plan, p: self.scalar(plan, p.urgency, "urgency")  # noqa: E731
        recovery = lambda plan, p: self.window(plan, p.recovery)  # noqa: E731
        added, removed, pairs = match_by_key(o.processes, n.processes, lambda p: p.id)
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
        if reordered([p.id for p in o.processes], [p.id for p in n.processes]):
            out.append(Change("ลำดับกระบวนการเปลี่ยนเป็น " + ", ".join(self.q(p.name) for p in n.processes)))
        out += self.rest("", o, n, ("introduction", "processes"))
        return out
