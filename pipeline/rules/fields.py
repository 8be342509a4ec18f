"""Fields of each project: name and budget present, amounts readable, months
marked, no project typed twice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..core.domain import funding_kind
from ..core.model import Plan, Project, Source
from ..core.thai import key, parse_amount
from . import Env, Hit, notice, rule


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
    "a budget cell does not parse as an amount, is negative, or has separators that change its value",
    "เขียนจำนวนเงินเป็นตัวเลข ใช้จุลภาคคั่นหลักพัน และจุดเฉพาะหน้าสตางค์ เช่น 1,250,000 หรือ 1,250,000.00",
    messages={"ordinance": 'จำนวนเงินในข้อบัญญัติ "{value}" อ่านไม่ได้', "disbursed": 'จำนวนเงินเบิกจ่าย "{value}" อ่านไม่ได้'},
    hints={
        "ordinance": "ใส่จำนวนเงินเป็นตัวเลข เช่น 1,250,000",
        "disbursed": "ใส่จำนวนเงินที่เบิกจ่ายแล้วเป็นตัวเลข เช่น 125,000.50 (ยังไม่เบิกจ่าย ใส่ 0 หรือ -)",
    },
)
def bad_amount(plan: Plan, env: Env) -> Iterable[Hit]:
    for p in plan.projects:
        if p.budget is None and p.budget_raw.strip():
            intended = parse_amount(p.budget_raw).intended
            if intended:
                message = f'งบประมาณของ "{p.name[:60]}" ใช้จุด/จุลภาคหรือตัวอักษรผิดที่ จึงไม่รู้ค่าที่แน่ชัด'
                yield Hit(replace(p.source, column="งบประมาณ"), message, p.budget_raw, f'หมายถึง "{intended}" ใช่หรือไม่')
                continue
            yield Hit(replace(p.source, column="งบประมาณ"), f'งบประมาณของ "{p.name[:60]}" อ่านเป็นจำนวนเงินไม่ได้', value=p.budget_raw)
        elif p.budget is not None and p.budget < 0:
            yield Hit(replace(p.source, column="งบประมาณ"), f'งบประมาณของ "{p.name[:60]}" ติดลบ', value=p.budget_raw)
    for t in plan.totals:
        if t.amount is None and t.raw.strip():
            intended = parse_amount(t.raw).intended
            yield Hit(
                replace(t.source, column="งบประมาณ"),
                f'ยอด "{t.label}" อ่านเป็นจำนวนเงินไม่ได้',
                value=t.raw,
                suggestion=f'หมายถึง "{intended}" ใช่หรือไม่' if intended else "",
            )


@rule(
    "missing-unit",
    "warning",
    "ไม่รู้หน่วยงานรับผิดชอบ",
    "records of a draft name no หน่วยงาน: no unit column or a blank cell, and neither the draft's title, its file name nor the development plan names one",
    'เพิ่มคอลัมน์ "หน่วยงานรับผิดชอบ" หรือพิมพ์ชื่อกอง/สำนักไว้ใต้ชื่อเอกสาร (เช่น "กองช่าง") หรือในชื่อไฟล์',
)
def missing_unit(plan: Plan, env: Env) -> Iterable[Hit]:
    """One warning per draft, listing its rows: the cause is the draft's layout, not each row."""
    drafts: dict[str, list[Project]] = {}
    for p in plan.projects:
        if not p.unit.strip() and p.name.strip():
            drafts.setdefault(p.source.file, []).append(p)
    for path, items in drafts.items():
        tables: dict[int | None, list[str]] = {}
        for p in items:
            tables.setdefault(p.source.table, []).append(str(p.source.row))
        rows = "; ".join(f"ตารางที่ {t} แถวที่ {', '.join(r)}" for t, r in tables.items())
        yield Hit(
            Source(path),
            f'{len(items)} รายการในไฟล์นี้ไม่มีหน่วยงานรับผิดชอบ ({rows}): ผด.01 ผด.02 และแบบติดตามจะจัดไว้ใต้ "ไม่ระบุหน่วยงาน"',
            value=items[0].name,
        )


notice(
    "unreadable-arrow",
    "warning",
    "อ่านเดือนจากรูปลูกศรไม่ได้",
    "a drawn arrow or line whose extent over the month columns cannot be read",
    "ตรวจเดือนของโครงการนี้ในรายงาน: วาดลูกศรใหม่ในแถวของโครงการให้คร่อมช่องเดือน หรือแรเงา/ทำเครื่องหมายช่องเดือนแทน",
    messages={
        "": "แถวนี้มีรูปลูกศรหรือเส้นที่อ่านตำแหน่งไม่ได้ จึงไม่รู้ว่าคร่อมเดือนใดบ้าง (นับเฉพาะเดือนของช่องที่ยึดรูปไว้ ถ้ามี)",
        "outside": "รูปลูกศรหรือเส้นที่วาดไว้นอกตาราง (ย่อหน้าที่ {paragraph}) ระบุแถวหรือเดือนไม่ได้",
    },
)


@rule(
    "no-schedule",
    "error",
    "ไม่ได้ระบุเดือนที่ดำเนินการ",
    "no month is marked and no period is given",
    'ทำเครื่องหมาย ✓ หรือแรเงาช่องเดือนที่ดำเนินการ หรือกรอกระยะเวลา เช่น "ต.ค. 63 – ก.ย. 64"',
)
def no_schedule(plan: Plan, env: Env) -> Iterable[Hit]:
    # A period of another year leaves its row without months: period-outside-year says so there, once.
    elsewhere = {(n.source.file, n.source.table, n.source.row) for n in plan.notices if n.code == "period-outside-year"}
    for p in plan.projects:
        if not p.months and p.name.strip() and (p.source.file, p.source.table, p.source.row) not in elsewhere:
            msg = f'โครงการ "{p.name[:60]}" ไม่ได้ระบุเดือนที่ดำเนินการ'
            if p.period:
                msg = f'อ่านระยะเวลา "{p.period}" ของโครงการ "{p.name[:60]}" ไม่ได้'
            yield Hit(p.source, msg, value=p.period)


@rule(
    "duplicate-project",
    "warning",
    "โครงการซ้ำ",
    "the same project (name, place and funding) appears twice",
    "ตรวจว่าเป็นโครงการเดียวกันหรือไม่: ถ้าเป็นคนละโครงการ ให้ระบุสถานที่หรือแหล่งงบประมาณให้ต่างกัน ถ้าซ้ำจริงจึงลบแถวหนึ่ง",
)
def duplicate_project(plan: Plan, env: Env) -> Iterable[Hit]:
    """Two rows are the same project when name, place and funding agree: a
    project funded once from the ordinance and once by a transfer is two."""
    seen: dict[tuple[str, ...], Project] = {}
    for p in plan.projects:
        k = (p.kind, key(p.name), key(p.location), funding_kind(p.source_of_funds), key(p.source_of_funds))
        if not k[1]:
            continue
        if k in seen:
            yield Hit(p.source, f'โครงการ "{p.name[:60]}" ซ้ำกับ {seen[k].source.where()}', value=p.name)
        else:
            seen[k] = p
