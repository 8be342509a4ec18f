"""The mutable state of one extraction run; frozen into a Plan at the end."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..model import (
    DevPlanItem,
    Finding,
    IntroBlock,
    OrdinanceLine,
    Profile,
    Project,
    Source,
    StatedTotal,
    StrategyLink,
    YearMention,
)


@dataclass
class Context:
    """ยุทธศาสตร์/แผนงาน in force, set by headings and carried down."""

    strategy: str = ""
    program: str = ""


@dataclass
class Collector:
    projects: list[Project] = field(default_factory=list)
    totals: list[StatedTotal] = field(default_factory=list)
    strategies: list[StrategyLink] = field(default_factory=list)
    ordinance: list[OrdinanceLine] = field(default_factory=list)
    devplan: list[DevPlanItem] = field(default_factory=list)
    intro: list[IntroBlock] = field(default_factory=list)
    years: list[YearMention] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    profiles: list[Profile] = field(default_factory=list)
    rows: Counter[str] = field(default_factory=Counter)
    kinds: set[str] = field(default_factory=set)  # of the file being read

    def finding(self, code: str, severity: str, message: str, source: Source, value: str = "", hint: str = "") -> None:
        self.findings.append(Finding(code, severity, message, source, value=value, hint=hint))
