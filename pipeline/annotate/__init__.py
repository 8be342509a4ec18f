"""Annotated drafts: each division's own draft back with the findings in it.

For every .docx (and .xlsx) draft with findings, a copy in the annotated
folder with a Word comment anchored on the cell or paragraph of each finding
(the Thai message, the rule code, the suggestion and how to fix it);
findings without a place in the draft in one comment at the top. Safe fixes
are proposed as tracked changes (``changes``). The drafts themselves are
never touched. A returned copy is read like any draft: the reader knows the
tool's own comments and proposals (pipeline/read/own.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..core.model import Finding
from ..core.settings import ANNOTATOR, inputs_dir
from ..files import atomic
from ..read import Document, Table
from ..read.docx import q, read_docx
from ..read.safe import ReadError
from .changes import Proposer, safe_fix
from .locate import Locator, below, top
from .word import Note, Package, add_comments

LABEL = {"error": "ข้อผิดพลาด", "warning": "คำเตือน", "info": "ข้อสังเกต"}
DOCX, WORKBOOKS = ".docx", (".xlsx", ".xlsm")


@dataclass
class Annotated:
    """What ``annotate`` wrote: the copies, findings placed, at the top, fixes proposed."""

    written: list[Path] = field(default_factory=list)
    placed: int = 0
    at_top: int = 0
    proposed: int = 0
    skipped: list[str] = field(default_factory=list)  # drafts with findings not annotated (converted formats)


def comment_lines(f: Finding) -> tuple[str, ...]:
    """A finding as a comment: severity and code, the message, the value, the suggestion, the fix."""
    lines = [f"{LABEL.get(f.severity, f.severity)} [{f.code}]", f.message]
    if f.value:
        lines.append(f"ค่าที่พบ: {f.value}")
    if f.suggestion:
        lines.append(f"ข้อเสนอ: {f.suggestion}")
    if f.hint:
        lines.append(f"วิธีแก้: {f.hint}")
    return tuple(lines)


def _top_lines(findings: list[Finding]) -> tuple[str, ...]:
    out = [f"ข้อสังเกตจากการตรวจร่างที่ไม่ระบุตำแหน่งในไฟล์นี้ ({len(findings)} รายการ)"]
    for f in findings:
        out += ["", *comment_lines(f)]
    return tuple(out)


def annotate_docx(
    data: bytes, doc: Document, findings: list[Finding], author: str, accepted: dict[str, str]
) -> tuple[bytes, Annotated]:
    """A copy of the .docx ``data`` with the findings as comments and safe fixes as tracked changes."""
    pkg = Package.open(data)
    main = pkg.xml(pkg.main)
    body = main.find(q("body")) if main is not None else None
    if body is None:
        raise ReadError("no-document")
    tables = {b.index: b for b in doc.blocks if isinstance(b, Table)}
    proposer, locate = Proposer(main, author), Locator(body, tables)
    done, notes, loose = Annotated(), [], []
    for f in findings:
        anchor = locate(f.source)
        if not anchor:
            loose.append(f)
            continue
        fix = safe_fix(f, accepted)
        if fix and proposer.propose(anchor + below(anchor), *fix):
            done.proposed += 1
        notes.append(Note(comment_lines(f), tuple(anchor)))
        done.placed += 1
    first = top(body)
    if loose and first:
        notes.insert(0, Note(_top_lines(loose), tuple(first)))
        done.at_top = len(loose)
    return pkg.save(main, add_comments(main, pkg.xml(pkg.comments), notes, author)), done


def _as_read(path: Path, rel: str, data: bytes, read: Mapping[str, Document] | None) -> Document:
    """The draft's blocks as the run read them (the reader gives the same blocks
    for the same bytes), or read now; a draft converted from .doc is read anew."""
    doc = read.get(rel) if read is not None else None
    if doc is None or doc.converted_from:
        return read_docx(path, rel, data)
    return doc


def annotate(
    findings: Iterable[Finding],
    inputs: Path,
    dest: Path,
    author: str = ANNOTATOR,
    accepted: dict[str, str] | None = None,
    read: Mapping[str, Document] | None = None,
) -> Annotated:
    """Write an annotated copy of every draft in ``inputs`` that has findings into ``dest``
    (the same relative path). Findings about files that are not drafts are left out.
    ``read``: the drafts as the run read them, by file (else each is read again here)."""
    from .workbook import annotate_workbook  # openpyxl only when a workbook has findings

    base, result = inputs_dir(inputs), Annotated()
    by_file: dict[str, list[Finding]] = {}
    for f in findings:
        by_file.setdefault(f.source.file, []).append(f)
    for rel, found in sorted(by_file.items()):
        path = base / rel
        suffix = path.suffix.lower()
        if not path.is_file() or (suffix != DOCX and suffix not in WORKBOOKS):
            if path.is_file():
                result.skipped.append(rel)
            continue
        data = path.read_bytes()
        try:
            if suffix == DOCX:
                copy, done = annotate_docx(data, _as_read(path, rel, data, read), found, author, accepted or {})
            else:
                copy, placed = annotate_workbook(data, found, lambda f: "\n".join(comment_lines(f)), author, suffix == ".xlsm")
                done = Annotated(placed=placed, at_top=len(found) - placed)
        except Exception:  # as the reader: a damaged draft (reported unreadable already) gets no copy, the others do
            result.skipped.append(rel)
            continue
        result.written.append(atomic.write_bytes(dest / rel, copy))
        result.placed += done.placed
        result.at_top += done.at_top
        result.proposed += done.proposed
    return result
