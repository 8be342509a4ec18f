"""Thai text: normalisation, digits, amounts, Buddhist-era dates, fiscal months.

The one package that talks to pythainlp. Everything else asks here. By concern:
``clean`` (character repair, typing mistakes), ``digits`` (digits, the matching
key, amounts), ``dates`` (months, periods, dates, fiscal years) and ``words``
(segmentation, dictionary, clusters). Amounts are ``Decimal`` (satang kept
exactly); dates are ``datetime.date`` (Gregorian inside, Buddhist era on
paper); months are fiscal indexes 1 = ต.ค. … 12 = ก.ย.

pythainlp is imported where it is first needed, not here: importing it takes
a tenth of a second, and a check whose texts were all seen before (their
cleaning and cuts are in the cache, see memo.py) needs none of it.
"""

from __future__ import annotations

from .clean import JOINED_BEFORE_NUMBER, TYPING_CHECKS, clean, typing_problems
from .dates import (
    BE_OFFSET,
    abbr_months,
    be_year,
    be_year_in,
    be_years_in,
    calendar_month,
    dated_months,
    fiscal_index,
    fiscal_month_of,
    fiscal_year_of,
    fiscal_years_in,
    full_months,
    full_year,
    label_year,
    month_of,
    months_text,
    parse_date,
    parse_period,
    quarter_months,
    thai_date,
    year_of,
)
from .digits import (
    Amount,
    arabic_digits,
    baht_text,
    format_amount,
    is_number_label,
    key,
    parse_amount,
    starts_numbered,
    thai_digits,
)
from .words import clusters, dictionary_words, warm, words

__all__ = [
    "BE_OFFSET",
    "JOINED_BEFORE_NUMBER",
    "TYPING_CHECKS",
    "Amount",
    "abbr_months",
    "arabic_digits",
    "baht_text",
    "be_year",
    "be_year_in",
    "be_years_in",
    "calendar_month",
    "clean",
    "clusters",
    "dated_months",
    "dictionary_words",
    "fiscal_index",
    "fiscal_month_of",
    "fiscal_year_of",
    "fiscal_years_in",
    "format_amount",
    "full_months",
    "full_year",
    "is_number_label",
    "key",
    "label_year",
    "month_of",
    "months_text",
    "parse_amount",
    "parse_date",
    "parse_period",
    "quarter_months",
    "starts_numbered",
    "thai_date",
    "thai_digits",
    "typing_problems",
    "warm",
    "words",
    "year_of",
]
