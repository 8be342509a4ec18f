from pathlib import Path

from ..conftest import Doc, findings, project_table, row, write_plan


def test_fires_for_an_empty_table_and_a_header_only_table(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    Doc().table([["", ""], ["", ""]]).table(project_table([])).save(folder / "b.docx")
    assert findings(folder, "empty-table") == [("b.docx", 1, None), ("b.docx", 2, None)]


def test_quiet_for_tables_with_rows(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    assert findings(folder, "empty-table") == []
