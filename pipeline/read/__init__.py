"""Reading inputs/: which files, and each .docx into Word-shaped blocks,
normalised once where they are handed to the extractor."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..settings import OWN_FILES, inputs_dir
from .blocks import Cell, Document, Paragraph, Row, Table, normalised
from .docx import read_docx
from .legacy import convert_doc
from .safe import ReadError, is_encrypted_docx

__all__ = ["Cell", "Document", "Paragraph", "ReadError", "ReadResult", "Row", "Table", "discover", "read_inputs"]


@dataclass
class ReadResult:
    docs: list[Document] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, Thai note)
    errors: list[tuple[str, ReadError]] = field(default_factory=list)


def discover(inputs: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to read (sorted, so runs are repeatable) and files skipped with a note."""
    paths = [inputs] if inputs.is_file() else sorted(p for p in inputs.rglob("*") if p.is_file())
    base = inputs_dir(inputs)
    take: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for p in paths:
        rel = p.relative_to(base).as_posix()
        parts = p.relative_to(base).parts
        if p.name.startswith("~$"):
            skipped.append((rel, "ไฟล์ล็อกของ Word (มีคนเปิดไฟล์อยู่) — ข้าม"))
        elif any(part.startswith(".") for part in parts):
            skipped.append((rel, "ไฟล์ซ่อน — ข้าม"))
        elif p.suffix.lower() in (".docx", ".doc"):
            take.append(p)
        elif p.name.lower() in OWN_FILES:
            continue  # the user's own settings next to the drafts
        else:
            skipped.append((rel, f"ไม่ใช่ไฟล์ .docx ({p.suffix or 'ไม่มีนามสกุล'}) — ข้าม"))
    return take, skipped


def _read(p: Path, rel: str) -> Document:
    data = p.read_bytes()
    if p.suffix.lower() == ".doc" and not is_encrypted_docx(data):
        with tempfile.TemporaryDirectory() as tmp:
            return read_docx(convert_doc(p, Path(tmp)), rel)
    return read_docx(p, rel, data)


def read_inputs(inputs: Path, progress: Callable[[str], None] | None = None) -> ReadResult:
    """Read every draft; a bad file never stops the others."""
    files, skipped = discover(inputs)
    base = inputs_dir(inputs)
    result = ReadResult(skipped=skipped)
    for p in files:
        rel = p.relative_to(base).as_posix()
        if progress:
            progress(rel)
        try:
            result.docs.append(normalised(_read(p, rel)))
        except ReadError as exc:
            result.errors.append((rel, exc))
        except Exception as exc:
            result.errors.append((rel, ReadError("open-failed", error=type(exc).__name__)))
    return result
