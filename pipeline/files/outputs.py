"""The outputs folder as a set: which official documents belong to which
build, and no document of an earlier build left beside a later report.

``manifest.json`` names the build (a hash of the input files and options)
and, per document, the build it came from and its own hash. A refused build
moves the official documents of the last good build into ``previous/``; a
build without PDF moves the PDFs of an earlier build there too, so a PDF is
never older than its .docx.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..core.errors import UsageError
from ..core.settings import inputs_dir
from . import atomic

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


LOCK = ".pipeline.lock"
WAIT = 60  # seconds a second build waits for the first


@contextlib.contextmanager
def locked(outputs: Path, wait: float = WAIT) -> Iterator[None]:
    """One build at a time writes into a folder, so no reader sees a mix of
    two builds' files. Where the system has no file locks (not POSIX), it is
    left to the user."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    # The lock lives in the system's temporary folder, named after the outputs
    # folder: outputs/ holds only the build's own files.
    name = hashlib.sha256(str(outputs.resolve()).encode("utf-8")).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"pipeline-{name}{LOCK}"
    try:
        handle = open(path, "w")  # noqa: SIM115 - held for the whole build
    except OSError as exc:
        from .atomic import unusable

        raise unusable(path, exc) from exc
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise UsageError(f'มีการสร้างเอกสารอีกชุดกำลังเขียนลง "{outputs}" อยู่ — รอให้เสร็จแล้วสั่งใหม่') from None
                time.sleep(0.2)
        yield
    finally:
        handle.close()


def refuse_inside_inputs(inputs: Path, *targets: Path | None) -> None:
    """No output may be written into the drafts' folder, or over a draft."""
    base = (inputs if inputs.is_dir() else inputs.parent).resolve()
    for target in targets:
        if target is None:
            continue
        where = target.resolve()
        if where == base or where.is_relative_to(base) or (inputs.is_file() and where == inputs.resolve()):
            raise UsageError(f'จะไม่เขียนผลลัพธ์ลงใน "{target}": อยู่ในโฟลเดอร์ไฟล์ร่าง {inputs} — เลือกโฟลเดอร์อื่น เช่น outputs')
