from pathlib import Path

from pipeline.check import run_checks

from ..conftest import C, findings, plan_of, row, write_plan


def total(amount: str, label: str = "รวม") -> list:
    return [C(label, span=3), amount, C(span=14)]


def test_fires_when_the_stated_total_differs_and_suggests_the_sum(folder: Path) -> None:
    write_plan(folder, [row("1", "ก", "100,000"), row("2", "ข", "50,000"), total("160,000")])
    assert findings(folder, "stated-total-mismatch") == [("a.docx", 1, 4)]
    (f,) = run_checks(plan_of(folder), ["stated-total-mismatch"]).findings
    assert f.suggestion == "150,000.00"


def test_group_totals_and_a_grand_total_are_each_checked(folder: Path) -> None:
    rows = [row("1", "ก", "100"), total("100"), row("1", "ข", "200"), total("200"), total("300", "รวมทั้งสิ้น")]
    write_plan(folder, rows)
    assert findings(folder, "stated-total-mismatch") == []
