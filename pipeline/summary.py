"""Counts, budgets and shares per ยุทธศาสตร์ and แผนงาน (ผด.01 and the report).

Percentages use the largest-remainder method on the แผนงาน rows, so they are
rounded to two decimals and still add up to exactly 100.00; a strategy's share
is the sum of its แผนงาน shares.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .domain import STANDARD_PROGRAMS, canonical_program, strategy_key
from .model import Kind, Plan, Project, budget_of


@dataclass(frozen=True)
class ProgramRow:
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


def shares(values: list[Decimal] | list[int]) -> list[Decimal]:
    """Percentages with two decimals that add up to exactly 100.00 (or all 0)."""
    total = sum(Decimal(v) for v in values)
    if total <= 0:
        return [Decimal("0.00")] * len(values)
    scaled = [Decimal(v) * 10000 / total for v in values]
    floors = [int(s) for s in scaled]
    left = 10000 - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (-(scaled[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return [Decimal(f) / 100 for f in floors]


def strategy_order(plan: Plan, projects: list[Project]) -> list[str]:
    """Strategies in the order of the strategy map, then as first met."""
    names: dict[str, str] = {}
    for s in plan.strategies:
        names.setdefault(strategy_key(s.strategy), s.strategy)
    for p in projects:
        names.setdefault(strategy_key(p.strategy), p.strategy)
    used = {strategy_key(p.strategy) for p in projects}
    return [n for k, n in names.items() if k in used]


def program_rank(program: str) -> tuple[int, str]:
    canon = canonical_program(program)
    return (STANDARD_PROGRAMS.index(canon) if canon else len(STANDARD_PROGRAMS), program)


def group(plan: Plan, projects: list[Project]) -> list[tuple[str, list[tuple[str, list[Project]]]]]:
    """Projects grouped by strategy (plan order) then แผนงาน (standard order)."""
    out = []
    for name in strategy_order(plan, projects):
        k = strategy_key(name)
        mine = [p for p in projects if strategy_key(p.strategy) == k]
        programs = sorted({p.program for p in mine}, key=program_rank)
        out.append((name, [(prog, [p for p in mine if p.program == prog]) for prog in programs]))
    return out


def summarise(plan: Plan, kind: Kind = "project") -> Summary:
    projects = list(plan.of_kind(kind))
    groups = group(plan, projects)
    flat = [items for _, progs in groups for _, items in progs]
    budgets = [budget_of(items) for items in flat]
    count_pcts = shares([len(items) for items in flat])
    budget_pcts = shares(budgets)
    rows: list[StrategyRow] = []
    i = 0
    for n, (name, progs) in enumerate(groups, start=1):
        prow = []
        for program, items in progs:
            units = tuple(dict.fromkeys(p.unit for p in items if p.unit))
            prow.append(ProgramRow(program, len(items), budgets[i], count_pcts[i], budget_pcts[i], units))
            i += 1
        rows.append(
            StrategyRow(
                n,
                name,
                tuple(prow),
                sum(r.count for r in prow),
                sum((r.budget for r in prow), Decimal(0)),
                sum((r.count_pct for r in prow), Decimal("0.00")),
                sum((r.budget_pct for r in prow), Decimal("0.00")),
            )
        )
    return Summary(tuple(rows), len(projects), sum(budgets, Decimal(0)))
