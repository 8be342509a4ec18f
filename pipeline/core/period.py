"""The period a follow-up reports on: a fiscal quarter (ไตรมาสที่ 1 = ต.ค.–ธ.ค.)
or the year so far, up to an as-of date. Its end decides which projects are
behind schedule."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .errors import UsageError
from .thai import BE_OFFSET, arabic_digits, calendar_month, full_months, parse_date, quarter_months, thai_date


@dataclass(frozen=True)
class Period:
    label: str  # "ไตรมาสที่ 2 (มกราคม – มีนาคม 2564)" or "ตั้งแต่ต้นปีงบประมาณ ถึง 15 กุมภาพันธ์ 2564"
    start: dt.date
    end: dt.date
    quarter: int | None = None

    def month_ended(self, fiscal_month: int, fiscal_year: int) -> bool:
        """Whether fiscal month 1–12 of ``fiscal_year`` (BE) is wholly over by the period's end."""
        month = calendar_month(fiscal_month)
        year = fiscal_year - BE_OFFSET - (1 if fiscal_month <= 3 else 0)
        return dt.date(year, month, calendar.monthrange(year, month)[1]) <= self.end

    def to_json(self) -> dict[str, object]:
        return {"label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat(), "quarter": self.quarter}


def _fiscal_start(year: int) -> dt.date:
    return dt.date(year - BE_OFFSET - 1, 10, 1)


def quarter(q: int, fiscal_year: int) -> Period:
    if q not in (1, 2, 3, 4):
        raise UsageError(f"ไตรมาสต้องเป็น 1 ถึง 4 ไม่ใช่ {q}")
    months = list(quarter_months(q))
    first, last = calendar_month(months[0]), calendar_month(months[-1])
    year = fiscal_year - BE_OFFSET - (1 if q == 1 else 0)
    start = dt.date(year, first, 1)
    end = dt.date(year, last, calendar.monthrange(year, last)[1])
    names = f"{full_months()[start.month - 1]} – {full_months()[end.month - 1]} {end.year + BE_OFFSET}"
    return Period(f"ไตรมาสที่ {q} ({names})", start, end, q)


def as_of(date: dt.date, fiscal_year: int) -> Period:
    start = _fiscal_start(fiscal_year)
    if date < start:
        raise UsageError(f"วันที่ {thai_date(date)} อยู่ก่อนปีงบประมาณ พ.ศ. {fiscal_year} เริ่ม ({thai_date(start)})")
    return Period(f"ตั้งแต่ {thai_date(start)} ถึง {thai_date(date)}", start, date)


def from_options(q: int | None, date_text: str | None, fiscal_year: int | None) -> Period | None:
    """The period given on the command line (--quarter N or --as-of DATE), if any."""
    if q is None and not date_text:
        return None
    if not fiscal_year:
        raise UsageError("ไม่ทราบปีงบประมาณของแผน จึงกำหนดช่วงที่รายงานไม่ได้ (ตรวจตารางข้อมูลทั่วไป)")
    if q is not None:
        return quarter(q, fiscal_year)
    date = parse_date(date_text or "")
    if date is None:
        raise UsageError(f'อ่านวันที่ "{date_text}" ไม่ได้ — เขียนเช่น "31 มีนาคม 2564" หรือ 31/03/2564')
    return as_of(date, fiscal_year)


_QUARTER = re.compile(r"ไตรมาส(?:ที่)?\s*(\d)")
_AS_OF = re.compile(r"(?:ณ\s*วันที่|ถึง(?:วันที่)?)\s*(.+)$")


def from_text(text: str, fiscal_year: int | None) -> Period | None:
    """A period a form states in its heading ("ช่วงที่รายงาน: ไตรมาสที่ 2 …", "… ถึง 15 กุมภาพันธ์ 2564")."""
    if not fiscal_year:
        return None
    t = arabic_digits(text)
    m = _QUARTER.search(t)
    if m and m.group(1) in "1234":
        return quarter(int(m.group(1)), fiscal_year)
    m = _AS_OF.search(t)
    date = parse_date(m.group(1)) if m else None
    if date is not None:
        try:
            return as_of(date, fiscal_year)
        except UsageError:
            return None
    return None
