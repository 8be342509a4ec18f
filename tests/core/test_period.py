"""Which calendar year a fiscal month falls in: one answer for the follow-up's
periods, the month headers of records.xlsx and of the documents."""

from __future__ import annotations

from pipeline.core import period
from pipeline.core.model import Plan, Profile
from pipeline.render.context import common
from pipeline.report.xlsx import month_titles


def test_month_year_splits_the_fiscal_year_after_december() -> None:
    # fiscal 2564 = ต.ค. 2563 … ก.ย. 2564
    assert [period.month_year(m, 2564) for m in range(1, 13)] == [2563] * 3 + [2564] * 9


def test_quarters_and_the_year_so_far_start_where_the_months_do() -> None:
    q4 = period.quarter(4, 2564)
    assert (q4.start.isoformat(), q4.end.isoformat()) == ("2021-07-01", "2021-09-30")
    q2 = period.quarter(2, 2564)
    assert q2.label == "ไตรมาสที่ 2 (มกราคม – มีนาคม 2564)"
    assert period.from_options(None, "31/03/2564", 2564).start.isoformat() == "2020-10-01"
    assert q2.month_ended(6, 2564) and not q2.month_ended(7, 2564)


def test_record_headers_name_the_same_years() -> None:
    titles = month_titles(2564)
    assert (titles[0], titles[2], titles[3], titles[-1]) == ("ต.ค. 63", "ธ.ค. 63", "ม.ค. 64", "ก.ย. 64")
    assert month_titles(None)[0] == "ต.ค."


def test_the_documents_head_the_first_quarter_with_the_year_before() -> None:
    words = common(Plan(profile=Profile(fiscal_year=2564)), draft=False)
    assert (words["prev_year_num"], words["year_num"], words["prev_year"]) == ("2563", "2564", "2563")
