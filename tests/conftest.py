"""Shared test helpers: real .docx files built by tools/docxkit.py."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

# Every test reads its drafts afresh, in this process and in the command lines it starts: the
# cache between runs (pipeline/memo.py) would carry one test's answers into another; test_memo.py
# turns it on where it is tested.
os.environ["PIPELINE_CACHE"] = "off"

from pipeline.core.model import Plan
from pipeline.extract import extract
from pipeline.read import read_inputs
from pipeline.rules.runner import run_checks
from tools.docxkit import C, Doc, R

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"  # the shipped example drafts (inputs/ holds the user's own, untracked)

SEED = ROOT.parent / "shared" / "seeds" / "000_ff7a59476e4920e3.txt"
SEED_COPY = ROOT / "tests" / "fixtures" / "seed_intro.txt"
MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]


def seed_docx(path: Path) -> Path:
    """The raw seed introduction (mistakes included), one paragraph per line."""
    doc = Doc()
    for line in SEED_COPY.read_text(encoding="utf-8").splitlines():
        doc.p(line)
    return doc.save(path)


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
        ["ผู้ลงนาม", "นายทดสอบ ใจดี"],
        ["ตำแหน่ง", "นายกองค์การบริหารส่วนตำบลทดสอบ"],
    ]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "inputs"
    d.mkdir()
    return d


STRATEGY = "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน"
PROGRAM = "1.1 แผนงานเคหะและชุมชน"


def row(seq: str, name: str, budget: str, months: set[int] | None = None, location: str = "หมู่ที่ 1", unit: str = "กองช่าง") -> list:
    """A project row for :func:`project_table` (activity left empty)."""
    marks = months if months is not None else {1}
    return [seq, name, "", budget, location, unit, *["✓" if m in marks else "" for m in range(1, 13)]]


def write_plan(
    folder: Path,
    rows: list,
    *,
    profile: list | None = None,
    strategies: list[tuple[str, str]] | None = None,
    ordinance: list[tuple[str, str, str]] | None = None,
    devplan: list[str] | None = None,
    headings: tuple[str, ...] = (STRATEGY, PROGRAM),
) -> Path:
    """A complete small set of inputs: ref.docx (profile, strategy map, and
    optionally ordinance and development-plan lists) and a.docx (headings and
    one project table with ``rows``). Returns the folder."""
    ref = Doc().table(profile if profile is not None else profile_rows())
    links = strategies if strategies is not None else [(STRATEGY, "แผนงานเคหะและชุมชน")]
    ref.p("ความเชื่อมโยงยุทธศาสตร์").table([R(["ยุทธศาสตร์", "แผนงาน"], header=True), *[[s, p] for s, p in links]])
    if ordinance is not None:
        ref.p("บัญชีตามข้อบัญญัติงบประมาณรายจ่ายประจำปี พ.ศ. 2564")
        ref.table([R(["แผนงาน", "โครงการ", "จำนวนเงิน (บาท)"], header=True), *[list(o) for o in ordinance]])
    if devplan is not None:
        ref.p("แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565)")
        head = [R(["ที่", "โครงการ", C("งบประมาณ", span=2)], header=True), R(["", "", "2564 (บาท)", "2565 (บาท)"], header=True)]
        ref.table([*head, *[[str(i), n, "1,000", "1,000"] for i, n in enumerate(devplan, 1)]])
    ref.save(folder / "ref.docx")
    doc = Doc()
    for h in headings:
        doc.p(h)
    doc.table(project_table(rows)).save(folder / "a.docx")
    return folder


def findings(folder: Path, code: str) -> list[tuple]:
    """(file, table, row) of the findings of one rule on a folder of drafts."""
    return codes_at(plan_of(folder), code)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def headless(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A real headless Chromium, offline, in its own profile; CI installs it."""
    assert CHROMIUM is not None, "CI must install chromium"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    flags += ["--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'chromium'}", "--virtual-time-budget=2000"]
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120, cwd=tmp_path)
