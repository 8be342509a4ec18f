"""The outputs folder as a set: which official documents belong to which
build, and no document of an earlier build left beside a later report.

``manifest.json`` names the build (a hash of the input files and options)
and, per document, the build it came from and its own hash. A refused build
moves the official documents of the last good build into ``previous/``; a
build without PDF moves the PDFs of an earlier build there too, so a PDF is
never older than its .docx.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from ..core.errors import UsageError
from ..core.settings import inputs_dir
from . import atomic
from .lock import locked as locked  # the build's lock, where app.py and the tests look for it

DOCUMENTS = ("plan.docx", "announcement.docx", "amendment.docx")
PDFS = ("plan.pdf", "announcement.pdf", "amendment.pdf")
PREVIOUS = "previous"
MANIFEST = "manifest.json"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def input_hashes(inputs: Path, files: list[Path]) -> list[dict[str, str]]:
    base = inputs_dir(inputs)
    return [{"file": p.relative_to(base).as_posix(), "sha256": _sha(p)} for p in sorted(files)]


def build_id(hashes: list[dict[str, str]], options: dict[str, Any]) -> str:
    h = hashlib.sha256()
    for item in hashes:
        h.update(f"{item['file']}\0{item['sha256']}\n".encode())
    h.update(repr(sorted(options.items())).encode())
    return h.hexdigest()[:16]


def move_aside(outputs: Path, names: tuple[str, ...]) -> list[str]:
    """Move the named documents of an earlier build into outputs/previous/."""
    moved = []
    for name in names:
        path = outputs / name
        if path.is_file():
            (outputs / PREVIOUS / name).parent.mkdir(parents=True, exist_ok=True)  # "publish/x.pdf" keeps its folder
            os.replace(path, outputs / PREVIOUS / name)
            moved.append(name)
    return moved


def write_manifest(outputs: Path, build: str, hashes: list[dict[str, str]], written: list[Path], ok: bool) -> Path:
    documents = {p.name: {"build": build, "sha256": _sha(p)} for p in written if p.suffix in (".docx", ".pdf")}
    data = {"build": build, "official": ok, "inputs": hashes, "documents": documents}
    return atomic.write_json(outputs / MANIFEST, data)


def refuse_inside_inputs(inputs: Path, *targets: Path | None) -> None:
    """No output may be written into the drafts' folder, or over a draft."""
    base = (inputs if inputs.is_dir() else inputs.parent).resolve()
    for target in targets:
        if target is None:
            continue
        where = target.resolve()
        if where == base or where.is_relative_to(base) or (inputs.is_file() and where == inputs.resolve()):
            raise UsageError(f'จะไม่เขียนผลลัพธ์ลงใน "{target}": อยู่ในโฟลเดอร์ไฟล์ร่าง {inputs} — เลือกโฟลเดอร์อื่น เช่น outputs')


def refuse_around_inputs(inputs: Path, outputs: Path) -> None:
    """A build swaps its outputs folder whole (files/staging.py): never one that holds the drafts."""
    if (inputs if inputs.is_dir() else inputs.parent).resolve().is_relative_to(outputs.resolve()):
        raise UsageError(
            f'จะไม่สร้างเอกสารลงใน "{outputs}": โฟลเดอร์นี้มีโฟลเดอร์ไฟล์ร่าง {inputs} อยู่ข้างใน '
            "(การสร้างจะแทนที่ทั้งโฟลเดอร์) — เลือกโฟลเดอร์ผลลัพธ์แยกต่างหาก เช่น outputs"
        )
