"""One follow-up run for the progress rules' tests: the plan in ``folder``,
the divisions' forms for quarter 2 filled as ``reports`` says."""

from __future__ import annotations

import shutil
from pathlib import Path

from pipeline import app

from .helpers import announced_plan, fill, generated_forms


def codes_after(folder: Path, tmp: Path, reports: dict[str, tuple], extra: list[tuple] = (), code: str = "") -> list[tuple]:
    forms = generated_forms(announced_plan(folder), tmp / "forms")
    returned = tmp / "returned"
    returned.mkdir()
    for unit, path in forms.items():
        fill(shutil.copy(path, returned / f"{unit}.docx"), reports, extra if unit == "กองช่าง" else [])
    result = app.progress(folder, returned, tmp / "out")
    return [(f.source.file, f.source.row) for f in result.report.findings if f.code == code]
