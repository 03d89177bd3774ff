"""The procedure compared: procedure.yaml, phases and steps."""

from __future__ import annotations

from bcp import model as m
from bcp.diff.changes import Change, short
from bcp.diff.fields import FieldComparison
from bcp.diff.matching import match_by_key, reordered
from bcp.plan import Plan


class ProcedureComparison(FieldComparison):
    """Phases, and steps by id: added, removed, moved within or across phases, changed."""

    def procedure(self) -> list[Change]:
        old, new = self.old, self.new
        out: list[Change] = []
        added, removed, pairs = match_by_key(old.procedure.phases, new.procedure.phases, lambda p: p.id)
        out += [Change(f"ลบ{self.phase(old, p)} {self.q(p.title)} ทั้งระยะ (ขั้นตอน {self.d(len(p.steps))} ขั้นตอน)") for p in removed]
        out += [Change(f"เพิ่ม{self.phase(new, p)} {self.q(p.title)}") for p in added]
        for a, b in pairs:
            label = self.phase(new, b)
            out += self.changed(f"ช่วงเวลาของ{self.phase(old, a)}", self.phase(old, a), label, str)
            out += self.changed(f"ชื่อ{label}", a.title, b.title)
            out += self.changed(f"คำแนะนำของ{label}", a.instruction, b.instruction)
            out += self.rest(label, a, b, ("id", "start_day", "end_day", "within_hours", "label", "title", "instruction", "steps"))
        if reordered([p.id for p in old.procedure.phases], [p.id for p in new.procedure.phases]):
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
            moved = set(reordered([s.id for s in old_phase.steps if s.id in stayed], stayed)) if old_phase else set()
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
        if (a.responsible, a.joint) != (b.responsible, b.joint):
            out += self.changed(f"ผู้รับผิดชอบขั้นตอน {name}", self.responsible(self.old, a), self.responsible(self.new, b), str)
        out += self.rest(f"ขั้นตอน {name}", a, b, ("id", "text", "highlight", "items", "responsible", "joint"))
        return out
