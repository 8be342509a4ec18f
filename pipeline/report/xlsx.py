"""records.xlsx: the plan's records for spreadsheet users — sheets ผด.01,
ผด.02 and ผด.02/1 with Thai headers, amounts as numbers, one ✓ column a
month, and where each row came from (file › table › row)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from ..core.domain import program_label, strategy_title
from ..core.model import Plan, Project
from ..core.period import month_year
from ..core.summary import numbered, summarise
from ..core.thai import abbr_months, calendar_month
from ..files.spreadsheet import Column, OutSheet, Value, workbook_bytes

MONEY = "#,##0.00"
PERCENT = "0.00"
TICK = "✓"


def month_titles(year: int | None) -> list[str]:
    """ต.ค. 63 … ก.ย. 64 for fiscal year 2564 (the forms' month header)."""
    titles = []
    for m in range(1, 13):
        label = abbr_months()[calendar_month(m) - 1]
        if year:
            label += f" {month_year(m, year) % 100:02d}"
        titles.append(label)
    return titles


def _form_01(plan: Plan) -> OutSheet:
    summ = summarise(plan)
    rows: list[list[Value]] = []
    bold: set[int] = set()
    for s in summ.strategies:
        bold.add(len(rows))
        rows.append([f"{s.number}. {strategy_title(s.name)}", s.count, s.count_pct, s.budget, s.budget_pct, ""])
        rows.extend(
            [f"    {p.number} {p.program}", p.count, p.count_pct, p.budget, p.budget_pct, ", ".join(p.units)] for p in s.programs
        )
    bold.add(len(rows))
    rows.append(["รวมทั้งสิ้น", summ.count, Decimal(100 if summ.count else 0), summ.budget, Decimal(100 if summ.budget else 0), ""])
    columns = [
        Column("ยุทธศาสตร์ / แผนงาน", 50),
        Column("จำนวนโครงการที่ดำเนินการ", 14, "0", centre=True),
        Column("ร้อยละของโครงการทั้งหมด", 14, PERCENT),
        Column("จำนวนงบประมาณ (บาท)", 18, MONEY),
        Column("ร้อยละของงบประมาณทั้งหมด", 14, PERCENT),
        Column("หน่วยดำเนินการ", 30),
    ]
    return OutSheet("ผด.01", columns, rows, frozenset(bold))


def _form_02(plan: Plan, projects: Sequence[Project], title: str) -> OutSheet:
    rows: list[list[Value]] = []
    for number, name, programs in numbered(plan, list(projects)):
        for program_no, program, items in programs:
            for i, p in enumerate(items, start=1):
                rows.append(
                    [
                        i,
                        f"{number}. {strategy_title(name)}",
                        f"{program_no} {program_label(program)}",
                        p.name,
                        p.activity,
                        None if p.no_budget else p.budget,
                        p.location,
                        p.unit,
                        p.source_of_funds,
                        *[TICK if m in p.months else "" for m in range(1, 13)],
                        p.period,
                        p.source.where(),
                    ]
                )
    name = "ครุภัณฑ์" if title == "ผด.02-1" else "โครงการ"
    columns = [
        Column("ที่", 6, "0", centre=True),
        Column("ยุทธศาสตร์", 30),
        Column("แผนงาน", 26),
        Column(name, 40),
        Column("รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", 40),
        Column("งบประมาณ (บาท)", 16, MONEY),
        Column("สถานที่ดำเนินการ", 20),
        Column("หน่วยงานรับผิดชอบหลัก", 18),
        Column("แหล่งงบประมาณ", 14),
        *[Column(t, 7, centre=True) for t in month_titles(plan.profile.fiscal_year)],
        Column("ระยะเวลา", 14),
        Column("ที่มา (ไฟล์ › ตาราง › แถว)", 40),
    ]
    return OutSheet(title, columns, rows)


def records_xlsx(plan: Plan) -> bytes:
    # "/" is not allowed in a sheet name, so ผด.02/1 is written ผด.02-1
    return workbook_bytes(
        [_form_01(plan), _form_02(plan, plan.of_kind("project"), "ผด.02"), _form_02(plan, plan.of_kind("equipment"), "ผด.02-1")]
    )
