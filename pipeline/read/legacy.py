"""Legacy Word .doc files: converted to .docx with LibreOffice when it is
installed (a private profile, a time limit), else refused with a clear note."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .safe import ReadError


def convert_doc(path: Path, workdir: Path) -> Path:
    """A .docx copy of ``path`` in ``workdir``; the original is not touched."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise ReadError("ไฟล์ .doc แบบเก่า อ่านไม่ได้ (ไม่พบ LibreOffice สำหรับแปลงไฟล์)", "เปิดใน Word แล้วบันทึกเป็น .docx")
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            exe,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(workdir),
            str(path),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=120, check=False)
        except subprocess.TimeoutExpired as exc:
            raise ReadError("แปลงไฟล์ .doc ไม่สำเร็จ (ใช้เวลานานเกินไป)", "เปิดใน Word แล้วบันทึกเป็น .docx") from exc
    out = workdir / f"{path.stem}.docx"
    if not out.exists():
        raise ReadError("แปลงไฟล์ .doc ด้วย LibreOffice ไม่สำเร็จ", "เปิดใน Word แล้วบันทึกเป็น .docx")
    return out
