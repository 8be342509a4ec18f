from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import Doc, findings, plan_of, profile_rows, row, write_plan


def test_fires_when_another_organisations_profile_is_among_the_drafts(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    other = [[k, "เทศบาลตำบลบ้านไผ่" if k == "ชื่อหน่วยงาน" else v] for k, v in profile_rows()]
    Doc().table(other).save(folder / "zz_other.docx")
    assert findings(folder, "conflicting-profile") == [("zz_other.docx", 1, None)]
    (f,) = run_checks(plan_of(folder), ["conflicting-profile"]).findings
    assert "ref.docx" in f.message and "zz_other.docx" in f.message and "บ้านไผ่" in f.message


def test_fires_for_another_fiscal_year(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    Doc().table(profile_rows(year="2565")).save(folder / "zz_next.docx")
    assert findings(folder, "conflicting-profile") == [("zz_next.docx", 1, None)]


def test_quiet_for_the_same_profile_twice(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    Doc().table(profile_rows()).save(folder / "zz_copy.docx")
    assert findings(folder, "conflicting-profile") == []
