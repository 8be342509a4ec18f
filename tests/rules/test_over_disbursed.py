from pathlib import Path

from ..followup.followup_rules import codes_after
from ..followup.helpers import HALL, ROAD


def test_fires_when_more_is_disbursed_than_planned(folder: Path, tmp_path: Path) -> None:
    reports = {ROAD: ("done", "500,000.01", ""), HALL: ("in_progress", "50,000", "")}
    assert codes_after(folder, tmp_path, reports, code="over-disbursed") == [("กองช่าง.docx", 2)]


def test_quiet_at_exactly_the_planned_budget(folder: Path, tmp_path: Path) -> None:
    assert codes_after(folder, tmp_path, {ROAD: ("done", "500,000.00", "")}, code="over-disbursed") == []
