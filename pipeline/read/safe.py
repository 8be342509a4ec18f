"""Refuse files that cannot be read safely, before any XML is parsed.

A password-protected .docx is an OLE container, not a zip; a legacy .doc is
OLE too; a zip bomb is caught by its declared sizes; a document part with a
DOCTYPE (entity declarations) is refused rather than parsed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # far above any real plan draft
MAX_RATIO = 200


class ReadError(Exception):
    """A file that cannot be read; ``reason`` is Thai text for the report."""

    def __init__(self, reason: str, hint: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


def is_encrypted_docx(path: Path) -> bool:
    """An OLE file holding an encrypted OOXML package (not a legacy .doc)."""
    with open(path, "rb") as fh:
        data = fh.read(1 << 16)
    return data[:8] == OLE_MAGIC and "EncryptedPackage".encode("utf-16-le") in data


def check_package(path: Path) -> None:
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        if path.suffix.lower() == ".doc":
            raise ReadError("ไฟล์ .doc แบบเก่า อ่านไม่ได้", "เปิดใน Word แล้วบันทึกเป็น .docx")
        raise ReadError("ไฟล์ถูกเข้ารหัส (ตั้งรหัสผ่าน) อ่านไม่ได้", "เอารหัสผ่านออกใน Word แล้วบันทึกใหม่")
    if not zipfile.is_zipfile(path):
        raise ReadError("ไฟล์เสียหาย ไม่ใช่เอกสาร Word (.docx) ที่สมบูรณ์", "เปิดไฟล์ใน Word แล้วบันทึกใหม่")
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > MAX_UNCOMPRESSED or (total > 10 * 1024 * 1024 and total / packed > MAX_RATIO):
                raise ReadError("ไฟล์ใหญ่ผิดปกติ (ขยายแล้วเกินขนาดที่อ่านได้อย่างปลอดภัย)", "ตรวจสอบไฟล์ หรือแยกเป็นหลายไฟล์")
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise ReadError("ไฟล์เสียหาย ไม่มีเนื้อหาเอกสาร (word/document.xml)", "เปิดไฟล์ใน Word แล้วบันทึกใหม่")
            with z.open("word/document.xml") as fh:
                start = fh.read(4096)
            if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                raise ReadError("ไฟล์มีการประกาศ entity ใน XML ซึ่งไม่ปลอดภัย", "เปิดไฟล์ใน Word แล้วบันทึกใหม่")
    except zipfile.BadZipFile as exc:
        raise ReadError("ไฟล์เสียหาย (zip ไม่สมบูรณ์)", "เปิดไฟล์ใน Word แล้วบันทึกใหม่") from exc
