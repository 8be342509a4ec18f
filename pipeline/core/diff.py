"""What a revision changes: the difference of two versions of the plan,
project by project. The revision feature computes it; the rules, the report
and the amendment read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .match import MATCH
from .model import Plan, Project

SURE = MATCH  # similarity from which a renamed project is the same project
LIKELY = 75  # from here a match is taken but reported as unsure
COMPARED = (
    ("name", "โครงการ"),
    ("activity", "กิจกรรม"),
    ("budget", "งบประมาณ"),
    ("location", "สถานที่"),
    ("unit", "หน่วยงาน"),
    ("program", "แผนงาน"),
    ("strategy", "ยุทธศาสตร์"),
    ("months", "เดือน"),
)


@dataclass(frozen=True)
class Change:
    old: Project
    new: Project
    fields: tuple[str, ...]  # what differs (names of COMPARED)
    score: float = 100.0  # name similarity of the match

    @property
    def unsure(self) -> bool:
        return self.score < SURE


@dataclass(frozen=True)
class Diff:
    added: tuple[Project, ...] = ()
    changed: tuple[Change, ...] = ()
    cancelled: tuple[Project, ...] = ()
    previous_revision: str = ""
    previous_budget: Decimal = Decimal(0)
    budget: Decimal = Decimal(0)
    previous: Plan = field(default_factory=Plan)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.cancelled)
