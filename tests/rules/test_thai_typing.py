from pathlib import Path

import pytest

from pipeline.rules.runner import run_checks

from ..conftest import Doc, plan_of, row, write_plan


def typing(folder: Path) -> list[tuple]:
    report = run_checks(plan_of(folder), ["thai-typing"])
    return [
        (f.source.file, f.source.table, f.source.row, f.source.column, f.source.paragraph, f.value, f.suggestion)
        for f in report.findings
    ]


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("เเผนงาน", "แผนงาน"),  # two sara e
        ("ทํางาน", "ทำงาน"),  # nikhahit + sara aa
        ("ก่่อสร้าง", "ก่อสร้าง"),  # doubled tone mark
        ("ที่่", "ที่"),
        ("ก่ิง", "กิ่ง"),  # tone mark before the upper vowel
        ("ถนน\u200bคอนกรีต", "ถนนคอนกรีต"),  # zero-width space
        ("ผู้\u00a0ใหญ่บ้าน", "ผู้ ใหญ่บ้าน"),  # non-breaking space
        ("พ.ศ.2564", "พ.ศ. 2564"),
    ],
)
def test_fires_at_the_cell_with_the_correction(folder: Path, typed: str, fixed: str) -> None:
    write_plan(folder, [row("1", f"โครงการ {typed}", "100")])
    assert typing(folder) == [("a.docx", 1, 2, "โครงการ", None, typed, fixed)]


def test_fires_in_an_introduction_paragraph(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    Doc().p("บทนำ").p("แผนการดำเนินงานเป็นเอกสารที่ระบุเเผนงานทั้งหมด").save(folder / "intro.docx")
    ((file, _, _, _, paragraph, value, fixed),) = typing(folder)
    assert (file, paragraph) == ("intro.docx", 2) and "เเผนงาน" in value and fixed == value.replace("เเ", "แ")


def test_quiet_on_clean_text(folder: Path) -> None:
    write_plan(folder, [row("1", "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก พ.ศ. 2564 ผู้ใหญ่บ้าน กิ่งไม้", "100")])
    assert typing(folder) == []
