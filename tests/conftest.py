"""Shared test helpers: real .docx files built by tools/docxkit.py."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.check import run_checks  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.model import Plan  # noqa: E402
from pipeline.read import read_inputs  # noqa: E402
from tools.docxkit import C, Doc, R  # noqa: E402, F401

SEED = ROOT.parent / "shared" / "seeds" / "000_ff7a59476e4920e3.txt"
SEED_COPY = ROOT / "tests" / "fixtures" / "seed_intro.txt"
MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]


def plan_of(folder: Path) -> Plan:
    return extract(read_inputs(folder))


def codes_at(plan: Plan, code: str, codes: list[str] | None = None) -> list[tuple]:
    """(file, table, row) of every finding with ``code`` (rules run: ``codes`` or just that one)."""
    report = run_checks(plan, codes or [code])
    return [(f.source.file, f.source.table, f.source.row) for f in report.findings if f.code == code]


def project_table(rows: list[list], months: bool = True) -> list:
    """A plain ผด.02-like table: one header row and the given data rows
    (ที่, โครงการ, กิจกรรม, งบประมาณ, สถานที่, หน่วยงาน, then 12 month cells)."""
    head = ["ที่", "โครงการ", "รายละเอียดของกิจกรรม", "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก"]
    if months:
        head += MONTHS
    return [R([C(h, bold=True) for h in head], header=True), *rows]


def profile_rows(year: str = "2564", ordinance: str = "15 กันยายน 2563", announce: str = "9 ตุลาคม 2563") -> list:
    return [
        ["ชื่อหน่วยงาน", "องค์การบริหารส่วนตำบลทดสอบ"],
        ["อำเภอ", "เมือง"],
        ["จังหวัด", "ชัยภูมิ"],
        ["ปีงบประมาณ", year],
        ["วันที่ประกาศใช้ข้อบัญญัติงบประมาณ", ordinance],
        ["วันที่ประกาศแผนการดำเนินงาน", announce],
    ]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "inputs"
    d.mkdir()
    return d
