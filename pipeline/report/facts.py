"""The report's facts, as rows both the terminal and report.html show: the
heading, the summary per ยุทธศาสตร์/แผนงาน and per หน่วยงาน, counts per code,
the verdict and where a finding is."""

from __future__ import annotations

from decimal import Decimal

from ..core.domain import DEADLINE_DAYS, deadline, ordinance_word, program_label, strategy_label
from ..core.model import Finding, budget_of
from ..core.summary import summarise
from ..core.thai import format_amount, thai_date
from ..rules import RULES
from ..rules.budget import planned
from ..rules.runner import Report

TITLE = "แผนการดำเนินงาน — รายงานการตรวจ"


LABEL = {"error": ("ข้อผิดพลาด", "bold red"), "warning": ("คำเตือน", "yellow")}


def baht(value: Decimal) -> str:
    return format_amount(value)


def header_rows(report: Report) -> list[tuple[str, str]]:
    """The report's heading facts as (label, value): the terminal panel and report.html show the same."""
    plan, s = report.plan, report.plan.stats
    prof = plan.profile
    projects, equipment = plan.of_kind("project"), plan.of_kind("equipment")
    total = budget_of(plan.projects)
    rows: list[tuple[str, str]] = []
    place = " ".join(x for x in (prof.district and f"อำเภอ{prof.district}", prof.province and f"จังหวัด{prof.province}") if x)
    rows.append(("หน่วยงาน", f"{prof.org_name or '(ไม่พบชื่อหน่วยงาน)'} {place}".strip()))
    rows.append(("ปีงบประมาณ", f"พ.ศ. {prof.fiscal_year}" if prof.fiscal_year else "(ไม่พบ)"))
    if prof.ordinance_date:
        rows.append((f"ประกาศใช้{ordinance_word(prof.org_name)}", thai_date(prof.ordinance_date)))
    if prof.announcement_date:
        rows.append(("ประกาศแผน", thai_date(prof.announcement_date)))
    due = deadline(prof)
    if due:
        how = "ตามที่ขยายเวลา" if due.extended else f"ภายใน {DEADLINE_DAYS} วันนับแต่วันที่{due.label} {thai_date(due.event_date)}"
        rows.append(("ประกาศแผนได้ถึง", f"{thai_date(due.last_day)} ({how} ตามข้อ 27)"))
    rows.append(("ไฟล์ที่อ่าน", f"{s.files} ไฟล์, {s.tables} ตาราง" + (f" (ข้าม {len(report.notes)} ไฟล์)" if report.notes else "")))
    converted = [f"{f.path} ({f.converted_from})" for f in plan.files if f.converted_from]
    if converted:
        rows.append(("แปลงด้วย LibreOffice", ", ".join(converted)))
    rows.append(
        (
            "แถวที่อ่าน",
            f"{s.rows} แถว: หัวตาราง {s.header}, โครงการ {s.records}, ข้อมูลอ้างอิง {s.references}, "
            f"แถวต่อเนื่อง {s.continuations}, หัวข้อ {s.headings}, แถวรวม {s.totals}, ข้าม {s.skipped}"
            + (f" (แถวที่ถูกลบแบบติดตาม {s.deleted})" if s.deleted else ""),
        )
    )
    rows.append(("โครงการ", f"{len(projects)} โครงการ, ครุภัณฑ์ {len(equipment)} รายการ"))
    rows.append(("งบประมาณรวม", f"{baht(total)} บาท"))
    if plan.ordinance:
        lines = planned(plan)
        done = [line for line, p in lines if p is not None]
        whole = sum((line.amount for line, _ in lines), Decimal(0))
        part = sum((line.amount for line in done), Decimal(0))
        share = f" ({part * 100 / whole:.2f}%)" if whole else ""
        rows.append(("ข้อบัญญัติที่อยู่ในแผน", f"{len(done)} จาก {len(lines)} รายการ, {baht(part)} จาก {baht(whole)} บาท{share}"))
    return rows


def unit_rows(report: Report) -> list[tuple[str, int, int, Decimal]]:
    """(หน่วยงาน, projects, equipment items, budget), sorted by หน่วยงาน."""
    units: dict[str, list[int | Decimal]] = {}
    for p in report.plan.projects:
        row = units.setdefault(p.unit or "(ไม่ระบุหน่วยงาน)", [0, 0, Decimal(0)])
        row[0 if p.kind == "project" else 1] += 1
        row[2] += p.budget or Decimal(0)
    return [(unit, int(a), int(b), Decimal(c)) for unit, (a, b, c) in sorted(units.items())]


def code_counts(report: Report) -> list[tuple[str, int]]:
    """(code, how many), errors first, then the most frequent."""
    counts: dict[str, int] = {}
    for f in report.findings:
        counts[f.code] = counts.get(f.code, 0) + 1
    return sorted(counts.items(), key=lambda kv: (RULES[kv[0]].severity != "error", -kv[1], kv[0]))


def verdict_text(report: Report) -> tuple[str, str]:
    if report.ok:
        return "ผลการตรวจ: ผ่าน", f"ไม่มีข้อผิดพลาด, คำเตือน {report.warnings} รายการ"
    return "ผลการตรวจ: ไม่ผ่าน", f"ข้อผิดพลาด {report.errors} รายการ, คำเตือน {report.warnings} รายการ: แก้ไขแล้วรันใหม่"


SummaryRow = tuple[str, int, str, str, bool]  # name, projects, budget, share, a ยุทธศาสตร์ (else its แผนงาน)


def summary_rows(report: Report) -> tuple[list[SummaryRow], SummaryRow]:
    """The summary per ยุทธศาสตร์ and แผนงาน, and its total: the terminal and report.html show the same."""
    summ = summarise(report.plan)
    rows: list[SummaryRow] = []
    for s in summ.strategies:
        rows.append((f"{s.number}. {strategy_label(s.name)}", s.count, baht(s.budget), f"{s.budget_pct:.2f}", True))
        rows += [(program_label(p.program), p.count, baht(p.budget), f"{p.budget_pct:.2f}", False) for p in s.programs]
    return rows, ("รวมทั้งสิ้น", summ.count, baht(summ.budget), "100.00" if summ.count else "0.00", True)


def shown(p, name: str) -> str:
    """A project's field as the report shows it (an unreadable budget as typed)."""
    v = getattr(p, name)
    if name == "budget":
        return baht(v) if v is not None else p.budget_raw
    if name == "months":
        return ",".join(map(str, v)) or "-"
    return str(v)[:50]


def place(f: Finding) -> str:
    """Where within its file (the file is the heading above)."""
    where = f.source.where().split(" › ", 1)
    return where[1] if len(where) > 1 else "ทั้งไฟล์"
