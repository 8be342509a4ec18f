from pathlib import Path

from ..conftest import findings, row, write_plan


def test_fires_for_a_project_without_budget_and_one_without_name(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", ""), row("2", "", "5,000"), row("3", "ท่อ", "1,000")])
    assert findings(folder, "missing-field") == [("a.docx", 1, 2), ("a.docx", 1, 3)]


def test_quiet_when_every_project_has_name_and_budget(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100,000"), row("2", "ไม่ใช้งบ", "-")])
    assert findings(folder, "missing-field") == []
