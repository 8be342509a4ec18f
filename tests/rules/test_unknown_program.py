from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import STRATEGY, findings, plan_of, row, write_plan


def test_fires_for_a_non_standard_program_with_a_suggestion(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000"), row("2", "ท่อ", "1,000")], headings=(STRATEGY, "1.1 แผนงานเคหะชุมชน"))
    # One finding, at the heading that names the แผนงาน (paragraph 2), not one per row.
    (f,) = run_checks(plan_of(folder), ["unknown-program"]).findings
    assert (f.source.file, f.source.paragraph) == ("a.docx", 2)
    assert "แผนงานเคหะและชุมชน" in f.suggestion


def test_fires_for_a_standard_program_not_mapped_under_the_strategy(folder: Path) -> None:
    write_plan(folder, [row("1", "อาหารเสริม", "1,000")], headings=(STRATEGY, "1.2 แผนงานการศึกษา"))
    (f,) = run_checks(plan_of(folder), ["unknown-program"]).findings
    assert (f.source.file, f.source.paragraph) == ("a.docx", 2)


def test_a_missing_heading_the_ordinance_names_is_one_finding_with_the_suggestion(folder: Path) -> None:
    rows = [row("1", "ถนน", "1,000"), row("2", "ท่อ", "1,000"), row("3", "ไฟ", "1,000")]
    lines = [("แผนงานเคหะและชุมชน", n, "1,000") for n in ("ถนน", "ท่อ", "ไฟ")]
    write_plan(folder, rows, ordinance=lines, headings=(STRATEGY,))
    (f,) = run_checks(plan_of(folder), ["unknown-program"]).findings
    assert (f.source.table, f.source.row, f.source.column) == (1, 2, None)
    assert "แผนงานเคหะและชุมชน" in f.suggestion


def test_a_missing_heading_without_an_ordinance_is_one_finding_per_row(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000"), row("2", "ท่อ", "1,000")], headings=(STRATEGY,))
    assert findings(folder, "unknown-program") == [("a.docx", 1, 2), ("a.docx", 1, 3)]


def test_quiet_for_spelling_variants_of_a_mapped_program(folder: Path) -> None:
    links = [(STRATEGY, "แผนงานการรักษาความสงบภายใน"), (STRATEGY, "แผนงานการศาสนาวัฒนธรรมและนันทนาการ")]
    write_plan(folder, [row("1", "จุดตรวจ", "1,000")], strategies=links, headings=(STRATEGY, "แผนงานรักษาความสงบภายใน"))
    assert findings(folder, "unknown-program") == []
    write_plan(
        folder, [row("1", "ลอยกระทง", "1,000")], strategies=links, headings=(STRATEGY, "แผนงานการศาสนา วัฒนธรรม และนันทนาการ")
    )
    assert findings(folder, "unknown-program") == []
