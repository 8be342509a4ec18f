from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import findings, plan_of, row, write_plan


def test_fires_for_an_own_project_missing_from_the_development_plan(folder: Path) -> None:
    rows = [row("1", "ก่อสร้างถนนคอนกรีต หมู่ที่ 1", "1,000"), row("2", "ขุดลอกหนองน้ำสาธารณะ", "2,000")]
    write_plan(folder, rows, devplan=["ก่อสร้างถนนคอนกรีต หมู่ที่ 1", "ขุดลอกหนองน้ำหนองบัว"])
    assert findings(folder, "not-in-development-plan") == [("a.docx", 1, 3)]
    (f,) = run_checks(plan_of(folder), ["not-in-development-plan"]).findings
    assert "ขุดลอกหนองน้ำหนองบัว" in f.suggestion


def test_quiet_for_small_spelling_differences(folder: Path) -> None:
    write_plan(folder, [row("1", "ก่อสร้างถนนคอนกรีต หมู่ที่ 1", "1,000")], devplan=["ก่อสร้างถนน คอนกรีต หมู่ที่ 1"])
    assert findings(folder, "not-in-development-plan") == []


def test_quiet_for_another_agencys_project(folder: Path) -> None:
    from tools.docxkit import Doc

    from ..conftest import MONTHS, R

    write_plan(folder, [row("1", "ถนน", "1,000")], devplan=["ถนน"])
    head = R(["ที่", "โครงการ", "งบประมาณ", "แหล่งงบประมาณ", *MONTHS], header=True)
    other = ["1", "ถนนลาดยางสายใหม่", "2,000,000", "อบจ.ชัยภูมิ", "✓", *[""] * 11]
    Doc().p("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน").p("แผนงานเคหะและชุมชน").table([head, other]).save(folder / "b.docx")
    assert findings(folder, "not-in-development-plan") == []


def test_quiet_when_no_development_plan_is_given(folder: Path) -> None:
    write_plan(folder, [row("1", "อะไรก็ได้", "1,000")])
    assert findings(folder, "not-in-development-plan") == []
