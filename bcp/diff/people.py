"""People and teams compared: people.yaml and teams.yaml."""

from __future__ import annotations

from collections.abc import Callable

from bcp import model as m
from bcp.diff.changes import Change, esc
from bcp.diff.fields import ROLE_KIND_NAMES, FieldComparison
from bcp.diff.matching import match_by_key, reordered
from bcp.plan import Plan


class PeopleComparison(FieldComparison):
    """People by name, and the teams' roles by person."""

    def people(self) -> list[Change]:
        out: list[Change] = []
        added, removed, pairs = match_by_key(self.old.people_file.people, self.new.people_file.people, lambda p: p.id)

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
            out += self.changed(f"ชื่อเรียก{ROLE_KIND_NAMES[kind]}", o.role_names.get(kind), n.role_names.get(kind))
        if o.bcp_head != n.bcp_head:
            out += self.changed("หัวหน้าคณะบริหารความต่อเนื่องของหน่วยงาน", self.person(self.old, o.bcp_head),
                                self.person(self.new, n.bcp_head), str)

        def roles_text(plan: Plan, team: m.Team) -> list[str]:
            return [f"{ROLE_KIND_NAMES[r.role]}: {self.person(plan, r.primary)} (สำรอง: {self.backups(plan, r)})" for r in team.roles]

        added, removed, pairs = match_by_key(o.teams, n.teams, lambda t: t.id)
        out += [Change(f"ลบ{self.team(self.old, t.id)}", roles_text(self.old, t)) for t in removed]
        out += [Change(f"เพิ่ม{self.team(self.new, t.id)}", roles_text(self.new, t)) for t in added]
        for a, b in pairs:
            if a.name != b.name:
                out.append(Change(f"ชื่อ{self.team(self.old, a.id)} เปลี่ยนเป็น {self.q(b.name)}"))
            out += self.roles(self.team(self.new, b.id), a, b)
            out += self.rest(self.team(self.new, b.id), a, b, ("id", "name", "roles"))
        if reordered([t.id for t in o.teams], [t.id for t in n.teams]):
            out.append(Change("ลำดับทีมเปลี่ยนเป็น " + ", ".join(self.team(self.new, t.id) for t in n.teams)
                              + " (เลขตารางของทีมเปลี่ยนตาม)"))

        added, removed, pairs = match_by_key(o.units, n.units, lambda u: u.id)
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

    def backups(self, plan: Plan, role: m.Role) -> str:
        """A role's backups in order: "ลำดับที่ ๑ A, ลำดับที่ ๒ B", or the one name."""
        names = [self.person(plan, pid) for pid in role.backups] or ["(ไม่มี)"]
        if len(names) == 1:
            return names[0]
        return ", ".join(f"ลำดับที่ {self.d(rank)} {name}" for rank, name in enumerate(names, 1))

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
        match(lambda a, b: a.role == b.role and a.backups and b.backups and old_name(a.backups[0]) == new_name(b.backups[0]))
        out: list[Change] = []
        for a in old_left:
            out.append(Change(f"{team}: นำ {old_name(a.primary)} ออกจาก{ROLE_KIND_NAMES[a.role]} (ผู้สำรองเดิม: {self.backups(self.old, a)})"))
        for b in new_left:
            out.append(Change(f"{team}: เพิ่ม {new_name(b.primary)} เป็น{ROLE_KIND_NAMES[b.role]} (ผู้สำรอง: {self.backups(self.new, b)})"))
        for a, b in pairs:
            kind = ROLE_KIND_NAMES[b.role]
            if a.role != b.role:
                out.append(Change(f"{team}: {new_name(b.primary)} เปลี่ยนจาก{ROLE_KIND_NAMES[a.role]}เป็น{kind}"))
            if a.primary != b.primary and old_name(a.primary) != new_name(b.primary):
                out.append(Change(f"{team}: {kind} (บุคลากรหลัก) เปลี่ยนจาก {old_name(a.primary)} เป็น {new_name(b.primary)}"))
            before, after = self.backups(self.old, a), self.backups(self.new, b)
            if a.backups != b.backups and before != after:
                out.append(Change(f"{team}: ผู้สำรองของ {new_name(b.primary)} ({kind}) เปลี่ยนจาก {before} เป็น {after}"))
        order_old = [old_name(r.primary) for r in old.roles]
        order_new = [new_name(r.primary) for r in new.roles]
        if not old_left and not new_left and reordered(order_old, order_new):
            out.append(Change(f"{team}: ลำดับรายชื่อเปลี่ยนเป็น {', '.join(order_new)}"))
        return out
