"""Counts, budgets and shares per ยุทธศาสตร์ and แผนงาน (ผด.01, the forms'
numbering and the report).

``summarise`` gives each share rounded half up to two decimals (report.json
keeps these); ``balanced`` gives the shares ผด.01 prints, which add up: the
strategies to 100.00 and the แผนงาน of a strategy to its รวม, by the largest
remainder — half up where that already adds up, else the rows whose
rounding lost the most gain 0.01 (or those that gained the most lose it).
Strategies and แผนงาน keep the
numbers of the development plan (the strategy map): a plan of only
ยุทธศาสตร์ที่ 3 prints 3, and its second แผนงาน in the map prints 3.2.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
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


def largest_remainder(exact: list[Decimal], target: Decimal) -> list[Decimal]:
    """``exact`` shares rounded to hundredths that add up to ``target``: half
    up, then 0.01 more for the rows whose rounding lost the most (or 0.01
    less for those that gained the most) until they do; ties go to the first row."""
    rounded = [e.quantize(HUNDREDTH, rounding=ROUND_HALF_UP) for e in exact]
    steps = int((target - sum(rounded, Decimal(0))) / HUNDREDTH)
    if not steps or not exact:
        return rounded
    sign = 1 if steps > 0 else -1
    # The residual each row would close by moving one step in ``sign``: most lost (or gained) first.
    order = sorted(range(len(exact)), key=lambda i: (-sign * (exact[i] - rounded[i]), i))
    for n in range(abs(steps)):
        rounded[order[n % len(order)]] += sign * HUNDREDTH
    return rounded


def _exact(part: Decimal | int, whole: Decimal | int) -> Decimal:
    return Decimal(part) * 100 / Decimal(whole) if whole else Decimal(0)


def balanced(summ: Summary) -> Summary:
    """``summ`` with the percentages ผด.01 prints: the strategies add up to
    100.00 and each strategy's แผนงาน to the strategy's own figure."""
    if not summ.strategies:
        return summ
    hundred = Decimal(100)
    out = list(summ.strategies)
    for field, total, value in (
        ("count_pct", summ.count, lambda r: r.count),
        ("budget_pct", summ.budget, lambda r: r.budget),
    ):
        if not total:
            continue
        tops = largest_remainder([_exact(value(s), total) for s in out], hundred)
        for i, (s, top) in enumerate(zip(out, tops, strict=True)):
            rows = largest_remainder([_exact(value(p), total) for p in s.programs], top)
            programs = tuple(replace(p, **{field: r}) for p, r in zip(s.programs, rows, strict=True))
            out[i] = replace(s, programs=programs, **{field: top})
    return replace(summ, strategies=tuple(out))
