from pathlib import Path

from ..conftest import findings, row, write_plan


def test_fires_for_a_very_long_cell(folder: Path) -> None:
    project = row("1", "ถนน", "100")
    project[2] = "ข้อความยาว " * 200
    write_plan(folder, [project, row("2", "ท่อ", "100")])
    assert findings(folder, "long-cell") == [("a.docx", 1, 2)]


def test_quiet_for_ordinary_cells(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    assert findings(folder, "long-cell") == []
