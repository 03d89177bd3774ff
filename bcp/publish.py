"""Publish a freshly built site in one step: the target folder is never missing, half-built or nested.

    python -m bcp.publish TARGET -- BUILD-COMMAND... {dir} ...

Under a lock on TARGET (two builds into the same target queue), leftovers of
killed builds (TARGET.new.*) are removed, BUILD-COMMAND builds into a fresh
folder TARGET.new.XXXXXX (written `{dir}` in its arguments), and on success
that folder and TARGET are exchanged by one rename (Linux renameat2 with
RENAME_EXCHANGE), so TARGET stays a plain folder that always holds a whole
site.  The previous site, now in TARGET.new.XXXXXX, is then removed.

Where the exchange is not available (another system, some network file
systems), the previous site is renamed aside and the new one renamed in: for
that moment TARGET is missing, and if the second rename fails the previous
site is put back.  Any failure leaves the previous site as it was.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# The exchange is not offered here: use the fallback.
_NO_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


class PublishError(Exception):
    """The new site could not be published; the previous one is intact.  A Thai message."""


def disk_message(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "พื้นที่ดิสก์เต็ม: ลบไฟล์ที่ไม่ใช้แล้วลองใหม่"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "ไม่มีสิทธิ์เขียนในโฟลเดอร์นี้"
    return f"ระบบแฟ้มแจ้งข้อผิดพลาดรหัส {error.errno}"


def _renameat2_exchange(a: Path, b: Path) -> None:
    """Swap the names `a` and `b` in one step; OSError(ENOSYS) where Linux's renameat2 is not there."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except AttributeError:
        raise OSError(errno.ENOSYS, "renameat2") from None
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(a))


def _swap_in(new: Path, target: Path, aside: Path) -> None:
    """Put `new` at `target`; the previous site ends at `new` or `aside` (both removed by the caller)."""
    if not target.exists():
        os.rename(new, target)
        return
    try:
        _renameat2_exchange(new, target)
        return
    except OSError as error:
        if error.errno not in _NO_EXCHANGE:
            raise
    os.rename(target, aside)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(aside, target)
        raise


@contextmanager
def _locked(lock_path: Path, target: Path) -> Iterator[None]:
    """Hold an exclusive lock on `lock_path`, waiting for another build; the file is removed afterwards.

    Removing it is safe because a waiter checks, once it has the lock, that the file it
    locked is still the one at `lock_path`, and otherwise locks the new one."""
    while True:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"รอ: มีการสร้างเว็บไซต์ลงใน {target} อยู่แล้ว จะเริ่มเมื่อชุดนั้นเสร็จ", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            if os.path.samestat(os.fstat(fd), os.stat(lock_path)):
                break
        except FileNotFoundError:
            pass
        os.close(fd)
    try:
        yield
    finally:
        try:
            os.unlink(lock_path)
        finally:
            os.close(fd)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _terminate(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # so that the half-built folder is removed on the way out


def publish(target: Path, command: Sequence[str]) -> None:
    """Build with `command` ("{dir}" in it is the new folder) and publish into `target`; PublishError if not."""
    target = Path(os.path.abspath(target))
    parent, name = target.parent, target.name
    with _locked(parent / f".{name}.lock", target):
        for leftover in parent.glob(f"{name}.new.*"):
            _remove(leftover)  # of a build that was killed: no build runs without the lock
        try:
            work = Path(tempfile.mkdtemp(prefix=f"{name}.new.", dir=parent))
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(work, 0o777 & ~umask)  # as a folder made by hand: the web server may read it
        except OSError as error:
            raise PublishError(f"สร้างโฟลเดอร์ชั่วคราวข้าง {target} ไม่ได้: {disk_message(error)}") from None
        try:
            built = subprocess.run([part.replace("{dir}", str(work)) for part in command])
            if built.returncode != 0:
                raise PublishError(f"สร้างเว็บไซต์ไม่สำเร็จ (ดูข้อความด้านบน เช่น ข้อมูลผิด หรือพื้นที่ดิสก์เต็ม): "
                                   f"เว็บไซต์เดิมใน {target} ยังอยู่ครบ ไม่ได้เปลี่ยน")
            if not (work / "index.html").is_file():
                raise PublishError(f"การสร้างเว็บไซต์ไม่ได้ไฟล์ index.html: เว็บไซต์เดิมใน {target} ยังอยู่ครบ ไม่ได้เปลี่ยน")
            try:
                _swap_in(work, target, parent / f"{work.name}.old")
            except OSError as error:
                raise PublishError(f"นำเว็บไซต์ใหม่ไปแทนที่ {target} ไม่ได้: {disk_message(error)}: "
                                   "เว็บไซต์เดิมยังอยู่ครบ ไม่ได้เปลี่ยน") from None
        finally:
            _remove(work)
            _remove(parent / f"{work.name}.old")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 3 or args[1] != "--":
        print("วิธีใช้: python -m bcp.publish โฟลเดอร์ปลายทาง -- คำสั่งสร้างเว็บไซต์ ... {dir} ...", file=sys.stderr)
        return 2
    try:
        publish(Path(args[0]), args[2:])
    except PublishError as error:
        print(f"ข้อผิดพลาด: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"หยุดตามคำสั่งของผู้ใช้: เว็บไซต์เดิมใน {args[0]} ยังอยู่ครบ", file=sys.stderr)
        return 130
    print(f"สร้างเว็บไซต์เสร็จ: เปิด {args[0]}/index.html")
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _terminate)
    raise SystemExit(main())
