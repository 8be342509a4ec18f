"""The follow-up in tests: a small announced plan, its status forms made by
``track-forms``, and forms filled by code the way staff fill them in Word —
ticks, words in a สถานะ column, a typo'd name, a project the plan lacks."""

from __future__ import annotations

from pathlib import Path

import docx

from pipeline.app import track_forms
from pipeline.render.linebreak import plain as unmark

from ..conftest import Doc, R, row, write_plan

PROJECTS = [
    ("1", "โครงการก่อสร้างถนน คสล. หมู่ที่ 1", "500,000", {2, 3}, "กองช่าง"),
    ("2", "โครงการวางท่อระบายน้ำ หมู่ที่ 2", "200,000", {4, 5}, "กองช่าง"),
    ("3", "โครงการซ่อมแซมศาลาประชาคม", "50,000", {7}, "กองช่าง"),
    ("4", "โครงการอบรมอาสาสมัครป้องกันภัย", "30,000", {1}, "สำนักปลัด"),
    ("5", "โครงการจัดงานวันเด็กแห่งชาติ", "40,000", {4}, "สำนักปลัด"),
]
ROAD, PIPE, HALL, TRAINING, KIDS = (p[1] for p in PROJECTS)
COLUMNS = {"done": 3, "in_progress": 4, "not_started": 5, "cancelled": 6}  # of a generated form


def announced_plan(folder: Path) -> Path:
    return write_plan(folder, [row(seq, name, budget, months, unit=unit) for seq, name, budget, months, unit in PROJECTS])


def generated_forms(inputs: Path, out: Path, quarter: int = 2) -> dict[str, Path]:
    return {unit: path for unit, _, path in track_forms(inputs, out, quarter=quarter)}


def fill(path: Path, reports: dict[str, tuple], extra: list[tuple] = (), rename: dict[str, str] | None = None) -> Path:
    """``reports``: name → (statuses, disbursed, note); statuses a str or a tuple
    of them (a conflict). ``extra`` rows go into new rows at the end;
    ``rename`` retypes a name (a typo)."""
    form = docx.Document(str(path))
    (table,) = form.tables
    for tr in table.rows[1:]:
        cells = tr.cells
        name = " ".join(unmark(cells[1].text).split())
        if name not in reports:
            continue
        statuses, disbursed, note = reports[name]
        for s in (statuses,) if isinstance(statuses, str) else statuses:
            cells[COLUMNS[s]].text = "✓"
        cells[7].text, cells[8].text = disbursed, note
        if rename and name in rename:
            cells[1].text = rename[name]
    for name, status, disbursed in extra:
        cells = table.add_row().cells
        cells[1].text, cells[2].text, cells[COLUMNS[status]].text, cells[7].text = name, "10,000", "✓", disbursed
    form.save(str(path))
    return path


def staff_form(path: Path, rows: list[tuple[str, str, str, str]], period: str = "ไตรมาสที่ 2") -> Path:
    """A form a division typed itself: a two-row header, the status as words
    in one สถานะ column, amounts the way people type them."""
    head = [
        R(["ลำดับ", "ชื่อโครงการ", "งบประมาณ", "ผลการดำเนินงาน", "", "หมายเหตุ"], header=True),
        R(["", "", "", "สถานะ", "จำนวนเงินที่เบิกจ่าย", ""], header=True),
    ]
    body = [[str(i), name, budget, status, paid, ""] for i, (name, budget, status, paid) in enumerate(rows, 1)]
    Doc().p(f"รายงานผลการดำเนินงาน {period} ปีงบประมาณ 2564").table([*head, *body]).save(path)
    return path
