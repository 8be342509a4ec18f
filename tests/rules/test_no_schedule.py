from pathlib import Path

from ..conftest import findings, row, write_plan


def test_fires_when_no_month_is_marked(folder: Path) -> None:
    write_plan(folder, [row("1", "ก", "100", set()), row("2", "ข", "100", {5})])
    assert findings(folder, "no-schedule") == [("a.docx", 1, 2)]


def test_quiet_when_months_are_marked(folder: Path) -> None:
    write_plan(folder, [row("1", "ก", "100", {1, 2, 3})])
    assert findings(folder, "no-schedule") == []
