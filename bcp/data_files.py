"""Open a data file the way a careful clerk would: only a plain file, inside the data folder, of a sane size.

A data file can be a symbolic link (an office may share one file between two
plans), but never to something outside the data folder: an error message
quotes the file, and a CI log must not show /etc/passwd.  A directory, a FIFO
or a device where a file should be is refused before it is read, so nothing
hangs (a FIFO) or reads forever (/dev/zero).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from bcp.problems import DataError, Problem

# The largest real data file is some 20 KB; the benchmark's plan 50 times as large, about 1 MB.
MAX_FILE_BYTES = 8 * 1024 * 1024


def _refuse(shown_as: str, message: str) -> DataError:
    return DataError([Problem(shown_as, None, "", message)])


def _within(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def _resolved(path: Path, shown_as: str) -> str:
    try:
        return os.path.realpath(path, strict=True)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise _refuse(shown_as, "ไฟล์นี้เป็นลิงก์ (symlink) ที่วนกลับมาที่ตัวเอง: ลบลิงก์นี้แล้ววางไฟล์ข้อมูลจริงแทน") from None
        if error.errno == errno.ENOENT:
            raise _refuse(shown_as, "ไฟล์นี้เป็นลิงก์ (symlink) ที่ชี้ไปยังไฟล์ที่ไม่มีอยู่: ลบลิงก์นี้แล้ววางไฟล์ข้อมูลจริงแทน") from None
        raise _refuse(shown_as, _unreadable(error)) from None


def _unreadable(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM):
        return "ไม่มีสิทธิ์อ่านไฟล์นี้: ให้ผู้ดูแลเครื่องแก้สิทธิ์ของไฟล์ให้อ่านได้"
    return f"อ่านไฟล์นี้ไม่ได้ (รหัสข้อผิดพลาดของระบบ {error.errno}): ตรวจว่าไฟล์ยังอยู่และดิสก์ใช้งานได้"


def _kind_refused(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "ตรงนี้เป็นโฟลเดอร์ ไม่ใช่ไฟล์: ต้องเป็นไฟล์ข้อความ YAML"
    return "ตรงนี้ไม่ใช่ไฟล์ข้อความธรรมดา (เป็นอุปกรณ์ ท่อข้อมูล หรือซ็อกเก็ต): ต้องเป็นไฟล์ข้อความ YAML"


def read_data_file(path: Path, shown_as: str, folder: Path | None = None) -> bytes:
    """The bytes of the data file `path`, which must lie in `folder` (default: its own folder).

    Raises DataError with a Thai message, naming only `shown_as`, for anything else."""
    folder_real = os.path.realpath(folder if folder is not None else path.parent)
    real = _resolved(path, shown_as)
    if not _within(real, folder_real):
        raise _refuse(shown_as, "ไฟล์นี้เป็นลิงก์ (symlink) ที่ชี้ออกไปนอกโฟลเดอร์ข้อมูล: ระบบอ่านเฉพาะไฟล์ในโฟลเดอร์ข้อมูล "
                                "ให้คัดลอกเนื้อหามาเป็นไฟล์จริงในโฟลเดอร์ข้อมูล")
    try:
        # Checked before opening (opening a FIFO would wait for a writer) and again on
        # what was opened (the file may have been swapped in between).
        refused = _kind_refused(os.stat(real).st_mode)
        if refused:
            raise _refuse(shown_as, refused)
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as file:
            refused = _kind_refused(os.fstat(file.fileno()).st_mode)
            if refused:
                raise _refuse(shown_as, refused)
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise _refuse(shown_as, _unreadable(error)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _refuse(shown_as, f"ไฟล์ใหญ่เกินไป (เกิน {MAX_FILE_BYTES // (1024 * 1024)} MB): ไฟล์ข้อมูลของแผนเป็นข้อความสั้น ๆ "
                                "ตรวจว่าเลือกไฟล์ถูกต้อง")
    return raw
