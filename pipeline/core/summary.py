"""Counts, budgets and shares per ยุทธศาสตร์ and แผนงาน (ผด.01, the forms'
numbering and the report).

Every percentage is the exact share rounded half up to two decimals, so a
reviewer who recomputes one gets the same figure and equal counts give equal
percentages; the total row states 100.00. Strategies and แผนงาน keep the
numbers of the development plan (the strategy map): a plan of only
ยุทธศาสตร์ที่ 3 prints 3, and its second แผนงาน in the map prints 3.2.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .domain import STANDARD_PROGRAMS, canonical_program, program_key, strategy_key
from .model import Kind, Plan, Project, budget_of

HUNDREDTH = Decimal("0.01")


@dataclass(frozen=True)
class ProgramRow:
    number: str  # "3.2"
    program: str
    count: int
    budget: Decimal
    count_pct: Decimal
    budget_pct: Decimal
    units: tuple[str, ...]


@dataclass(frozen=True)
class StrategyRow:
    number: int
    name: str
    programs: tuple[ProgramRow, ...]
    count: int
    budget: Decimal
    count_pct: Decimal
    budget_pct: Decimal


@dataclass(frozen=True)
class Summary:
    strategies: tuple[StrategyRow, ...]
    count: int
    budget: Decimal


def share(part: Decimal | int, whole: Decimal | int) -> Decimal:
    """``part`` as a percentage of ``whole``, rounded half up to two decimals."""
    if not whole:
        return Decimal("0.00")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Numbering:
    """The development plan's numbers: strategy key → N, (strategy key,
    แผนงาน key) → M for "N.M"."""

    strategies: dict[str, int]
    programs: dict[tuple[str, str], int]

    def strategy(self, name: str, fallback: int) -> int:
        return self.strategies.get(strategy_key(name), fallback)

    def program(self, number: int, strategy: str, program: str, fallback: int) -> str:
        """ "N.M" for a แผนงาน of strategy ``number``: M from the map, else ``fallback``."""
        return f"{number}.{self.programs.get((strategy_key(strategy), program_key(program)), fallback)}"


def numbering(plan: Plan) -> Numbering:
    strategies: dict[str, int] = {}
    programs: dict[tuple[str, str], int] = {}
    for link in plan.strategies:
        k = strategy_key(link.strategy)
        if k not in strategies:
            strategies[k] = link.number or len(strategies) + 1
        pk = (k, program_key(link.program))
        if pk not in programs:
            programs[pk] = sum(1 for s, _ in programs if s == k) + 1
    return Numbering(strategies, programs)


def strategy_order(plan: Plan, projects: list[Project]) -> list[str]:
    """Strategies in the order of the strategy map, then as first met."""
    names: dict[str, str] = {}
    for s in plan.strategies:
        names.setdefault(strategy_key(s.strategy), s.strategy)
    for p in projects:
        names.setdefault(strategy_key(p.strategy), p.strategy)
    used = {strategy_key(p.strategy) for p in projects}
    return [n for k, n in names.items() if k in used]


def program_rank(plan: Plan, strategy: str) -> dict[str, tuple[int, int, str]]:
    """Sort key of each แผนงาน under a strategy: the map's order, then the standard order."""
    order = numbering(plan).programs
    sk = strategy_key(strategy)

    def rank(program: str) -> tuple[int, int, str]:
        canon = canonical_program(program)
        standard = STANDARD_PROGRAMS.index(canon) if canon else len(STANDARD_PROGRAMS)
        return (order.get((sk, program_key(program)), 999), standard, program)

    return {p.program: rank(p.program) for p in plan.projects if strategy_key(p.strategy) == sk}


def group(plan: Plan, projects: list[Project]) -> list[tuple[str, list[tuple[str, list[Project]]]]]:
    """Projects grouped by strategy (plan order) then แผนงาน (map order)."""
    out = []
    for name in strategy_order(plan, projects):
        k = strategy_key(name)
        mine = [p for p in projects if strategy_key(p.strategy) == k]
        ranks = program_rank(plan, name)
        programs = sorted({p.program for p in mine}, key=lambda prog: ranks.get(prog, (999, 999, prog)))
        out.append((name, [(prog, [p for p in mine if p.program == prog]) for prog in programs]))
    return out


Section = tuple[int, str, list[tuple[str, str, list[Project]]]]  # strategy number and name; its แผนงาน "N.M", name, projects


def numbered(plan: Plan, projects: list[Project]) -> list[Section]:
    """``group`` with the numbers the plan prints: strategy N (the map's, else
    its place) and แผนงาน N.M — for ผด.01, ผด.02 and records.xlsx alike."""
    numbers = numbering(plan)
    out: list[Section] = []
    for i, (name, programs) in enumerate(group(plan, projects), start=1):
        number = numbers.strategy(name, i)
        out.append(
            (
                number,
                name,
                [(numbers.program(number, name, prog, j), prog, items) for j, (prog, items) in enumerate(programs, start=1)],
            )
        )
    return out


def summarise(plan: Plan, kind: Kind = "project") -> Summary:
    projects = list(plan.of_kind(kind))
    total_count, total_budget = len(projects), budget_of(projects)
    rows: list[StrategyRow] = []
    for number, name, progs in numbered(plan, projects):
        prow = []
        for program_no, program, items in progs:
            units = tuple(dict.fromkeys(p.unit for p in items if p.unit))
            budget = budget_of(items)
            prow.append(
                ProgramRow(
                    program_no,
                    program,
                    len(items),
                    budget,
                    share(len(items), total_count),
                    share(budget, total_budget),
                    units,
                )
            )
        count, budget = sum(r.count for r in prow), sum((r.budget for r in prow), Decimal(0))
        rows.append(
            StrategyRow(
                number,
                name,
                tuple(prow),
                count,
                budget,
                share(count, total_count),
                share(budget, total_budget),
            )
        )
    return Summary(tuple(rows), total_count, total_budget)
