"""Where the shipped templates live, and the organisation's emblem beside them."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
EMBLEM_NAMES = ("garuda.png", "emblem.png", "garuda.jpg", "emblem.jpg")


def emblem(folder: Path | None = None) -> Path | None:
    """The emblem image beside the templates (garuda.png, or emblem.png/.jpg), if any."""
    for name in EMBLEM_NAMES:
        path = (folder or TEMPLATES) / name
        if path.is_file():
            return path
    return None
