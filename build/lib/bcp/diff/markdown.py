"""The summary as Markdown, for a pull-request comment."""

from __future__ import annotations

from bcp import thai
from bcp.diff.changes import Section


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
