from pathlib import Path

from ..conftest import findings, profile_rows, row, write_plan


def test_fires_for_each_missing_required_key(folder: Path) -> None:
    rows = [r for r in profile_rows() if r[0] not in ("จังหวัด", "วันที่ประกาศแผนการดำเนินงาน")]
    write_plan(folder, [row("1", "ถนน", "100")], profile=rows)
    assert findings(folder, "missing-profile") == [("ref.docx", 1, None), ("ref.docx", 1, None)]


def test_fires_once_when_there_is_no_profile_at_all(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")], profile=[["หมายเหตุ", "ไม่มีข้อมูล"]])
    assert findings(folder, "missing-profile") == [("(inputs)", None, None)]


def test_quiet_with_a_complete_profile(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    assert findings(folder, "missing-profile") == []
