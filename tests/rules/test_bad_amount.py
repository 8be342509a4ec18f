from pathlib import Path

from ..conftest import C, findings, row, write_plan


def test_fires_for_text_negative_amounts_and_an_unreadable_total(folder: Path) -> None:
    rows = [
        row("1", "ถนน", "หนึ่งแสนบาท"),
        row("2", "ท่อ", "-5,000"),
        row("3", "ไฟ", "1,000"),
        [C("รวม", span=3), "ไม่ทราบ", C(span=14)],
    ]
    write_plan(folder, rows)
    assert findings(folder, "bad-amount") == [("a.docx", 1, 2), ("a.docx", 1, 3), ("a.docx", 1, 5)]


def test_quiet_for_every_amount_form_of_the_spec(folder: Path) -> None:
    amounts = ["1,250,000", "1,250,000.00", "๑,๒๕๐,๐๐๐", "1250000 บาท", "-", "ไม่ใช้งบประมาณ"]
    write_plan(folder, [row(str(i), f"โครงการ {i}", a, location=str(i)) for i, a in enumerate(amounts, 1)])
    assert findings(folder, "bad-amount") == []
