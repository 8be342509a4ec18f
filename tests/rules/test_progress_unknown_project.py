from pathlib import Path

from ..followup.followup_rules import codes_after
from ..followup.helpers import HALL, KIDS, PIPE, ROAD, TRAINING

ALL = {
    ROAD: ("done", "500,000", ""),
    PIPE: ("in_progress", "1,000", ""),
    HALL: ("in_progress", "0", ""),
    TRAINING: ("done", "30,000", ""),
    KIDS: ("done", "40,000", ""),
}


def test_fires_for_a_project_the_plan_does_not_have(folder: Path, tmp_path: Path) -> None:
    extra = [("โครงการก่อสร้างสะพานข้ามห้วยทราย", "done", "10,000")]
    assert codes_after(folder, tmp_path, ALL, extra, "progress-unknown-project") == [("กองช่าง.docx", 5)]


def test_quiet_when_every_row_is_a_plan_project(folder: Path, tmp_path: Path) -> None:
    assert codes_after(folder, tmp_path, ALL, code="progress-unknown-project") == []
