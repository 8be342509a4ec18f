from pathlib import Path

from ..followup.followup_rules import codes_after
from ..followup.helpers import HALL, PIPE


def test_fires_when_every_scheduled_month_is_over_and_nothing_started(folder: Path, tmp_path: Path) -> None:
    # ท่อ: ม.ค.–ก.พ., over by the end of quarter 2 (31 March)
    assert codes_after(folder, tmp_path, {PIPE: ("not_started", "0", "")}, code="behind-schedule") == [("กองช่าง.docx", 3)]


def test_quiet_for_a_project_whose_months_are_still_to_come(folder: Path, tmp_path: Path) -> None:
    # ศาลา: เม.ย., after quarter 2; ท่อ under way
    assert (
        codes_after(folder, tmp_path, {HALL: ("not_started", "0", ""), PIPE: ("in_progress", "0", "")}, code="behind-schedule")
        == []
    )
