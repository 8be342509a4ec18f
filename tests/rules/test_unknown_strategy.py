from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import MONTHS, Doc, R, findings, plan_of, row, write_plan


def test_fires_with_the_closest_known_strategy_as_suggestion(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")], headings=("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐานน", "แผนงานเคหะและชุมชน"))
    (f,) = run_checks(plan_of(folder), ["unknown-strategy"]).findings
    assert "การพัฒนาด้านโครงสร้างพื้นฐาน" in f.suggestion and "ใช่หรือไม่" in f.suggestion


def test_a_strategy_from_a_heading_paragraph_points_at_the_paragraph(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")], headings=("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐานน", "แผนงานเคหะและชุมชน"))
    (f,) = run_checks(plan_of(folder), ["unknown-strategy"]).findings
    assert (f.source.file, f.source.table, f.source.paragraph, f.source.column) == ("a.docx", None, 1, None)
    assert "ย่อหน้าที่ 1" in f.source.where() and "คอลัมน์" not in f.source.where()
    assert "ตารางที่ 1 แถวที่ 2" in f.message


def test_a_strategy_from_a_column_points_at_the_cell(folder: Path) -> None:
    head = R(["ยุทธศาสตร์", "แผนงาน", "ที่", "โครงการ", "งบประมาณ", *MONTHS], header=True)
    rows = [["การพัฒนาด้านโครงสร้างพื้นฐานน", "แผนงานเคหะและชุมชน", "1", "ถนน", "1,000", "✓", *[""] * 11]]
    write_plan(folder, [], headings=())
    Doc().table([head, *rows]).save(folder / "a.docx")
    assert findings(folder, "unknown-strategy") == [("a.docx", 1, 2)]
    (f,) = run_checks(plan_of(folder), ["unknown-strategy"]).findings
    assert f.source.column == "ยุทธศาสตร์"


def test_fires_when_no_heading_gives_a_strategy(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")], headings=("แผนงานการศึกษา",))
    assert findings(folder, "unknown-strategy") == [("a.docx", 1, 2)]


def test_a_program_under_one_strategy_gives_it_silently(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000"), row("2", "ท่อ", "1,000")], headings=("แผนงานเคหะและชุมชน",))
    assert findings(folder, "unknown-strategy") == []
    assert {p.strategy for p in plan_of(folder).projects} == {"การพัฒนาด้านโครงสร้างพื้นฐาน"}


def test_a_program_under_several_strategies_asks_which_once(folder: Path) -> None:
    links = [("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน", "แผนงานเคหะและชุมชน"), ("ยุทธศาสตร์ที่ 2 การพัฒนาคุณภาพชีวิต", "แผนงานเคหะและชุมชน")]
    write_plan(folder, [row("1", "ถนน", "1,000"), row("2", "ท่อ", "1,000")], strategies=links, headings=("แผนงานเคหะและชุมชน",))
    (f,) = run_checks(plan_of(folder), ["unknown-strategy"]).findings
    assert (f.source.table, f.source.row) == (1, 2)
    assert "การพัฒนาด้านโครงสร้างพื้นฐาน" in f.suggestion and "การพัฒนาคุณภาพชีวิต" in f.suggestion


def test_quiet_when_the_strategy_is_written_differently_but_is_the_same(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")], headings=("1. ยุทธศาสตร์การพัฒนาด้าน โครงสร้างพื้นฐาน", "1.1 แผนงานเคหะและชุมชน"))
    assert findings(folder, "unknown-strategy") == []


def test_one_wrong_value_on_many_rows_is_one_finding_listing_them(folder: Path) -> None:
    rows = [row("1", "ถนน", "1,000"), row("2", "ท่อ", "1,000"), row("3", "ไฟฟ้า", "1,000")]
    write_plan(folder, rows, headings=("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐานน", "แผนงานเคหะและชุมชน"))
    (f,) = run_checks(plan_of(folder), ["unknown-strategy"]).findings
    assert (f.source.paragraph, f.source.row) == (1, None)
    assert "แถวที่ 2, 3, 4" in f.message
    assert "การพัฒนาด้านโครงสร้างพื้นฐาน" in f.suggestion


def test_a_heading_over_two_tables_is_one_finding_listing_both(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")], headings=("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐานน", "แผนงานเคหะและชุมชน"))
    from ..conftest import project_table

    doc = Doc().p("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐานน").p("แผนงานเคหะและชุมชน").table(project_table([row("1", "ถนน", "1,000")]))
    doc.p("แผนงานอุตสาหกรรมและการโยธา").table(project_table([row("1", "ท่อ", "1,000"), row("2", "ราง", "1,000")])).save(
        folder / "a.docx"
    )
    (f,) = run_checks(plan_of(folder), ["unknown-strategy"]).findings
    assert f.source.paragraph == 1 and "ตารางที่ 1 แถวที่ 2; ตารางที่ 2 แถวที่ 2, 3" in f.message
