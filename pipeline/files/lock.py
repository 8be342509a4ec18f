"""One build at a time writes into an outputs folder.

The lock is a small file beside the folder it guards (``.outputs.pipeline-lock``
next to ``outputs/``): not in the shared temporary folder, where anyone can
plant a link or hold a file of the same predictable name. It is opened
without following links and without truncating, must be this user's own
regular file, and is removed when the build ends. A lock held by another
running build is waited for briefly; one another user owns is refused at once.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

from ..core.errors import UsageError
from .atomic import unusable

SUFFIX = ".pipeline-lock"
WAIT = 15.0  # seconds a second build waits for the first before it says so


def lock_path(outputs: Path) -> Path:
    where = outputs.resolve()
    return where.parent / f".{where.name or 'outputs'}{SUFFIX}"


@contextlib.contextmanager
def locked(outputs: Path, wait: float = WAIT) -> Iterator[None]:
    """Hold the lock of ``outputs`` for the ``with`` block. Where the system
    has no file locks (not POSIX) it is left to the user."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    path = lock_path(outputs)
    deadline = time.monotonic() + wait
    fd = _acquire(path, outputs, deadline, fcntl)
    try:
        os.ftruncate(fd, 0)  # ours now: say who holds it, for the message of a build that waits
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        with contextlib.suppress(OSError):
            if _same(fd, path):
                path.unlink()  # no lock files left behind (a waiting build notices and opens the next one)
        os.close(fd)


def _acquire(path: Path, outputs: Path, deadline: float, fcntl: ModuleType) -> int:
    while True:
        fd = _open(path, outputs)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise UsageError(_busy(fd, outputs)) from None
                    time.sleep(0.1)
        except BaseException:
            os.close(fd)
            raise
        if _same(fd, path):
            return fd
        os.close(fd)  # the build before removed the file as it finished: lock the one there now


def _open(path: Path, outputs: Path) -> int:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EISDIR):
            why = "เป็นลิงก์" if exc.errno == errno.ELOOP else "เป็นโฟลเดอร์"
            raise UsageError(_foreign(path, outputs, why)) from exc
        raise unusable(path, exc) from exc
    info = os.fstat(fd)
    why = ""
    if not stat.S_ISREG(info.st_mode):
        why = "ไม่ใช่ไฟล์ธรรมดา"
    elif hasattr(os, "getuid") and info.st_uid != os.getuid():
        why = "เป็นของผู้ใช้อื่น"
    elif info.st_nlink != 1:
        why = "เป็นชื่อที่สองของไฟล์อื่น (hard link)"  # writing our pid into it would change that file
    if why:
        os.close(fd)
        raise UsageError(_foreign(path, outputs, why))
    return fd


def _same(fd: int, path: Path) -> bool:
    """The open lock is still the file at ``path`` (not one removed meanwhile)."""
    try:
        there = os.lstat(path)
    except OSError:
        return False
    here = os.fstat(fd)
    return (there.st_dev, there.st_ino) == (here.st_dev, here.st_ino)


def _busy(fd: int, outputs: Path) -> str:
    holder = ""
    with contextlib.suppress(OSError, ValueError):
        holder = f" (โปรแกรมหมายเลข {int(os.pread(fd, 32, 0).decode('ascii').strip())})"
    return f'มีการสร้างเอกสารอีกชุดกำลังเขียนลง "{outputs}" อยู่{holder} — รอให้เสร็จแล้วสั่งใหม่'


def _foreign(path: Path, outputs: Path, why: str) -> str:
    return f'ใช้ไฟล์ล็อก "{path}" ไม่ได้: {why} — ไม่เขียนลง "{outputs}"; ลบไฟล์นั้นออก (ถ้าไม่มีใครกำลังสร้างเอกสารอยู่) หรือเลือกโฟลเดอร์ผลลัพธ์อื่น'
