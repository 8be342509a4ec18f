"""What the follow-up knows: the rows of the filled status forms, and each
plan item with the row that reports it. Reading the forms and matching them is
the follow-up feature's; the follow-up rules and the progress report read these."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .domain import STATUS_TH
from .model import Notice, Plan, Project, Source
from .period import Period

STATUSES = tuple(STATUS_TH)  # done, in_progress, not_started, cancelled


@dataclass(frozen=True)
class Reported:
    """One row of a filled form."""

    name: str
    source: Source
    statuses: tuple[str, ...]  # none, one, or (a conflict) several
    disbursed: Decimal | None
    disbursed_raw: str = ""
    planned: Decimal | None = None  # the form's own budget cell, to tell same-named projects apart
    note: str = ""


@dataclass
class Forms:
    rows: list[Reported] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    period_texts: list[str] = field(default_factory=list)
    files: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Status:
    """A plan item and what the forms say of it (``row`` None: no form reports it)."""

    project: Project
    row: Reported | None

    @property
    def status(self) -> str | None:
        return self.row.statuses[0] if self.row is not None and len(self.row.statuses) == 1 else None

    @property
    def disbursed(self) -> Decimal:
        return (self.row.disbursed if self.row is not None else None) or Decimal(0)


@dataclass
class Progress:
    plan: Plan
    items: list[Status]
    unknown: list[tuple[Reported, str]]  # a form row no plan project matches, with "did you mean"
    forms: Forms
    period: Period | None = None
    again: list[tuple[Reported, Status]] = field(default_factory=list)  # a project reported a second time (the first row counts)

    def behind(self) -> list[Status]:
        """Not started, though every month it was scheduled for is over by the period's end."""
        year = self.plan.profile.fiscal_year
        if self.period is None or not year:
            return []
        period = self.period
        return [
            s
            for s in self.items
            if s.status == "not_started" and s.project.months and all(period.month_ended(m, year) for m in s.project.months)
        ]

    def of_status(self, status: str) -> list[Status]:
        return [s for s in self.items if s.status == status]
