"""Amounts, digits, dates, months and periods as drafts write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.core.thai import (
    arabic_digits,
    clean,
    fiscal_month_of,
    fiscal_years_in,
    format_amount,
    parse_amount,
    parse_date,
    parse_period,
    thai_date,
    thai_digits,
)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1,250,000", "1250000.00"),
        ("1,250,000.00", "1250000.00"),
        ("๑,๒๕๐,๐๐๐", "1250000.00"),
        ("1250000 บาท", "1250000.00"),
        ("1,250,000.-", "1250000.00"),
        ("1,234.56", "1234.56"),
        (" 20,000 ", "20000.00"),
        ("500,000\n(อบจ.)", "500000.00"),
    ],
)
def test_amounts_are_read_the_ways_drafts_write_them(raw: str, value: str) -> None:
    a = parse_amount(raw)
    assert a.ok and a.value == Decimal(value) and not a.no_budget


@pytest.mark.parametrize("raw", ["-", "ไม่ใช้งบประมาณ", "–"])
def test_no_budget_is_zero_and_flagged(raw: str) -> None:
    a = parse_amount(raw)
    assert a.ok and a.no_budget and a.value == 0


@pytest.mark.parametrize("raw", ["หนึ่งแสน", "1,25,000", "12.5.2", "ประมาณ 5000"])
def test_text_that_is_not_an_amount_is_not_ok(raw: str) -> None:
    assert not parse_amount(raw).ok


def test_negative_amounts_are_read_as_negative() -> None:
    assert parse_amount("-5,000").value == Decimal("-5000.00")
    assert parse_amount("(5,000)").value == Decimal("-5000.00")


@given(st.decimals(min_value=0, max_value=10**10, places=2, allow_nan=False, allow_infinity=False))
def test_any_formatted_amount_reads_back_exactly(value: Decimal) -> None:
    text = format_amount(value)
    assert parse_amount(text).value == value
    assert parse_amount(thai_digits(text)).value == value
    assert parse_amount(text.replace(",", "") + " บาท").value == value


@given(st.integers(min_value=0, max_value=10**12))
def test_thai_digits_round_trip(n: int) -> None:
    assert arabic_digits(thai_digits(str(n))) == str(n)
    assert int(arabic_digits(thai_digits(f"{n:,}")).replace(",", "")) == n


@pytest.mark.parametrize("raw", ["16 กันยายน 2567", "16 ก.ย. 67", "๑๖ กันยายน ๒๕๖๗", "16/09/2567", "วันที่ 16 เดือนกันยายน พ.ศ. 2567"])
def test_profile_dates(raw: str) -> None:
    assert parse_date(raw) == dt.date(2024, 9, 16)


def test_thai_date_is_buddhist_era_with_full_month() -> None:
    assert thai_date(dt.date(2020, 10, 9)) == "9 ตุลาคม 2563"
    assert thai_date(dt.date(2020, 10, 9), digits=True) == "๙ ตุลาคม ๒๕๖๓"


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_dates_round_trip_through_thai_form(d: dt.date) -> None:
    assert parse_date(thai_date(d)) == d
    assert parse_date(thai_date(d, digits=True)) == d


def test_fiscal_months_start_in_october() -> None:
    assert fiscal_month_of("ต.ค.") == 1 and fiscal_month_of("ตค") == 1 and fiscal_month_of("ตุลาคม") == 1
    assert fiscal_month_of("ก.ย.") == 12 and fiscal_month_of("มิ.ย") == 9
    assert fiscal_month_of("โครงการ") is None


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("ต.ค. 63 – ก.ย. 64", tuple(range(1, 13))),
        ("ธ.ค. 2563", (3,)),
        ("ตลอดปีงบประมาณ", tuple(range(1, 13))),
        ("ไตรมาสที่ 2", (4, 5, 6)),
        ("ม.ค. 64 - มี.ค. 64", (4, 5, 6)),
        ("มกราคม ถึง มีนาคม 2564", (4, 5, 6)),
        ("ไม่ระบุ", ()),
    ],
)
def test_period_cells(text: str, months: tuple[int, ...]) -> None:
    assert parse_period(text) == months


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("ต.ค. 69 – ธ.ค. 69", [(1, 2570, "ต.ค. 69"), (3, 2570, "ธ.ค. 69")]),
        ("ม.ค. – เม.ย. 2568", [(7, 2568, "เม.ย. 2568")]),  # a month without a year names none
        ("ธ.ค. พ.ศ. ๒๕๖๗", [(3, 2568, "ธ.ค. พ.ศ. 2567")]),
        ("15/12/2568", [(3, 2569, "15/12/2568")]),
        ("ต.ค. 15 วัน", []),  # a count, not the year 2515
        ("ไตรมาสที่ 3", []),
    ],
)
def test_a_period_keeps_the_year_of_each_month_it_names(text: str, dated: list) -> None:
    from pipeline.core.thai import dated_months, label_year

    assert dated_months(text) == dated
    assert (label_year("ต.ค. 68"), label_year("ต.ค.๖๘"), label_year("ต.ค.")) == (2568, 2568, None)


def test_a_period_of_dates_gives_its_months() -> None:
    assert parse_period("15/12/2568 – 31/3/2569") == (3, 4, 5, 6)


def test_fiscal_years_named_in_sentences_but_not_regulation_years() -> None:
    text = "ตามระเบียบ พ.ศ. 2548 แผนการดำเนินงาน ประจำปี พ.ศ. 2563 และปีงบประมาณ ๒๕๖๔"
    assert [y for y, _ in fiscal_years_in(text)] == [2563, 2564]


def test_clean_repairs_characters_without_changing_words() -> None:
    assert clean("เเผนงาน") == "แผนงาน"
    assert clean("ผู้\u200bใหญ่\u00a0บ้าน") == "ผู้ใหญ่ บ้าน"
    assert clean("กํา") == "กำ"


def test_control_characters_illegal_in_xml_are_removed() -> None:
    assert clean("ถนน\x01\x0b คสล.\x1f") == "ถนน คสล."


def test_cutting_between_spaces_gives_newmm_s_own_cuts() -> None:
    """words() cuts each run between spaces on its own (and remembers it); that
    is only right while newmm never joins across whitespace — checked here on
    every text of the sample and on mixed, multi-space and multi-line texts."""
    import json

    from pythainlp.tokenize import word_tokenize

    from pipeline.core.thai.words import _dictionary, words
    from pipeline.extract import extract
    from pipeline.read import read_inputs
    from pipeline.rules.text import texts

    from ..conftest import SAMPLES

    extra = frozenset({"ก่อสร้างถนน", "แผนงานเคหะและชุมชน"})
    samples = [t for _, _, t in texts(extract(read_inputs(SAMPLES)))]
    samples += ["ถนน คสล.  หมู่ที่ 1\nบ้านหนองฉิม", "โครงการ\tจัดซื้อ  ครุภัณฑ์ (PC) 2 เครื่อง", "  นำหน้า และตามหลัง  ", "abc def ก ข", ""]
    for text in samples:
        whole = word_tokenize(text, custom_dict=_dictionary(extra), engine="newmm", keep_whitespace=True)
        assert words(text, extra) == whole, json.dumps(text, ensure_ascii=False)


@given(
    st.lists(
        st.sampled_from(["ถนน", "คสล", ".", " ", "  ", "\n", "หมู่ที่", "1", "บ้าน", "หนองฉิม", "การ", "ก", "ๆ", "(", ")", "ab"]),
        max_size=12,
    )
)
def test_cutting_between_spaces_holds_for_any_mix(parts: list[str]) -> None:
    from pythainlp.tokenize import word_tokenize

    from pipeline.core.thai.words import _dictionary, words

    text = "".join(parts)
    assert words(text) == word_tokenize(text, custom_dict=_dictionary(frozenset()), engine="newmm", keep_whitespace=True)


@given(st.integers(min_value=0, max_value=10**12))
def test_a_number_is_one_token_as_newmm_cuts_it(n: int) -> None:
    from pythainlp.tokenize import word_tokenize

    from pipeline.core.thai.words import _dictionary, words

    for text in (str(n), f"{n:012d}"):
        assert words(text) == word_tokenize(text, custom_dict=_dictionary(frozenset()), engine="newmm", keep_whitespace=True)
