"""Reading inputs/: which files, and each draft into Word-shaped blocks,
normalised as they are read (blocks.cell, blocks.paragraph).

Word drafts (.docx) and Excel workbooks (.xlsx) are read directly; other
office documents that hold a draft (.doc, .odt, .rtf; .xls, .ods) are
converted through LibreOffice first. Files that cannot hold a draft we read
(PDF, CSV, slides, images) are refused
with a reason, so a division's draft is never lost in silence; plain notes and
Word's lock and hidden files are skipped with a note.
"""

from __future__ import annotations

import fnmatch
import hashlib
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..core import memo
from ..core.settings import OWN_FILES, inputs_dir
from .blocks import Cell, Document, Paragraph, Row, Table
from .docx import read_docx
from .legacy import convert_office
from .plain import document, plain
from .safe import ReadError, is_encrypted_docx
from .xlsx import read_xlsx

__all__ = ["Cell", "Document", "Found", "Paragraph", "ReadError", "ReadResult", "Row", "Table", "discover", "read_inputs"]

KEEP_DRAFTS = 120  # versions of drafts kept as read (each run loads them all: a few MB at most; the oldest go)
CONVERTED = (".doc", ".odt", ".rtf")
WORKBOOKS = (".xlsx", ".xlsm")
CONVERTED_WORKBOOKS = (".xls", ".ods")
REFUSED = {
    ".pdf": "pdf",
    ".csv": "spreadsheet",
    ".ppt": "slides",
    ".pptx": "slides",
    ".odp": "slides",
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".webp"), "image"),
}


@dataclass
class Found:
    drafts: list[Path] = field(default_factory=list)  # to read
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, Thai note)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, ReadError kind)


@dataclass
class ReadResult:
    docs: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, Thai note)
    errors: list[tuple[str, ReadError]] = field(default_factory=list)


def discover(inputs: Path, ignore: Iterable[str] = ()) -> Found:
    """Files to read (sorted, so runs are repeatable), skipped with a note, and
    refused. ``ignore`` holds the user's patterns (pipeline.toml)."""
    paths = [inputs] if inputs.is_file() else sorted(inputs.rglob("*"))
    base = inputs_dir(inputs)
    root = base.resolve()
    patterns = list(ignore)
    found = Found()
    for p in paths:
        rel = p.relative_to(base).as_posix()
        parts = p.relative_to(base).parts
        suffix = p.suffix.lower()
        if p.is_symlink() and not p.resolve().is_relative_to(root):
            found.skipped.append((rel, "ลิงก์ที่ชี้ออกนอกโฟลเดอร์ inputs — ไม่อ่าน (คัดลอกไฟล์จริงมาไว้ในโฟลเดอร์แทน)"))
        elif p.is_dir():
            if suffix in (".docx", ".doc", ".odt", ".rtf"):
                found.skipped.append((rel, "เป็นโฟลเดอร์ ไม่ใช่ไฟล์ร่าง — ข้าม"))
            continue
        elif not p.is_file():
            continue
        elif p.name.startswith("~$"):
            found.skipped.append((rel, "ไฟล์ล็อกของ Word (มีคนเปิดไฟล์อยู่) — ข้าม"))
        elif any(part.startswith(".") for part in parts):
            found.skipped.append((rel, "ไฟล์ซ่อน — ข้าม"))
        elif p.name.lower() in OWN_FILES:
            continue  # the user's own settings next to the drafts
        elif any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(p.name, pat) for pat in patterns):
            found.skipped.append((rel, "ข้ามตามที่ตั้งไว้ใน pipeline.toml (ignore)"))
        elif suffix == ".docx" or suffix in CONVERTED or suffix in WORKBOOKS or suffix in CONVERTED_WORKBOOKS:
            found.drafts.append(p)
        elif suffix in REFUSED:
            found.refused.append((rel, REFUSED[suffix]))
        else:
            found.skipped.append((rel, f"ไม่ใช่ไฟล์ร่าง ({p.suffix or 'ไม่มีนามสกุล'}) — ข้าม"))
    return found


def _read(p: Path, rel: str) -> Document:
    """The draft as blocks — as read last time when its bytes are the same
    (kept in the cache, see memo.py: a .doc's LibreOffice conversion takes
    seconds, an .xlsx needs openpyxl, any draft a few milliseconds)."""
    data = p.read_bytes()
    if memo.folder() is None:
        return _read_anew(p, rel, data)  # no cache between runs: within one run each draft is read once anyway
    kept = memo.table("drafts", limit=KEEP_DRAFTS)
    key = f"{rel}\x1f{hashlib.sha1(data).hexdigest()}"
    entry = kept.get(key)
    if entry is not None:
        try:
            return document(entry)  # plain data, every field's type checked: nothing in the cache runs
        except (ValueError, TypeError, RecursionError):  # a damaged or planted entry: read the draft again
            pass
    doc = _read_anew(p, rel, data)
    kept.put(key, plain(doc))
    return doc


def _read_anew(p: Path, rel: str, data: bytes) -> Document:
    suffix = p.suffix.lower()
    if suffix in CONVERTED and not is_encrypted_docx(data):
        with tempfile.TemporaryDirectory() as tmp:
            return replace(read_docx(convert_office(p, Path(tmp)), rel), converted_from=suffix)
    if suffix in CONVERTED_WORKBOOKS and not is_encrypted_docx(data):
        with tempfile.TemporaryDirectory() as tmp:
            return replace(read_xlsx(convert_office(p, Path(tmp), "xlsx"), rel), converted_from=suffix)
    if suffix in WORKBOOKS:
        return read_xlsx(p, rel, data)
    return read_docx(p, rel, data)


def read_inputs(
    inputs: Path, progress: Callable[[str], None] | None = None, ignore: Iterable[str] = (), found: Found | None = None
) -> ReadResult:
    """Read every draft; a bad file never stops the others. ``found``: the
    files a run already discovered (with its ignore patterns), else discovered here."""
    found = found if found is not None else discover(inputs, ignore)
    base = inputs_dir(inputs)
    result = ReadResult(skipped=found.skipped, errors=[(rel, ReadError(kind)) for rel, kind in found.refused])
    for p in found.drafts:
        rel = p.relative_to(base).as_posix()
        if progress:
            progress(rel)
        try:
            doc = _read(p, rel)
            if not any(b.text for b in doc.blocks if isinstance(b, Paragraph)) and not any(
                isinstance(b, Table) for b in doc.blocks
            ):
                result.skipped.append((rel, "เอกสารว่าง ไม่มีข้อความหรือตาราง — ข้าม"))
                continue
            result.docs.append(doc)
        except ReadError as exc:
            result.errors.append((rel, exc))
        except Exception as exc:
            result.errors.append((rel, ReadError("open-failed", error=type(exc).__name__)))
    result.errors.sort(key=lambda e: e[0])
    return result
