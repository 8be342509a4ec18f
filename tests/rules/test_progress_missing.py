from pathlib import Path

from ..followup.followup_rules import codes_after
from ..followup.helpers import HALL, KIDS, PIPE, ROAD, TRAINING


def test_fires_for_a_row_without_a_status(folder: Path, tmp_path: Path) -> None:
    reports = {
        ROAD: ("done", "500,000", ""),
        PIPE: ("in_progress", "0", ""),
        HALL: ("in_progress", "0", ""),
        TRAINING: ("done", "30,000", ""),
    }
    assert codes_after(folder, tmp_path, reports, code="progress-missing") == [("สำนักปลัด.docx", 3)]  # วันเด็ก left empty


def test_fires_at_the_plans_row_for_a_project_no_form_lists(folder: Path, tmp_path: Path) -> None:
    from pipeline import app

    from ..followup.helpers import announced_plan, fill, generated_forms

    forms = generated_forms(announced_plan(folder), tmp_path / "forms")
    returned = tmp_path / "returned"
    returned.mkdir()
    fill(forms["กองช่าง"], {ROAD: ("done", "1", ""), PIPE: ("done", "1", ""), HALL: ("done", "1", "")})
    (returned / "กองช่าง.docx").write_bytes(forms["กองช่าง"].read_bytes())  # สำนักปลัด sent nothing back
    result = app.progress(folder, returned, tmp_path / "out")
    assert sorted((f.source.file, f.source.row) for f in result.report.findings if f.code == "progress-missing") == [
        ("a.docx", 5),
        ("a.docx", 6),
    ]


def test_quiet_when_every_project_is_reported(folder: Path, tmp_path: Path) -> None:
    reports = {
        ROAD: ("done", "1", ""),
        PIPE: ("done", "1", ""),
        HALL: ("done", "1", ""),
        TRAINING: ("done", "1", ""),
        KIDS: ("done", "1", ""),
    }
    assert codes_after(folder, tmp_path, reports, code="progress-missing") == []
