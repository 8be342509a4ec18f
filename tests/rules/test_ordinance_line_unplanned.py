from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import findings, plan_of, row, write_plan

H = "แผนงานเคหะและชุมชน"


def test_fires_at_the_ordinance_row_of_a_line_no_project_carries(folder: Path) -> None:
    lines = [(H, "ก่อสร้างถนน คสล.", "100,000"), (H, "ขุดลอกลำห้วยหนองบัว", "300,000")]
    write_plan(folder, [row("1", "โครงการก่อสร้างถนน คสล.", "100,000")], ordinance=lines)
    assert findings(folder, "ordinance-line-unplanned") == [("ref.docx", 3, 3)]
    (f,) = run_checks(plan_of(folder), ["ordinance-line-unplanned"]).findings
    assert "300,000.00" in f.message and f.source.column == "โครงการ"


def test_suggests_the_nearest_plan_project(folder: Path) -> None:
    lines = [(H, "ก่อสร้างรางระบายน้ำ คสล. สายบ้านหนองฉิม", "100,000")]
    write_plan(folder, [row("1", "ก่อสร้างรางระบายน้ำ คสล. สายบ้านโนนสำราญ", "100,000")], ordinance=lines)
    (f,) = run_checks(plan_of(folder), ["ordinance-line-unplanned"]).findings
    assert "บ้านโนนสำราญ" in f.suggestion


def test_quiet_for_planned_lines_and_for_salaries_and_running_costs(folder: Path) -> None:
    lines = [
        (H, "ก่อสร้างถนน คสล.", "100,000"),
        ("แผนงานบริหารงานทั่วไป", "เงินเดือนพนักงาน", "1,000,000"),
        ("แผนงานบริหารงานทั่วไป", "ค่าตอบแทนผู้ปฏิบัติราชการอันเป็นประโยชน์", "20,000"),
        ("แผนงานบริหารงานทั่วไป", "ค่าไฟฟ้า", "50,000"),
        ("แผนงานบริหารงานทั่วไป", "วัสดุสำนักงาน", "30,000"),
    ]
    write_plan(folder, [row("1", "ก่อสร้างถนน คสล.", "100,000")], ordinance=lines)
    assert findings(folder, "ordinance-line-unplanned") == []


def test_quiet_for_the_line_of_a_project_the_revision_cancels(folder: Path) -> None:
    from pipeline.revision.compare import difference
    from pipeline.rules import Env
    from pipeline.rules.runner import run_checks

    lines = [("แผนงานเคหะและชุมชน", "ก่อสร้างถนน", "1,000"), ("แผนงานเคหะและชุมชน", "วางท่อระบายน้ำ", "2,000")]
    before = plan_of(write_plan(folder, [row("1", "ก่อสร้างถนน", "1,000"), row("2", "วางท่อระบายน้ำ", "2,000")], ordinance=lines))
    after = plan_of(write_plan(folder, [row("1", "ก่อสร้างถนน", "1,000")], ordinance=lines))
    env = Env(revision=difference(before, after))
    assert run_checks(after, ["ordinance-line-unplanned"], env=env).findings == ()
    assert len(run_checks(after, ["ordinance-line-unplanned"]).findings) == 1  # outside a revision it is still asked


def test_quiet_for_utilities_reserves_and_allowances_a_project_supports(folder: Path) -> None:
    """ค่ากระแสไฟฟ้า and เงินสำรองจ่าย are no project lines; "เบี้ยยังชีพผู้สูงอายุ" is carried by the
    plan's "โครงการสนับสนุนเบี้ยยังชีพผู้สูงอายุ" (a real ordinance and plan, typed as published)."""
    lines = [
        ("แผนงานบริหารงานทั่วไป", "ค่ากระแสไฟฟ้า", "180,000"),
        ("แผนงานงบกลาง", "เงินสำรองจ่าย", "300,000"),
        ("แผนงานงบกลาง", "เบี้ยยังชีพผู้สูงอายุ", "12,542,400"),
    ]
    write_plan(folder, [row("1", "โครงการสนับสนุนเบี้ยยังชีพผู้สูงอายุ", "12,542,400")], ordinance=lines)
    assert findings(folder, "ordinance-line-unplanned") == []
    assert findings(folder, "not-in-ordinance") == []
