"""Money against the references: the development plan, the budget ordinance,
and the totals that drafts state themselves. Ordinance and development-plan
checks apply only to projects the organisation funds itself."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from ..domain import funding_kind
from ..match import closest, did_you_mean, similar
from ..model import OrdinanceLine, Plan, Project
from ..thai import format_amount, key
from . import Env, Hit, rule

MATCH = 90  # similarity (0–100) above which two names are the same project


def _own(p: Project) -> bool:
    return funding_kind(p.source_of_funds) != "other"


def _ordinance_funded(p: Project) -> bool:
    return funding_kind(p.source_of_funds) == "ordinance" and not p.no_budget


def name_key(name: str) -> str:
    """Names compared without the words lists put in front of them:
    "โครงการก่อสร้างถนน…" = "ก่อสร้างถนน…" = "ค่าใช้จ่ายโครงการก่อสร้างถนน…"."""
    k = key(name)
    for prefix in ("ค่าใช้จ่าย", "โครงการ"):
        k = k.removeprefix(prefix)
    return k


def ordinance_line(p: Project, lines: tuple[OrdinanceLine, ...]) -> OrdinanceLine | None:
    """The ordinance line of a project: same name, else a very similar one."""
    k = name_key(p.name)
    for line in lines:
        if name_key(line.name) == k:
            return line
    best = max(lines, key=lambda line: similar(p.name, line.name, name_key), default=None)
    return best if best is not None and similar(p.name, best.name, name_key) >= MATCH else None


@rule(
    "not-in-development-plan",
    "error",
    "โครงการไม่อยู่ในแผนพัฒนาท้องถิ่น",
    "a development-plan list is given and the project matches none of it",
    "ตรวจชื่อโครงการให้ตรงกับแผนพัฒนาท้องถิ่น (ผ.02) หรือเพิ่มเติม/แก้ไขแผนพัฒนาก่อน",
)
def not_in_devplan(plan: Plan, env: Env) -> Iterable[Hit]:
    if not plan.has_devplan:
        return
    names = [d.name for d in plan.devplan]
    keys = {name_key(n) for n in names}
    for p in plan.projects:
        if p.kind != "project" or not p.name or not _own(p) or name_key(p.name) in keys:
            continue
        hit = closest(p.name, names, name_key)
        if hit and similar(p.name, hit[0], name_key) >= MATCH:
            continue
        yield Hit(
            replace(p.source, column="โครงการ"),
            f'ไม่พบโครงการ "{p.name[:60]}" ในแผนพัฒนาท้องถิ่น',
            value=p.name,
            suggestion=did_you_mean(p.name, names),
        )


@rule(
    "over-ordinance",
    "error",
    "งบประมาณเกินข้อบัญญัติ",
    "an ordinance-funded project's budget exceeds its ordinance line",
    "แก้งบประมาณให้ไม่เกินข้อบัญญัติ หรือโอน/แก้ไขงบประมาณก่อน",
)
def over_ordinance(plan: Plan, env: Env) -> Iterable[Hit]:
    for p in plan.projects:
        if not plan.ordinance or not _ordinance_funded(p) or p.budget is None:
            continue
        line = ordinance_line(p, plan.ordinance)
        if line and p.budget > line.amount:
            yield Hit(
                replace(p.source, column="งบประมาณ"),
                f'"{p.name[:60]}" ตั้งไว้ {format_amount(p.budget)} บาท เกินข้อบัญญัติ {format_amount(line.amount)} บาท '
                f"({line.source.where()})",
                value=format_amount(p.budget),
            )


@rule(
    "not-in-ordinance",
    "warning",
    "ไม่พบโครงการในข้อบัญญัติ",
    "an ordinance-funded project matches no ordinance line",
    "ตรวจชื่อโครงการให้ตรงกับข้อบัญญัติ หรือระบุแหล่งงบประมาณ (เงินสะสม, หน่วยงานอื่น)",
)
def not_in_ordinance(plan: Plan, env: Env) -> Iterable[Hit]:
    if not plan.has_ordinance:
        return
    names = [line.name for line in plan.ordinance]
    for p in plan.projects:
        if _ordinance_funded(p) and p.name and ordinance_line(p, plan.ordinance) is None:
            yield Hit(
                replace(p.source, column="โครงการ"),
                f'ไม่พบ "{p.name[:60]}" ในข้อบัญญัติงบประมาณ',
                value=p.name,
                suggestion=did_you_mean(p.name, names),
            )


@rule(
    "program-over-ordinance",
    "error",
    "ยอดรวมแผนงานเกินข้อบัญญัติ",
    "a แผนงาน's total exceeds the ordinance total for it",
    "ลดงบประมาณโครงการในแผนงานนี้ หรือตรวจว่าโครงการอยู่ถูกแผนงาน",
)
def program_over_ordinance(plan: Plan, env: Env) -> Iterable[Hit]:
    limit: dict[str, Decimal] = defaultdict(Decimal)
    for line in plan.ordinance:
        limit[line.program] += line.amount
    spent: dict[str, Decimal] = defaultdict(Decimal)
    first: dict[str, Project] = {}
    for p in plan.projects:
        if _ordinance_funded(p) and p.budget is not None and p.program in limit:
            spent[p.program] += p.budget
            first.setdefault(p.program, p)
    for program, total in spent.items():
        if total > limit[program]:
            yield Hit(
                replace(first[program].source, column="แผนงาน"),
                f"{program}: รวม {format_amount(total)} บาท เกินข้อบัญญัติ {format_amount(limit[program])} บาท",
                value=format_amount(total),
            )


@rule(
    "stated-total-mismatch",
    "error",
    "ยอดรวมในตารางไม่ตรงกับผลรวม",
    'a "รวม" row in a draft differs from the sum of the rows it closes',
    'แก้ยอดในแถว "รวม" ให้ตรงกับผลรวมของโครงการ (หรือแก้งบประมาณโครงการที่ผิด)',
)
def stated_total(plan: Plan, env: Env) -> Iterable[Hit]:
    budgets = {(p.source.file, p.source.table, p.source.row): p.budget or Decimal(0) for p in plan.projects}
    for t in plan.totals:
        if t.amount is None:
            continue
        actual = sum((budgets.get((t.source.file, t.source.table, r), Decimal(0)) for r in t.rows), Decimal(0))
        if actual != t.amount:
            yield Hit(
                replace(t.source, column="งบประมาณ"),
                f'แถว "{t.label}" ระบุ {format_amount(t.amount)} บาท แต่ผลรวม {len(t.rows)} โครงการ = {format_amount(actual)} บาท',
                value=format_amount(t.amount),
                suggestion=format_amount(actual),
            )
