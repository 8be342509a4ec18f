from pathlib import Path

from ..conftest import findings, row, write_plan


def test_fires_for_a_corrupt_file_and_the_others_are_still_read(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    (folder / "broken.docx").write_bytes(b"PK\x03\x04garbage")
    assert findings(folder, "unreadable-file") == [("broken.docx", None, None)]
    assert findings(folder, "missing-field") == []


def test_quiet_for_good_files(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    assert findings(folder, "unreadable-file") == []
