from pathlib import Path

from ..followup.followup_rules import codes_after
from ..followup.helpers import HALL, ROAD


def test_fires_for_a_finished_project_with_nothing_disbursed(folder: Path, tmp_path: Path) -> None:
    reports = {ROAD: ("done", "-", ""), HALL: ("done", "", "")}
    assert codes_after(folder, tmp_path, reports, code="done-without-disbursement") == [("กองช่าง.docx", 2), ("กองช่าง.docx", 4)]


def test_quiet_when_the_money_is_disbursed(folder: Path, tmp_path: Path) -> None:
    assert codes_after(folder, tmp_path, {ROAD: ("done", "499,000", "")}, code="done-without-disbursement") == []
