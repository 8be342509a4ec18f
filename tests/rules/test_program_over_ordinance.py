from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import MONTHS, STRATEGY, Doc, R, findings, plan_of, row, write_plan

H = "แผนงานเคหะและชุมชน"


def test_fires_when_the_program_total_exceeds_the_ordinance_total(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100,000"), row("2", "ถนนสายสอง", "100,000")], ordinance=[(H, "ถนน", "150,000")])
    (f,) = run_checks(plan_of(folder), ["program-over-ordinance"]).findings
    # At the แผนงาน heading (the second paragraph), never a แผนงาน column the table does not have.
    assert (f.source.file, f.source.table, f.source.paragraph, f.source.column) == ("a.docx", None, 2, None)
    assert "รวม 200,000.00 บาท เกินข้อบัญญัติ (150,000.00 บาท) อยู่ 50,000.00 บาท" in f.message


def test_points_at_the_program_column_when_the_table_has_one(folder: Path) -> None:
    doc = Doc().p(STRATEGY)
    head = ["ที่", "แผนงาน", "โครงการ", "งบประมาณ", *MONTHS]
    doc.table([R(head, header=True), ["1", H, "ถนน", "100,000", "✓", *[""] * 11], ["2", H, "ท่อ", "100,000", "✓", *[""] * 11]])
    write_plan(folder, [], ordinance=[(H, "ถนน", "150,000")], headings=())
    doc.save(folder / "a.docx")
    (f,) = run_checks(plan_of(folder), ["program-over-ordinance"]).findings
    assert (f.source.table, f.source.row, f.source.column) == (1, 2, "แผนงาน")


def test_quiet_within_the_program_total(folder: Path) -> None:
    write_plan(
        folder, [row("1", "ถนน", "100,000"), row("2", "ท่อ", "50,000")], ordinance=[(H, "ถนน", "100,000"), (H, "ท่อ", "60,000")]
    )
    assert findings(folder, "program-over-ordinance") == []


def test_quiet_when_an_over_ordinance_project_explains_the_whole_excess(folder: Path) -> None:
    lines = [(H, "ถนน", "100,000"), (H, "ท่อ", "50,000")]
    write_plan(folder, [row("1", "ถนน", "120,000"), row("2", "ท่อ", "50,000")], ordinance=lines)
    assert findings(folder, "program-over-ordinance") == []
    assert len(findings(folder, "over-ordinance")) == 1


def test_fires_when_the_excess_is_more_than_over_ordinance_explains(folder: Path) -> None:
    lines = [(H, "ถนน", "100,000"), (H, "ท่อ", "50,000")]
    write_plan(folder, [row("1", "ถนน", "120,000"), row("2", "ท่อ", "50,000"), row("3", "ไฟฟ้าส่องสว่าง", "30,000")], ordinance=lines)
    (f,) = run_checks(plan_of(folder), ["program-over-ordinance"]).findings
    assert "อยู่ 50,000.00 บาท" in f.message


def test_a_revision_for_accumulated_funds_counts_the_added_project_as_such(folder: Path) -> None:
    from pipeline.revision.compare import difference
    from pipeline.rules import Env

    from ..conftest import profile_rows

    lines = [(H, "ถนน", "100,000")]
    before = plan_of(write_plan(folder, [row("1", "ถนน", "100,000")], ordinance=lines))
    rows = [row("1", "ถนน", "100,000"), row("2", "ขุดลอกคลองสาธารณะ", "300,000")]
    plain = plan_of(write_plan(folder, rows, ordinance=lines))
    codes = ["program-over-ordinance", "not-in-ordinance"]
    (f, _) = run_checks(plain, codes, env=Env(revision=difference(before, plain))).findings
    assert "วันที่อนุมัติจ่ายขาดเงินสะสม" in f.hint  # the finding names the key to add
    funds = [*profile_rows(), ["วันที่อนุมัติจ่ายขาดเงินสะสม", "1 มีนาคม 2564"]]
    after = plan_of(write_plan(folder, rows, ordinance=lines, profile=funds))
    assert after.profile.accumulated_date is not None
    assert run_checks(after, codes, env=Env(revision=difference(before, after))).findings == ()
