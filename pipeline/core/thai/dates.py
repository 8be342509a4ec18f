"""Months, periods, Buddhist-era dates and fiscal years: dates are
``datetime.date`` (Gregorian inside, Buddhist era on paper); months are fiscal
indexes 1 = ต.ค. … 12 = ก.ย."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .. import memo
from .digits import arabic_digits, key, pythainlp_entry, thai_digits

BE_OFFSET = 543


# ---------------------------------------------------------------- months


def full_months() -> tuple[str, ...]:
    """มกราคม … ธันวาคม (calendar order, ม.ค. first)."""
    return _month_names()[0]


def abbr_months() -> tuple[str, ...]:
    """ม.ค. … ธ.ค. (calendar order)."""
    return _month_names()[1]


@lru_cache(maxsize=1)
def _month_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    kept = memo.table("pythainlp", entry=pythainlp_entry)  # its lists, cached so a run need not import it for them
    if "names" not in kept:
        from pythainlp.util.date import thai_abbr_months, thai_full_months

        kept.put("names", (tuple(thai_full_months), tuple(thai_abbr_months)))
    return kept["names"]


def months_text(months: tuple[int, ...]) -> str:
    """Fiscal months as a person writes them: (3, 4, 5) → "ธ.ค.–ก.พ.", (1, 7) → "ต.ค., เม.ย."."""
    names = [abbr_months()[calendar_month(m) - 1] for m in sorted(months)]
    contiguous = sorted(months) == list(range(min(months), max(months) + 1)) if months else False
    if contiguous and len(names) >= 2:
        return f"{names[0]}–{names[-1]}"
    return ", ".join(names)


def quarter_months(quarter: int) -> range:
    """Fiscal quarter 1–4 → its fiscal months (ไตรมาสที่ 2 → ม.ค. ก.พ. มี.ค.)."""
    return range(3 * quarter - 2, 3 * quarter + 1)


def fiscal_index(calendar_month: int) -> int:
    """Calendar month (1 = ม.ค.) → fiscal index (1 = ต.ค.)."""
    return (calendar_month + 2) % 12 + 1


def calendar_month(fiscal: int) -> int:
    """Fiscal index (1 = ต.ค.) → calendar month (1 = ม.ค.)."""
    return (fiscal + 8) % 12 + 1


@lru_cache(maxsize=1)
def _month_keys() -> dict[str, int]:
    keys = {key(m): i + 1 for i, m in enumerate(full_months())} | {key(m): i + 1 for i, m in enumerate(abbr_months())}
    return keys | {key("มิ.ย"): 6}


def month_of(label: str) -> int | None:
    """ "ต.ค." / "ตค" / "ตุลาคม" / "ต.ค. 63" → calendar month number (10), else None."""
    k = key(label)
    return _month_keys().get(k) or _month_keys().get(re.sub(r"(พศ)?\d+$", "", k))


def fiscal_month_of(label: str) -> int | None:
    """ "ต.ค." → 1, "ก.ย." → 12, anything else → None."""
    m = month_of(label)
    return None if m is None else fiscal_index(m)


@lru_cache(maxsize=1)
def _month_alt() -> str:
    """Any month name, full or abbreviated (dots optional), longest first."""
    names = {re.escape(m) for m in full_months()} | {re.escape(m).replace(r"\.", r"\.?") for m in abbr_months()}
    return "|".join(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _month_re() -> re.Pattern[str]:
    return re.compile(rf"({_month_alt()})\s*(?:พ\s*\.?\s*ศ\s*\.?\s*)?(\d{{2,4}})?")


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{2,4})\b")  # "15/12/2568", "1/3/69"


def _be(digits: str | None) -> int | None:
    """A year typed after a month ("68", "2568") → 2568; None for what is no
    plausible year ("ต.ค. 15 วัน" names a count, not 2515)."""
    if not digits:
        return None
    year = full_year(int(digits))
    return year if 2540 <= year <= 2699 else None


def fiscal_year_of(month: int, be_year: int) -> int:
    """The fiscal year a calendar month of a Buddhist-era year falls in: ต.ค. 2568 → 2569."""
    return be_year + 1 if month >= 10 else be_year


def dated_months(text: str) -> list[tuple[int, int, str]]:
    """Every month a period cell names with its year, as (fiscal month,
    fiscal year, the words): "ต.ค. 69 – ธ.ค. 69" → [(1, 2570, "ต.ค. 69"),
    (3, 2570, "ธ.ค. 69")]; "15/12/2568" → [(3, 2569, "15/12/2568")]. A month
    typed without a year names none (the plan's year is meant)."""
    t = arabic_digits(text or "")
    out = []
    for m in _month_re().finditer(t):
        month, year = month_of(m.group(1)), _be(m.group(2))
        if month and year:
            out.append((fiscal_index(month), fiscal_year_of(month, year), m.group(0).strip()))
    for m in _NUMERIC_DATE.finditer(t):
        month, year = int(m.group(2)), _be(m.group(3))
        if 1 <= month <= 12 and year:
            out.append((fiscal_index(month), fiscal_year_of(month, year), m.group(0)))
    return out


def label_year(label: str) -> int | None:
    """The Buddhist-era year a month header names: "ต.ค. 68" → 2568, "ต.ค.2568" → 2568."""
    m = _month_re().search(arabic_digits(label))
    return _be(m.group(2)) if m else None


def parse_period(text: str) -> tuple[int, ...]:
    """A period cell → fiscal months: "ต.ค. 63 – ก.ย. 64" (a range),
    "ธ.ค. 2563" (one month), "ตลอดปีงบประมาณ" (all), "ไตรมาสที่ 2"."""
    t = arabic_digits(text)
    if not t:
        return ()
    if "ตลอดปี" in key(t) or "12เดือน" in key(t):
        return tuple(range(1, 13))
    quarters = [int(q) for q in re.findall(r"ไตรมาส(?:ที่)?\s*(\d)", t)]
    if quarters:
        return tuple(sorted({m for q in quarters if 1 <= q <= 4 for m in quarter_months(q)}))
    found = [fiscal_month_of(m.group(1)) for m in _month_re().finditer(t)]
    found = [f for f in found if f] or [
        fiscal_index(int(m.group(2))) for m in _NUMERIC_DATE.finditer(t) if 1 <= int(m.group(2)) <= 12
    ]
    if not found:
        return ()
    if len(found) >= 2 and re.search(r"[-–—]|ถึง", t):
        lo, hi = found[0], found[-1]
        return tuple(range(lo, hi + 1)) if lo <= hi else tuple(sorted(found))
    return tuple(sorted(set(found)))


# ---------------------------------------------------------------- dates and years


def be_year(date: dt.date) -> int:
    """The Buddhist-era year of a date."""
    return date.year + BE_OFFSET


def be_year_in(text: str) -> int | None:
    """The first four-digit Buddhist-era year (25xx) a text names, else None."""
    m = re.search(r"25\d\d", arabic_digits(text))
    return int(m.group(0)) if m else None


def year_of(text: str) -> int | None:
    """A year cell as typed ("2564", "พ.ศ. ๒๕๖๔", "ปีงบประมาณ 2564"): the
    last four digits, else None."""
    digits = "".join(ch for ch in arabic_digits(text) if ch.isdigit())
    return int(digits[-4:]) if len(digits) >= 4 else None


def full_year(year: int) -> int:
    """A Buddhist-era year as typed ("67", "2567") → 2567."""
    return year + 2500 if year < 100 else year


def parse_date(raw: str) -> dt.date | None:
    """ "16 กันยายน 2567", "16 ก.ย. 67", "๑๖ กันยายน ๒๕๖๗", "16/09/2567" → date."""
    t = arabic_digits(raw or "").strip()
    t = re.sub(r"^(วันที่|ณ วันที่)\s*", "", t)
    m = re.search(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2,4})", t)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), full_year(int(m.group(3)))
    else:
        m = re.search(rf"(\d{{1,2}})\s*(?:เดือน\s*)?({_month_alt()})\s*(?:พ\.?\s*ศ\.?)?\s*(\d{{2,4}})", t)
        if not m:
            return None
        day, year = int(m.group(1)), full_year(int(m.group(3)))
        month = month_of(m.group(2)) or 0
    try:
        return dt.date(year - BE_OFFSET, month, day)
    except ValueError:
        return None


def thai_date(date: dt.date, digits: bool = False) -> str:
    """date → "16 กันยายน 2567" (Buddhist era, full month name)."""
    text = f"{date.day} {full_months()[date.month - 1]} {be_year(date)}"
    return thai_digits(text) if digits else text


_FISCAL_YEAR = re.compile(r"(ประจำปีงบประมาณ|ปีงบประมาณ|ประจำปี)\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*(\d{4})")


def fiscal_years_in(text: str) -> list[tuple[int, str]]:
    """Fiscal years a sentence names ("ประจำปี พ.ศ. 2563" → 2563), with the
    phrase. Years of regulations ("พ.ศ. 2548") are not fiscal years."""
    t = arabic_digits(text)
    return [(int(m.group(2)), m.group(0)) for m in _FISCAL_YEAR.finditer(t)]


def be_years_in(text: str) -> list[int]:
    """Every "พ.ศ. yyyy" in a text (for two-row month headers)."""
    t = arabic_digits(text)
    return [int(y) for y in re.findall(r"พ\s*\.?\s*ศ\s*\.?\s*(\d{4})", t)]
