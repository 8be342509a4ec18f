"""ผด.01's percentages: the rows of a strategy add up to its รวม and the
strategies to 100.00 (largest remainder; half up where that already adds up)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from pipeline.core.summary import balanced, largest_remainder, summarise
from pipeline.render.context import plan_context

from ..conftest import ROOT, plan_of

D = Decimal


def test_the_issue_example_adds_up_to_the_printed_strategy_total() -> None:
    # 5, 3, 1, 5 and 3 of 41 projects: half up prints 12.20+7.32+2.44+12.20+7.32 = 41.48 under a รวม of 41.46.
    exact = [D(n) * 100 / 41 for n in (5, 3, 1, 5, 3)]
    assert [e.quantize(D("0.01"), rounding="ROUND_HALF_UP") for e in exact] == [
        D(x) for x in ("12.20", "7.32", "2.44", "12.20", "7.32")
    ]
    rows = largest_remainder(exact, D("41.46"))
    assert sum(rows) == D("41.46")
    # the two rows that rounding raised the most (12.195… → 12.20) give the 0.01 back
    assert rows == [D(x) for x in ("12.19", "7.32", "2.44", "12.19", "7.32")]


def test_half_up_is_kept_where_nothing_needs_adjusting() -> None:
    exact = [D(1) * 100 / 3, D(2) * 100 / 3]  # 33.33 + 66.67 = 100.00 already
    assert largest_remainder(exact, D(100)) == [D("33.33"), D("66.67")]


def test_a_rounding_short_of_the_total_raises_the_row_that_lost_most() -> None:
    exact = [D(100) / 3] * 3  # 33.33 × 3 = 99.99
    assert largest_remainder(exact, D(100)) == [D("33.34"), D("33.33"), D("33.33")]


@given(st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=12).filter(lambda xs: sum(xs) > 0))
def test_any_split_adds_up_and_no_row_moves_more_than_a_hundredth(parts: list[int]) -> None:
    total = sum(parts)
    exact = [D(n) * 100 / total for n in parts]
    rows = largest_remainder(exact, D(100))
    assert sum(rows) == D(100)
    assert all(abs(r - e) < D("0.01") for r, e in zip(rows, exact, strict=True))


def test_the_sample_form_01_adds_up_in_every_group_and_to_100() -> None:
    plan = plan_of(ROOT / "samples")
    summ = balanced(summarise(plan))
    for field in ("count_pct", "budget_pct"):
        assert sum(getattr(s, field) for s in summ.strategies) == D(100)
        for s in summ.strategies:
            assert sum(getattr(p, field) for p in s.programs) == getattr(s, field), (s.name, field)
    # and the same figures are what the template prints
    pd01 = plan_context(plan)["pd01"]
    third = next(s for s in pd01["strategies"] if s["number"] == "3")
    assert third["count_pct"] == "41.46"
    assert sum(D(p["count_pct"]) for p in third["programs"]) == D("41.46")
    assert sum(D(s["budget_pct"]) for s in pd01["strategies"]) == D(100)


def test_report_json_keeps_each_share_rounded_half_up() -> None:
    """summarise() itself is unchanged: report.json's shares are each row's own."""
    summ = summarise(plan_of(ROOT / "samples"))
    third = next(s for s in summ.strategies if s.number == 3)
    assert [p.count_pct for p in third.programs] == [D(x) for x in ("12.20", "7.32", "2.44", "12.20", "7.32")]
