from pathlib import Path

from ..conftest import findings, row, write_plan

H = "แผนงานเคหะและชุมชน"


def test_fires_when_the_program_total_exceeds_the_ordinance_total(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100,000"), row("2", "ถนนสายสอง", "100,000")], ordinance=[(H, "ถนน", "150,000")])
    assert findings(folder, "program-over-ordinance") == [("a.docx", 1, 2)]


def test_quiet_within_the_program_total(folder: Path) -> None:
    write_plan(
        folder, [row("1", "ถนน", "100,000"), row("2", "ท่อ", "50,000")], ordinance=[(H, "ถนน", "100,000"), (H, "ท่อ", "60,000")]
    )
    assert findings(folder, "program-over-ordinance") == []
