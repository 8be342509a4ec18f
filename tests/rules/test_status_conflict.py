from pathlib import Path

from ..followup.followup_rules import codes_after
from ..followup.helpers import PIPE, ROAD


def test_fires_for_two_statuses_in_one_row(folder: Path, tmp_path: Path) -> None:
    reports = {ROAD: (("done", "in_progress"), "100", ""), PIPE: ("done", "100", "")}
    assert codes_after(folder, tmp_path, reports, code="status-conflict") == [("กองช่าง.docx", 2)]


def test_quiet_for_one_status_a_row(folder: Path, tmp_path: Path) -> None:
    assert codes_after(folder, tmp_path, {ROAD: ("done", "100", ""), PIPE: ("cancelled", "0", "")}, code="status-conflict") == []


def test_fires_for_one_project_reported_twice_with_different_statuses(folder: Path, tmp_path: Path) -> None:
    extra = [(ROAD, "in_progress", "100")]  # กองช่าง adds the road again at the end, under another status
    assert codes_after(folder, tmp_path, {ROAD: ("done", "100", "")}, extra, "status-conflict") == [("กองช่าง.docx", 5)]


def test_quiet_for_the_same_report_twice(folder: Path, tmp_path: Path) -> None:
    assert codes_after(folder, tmp_path, {ROAD: ("done", "100", "")}, [(ROAD, "done", "100")], "status-conflict") == []


def test_quiet_for_a_blank_row_beside_a_filled_one(folder: Path, tmp_path: Path) -> None:
    """The generated form's road row left blank, the road reported at the end of the same form: the filled row counts."""
    extra = [(ROAD, "done", "100")]
    assert codes_after(folder, tmp_path, {PIPE: ("done", "100", "")}, extra, "status-conflict") == []
    assert ("กองช่าง.docx", 2) not in codes_after(
        folder, tmp_path / "again", {PIPE: ("done", "100", "")}, extra, "progress-missing"
    )
