"""Where the shipped templates live, and the organisation's emblem beside them."""

from __future__ import annotations

import os
import re
from pathlib import Path, PureWindowsPath

from ..core.domain import UNASSIGNED

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
EMBLEM_NAMES = ("garuda.png", "emblem.png", "garuda.jpg", "emblem.jpg")


def template(folder: Path | None, name: str) -> Path:
    """The user's template ``name`` from ``folder``; the shipped one when that
    folder predates it (a templates folder copied before the amendment, the
    division forms or the follow-up existed)."""
    own = (folder or TEMPLATES) / name
    return own if own.exists() else TEMPLATES / name


def emblem(folder: Path | None = None) -> Path | None:
    """The emblem image beside the templates (garuda.png, or emblem.png/.jpg), if any."""
    for name in EMBLEM_NAMES:
        path = (folder or TEMPLATES) / name
        if path.is_file():
            return path
    return None


def user_path(text: str) -> Path:
    """A folder or file as the user typed it. ``inputs\\กองช่าง`` copied from a
    Windows command means a sub-folder on any system: where no file has that
    name, backslashes are read as separators (on Windows they are anyway)."""
    path = Path(text)
    if "\\" in text and os.sep != "\\" and not path.exists():
        return Path(PureWindowsPath(text).as_posix())
    return path


def file_name(unit: str) -> str:
    """A division's name as a file name Windows and Linux both accept."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", unit).strip(" .-") or UNASSIGNED
