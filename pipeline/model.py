"""The neutral model: what a plan is, independent of Word, rich or docxtpl.

Everything here is a frozen dataclass with named fields, built only from the
inputs. ``plan_to_json``/``plan_from_json`` give the stable ``records.json``
form (amounts as strings with two decimals, dates as ISO Gregorian strings,
fiscal months 1 = ต.ค. … 12 = ก.ย.).

This module imports nothing from the project.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, fields
from decimal import Decimal
from typing import Any

SCHEMA_VERSION = 1


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
    months: tuple[int, ...] = ()
    period: str = ""
    kind: str = "project"
    original: tuple[tuple[str, str], ...] = ()  # fields as typed, where normalising changed them


@dataclass(frozen=True)
class Profile:
    """Plan metadata from the profile table. Unknown keys are kept in ``extra``."""

    org_name: str = ""
    district: str = ""
    province: str = ""
    fiscal_year: int | None = None
    ordinance_date: dt.date | None = None
    announcement_date: dt.date | None = None
    signatory: str = ""
    position: str = ""
    revision: str = ""
    thai_digits: bool = False
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
    """One paragraph of the introduction chapter, text as typed."""

    text: str
    source: Source
    style: str = ""
    heading: bool = False


@dataclass(frozen=True)
class StrategyLink:
    """An allowed ยุทธศาสตร์ → แผนงาน pair from the strategy map."""

    strategy: str
    program: str
    source: Source


@dataclass(frozen=True)
class OrdinanceLine:
    """An approved amount in the budget ordinance (ข้อบัญญัติงบประมาณ)."""

    program: str
    name: str
    amount: Decimal
    source: Source


@dataclass(frozen=True)
class DevPlanItem:
    """A project approved in the 5-year local development plan (ผ.02)."""

    name: str
    source: Source
    budgets: tuple[tuple[str, Decimal], ...] = ()


@dataclass(frozen=True)
class StatedTotal:
    """A "รวม" row of a draft and the rows of projects it closes."""

    label: str
    amount: Decimal | None
    raw: str
    rows: tuple[int, ...]
    source: Source


@dataclass(frozen=True)
class YearMention:
    """A fiscal year named in a heading, title or table header of a draft."""

    year: int
    text: str
    source: Source


@dataclass(frozen=True)
class Finding:
    """One problem with its location; code is a stable kebab-case identifier."""

    code: str
    severity: str
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
    findings: tuple[Finding, ...] = ()
    stats: RowStats = field(default_factory=RowStats)
    has_ordinance: bool = False
    has_devplan: bool = False
    has_strategy_map: bool = False
    glossary: tuple[str, ...] = ()  # the user's extra official terms (inputs/glossary.txt)


# ---------------------------------------------------------------- JSON form


def _enc(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _enc(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_enc(v) for v in value]
    return value


def to_jsonable(obj: Any) -> Any:
    """A dataclass (or tuple of them) as plain JSON values."""
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(o) for o in obj]
    return _enc(asdict(obj))


def plan_to_json(plan: Plan) -> dict[str, Any]:
    """The documented ``records.json`` form of a plan."""
    data = to_jsonable(plan)
    data["profile"]["raw"] = dict(plan.profile.raw)
    return {"schema_version": SCHEMA_VERSION, **data}


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


def _date(value: Any) -> dt.date | None:
    return None if not value else dt.date.fromisoformat(value)


def _src(d: dict[str, Any] | None) -> Source | None:
    return None if d is None else Source(**d)


def project_from_json(d: dict[str, Any]) -> Project:
    return Project(
        **{
            **d,
            "budget": _dec(d.get("budget")),
            "months": tuple(d.get("months", ())),
            "original": tuple(tuple(x) for x in d.get("original", ())),
            "source": _src(d["source"]),
        }
    )


def plan_from_json(data: dict[str, Any]) -> Plan:
    """Inverse of :func:`plan_to_json` (used by tests and the round trip)."""
    p = dict(data["profile"])
    profile = Profile(
        **{
            **p,
            "ordinance_date": _date(p.get("ordinance_date")),
            "announcement_date": _date(p.get("announcement_date")),
            "source": _src(p.get("source")),
            "present": tuple(p.get("present", ())),
            "raw": tuple((k, v) for k, v in p.get("raw", {}).items()),
            "rows": tuple((k, v) for k, v in p.get("rows", [])),
        }
    )

    def many(cls: type, key: str, conv: dict[str, Any] | None = None) -> tuple:
        out = []
        names = {f.name for f in fields(cls)}
        for d in data.get(key, []):
            d = {k: v for k, v in d.items() if k in names}
            if "source" in d:
                d["source"] = _src(d["source"])
            for k, fn in (conv or {}).items():
                if k in d:
                    d[k] = fn(d[k])
            out.append(cls(**d))
        return tuple(out)

    return Plan(
        profile=profile,
        intro=many(IntroBlock, "intro"),
        projects=tuple(project_from_json(d) for d in data.get("projects", [])),
        strategies=many(StrategyLink, "strategies"),
        ordinance=many(OrdinanceLine, "ordinance", {"amount": Decimal}),
        devplan=many(
            DevPlanItem,
            "devplan",
            {"budgets": lambda b: tuple((k, Decimal(v)) for k, v in b)},
        ),
        totals=many(StatedTotal, "totals", {"amount": _dec, "rows": tuple}),
        years=many(YearMention, "years"),
        files=many(FileInfo, "files", {"kinds": tuple}),
        findings=many(Finding, "findings"),
        stats=RowStats(**data.get("stats", {})),
        has_ordinance=data.get("has_ordinance", False),
        has_devplan=data.get("has_devplan", False),
        has_strategy_map=data.get("has_strategy_map", False),
        glossary=tuple(data.get("glossary", ())),
    )
