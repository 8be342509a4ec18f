"""``check --annotate`` and ``build``: which findings go into annotated copies, and what to tell the user."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from ..core.model import Finding
from ..core.settings import Settings
from ..read import Document
from ..rules.runner import Report
from . import annotate

ANNOTATED = "annotated"  # outputs/annotated/: where build writes the copies


def located(findings: Iterable[Finding]) -> bool:
    """Some finding has a place inside a draft (a table or a paragraph)."""
    return any(f.source.table is not None or f.source.paragraph is not None for f in findings)


def clear(dest: Path) -> None:
    """Copies of an earlier build in outputs/annotated/ (the folder is the tool's): a draft fixed since has none."""
    if dest.is_dir():
        for old in dest.rglob("*"):
            if old.is_file() and old.suffix.lower() in (".docx", ".xlsx", ".xlsm"):
                old.unlink()


def annotate_report(
    report: Report, inputs: Path, dest: Path, conf: Settings, read: Mapping[str, Document] | None = None
) -> list[str]:
    """Write the copies; one Thai line on what was written (and on drafts left without one).
    ``read``: the drafts as the run read them, by file."""
    done = annotate(report.findings, inputs, dest, conf.annotate_author, dict(conf.corrections), read)
    notes = []
    if done.written:
        top = f", ไว้ต้นเอกสาร {done.at_top} รายการ" if done.at_top else ""
        proposed = f", เสนอแก้ไขแบบติดตามการเปลี่ยนแปลง {done.proposed} จุด" if done.proposed else ""
        notes.append(
            f"ร่างที่มีความเห็น {len(done.written)} ไฟล์ ใน {dest}: ความเห็นตรงตำแหน่ง {done.placed} รายการ{top}{proposed}"
            " — ส่งให้แต่ละกองแก้ แล้ววางไฟล์ที่แก้แล้วแทนร่างเดิมใน inputs/"
        )
    elif not done.skipped:
        notes.append(f"ไม่มีสิ่งที่พบในร่าง .docx/.xlsx จึงไม่มีสำเนาที่ต้องส่งกลับ ({dest})")
    if done.skipped:
        notes.append(f"ไม่ได้ใส่ความเห็นใน {', '.join(done.skipped)} (ใส่ได้เฉพาะ .docx และ .xlsx ที่อ่านได้) — ดูรายงานแทน")
    return notes
