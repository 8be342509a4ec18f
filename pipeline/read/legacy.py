"""Legacy Word .doc files: converted to .docx with LibreOffice when it is
installed, else refused with a clear note."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .. import office
from .safe import ReadError

TIMEOUT = 120  # seconds for one .doc


def convert_doc(path: Path, workdir: Path) -> Path:
    """A .docx copy of ``path`` in ``workdir``; the original is not touched."""
    try:
        office.convert([path], "docx", workdir, TIMEOUT)
    except FileNotFoundError as exc:
        raise ReadError("no-office") from exc
    except subprocess.TimeoutExpired as exc:
        raise ReadError("convert-timeout") from exc
    out = workdir / f"{path.stem}.docx"
    if not out.exists():
        raise ReadError("convert-failed")
    return out
