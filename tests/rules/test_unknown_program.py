from pathlib import Path

from pipeline.check import run_checks

from ..conftest import STRATEGY, findings, plan_of, row, write_plan


def test_fires_for_a_non_standard_program_with_a_suggestion(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")], headings=(STRATEGY, "1.1 แผนงานเคหะชุมชน"))
    assert findings(folder, "unknown-program") == [("a.docx", 1, 2)]
    (f,) = run_checks(plan_of(folder), ["unknown-program"]).findings
    assert "แผนงานเคหะและชุมชน" in f.suggestion


def test_fires_for_a_standard_program_not_mapped_under_the_strategy(folder: Path) -> None:
    write_plan(folder, [row("1", "อาหารเสริม", "1,000")], headings=(STRATEGY, "1.2 แผนงานการศึกษา"))
    assert findings(folder, "unknown-program") == [("a.docx", 1, 2)]


def test_quiet_for_spelling_variants_of_a_mapped_program(folder: Path) -> None:
    links = [(STRATEGY, "แผนงานการรักษาความสงบภายใน"), (STRATEGY, "แผนงานการศาสนาวัฒนธรรมและนันทนาการ")]
    write_plan(folder, [row("1", "จุดตรวจ", "1,000")], strategies=links, headings=(STRATEGY, "แผนงานรักษาความสงบภายใน"))
    assert findings(folder, "unknown-program") == []
    write_plan(
        folder, [row("1", "ลอยกระทง", "1,000")], strategies=links, headings=(STRATEGY, "แผนงานการศาสนา วัฒนธรรม และนันทนาการ")
    )
    assert findings(folder, "unknown-program") == []
