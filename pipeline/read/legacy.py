"""Office documents that are not .docx or .xlsx (legacy Word .doc,
OpenDocument .odt, rich text .rtf; legacy Excel .xls, OpenDocument .ods):
converted with LibreOffice when it is installed, else refused with a clear note."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..files import office
from .safe import ReadError

TIMEOUT = 120  # seconds for one file


def convert_office(path: Path, workdir: Path, target: str = "docx") -> Path:
    """A .docx (or ``target``) copy of ``path`` in ``workdir``; the original is not touched."""
    try:
        office.convert([path], target, workdir, TIMEOUT)
    except FileNotFoundError as exc:
        raise ReadError("no-office", suffix=path.suffix) from exc
    except subprocess.TimeoutExpired as exc:
        raise ReadError("convert-timeout", suffix=path.suffix) from exc
    out = workdir / f"{path.stem}.{target}"
    if not out.exists():
        raise ReadError("convert-failed", suffix=path.suffix)
    return out
