from pathlib import Path

from pipeline.check import run_checks

from ..conftest import findings, plan_of, profile_rows, row, write_plan


def test_fires_one_day_late_and_names_the_last_legal_day(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")], profile=profile_rows(ordinance="15 กันยายน 2563", announce="16 ตุลาคม 2563"))
    assert findings(folder, "deadline") == [("ref.docx", 1, 6)]
    (f,) = run_checks(plan_of(folder), ["deadline"]).findings
    assert "15 ตุลาคม 2563" in f.message


def test_fires_when_announced_before_the_ordinance(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")], profile=profile_rows(ordinance="15 กันยายน 2563", announce="14 กันยายน 2563"))
    assert findings(folder, "deadline") == [("ref.docx", 1, 6)]


def test_quiet_on_the_same_day_and_on_the_last_day(folder: Path) -> None:
    for announce in ("15 กันยายน 2563", "15 ต.ค. 63"):
        write_plan(folder, [row("1", "ถนน", "100")], profile=profile_rows(ordinance="15/09/2563", announce=announce))
        assert findings(folder, "deadline") == []
