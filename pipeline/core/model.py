"""The neutral model: what a plan is, independent of Word, rich or docxtpl.

Everything here is a frozen dataclass with named fields, built only from the
inputs. Its JSON form (``records.json``) lives in ``records.py``.

This module imports nothing from the project.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Kind = Literal["project", "equipment"]
Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Source:
    """Where something came from: file relative to inputs/, 1-based table and row
    as a person counts them in Word (header rows included). ``paragraph`` is the
    1-based body paragraph for text outside tables."""

    file: str
    table: int | None = None
    row: int | None = None
    column: str | None = None
    paragraph: int | None = None

    def where(self) -> str:
        """Thai location text: ``file › ตารางที่ n › แถวที่ m``."""
        parts = [self.file]
        if self.table is not None:
            parts.append(f"ตารางที่ {self.table}")
        if self.row is not None:
            parts.append(f"แถวที่ {self.row}")
        if self.column:
            parts.append(f"คอลัมน์ {self.column}")
        if self.paragraph is not None:
            parts.append(f"ย่อหน้าที่ {self.paragraph}")
        return " › ".join(parts)


@dataclass(frozen=True)
class Project:
    """One project (โครงการ) or equipment item (ครุภัณฑ์) of the plan."""

    name: str
    budget: Decimal | None
    source: Source
    seq: str = ""
    activity: str = ""
    no_budget: bool = False
    budget_raw: str = ""
    location: str = ""
    unit: str = ""
    source_of_funds: str = ""
    strategy: str = ""
    program: str = ""
    program_source: Source | None = None  # the heading, merged row or cell that set the แผนงาน
    strategy_source: Source | None = None  # the heading, merged row or cell that set the ยุทธศาสตร์
    months: tuple[int, ...] = ()
    period: str = ""
    kind: Kind = "project"
    original: tuple[tuple[str, str], ...] = ()  # fields as typed, where normalising changed them
    extra: tuple[tuple[str, str], ...] = ()  # (header, value) of columns no field reads (หมายเหตุ, ตัวชี้วัด…)


@dataclass(frozen=True)
class Profile:
    """Plan metadata from the profile table. Unknown keys are kept in ``extra``."""

    org_name: str = ""
    district: str = ""
    province: str = ""
    fiscal_year: int | None = None
    ordinance_date: dt.date | None = None
    announcement_date: dt.date | None = None
    supplementary_date: dt.date | None = None  # supplementary budget ordinance announced
    accumulated_date: dt.date | None = None  # spending of accumulated funds approved
    notified_date: dt.date | None = None  # projects notified by another agency
    extension_date: dt.date | None = None  # time extended by the head of the organisation
    committee_date: dt.date | None = None  # development committee considered the draft
    signatory: str = ""
    position: str = ""
    revision: str = ""
    thai_digits: bool = False
    month_marks: str = "shade"  # "shade" or "arrow": how the forms mark active months
    source: Source | None = None
    present: tuple[str, ...] = ()
    raw: tuple[tuple[str, str], ...] = ()
    rows: tuple[tuple[str, int], ...] = ()  # field → Word row it was read from

    def source_of(self, name: str) -> Source | None:
        """The exact row of one profile field (the table when it is missing)."""
        row = dict(self.rows).get(name)
        if self.source is None or row is None:
            return self.source
        return Source(self.source.file, self.source.table, row)


@dataclass(frozen=True)
class IntroBlock:
    """One paragraph of the introduction chapter: ``text`` normalised,
    ``typed`` the text as typed where normalising changed it."""

    text: str
    source: Source
    style: str = ""
    heading: bool = False
    typed: str = ""


@dataclass(frozen=True)
class StrategyLink:
    """An allowed ยุทธศาสตร์ → แผนงาน pair from the strategy map, with the
    strategy's number in the development plan when the map gives it."""

    strategy: str
    program: str
    source: Source
    number: int | None = None


@dataclass(frozen=True)
class OrdinanceLine:
    """An approved amount in the budget ordinance (ข้อบัญญัติงบประมาณ)."""

    program: str
    name: str
    amount: Decimal
    source: Source
    unit: str = ""  # หน่วยงานรับผิดชอบ, when the list names one


@dataclass(frozen=True)
class DevPlanItem:
    """A project approved in the 5-year local development plan (ผ.02)."""

    name: str
    source: Source
    budgets: tuple[tuple[str, Decimal], ...] = ()
    unit: str = ""  # หน่วยงานรับผิดชอบหลัก, when the list names one


@dataclass(frozen=True)
class StatedTotal:
    """A "รวม" row of a draft and the rows of projects it closes, as (table,
    row) pairs: a table split at a page break closes rows of both parts."""

    label: str
    amount: Decimal | None
    raw: str
    rows: tuple[tuple[int, int], ...]
    source: Source


@dataclass(frozen=True)
class YearMention:
    """A fiscal year named in a heading, title or table header of a draft."""

    year: int
    text: str
    source: Source


@dataclass(frozen=True)
class Notice:
    """Something the reader or extractor noticed: a code the rule catalogue
    declares, where, the value concerned, and the facts its message needs.
    Severity, title, message and hint come from the catalogue only."""

    code: str
    source: Source
    value: str = ""
    facts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Finding:
    """One problem with its location; code is a stable kebab-case identifier."""

    code: str
    severity: Severity
    message: str
    source: Source
    value: str = ""
    suggestion: str = ""
    hint: str = ""


@dataclass(frozen=True)
class RowStats:
    """What became of every non-empty row of every recognised table."""

    files: int = 0
    tables: int = 0
    rows: int = 0
    header: int = 0
    records: int = 0
    references: int = 0
    continuations: int = 0
    headings: int = 0
    totals: int = 0
    skipped: int = 0
    deleted: int = 0


@dataclass(frozen=True)
class FileInfo:
    """One input file and what was found in it."""

    path: str
    tables: int = 0
    kinds: tuple[str, ...] = ()
    tracked_changes: int = 0
    comments: int = 0
    note: str = ""
    converted_from: str = ""  # ".odt" etc.: converted through LibreOffice before reading


@dataclass(frozen=True)
class Plan:
    """Everything read from inputs/: the neutral model the rest works on."""

    profile: Profile = field(default_factory=Profile)
    intro: tuple[IntroBlock, ...] = ()
    projects: tuple[Project, ...] = ()
    strategies: tuple[StrategyLink, ...] = ()
    ordinance: tuple[OrdinanceLine, ...] = ()
    devplan: tuple[DevPlanItem, ...] = ()
    totals: tuple[StatedTotal, ...] = ()
    years: tuple[YearMention, ...] = ()
    files: tuple[FileInfo, ...] = ()
    notices: tuple[Notice, ...] = ()
    stats: RowStats = field(default_factory=RowStats)
    has_ordinance: bool = False
    has_devplan: bool = False
    has_strategy_map: bool = False

    def of_kind(self, kind: Kind) -> tuple[Project, ...]:
        """The projects, or the equipment items, in plan order."""
        return tuple(p for p in self.projects if p.kind == kind)


def budget_of(items: Iterable[Project]) -> Decimal:
    """The sum of the budgets (an unreadable or missing budget counts 0)."""
    return sum((p.budget or Decimal(0) for p in items), Decimal(0))
