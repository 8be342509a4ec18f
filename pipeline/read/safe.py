"""Refuse files that cannot be read safely, before any XML is parsed.

A password-protected .docx is an OLE container, not a zip; a legacy .doc is
OLE too; a zip bomb is caught by its declared sizes; a document part with a
DOCTYPE (entity declarations) is refused rather than parsed.
"""

from __future__ import annotations

import io
import zipfile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # far above any real plan draft
MAX_RATIO = 200
# openpyxl holds every cell of a workbook in memory (about 30 bytes of RAM a byte of
# sheet XML): a plan's workbook is a few MB, so more than this is not a draft.
MAX_WORKBOOK = 40 * 1024 * 1024


class ReadError(Exception):
    """A file that cannot be read. ``kind`` names what is wrong (the rule
    catalogue's ``unreadable-file`` words it); ``facts`` fill its message."""

    def __init__(self, kind: str, **facts: str) -> None:
        super().__init__(kind)
        self.kind = kind
        self.facts = facts


def is_encrypted_docx(data: bytes) -> bool:
    """An OLE file holding an encrypted OOXML package (not a legacy .doc)."""
    return data[:8] == OLE_MAGIC and "EncryptedPackage".encode("utf-16-le") in data[: 1 << 16]


def check_package(data: bytes, suffix: str, main: str = "word/document.xml", limit: int = MAX_UNCOMPRESSED) -> None:
    """Raise ``ReadError`` unless ``data`` (a whole file) is an Office package
    (.docx; .xlsx with ``main`` "xl/workbook.xml") that is safe to parse. Every
    XML part is checked for entity declarations, not only the main one: a
    workbook's cells live in other parts."""
    if data[:8] == OLE_MAGIC:
        if suffix.lower() in (".doc", ".odt", ".rtf"):
            raise ReadError("legacy-doc")
        raise ReadError("encrypted")
    buf = io.BytesIO(data)
    if not zipfile.is_zipfile(buf):
        raise ReadError("not-zip")
    try:
        with zipfile.ZipFile(buf) as z:
            infos = z.infolist()
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > limit or (total > 10 * 1024 * 1024 and total / packed > MAX_RATIO):
                raise ReadError("too-large")
            names = {i.filename for i in infos}
            if main not in names:
                raise ReadError("no-document")
            for info in infos:
                if info.filename.endswith((".xml", ".rels")):
                    with z.open(info) as fh:
                        start = fh.read(4096)
                    if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                        raise ReadError("entity")
    except zipfile.BadZipFile as exc:
        raise ReadError("bad-zip") from exc
