from pathlib import Path

from ..conftest import Doc, findings, row, write_plan


def test_fires_for_a_table_with_no_known_header(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    Doc().table([["ลงชื่อ", "ตำแหน่ง"], ["นาย ก", "ปลัด"]]).save(folder / "b.docx")
    assert findings(folder, "unknown-table") == [("b.docx", 1, None)]


def test_quiet_for_recognised_tables(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    assert findings(folder, "unknown-table") == []
