"""Atomic writes: a temporary file beside the target, then a rename, so a
reader never sees half a document and a failed run leaves the old file."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson

from ..core.errors import UsageError

REASONS = {
    errno.EACCES: "ไม่มีสิทธิ์เขียน (โฟลเดอร์อ่านได้อย่างเดียว)",
    errno.EPERM: "ไม่มีสิทธิ์เขียน",
    errno.EROFS: "ดิสก์อ่านได้อย่างเดียว",
    errno.ENOSPC: "พื้นที่ดิสก์เต็ม",
    errno.EDQUOT: "เกินโควตาพื้นที่",
    errno.ENOTDIR: "มีไฟล์ชื่อเดียวกันขวางอยู่แทนโฟลเดอร์",
    errno.EEXIST: "มีไฟล์ชื่อเดียวกันขวางอยู่แทนโฟลเดอร์",
    errno.EISDIR: "เป็นโฟลเดอร์ ไม่ใช่ไฟล์",
    errno.ENAMETOOLONG: "ชื่อไฟล์หรือที่อยู่ยาวเกินไป",
}


def unusable(path: Path, exc: OSError) -> UsageError:
    """An outputs path that cannot be written, said in Thai with its reason."""
    reason = REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return UsageError(f'เขียนไฟล์ "{path}" ไม่ได้: {reason} — เลือกโฟลเดอร์ผลลัพธ์อื่น หรือแก้สิทธิ์/พื้นที่ดิสก์')


def write_bytes(path: Path, data: bytes) -> Path:
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        # A short temporary name: the target's own name plus a suffix can pass the file system's limit.
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        _write_all(fd, data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; outputs are meant to be shared
        os.replace(tmp, path)
    except OSError as exc:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise unusable(path, exc) from exc
    except BaseException:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _write_all(fd: int, data: bytes) -> None:
    """Every byte of ``data`` into the open file, which is closed after (the one
    place a file's bytes are written: a full disk shows here)."""
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))


def json_text(data: Any) -> bytes:
    """``json.dumps(data, ensure_ascii=False, indent=2)`` and a newline, as
    UTF-8: orjson writes the same bytes (tested; only a float under 1e-4, which no
    output holds, is spelled 1e-7 for 1e-07) in a tenth of the time — the
    standard library indents in pure Python, a second and a half for the
    reports of 10,000 projects. What orjson refuses (an integer past 64 bits)
    goes the standard way."""
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    except TypeError:
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_json(path: Path, data: Any) -> Path:
    return write_bytes(path, json_text(data))
