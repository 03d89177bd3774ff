"""Problems found in the data, reported to a clerk in Thai."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str
    # "error" stops the build; "warning" is shown and allowed; "notice" is for information only
    level: str = "error"

    def __str__(self) -> str:
        where = self.file + (f" บรรทัด {self.line}" if self.line else "")
        label = {"error": "ข้อผิดพลาด", "warning": "คำเตือน", "notice": "หมายเหตุ"}[self.level]
        field = f" ช่อง {self.field}:" if self.field else ""
        return f"{label}: {where}:{field} {self.message}"


class DataError(Exception):
    """The data cannot be used; carries every problem found, errors first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.level != "error", p.file, p.line or 0))
        super().__init__(self.report())

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    def report(self) -> str:
        errors = len(self.errors)
        lines = [str(p) for p in self.problems]
        lines.append(f"พบข้อผิดพลาด {errors} รายการ: แก้ไขไฟล์ตามบรรทัดที่ระบุแล้วลองใหม่")
        return "\n".join(lines)
