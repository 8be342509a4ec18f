"""LibreOffice, found and started in one place (legacy .doc in, PDF out).

Each call runs headless with a private profile in a temporary folder, so a
LibreOffice the user has open does not block it, and a time limit.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found or os.name != "nt":
        return found
    # Windows: the installer does not put LibreOffice on PATH
    for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
        exe = Path(base or "C:\\Program Files") / "LibreOffice" / "program" / "soffice.exe"
        if exe.exists():
            return str(exe)
    return None


# PDF with Word's bookmarks as named destinations (where a bookmark fell is read back from them).
PDF = 'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop></item>
</oor:items>
"""


def convert(
    paths: list[Path], fmt: str, outdir: Path, timeout: float, locale: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Convert ``paths`` to ``fmt`` ("pdf", "docx", "fodt") into ``outdir`` with one
    LibreOffice start; ``locale`` its locale setting (th-TH: native numbering
    prints Thai digits). Raises FileNotFoundError when LibreOffice is missing and
    subprocess.TimeoutExpired when it takes longer than ``timeout`` seconds."""
    exe = soffice()
    if exe is None:
        raise FileNotFoundError("soffice")
    with tempfile.TemporaryDirectory() as profile:
        if locale:
            (Path(profile) / "user").mkdir()
            (Path(profile) / "user" / "registrymodifications.xcu").write_text(_SETTINGS.format(locale=locale), encoding="utf-8")
        cmd = [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", fmt, "--outdir", str(outdir)]
        # Its own process group: soffice starts soffice.bin, and a hung conversion must take both down.
        proc = subprocess.Popen(
            [*cmd, *map(str, paths)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=os.name == "posix",
        )
        try:
            out, err = proc.communicate(timeout=timeout)
        except BaseException:  # the time limit, or Ctrl+C: LibreOffice never outlives the build
            _kill(proc)
            raise
        return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _kill(proc: subprocess.Popen[str]) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass
    proc.communicate()
