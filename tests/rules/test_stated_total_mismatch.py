from pathlib import Path

from pipeline.rules.runner import run_checks

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


def test_a_total_after_a_page_break_closes_the_rows_of_both_parts(folder: Path) -> None:
    from ..conftest import STRATEGY, Doc, project_table

    top = project_table([row("1", "ถนน", "100,000"), row("2", "ท่อ", "50,000")])
    rest = [row("3", "ไฟ", "25,000"), [C("รวม", span=3), "175,000", C(span=14)]]
    write_plan(folder, [row("1", "อื่น", "1")])
    Doc().p(STRATEGY).p("1.1 แผนงานเคหะและชุมชน").table(top).p("").table(rest).save(folder / "a.docx")
    assert findings(folder, "stated-total-mismatch") == []
    wrong = [row("3", "ไฟ", "25,000"), [C("รวม", span=3), "100,000", C(span=14)]]
    Doc().p(STRATEGY).p("1.1 แผนงานเคหะและชุมชน").table(top).p("").table(wrong).save(folder / "a.docx")
    assert findings(folder, "stated-total-mismatch") == [("a.docx", 2, 2)]


def test_a_total_over_an_unreadable_amount_says_so_instead_of_a_new_total(folder: Path) -> None:
    from pipeline.rules.runner import run_checks

    from ..conftest import plan_of

    write_plan(folder, [row("1", "ถนน", "100.000"), row("2", "ท่อ", "50,000"), [C("รวม", span=3), "150,000", C(span=14)]])
    (f,) = run_checks(plan_of(folder), ["stated-total-mismatch"]).findings
    assert f.suggestion == "" and "อ่านไม่ได้" in f.message and "แถวที่ 2" in f.message
