from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import MONTHS, Doc, R, findings, plan_of, row, write_plan

HEAD = R(["ที่", "โครงการ", "งบประมาณ (บาท)", *MONTHS], header=True)


def _unitless(*names: str) -> list:
    return [HEAD, *[[str(i), n, "1,000", "✓", *[""] * 11] for i, n in enumerate(names, 1)]]


def test_one_warning_per_draft_listing_its_rows(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    doc = Doc().p("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564").p("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน").p("แผนงานเคหะและชุมชน")
    doc.table(_unitless("ถนน ก", "ถนน ข")).table(_unitless("ถนน ค")).save(folder / "b.docx")
    assert findings(folder, "missing-unit") == [("b.docx", None, None)]
    (f,) = run_checks(plan_of(folder), ["missing-unit"]).findings
    assert "3 รายการ" in f.message and "ตารางที่ 1 แถวที่ 2, 3; ตารางที่ 2 แถวที่ 2" in f.message
    assert "หน่วยงานรับผิดชอบ" in f.hint


def test_quiet_when_the_title_names_the_division(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    doc = Doc().p("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564").p("กองช่าง องค์การบริหารส่วนตำบลทดสอบ อำเภอเมือง")
    doc.p("แผนงานเคหะและชุมชน").table(_unitless("ถนน ก")).save(folder / "b.docx")
    assert findings(folder, "missing-unit") == []
    assert [p.unit for p in plan_of(folder).projects] == ["กองช่าง", "กองช่าง"]


def test_quiet_when_the_file_name_names_the_division(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    Doc().p("แผนงานเคหะและชุมชน").table(_unitless("ถนน ก")).save(folder / "แผนดำเนินงาน กองช่าง 2564.docx")
    assert findings(folder, "missing-unit") == []
    assert plan_of(folder).projects[1].unit == "กองช่าง"


def test_quiet_when_the_development_plan_names_the_division(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    head = [R(["ที่", "โครงการ", "2564 (บาท)", "2565 (บาท)", "หน่วยงานรับผิดชอบหลัก"], header=True)]
    Doc().p("แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565)").table([*head, ["1", "โครงการถนน ก", "1,000", "1,000", "กองช่าง"]]).save(
        folder / "c.docx"
    )
    Doc().p("แผนงานเคหะและชุมชน").table(_unitless("ถนน ก")).save(folder / "b.docx")
    assert findings(folder, "missing-unit") == []
    assert plan_of(folder).projects[1].unit == "กองช่าง"


def test_fires_for_a_blank_cell_of_a_unit_column(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000"), row("2", "ท่อ", "1,000", unit="")])
    assert findings(folder, "missing-unit") == [("a.docx", None, None)]
