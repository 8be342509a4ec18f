"""ยุทธศาสตร์ and แผนงาน: every project sits under a known strategy and a
standard แผนงาน that the strategy map allows under it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..core.domain import STANDARD_PROGRAMS, canonical_program, program_key, strategy_key
from ..core.match import did_you_mean
from ..core.model import Plan, Project, Source
from . import Env, Hit, rule
from .budget import ordinance_line


@rule(
    "unknown-strategy",
    "error",
    "ยุทธศาสตร์ไม่อยู่ในแผนพัฒนา",
    "the project's strategy is not in the strategy map",
    "ใช้ชื่อยุทธศาสตร์ตามตารางความเชื่อมโยงยุทธศาสตร์ (แผนพัฒนาท้องถิ่น)",
)
def unknown_strategy(plan: Plan, env: Env) -> Iterable[Hit]:
    known = {strategy_key(s.strategy): s.strategy for s in plan.strategies}
    under: dict[str, list[str]] = {}
    for s in plan.strategies:
        names = under.setdefault(program_key(s.program), [])
        if s.strategy not in names:
            names.append(s.strategy)
    asked: set[tuple[str, int | None, str]] = set()
    wrong: dict[tuple[str, object, str], list[Project]] = {}  # one finding per wrong value in a table or under a heading
    hint = 'ใส่หัวข้อ "ยุทธศาสตร์ที่ … " ก่อนตาราง หรือเพิ่มคอลัมน์ยุทธศาสตร์'
    for p in plan.projects:
        owners = under.get(program_key(p.program), []) if p.program else []
        if not p.strategy and len(owners) > 1:
            group = (p.source.file, p.source.table, p.program)
            if group not in asked:  # one question per table and แผนงาน, not one per row
                asked.add(group)
                yield Hit(
                    p.source,
                    f"{p.program} อยู่ใต้หลายยุทธศาสตร์ในตารางความเชื่อมโยง จึงไม่รู้ว่ารายการในตารางนี้อยู่ใต้ยุทธศาสตร์ใด",
                    value=p.program,
                    suggestion="ยุทธศาสตร์ที่เป็นไปได้: " + ", ".join(owners),
                    hint=hint,
                )
        elif not p.strategy and not (p.kind == "equipment" and not p.program):  # equipment: unknown-program asks for its แผนงาน
            yield Hit(p.source, f'โครงการ "{p.name[:60]}" ไม่อยู่ใต้ยุทธศาสตร์ใด', hint=hint)
        elif p.strategy and plan.has_strategy_map and strategy_key(p.strategy) not in known:
            wrong.setdefault((p.source.file, _heading(p) or p.source.table, strategy_key(p.strategy)), []).append(p)
    for items in wrong.values():
        yield _wrong_strategy(items, list(known.values()))


def _heading(p: Project) -> Source | None:
    """The heading paragraph or merged row that set the record's strategy (None: a cell of its row)."""
    return p.strategy_source if p.strategy_source is not None and p.strategy_source.column is None else None


def _wrong_strategy(items: list[Project], known: list[str]) -> Hit:
    """One finding for a wrong strategy: at the heading that set it, listing
    the rows it covers; else at the first row's cell, listing the others."""
    first = items[0]
    heading = _heading(first)
    tables: dict[int | None, list[str]] = {}
    for p in items:
        tables.setdefault(p.source.table, []).append(str(p.source.row))
    if heading is not None:
        also = " (ใช้กับ" + "; ".join(f"ตารางที่ {t} แถวที่ {', '.join(rows)}" for t, rows in tables.items()) + ")"
    else:
        rows = [str(p.source.row) for p in items if p.source.row is not None]
        also = f" ({len(items)} แถว: แถวที่ {', '.join(rows)})" if len(items) > 1 else ""
    return Hit(
        heading or replace(first.source, column="ยุทธศาสตร์"),
        f'ไม่พบยุทธศาสตร์ "{first.strategy}" ในตารางความเชื่อมโยงยุทธศาสตร์{also}',
        value=first.strategy,
        suggestion=did_you_mean(first.strategy, known, strategy_key),
    )


@rule(
    "unknown-program",
    "error",
    "แผนงานไม่ถูกต้อง",
    "the แผนงาน is not a standard one, or not mapped under that strategy",
    "ใช้ชื่อแผนงานมาตรฐาน เช่น แผนงานเคหะและชุมชน และให้ตรงกับตารางความเชื่อมโยงยุทธศาสตร์",
)
def unknown_program(plan: Plan, env: Env) -> Iterable[Hit]:
    pairs = {(strategy_key(s.strategy), program_key(s.program)) for s in plan.strategies}
    yield from _without_program(plan)
    said: set[tuple[object, str, str]] = set()
    for p in plan.projects:
        src = p.program_source or replace(p.source, column="แผนงาน")
        if not p.program or (p.program_source, p.program, p.strategy) in said:
            continue
        if p.program_source is not None:  # one finding per heading, not one per row under it
            said.add((p.program_source, p.program, p.strategy))
        if canonical_program(p.program) is None:
            yield Hit(
                src,
                f'"{p.program}" ไม่ใช่แผนงานมาตรฐาน',
                value=p.program,
                suggestion=did_you_mean(p.program, STANDARD_PROGRAMS, program_key),
            )
        elif plan.has_strategy_map and p.strategy and (strategy_key(p.strategy), program_key(p.program)) not in pairs:
            allowed = [s.program for s in plan.strategies if strategy_key(s.strategy) == strategy_key(p.strategy)]
            if allowed:
                yield Hit(
                    src,
                    f'{p.program} ไม่อยู่ภายใต้ยุทธศาสตร์ "{p.strategy}" ในตารางความเชื่อมโยง',
                    value=p.program,
                    suggestion="แผนงานที่ใช้ได้: " + ", ".join(allowed),
                )


def _without_program(plan: Plan) -> Iterable[Hit]:
    """Records under no แผนงาน heading: one finding per table when the
    ordinance names one แผนงาน for its rows (the heading was left out), else
    one per row. The place is the row, not a แผนงาน column the table lacks."""
    tables: dict[tuple[str, int | None], list[Project]] = {}
    for p in plan.projects:
        if not p.program:
            tables.setdefault((p.source.file, p.source.table), []).append(p)
    hint = 'ใส่หัวข้อ "แผนงาน…" ก่อนตาราง หรือเพิ่มคอลัมน์แผนงาน'
    for items in tables.values():
        named = {line.program for p in items if (line := ordinance_line(p, plan.ordinance)) and line.program}
        if len(named) == 1:
            program = named.pop()
            yield Hit(
                items[0].source,
                f"รายการ {len(items)} แถวในตารางนี้ไม่อยู่ใต้แผนงานใด แต่ข้อบัญญัติระบุว่าอยู่ใน{program}",
                value=items[0].name,
                suggestion=f'ใส่หัวข้อ "{program}" ก่อนตาราง',
                hint=hint,
            )
            continue
        for p in items:
            yield Hit(p.source, f'โครงการ "{p.name[:60]}" ไม่อยู่ใต้แผนงานใด', hint=hint)
