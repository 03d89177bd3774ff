"""The summary as Markdown, for a pull-request comment."""

from __future__ import annotations

from bcp import thai
from bcp.diff.changes import Section, esc
from bcp.model import DEFAULT_LABELS


def heading(title: str = DEFAULT_LABELS.diff_title) -> str:
    """The summary's heading: the plan's label for it (diff_title), as Markdown text."""
    return f"## {esc(title)}"


def render(sections: list[Section], old_label: str, new_label: str, thai_digits: bool = True,
           title: str = DEFAULT_LABELS.diff_title) -> str:
    """Markdown for a pull-request comment; it says so when nothing in the plan changed
    (an approver must tell "nothing changed" from "nothing was said")."""
    if not sections:
        return f"{heading(title)}\n\nไม่มีการเปลี่ยนแปลงข้อมูลแผนระหว่าง {old_label} และ {new_label}\n"
    total = sum(len(s.changes) for s in sections)
    lines = [heading(title), "",
             f"เทียบข้อมูลแผนที่ {old_label} กับ {new_label}: เปลี่ยนแปลง {thai.digits(total, thai_digits)} รายการ"]
    for section in sections:
        lines += ["", f"### {esc(section.title)}", ""]
        for change in section.changes:
            lines.append(f"- {change.text}")
            lines += [f"  - {detail}" for detail in change.details]
    return "\n".join(lines) + "\n"
