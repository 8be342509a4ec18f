from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import MONTHS, C, Doc, R, findings, plan_of, write_plan

PERIOD_HEAD = R(["ที่", "โครงการ", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ", "ระยะเวลาดำเนินการ"], header=True)


def _periods(folder: Path, *periods: str) -> None:
    """The plan is for fiscal year 2564 (ต.ค. 2563 – ก.ย. 2564)."""
    write_plan(folder, [])
    rows = [[str(i), f"โครงการ {i}", "1,000", "กองช่าง", p] for i, p in enumerate(periods, 1)]
    Doc().p("แผนงานเคหะและชุมชน").table([PERIOD_HEAD, *rows]).save(folder / "b.docx")


def _months(folder: Path, head: list, marks: list[set[int]]) -> None:
    write_plan(folder, [])
    rows = [
        [str(i), f"โครงการ {i}", "1,000", "กองช่าง", *["✓" if m in ms else "" for m in range(1, 13)]]
        for i, ms in enumerate(marks, 1)
    ]
    Doc().p("แผนงานเคหะและชุมชน").table([*head, *rows]).save(folder / "b.docx")


def test_fires_for_a_period_in_the_next_fiscal_year(folder: Path) -> None:
    _periods(folder, "ต.ค. 64 – ธ.ค. 64", "ต.ค. 63 – ก.ย. 64")
    assert findings(folder, "period-outside-year") == [("b.docx", 1, 2)]
    plan = plan_of(folder)
    (f,) = run_checks(plan, ["period-outside-year"]).findings
    assert f.severity == "error" and "ต.ค. 64, ธ.ค. 64" in f.message and "2564" in f.message
    assert f.value == "ต.ค. 64 – ธ.ค. 64"


def test_fires_for_a_date_outside_the_year(folder: Path) -> None:
    _periods(folder, "15/12/2564 – 31/1/2565", "1 พ.ย. 2563 – 30 ก.ย. 2564")
    assert findings(folder, "period-outside-year") == [("b.docx", 1, 2)]


def test_quiet_for_periods_inside_the_year_or_without_a_year(folder: Path) -> None:
    _periods(folder, "ธ.ค. 63 – มี.ค. 64", "ม.ค. – เม.ย. 2564", "ไตรมาสที่ 3", "ตลอดปีงบประมาณ", "ก.ย. ๒๕๖๔")
    assert findings(folder, "period-outside-year") == []


def test_month_headers_of_another_year_are_one_finding_per_table_for_the_rows_marked_under_them(folder: Path) -> None:
    head = [
        R(
            ["ที่", "โครงการ", "งบประมาณ (บาท)", "หน่วยงาน", *[f"{m} {62 if i < 3 else 64}" for i, m in enumerate(MONTHS)]],
            header=True,
        )
    ]
    _months(folder, head, [{1, 2}, {5}, {3}])
    (f,) = run_checks(plan_of(folder), ["period-outside-year"]).findings
    assert (f.source.table, f.source.row, f.source.column) == (1, 2, "ต.ค. 62")
    assert '"ต.ค. 62", "พ.ย. 62", "ธ.ค. 62"' in f.message and "แถวที่ 2, 4" in f.message


def test_quiet_for_month_headers_of_the_plans_year(folder: Path) -> None:
    head = [
        R([C(h, vmerge="restart") for h in ["ที่", "โครงการ", "งบประมาณ (บาท)", "หน่วยงาน"]] + [C("ปีงบประมาณ พ.ศ. 2564", span=12)]),
        R([C("", vmerge="continue") for _ in range(4)] + [f"{m} {63 if i < 3 else 64}" for i, m in enumerate(MONTHS)]),
    ]
    _months(folder, head, [{1, 2, 12}])
    assert findings(folder, "period-outside-year") == []


def test_a_two_row_header_of_calendar_years_is_read_as_such(folder: Path) -> None:
    years = [C("พ.ศ. 2563", span=3), C("พ.ศ. 2564", span=9)]
    head = [
        R([C(h, vmerge="restart") for h in ["ที่", "โครงการ", "งบประมาณ (บาท)", "หน่วยงาน"]] + years),
        R([C("", vmerge="continue") for _ in range(4)] + MONTHS),
    ]
    _months(folder, head, [{1, 12}])
    assert findings(folder, "period-outside-year") == []


def test_a_header_already_named_by_fiscal_year_mismatch_is_not_said_twice(folder: Path) -> None:
    years = [C("พ.ศ. 2564", span=3), C("พ.ศ. 2565", span=9)]
    head = [
        R([C(h, vmerge="restart") for h in ["ที่", "โครงการ", "งบประมาณ (บาท)", "หน่วยงาน"]] + years),
        R([C("", vmerge="continue") for _ in range(4)] + MONTHS),
    ]
    _months(folder, head, [{1, 12}])
    report = run_checks(plan_of(folder), ["period-outside-year", "fiscal-year-mismatch"])
    assert [f.code for f in report.findings] == ["fiscal-year-mismatch"]


def test_a_month_of_another_year_never_reaches_the_plans_months(folder: Path) -> None:
    """Not even in a draft: a period reaching into another year keeps no month (the finding says why), so ผด.02
    shades none of it; a period inside the year keeps its months."""
    _periods(folder, "ต.ค. 64 – ธ.ค. 64", "ส.ค. 64 – ต.ค. 64", "ม.ค. 64 – มี.ค. 64")
    assert [p.months for p in plan_of(folder).projects] == [(), (), (4, 5, 6)]
    assert findings(folder, "no-schedule") == []  # one mistake, one finding: period-outside-year
