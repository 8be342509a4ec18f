"""ยุทธศาสตร์ and แผนงาน: every project sits under a known strategy and a
standard แผนงาน that the strategy map allows under it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..domain import STANDARD_PROGRAMS, canonical_program, program_key, strategy_key
from ..match import did_you_mean
from ..model import Plan
from . import Env, Hit, rule


@rule(
    "unknown-strategy",
    "error",
    "ยุทธศาสตร์ไม่อยู่ในแผนพัฒนา",
    "the project's strategy is not in the strategy map",
    "ใช้ชื่อยุทธศาสตร์ตามตารางความเชื่อมโยงยุทธศาสตร์ (แผนพัฒนาท้องถิ่น)",
)
def unknown_strategy(plan: Plan, env: Env) -> Iterable[Hit]:
    known = {strategy_key(s.strategy): s.strategy for s in plan.strategies}
    for p in plan.projects:
        src = replace(p.source, column="ยุทธศาสตร์")
        if not p.strategy:
            yield Hit(src, f'โครงการ "{p.name[:60]}" ไม่อยู่ใต้ยุทธศาสตร์ใด', hint='ใส่หัวข้อ "ยุทธศาสตร์ที่ … " ก่อนตาราง หรือเพิ่มคอลัมน์ยุทธศาสตร์')
        elif plan.has_strategy_map and strategy_key(p.strategy) not in known:
            yield Hit(
                src,
                f'ไม่พบยุทธศาสตร์ "{p.strategy}" ในตารางความเชื่อมโยงยุทธศาสตร์',
                value=p.strategy,
                suggestion=did_you_mean(p.strategy, known.values(), strategy_key),
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
    for p in plan.projects:
        src = replace(p.source, column="แผนงาน")
        if not p.program:
            yield Hit(src, f'โครงการ "{p.name[:60]}" ไม่อยู่ใต้แผนงานใด', hint='ใส่หัวข้อ "แผนงาน…" ก่อนตาราง หรือเพิ่มคอลัมน์แผนงาน')
        elif canonical_program(p.program) is None:
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
