from pathlib import Path

from ..conftest import findings, profile_rows, row, write_plan


def test_fires_for_a_revision_announced_before_its_event(folder: Path) -> None:
    prof = [
        *profile_rows(ordinance="15 กันยายน 2563", announce="1 ตุลาคม 2563"),
        ["ครั้งที่แก้ไข", "1/2564"],
        ["วันที่ได้รับแจ้งแผนงานและโครงการ", "5 ตุลาคม 2563"],
    ]
    write_plan(folder, [row("1", "ถนน", "100")], profile=prof)
    # the annual ordinance is on or before the announcement, so it is the event: no warning
    assert findings(folder, "deadline-before-event") == []
    prof[5] = ["วันที่ประกาศแผนการดำเนินงาน", "10 กันยายน 2563"]
    write_plan(folder, [row("1", "ถนน", "100")], profile=prof)
    assert findings(folder, "deadline-before-event") == [("ref.docx", 1, 6)]
    assert findings(folder, "deadline") == []


def test_quiet_within_the_window(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")], profile=profile_rows())
    assert findings(folder, "deadline-before-event") == []
