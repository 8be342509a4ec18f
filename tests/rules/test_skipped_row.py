from pathlib import Path

from ..conftest import findings, row, write_plan


def test_fires_for_a_loose_row_with_nothing_to_continue(folder: Path) -> None:
    write_plan(folder, [["", "", "หมายเหตุ: ดูแนบ", "", "", "", *[""] * 12], row("1", "ถนน", "100")])
    assert findings(folder, "skipped-row") == [("a.docx", 1, 2)]


def test_quiet_when_the_row_continues_a_project(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100"), ["", "", "หมายเหตุ: ดูแนบ", "", "", "", *[""] * 12]])
    assert findings(folder, "skipped-row") == []
