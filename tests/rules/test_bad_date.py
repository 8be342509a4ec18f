from pathlib import Path

from ..conftest import findings, profile_rows, row, write_plan


def test_fires_for_a_date_that_does_not_parse(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")], profile=profile_rows(announce="ภายในเดือนตุลาคม"))
    assert findings(folder, "bad-date") == [("ref.docx", 1, 6)]


def test_quiet_for_the_date_forms_of_the_spec(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")], profile=profile_rows(ordinance="๑๕ กันยายน ๒๕๖๓", announce="9/10/2563"))
    assert findings(folder, "bad-date") == []
