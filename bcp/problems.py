"""Problems found in the data, reported to a clerk in Thai."""

from __future__ import annotations

from dataclasses import dataclass


# A message quotes the author's own text only so far (a whole file pasted into one value, a key
# of a thousand characters): what is shown is an excerpt, never the file.
MAX_MESSAGE = 400
MAX_FIELD = 200


def _excerpt(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# A fault of the program, not of the data: one line for the clerk (the commands and the build).
INTERNAL_ERROR = ("ข้อผิดพลาดภายในของโปรแกรม (ไม่ใช่ความผิดของข้อมูลแผน): กรุณาแจ้งผู้ดูแลระบบพร้อมคำสั่งที่ใช้ "
                  "(สั่งใหม่โดยตั้งค่า BCP_DEBUG=1 เพื่อดูรายละเอียดสำหรับผู้ดูแล)")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str
    # "error" stops the build; "warning" is shown and allowed; "notice" is for information only
    level: str = "error"

    def __post_init__(self) -> None:
        object.__setattr__(self, "field", _excerpt(self.field, MAX_FIELD))
        object.__setattr__(self, "message", _excerpt(self.message, MAX_MESSAGE))

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
