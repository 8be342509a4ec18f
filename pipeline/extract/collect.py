"""The mutable state of one extraction run; frozen into a Plan at the end."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, make_dataclass
from typing import Any, NamedTuple

from ..core.model import (
    DevPlanItem,
    IntroBlock,
    Notice,
    OrdinanceLine,
    Profile,
    Project,
    RowStats,
    Source,
    StatedTotal,
    StrategyLink,
    YearMention,
)


@dataclass
class OpenRows:
    """Project rows not yet closed by a "รวม" row (``pending``) and all rows
    since the table's header (``table``), as (table, row): kept across a
    table that continues after a page break."""

    pending: list[tuple[int, int]] = field(default_factory=list)
    table: list[tuple[int, int]] = field(default_factory=list)


class Dated(NamedTuple):
    """A month a record's row names with its year: in its period text, or
    through the year its month column's header names."""

    record: int  # index in Collector.projects
    month: int  # fiscal month
    year: int  # the fiscal year that month falls in
    words: str  # as the period text or the header names it
    header: bool  # named by the column header, not the row
    source: Source  # the row


@dataclass
class Context:
    """ยุทธศาสตร์/แผนงาน in force, set by headings and carried down."""

    strategy: str = ""
    program: str = ""
    program_at: Source | None = None  # where the แผนงาน in force was set
    strategy_at: Source | None = None  # where the ยุทธศาสตร์ in force was set


def _stats(self: Any, files: int) -> RowStats:
    return RowStats(files=files, **asdict(self))


# Row counts by fate, one per RowStats field (so the two never drift apart).
# Slots: a misspelt count is an AttributeError, not a new key that silently
# leaves a row unaccounted for.
Tally = make_dataclass(
    "Tally",
    [(f.name, int, 0) for f in fields(RowStats) if f.name != "files"],
    slots=True,
    namespace={"stats": _stats},
)


@dataclass
class Collector:
    projects: list[Project] = field(default_factory=list)
    totals: list[StatedTotal] = field(default_factory=list)
    strategies: list[StrategyLink] = field(default_factory=list)
    ordinance: list[OrdinanceLine] = field(default_factory=list)
    devplan: list[DevPlanItem] = field(default_factory=list)
    intro: list[IntroBlock] = field(default_factory=list)
    years: list[YearMention] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    profiles: list[Profile] = field(default_factory=list)
    rows: Any = field(default_factory=Tally)  # a Tally
    kinds: set[str] = field(default_factory=set)  # of the file being read
    dated: list[Dated] = field(default_factory=list)  # months named with a year, checked against the plan's
    unitless: list[int] = field(default_factory=list)  # records of tables with no unit column that no title names one for

    def notice(self, code: str, source: Source, value: str = "", **facts: str) -> None:
        """Record what was noticed; the rule catalogue words it."""
        self.notices.append(Notice(code, source, value, tuple(facts.items())))
