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


def test_separators_that_change_the_value_are_bad_with_the_intended_amount(folder: Path) -> None:
    from pipeline.rules.runner import run_checks

    from ..conftest import plan_of

    typed = {"120.000": "120,000.00", "1.200.000": "1,200,000.00", "1,200.000": "1,200,000.00", "12,00,000": "1,200,000.00"}
    typed |= {"1,2O0,000": "1,200,000.00", "l50,000": "150,000.00"}
    write_plan(folder, [row(str(i), f"โครงการ {i}", a, location=str(i)) for i, a in enumerate(typed, 1)])
    got = run_checks(plan_of(folder), ["bad-amount"]).findings
    assert [(f.source.row, f.value) for f in got] == [(i + 1, a) for i, a in enumerate(typed, 1)]
    assert [f.suggestion for f in got] == [f'หมายถึง "{v}" ใช่หรือไม่' for v in typed.values()]
    assert all(p.budget is None for p in plan_of(folder).projects)  # never silently 120.00


def test_an_amount_beyond_decimal_precision_is_bad_not_a_crash(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "9" * 30)])
    assert findings(folder, "bad-amount") == [("a.docx", 1, 2)]
