from pathlib import Path

from ..conftest import findings, row, write_plan

H = "แผนงานเคหะและชุมชน"


def test_fires_when_a_project_exceeds_its_ordinance_line(folder: Path) -> None:
    write_plan(
        folder, [row("1", "ถนน", "120,000"), row("2", "ท่อ", "50,000")], ordinance=[(H, "ถนน", "100,000"), (H, "ท่อ", "50,000")]
    )
    assert findings(folder, "over-ordinance") == [("a.docx", 1, 2)]


def test_quiet_within_the_line(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100,000")], ordinance=[(H, "ถนน", "100,000.00")])
    assert findings(folder, "over-ordinance") == []
