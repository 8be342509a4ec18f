"""Fields of each project: name and budget present, amounts readable, months
marked, no project typed twice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..model import Plan
from ..thai import key
from . import Env, Hit, rule


@rule(
    "missing-field",
    "error",
    "โครงการไม่มีชื่อหรือไม่มีงบประมาณ",
    "a project has no name or no budget cell",
    'กรอกชื่อโครงการและงบประมาณ (ถ้าไม่ใช้งบประมาณ ให้ใส่ "-")',
)
def missing_field(plan: Plan, env: Env) -> Iterable[Hit]:
    for p in plan.projects:
        if not p.name.strip():
            yield Hit(replace(p.source, column="โครงการ"), "ไม่มีชื่อโครงการ", value=p.budget_raw or p.seq)
        if p.budget is None and not p.budget_raw.strip():
            yield Hit(replace(p.source, column="งบประมาณ"), f'โครงการ "{p.name[:60]}" ไม่มีงบประมาณ', value="")


@rule(
    "bad-amount",
    "error",
    "จำนวนเงินอ่านไม่ได้หรือติดลบ",
    "a budget cell does not parse as an amount, or is negative",
    "เขียนจำนวนเงินเป็นตัวเลข เช่น 1,250,000 หรือ 1,250,000.00",
    messages={"ordinance": 'จำนวนเงินในข้อบัญญัติ "{value}" อ่านไม่ได้'},
    hints={"ordinance": "ใส่จำนวนเงินเป็นตัวเลข เช่น 1,250,000"},
)
def bad_amount(plan: Plan, env: Env) -> Iterable[Hit]:
    for p in plan.projects:
        if p.budget is None and p.budget_raw.strip():
            yield Hit(replace(p.source, column="งบประมาณ"), f'งบประมาณของ "{p.name[:60]}" อ่านเป็นจำนวนเงินไม่ได้', value=p.budget_raw)
        elif p.budget is not None and p.budget < 0:
            yield Hit(replace(p.source, column="งบประมาณ"), f'งบประมาณของ "{p.name[:60]}" ติดลบ', value=p.budget_raw)
    for t in plan.totals:
        if t.amount is None and t.raw.strip():
            yield Hit(replace(t.source, column="งบประมาณ"), f'ยอด "{t.label}" อ่านเป็นจำนวนเงินไม่ได้', value=t.raw)


@rule(
    "no-schedule",
    "error",
    "ไม่ได้ระบุเดือนที่ดำเนินการ",
    "no month is marked and no period is given",
    'ทำเครื่องหมาย ✓ หรือแรเงาช่องเดือนที่ดำเนินการ หรือกรอกระยะเวลา เช่น "ต.ค. 63 – ก.ย. 64"',
)
def no_schedule(plan: Plan, env: Env) -> Iterable[Hit]:
    for p in plan.projects:
        if not p.months and p.name.strip():
            msg = f'โครงการ "{p.name[:60]}" ไม่ได้ระบุเดือนที่ดำเนินการ'
            if p.period:
                msg = f'อ่านระยะเวลา "{p.period}" ของโครงการ "{p.name[:60]}" ไม่ได้'
            yield Hit(p.source, msg, value=p.period)


@rule(
    "duplicate-project",
    "warning",
    "โครงการซ้ำ",
    "the same project (name and location) appears twice",
    "ลบแถวที่ซ้ำ หรือแก้ชื่อ/สถานที่ให้ต่างกันถ้าเป็นคนละโครงการ",
)
def duplicate_project(plan: Plan, env: Env) -> Iterable[Hit]:
    seen: dict[tuple[str, str], object] = {}
    for p in plan.projects:
        k = (key(p.name), key(p.location))
        if not k[0]:
            continue
        if k in seen:
            first = seen[k]
            yield Hit(p.source, f'โครงการ "{p.name[:60]}" ซ้ำกับ {first.source.where()}', value=p.name)  # type: ignore[attr-defined]
        else:
            seen[k] = p
