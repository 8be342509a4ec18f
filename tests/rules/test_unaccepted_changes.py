from pathlib import Path

from ..conftest import Doc, findings, row, write_plan


def test_fires_for_tracked_changes_and_for_comments(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน[ins: ใหม่]", "100")])
    Doc().p("ข้อความ").comment("ตรวจตัวเลขอีกครั้ง").save(folder / "b.docx")
    assert findings(folder, "unaccepted-changes") == [("a.docx", None, None), ("b.docx", None, None)]


def test_quiet_for_clean_drafts(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    assert findings(folder, "unaccepted-changes") == []
