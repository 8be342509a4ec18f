"""What each file in tests/golden/ holds, made afresh from the code.

The tests only compare (see :func:`stored`); nothing rewrites a golden file
while tests run. After a reviewed change, ``make golden`` (tools/golden.py)
rewrites them and prints the diff.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from pipeline.core.records import plan_to_json
from pipeline.report.terminal import render_text
from pipeline.rules.runner import run_checks

from .conftest import ROOT, SAMPLES, C, plan_of, profile_rows, row, seed_docx, write_plan

GOLDEN = ROOT / "tests" / "golden"


def broken_drafts(folder: Path) -> Path:
    """A small plan with findings of several kinds (over the ordinance, a
    worded amount, no month, a wrong total), without its introduction."""
    rows = [
        row("1", "ถนน", "120,000"),
        row("2", "ถนน", "หนึ่งแสน"),
        row("3", "ท่อ", "5,000", set()),
        [C("รวม", span=3), "1", C(span=14)],
    ]
    return write_plan(
        folder, rows, profile=profile_rows(announce="30 ตุลาคม 2563"), ordinance=[("แผนงานเคหะและชุมชน", "ถนน", "100,000")]
    )


def broken(folder: Path) -> Path:
    """``broken_drafts`` with the raw seed introduction."""
    seed_docx(broken_drafts(folder) / "intro.docx")
    return folder


def sample_records(_: Path) -> str:
    return json.dumps(plan_to_json(plan_of(SAMPLES)), ensure_ascii=False, indent=2) + "\n"


def report_sample(_: Path) -> str:
    return render_text(run_checks(plan_of(SAMPLES)), width=100)


def report_broken(tmp: Path) -> str:
    folder = tmp / "inputs"  # the name the drafts' folder has in a user's checkout
    folder.mkdir()
    return render_text(run_checks(plan_of(broken(folder))), width=80)


MAKERS: dict[str, Callable[[Path], str]] = {
    "sample_records.json": sample_records,
    "report_sample.txt": report_sample,
    "report_broken.txt": report_broken,
}


def fresh(name: str) -> str:
    """The golden file ``name`` as the code makes it now."""
    with tempfile.TemporaryDirectory() as tmp:
        return MAKERS[name](Path(tmp))


def stored(name: str) -> str:
    return (GOLDEN / name).read_text(encoding="utf-8")
