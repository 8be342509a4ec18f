from pathlib import Path

from ..conftest import findings, row, write_plan


def test_fires_at_the_second_copy(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน คสล.", "100"), row("2", "ถนน  คสล", "100"), row("3", "ถนน คสล.", "100", location="หมู่ที่ 2")])
    assert findings(folder, "duplicate-project") == [("a.docx", 1, 3)]


def test_quiet_for_same_name_in_different_places(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100", location="หมู่ที่ 1"), row("2", "ถนน", "100", location="หมู่ที่ 2")])
    assert findings(folder, "duplicate-project") == []


def test_quiet_for_the_same_name_with_other_funding_or_place(folder: Path) -> None:
    from ..conftest import C

    transfer = [*row("2", "ถนน", "1,000")]
    rows = [row("1", "ถนน", "1,000"), transfer, row("3", "ถนน", "1,000", location="หมู่ที่ 2")]
    write_plan(folder, rows)
    assert findings(folder, "duplicate-project") == [("a.docx", 1, 3)]
    transfer[3] = C("1,000 (โอนงบประมาณ)")
    write_plan(folder, rows)
    assert findings(folder, "duplicate-project") == []
