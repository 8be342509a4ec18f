"""LibreOffice, found and started in one place (legacy .doc in, PDF out).

Each call runs headless with a private profile in a temporary folder, so a
LibreOffice the user has open does not block it, and a time limit.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(paths: list[Path], fmt: str, outdir: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """Convert ``paths`` to ``fmt`` ("pdf", "docx") into ``outdir`` with one
    LibreOffice start. Raises FileNotFoundError when LibreOffice is missing and
    subprocess.TimeoutExpired when it takes longer than ``timeout`` seconds."""
    exe = soffice()
    if exe is None:
        raise FileNotFoundError("soffice")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", fmt, "--outdir", str(outdir)]
        return subprocess.run([*cmd, *map(str, paths)], capture_output=True, text=True, timeout=timeout, check=False)
