"""Presentation of a Report: the rich terminal report, report.json, report.html.

The terminal report is readable without colour (every severity is also a
word) and width-aware (rich wraps to the console). report.html is its own
document (:mod:`pipeline.report_html`) built from the same rows.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..core.domain import DEADLINE_DAYS, deadline, ordinance_word, program_label, strategy_label
from ..core.model import Finding, budget_of
from ..core.records import SCHEMA_VERSION, profile_to_json, to_jsonable
from ..core.summary import summarise
from ..core.thai import format_amount, thai_date
from ..rules import RULES
from ..rules.budget import planned
from ..rules.runner import Report

TITLE = "แผนการดำเนินงาน — รายงานการตรวจ"
LABEL = {"error": ("ข้อผิดพลาด", "bold red"), "warning": ("คำเตือน", "yellow")}


def _baht(value: Decimal) -> str:
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
    rows.append(("งบประมาณรวม", f"{_baht(total)} บาท"))
    if plan.ordinance:
        lines = planned(plan)
        done = [line for line, p in lines if p is not None]
        whole = sum((line.amount for line, _ in lines), Decimal(0))
        part = sum((line.amount for line in done), Decimal(0))
        share = f" ({part * 100 / whole:.2f}%)" if whole else ""
        rows.append(("ข้อบัญญัติที่อยู่ในแผน", f"{len(done)} จาก {len(lines)} รายการ, {_baht(part)} จาก {_baht(whole)} บาท{share}"))
    return rows


def header(report: Report) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for label, value in header_rows(report):
        grid.add_row(label, value)
    return Panel(grid, title=TITLE, box=box.ASCII2, expand=False)


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
        rows.append((f"{s.number}. {strategy_label(s.name)}", s.count, _baht(s.budget), f"{s.budget_pct:.2f}", True))
        rows += [(program_label(p.program), p.count, _baht(p.budget), f"{p.budget_pct:.2f}", False) for p in s.programs]
    return rows, ("รวมทั้งสิ้น", summ.count, _baht(summ.budget), "100.00" if summ.count else "0.00", True)


def summary_table(report: Report) -> Table:
    rows, (label, count, budget, pct, _) = summary_rows(report)
    table = Table(title="สรุปตามยุทธศาสตร์และแผนงาน (โครงการ)", box=box.SIMPLE_HEAD, show_footer=True)
    table.add_column("ยุทธศาสตร์ / แผนงาน", label, ratio=1)
    table.add_column("จำนวน", str(count), justify="right")
    table.add_column("งบประมาณ (บาท)", budget, justify="right")
    table.add_column("ร้อยละ", pct, justify="right")
    for name, n, money, share, strategy in rows:
        table.add_row(Text(name, style="bold") if strategy else f"   {name}", str(n), money, share)
    return table


def units_table(report: Report) -> Table:
    """Projects and budget per หน่วยงาน: a division missing from the plan shows at a glance."""
    table = Table(title="แยกตามหน่วยงาน", box=box.SIMPLE_HEAD)
    table.add_column("หน่วยงาน", ratio=1)
    table.add_column("โครงการ", justify="right")
    table.add_column("ครุภัณฑ์", justify="right")
    table.add_column("งบประมาณ (บาท)", justify="right")
    for unit, n_projects, n_items, budget in unit_rows(report):
        table.add_row(unit, str(n_projects), str(n_items), _baht(budget))
    return table


def shown(p, name: str) -> str:
    """A project's field as the report shows it (an unreadable budget as typed)."""
    v = getattr(p, name)
    if name == "budget":
        return _baht(v) if v is not None else p.budget_raw
    if name == "months":
        return ",".join(map(str, v)) or "-"
    return str(v)[:50]


def revision_table(report: Report) -> RenderableType:
    """What the revision adds, changes (old → new) and cancels, shown before the findings."""
    d = report.revision
    lines = Text()
    lines.append(
        f"แผนแก้ไขเทียบกับฉบับ {d.previous_revision or 'ก่อน'}: เพิ่มเติม {len(d.added)}, แก้ไข {len(d.changed)}, "
        f"ยกเลิก {len(d.cancelled)} รายการ · งบประมาณ {_baht(d.previous_budget)} → {_baht(d.budget)} บาท "
        f"({_baht(d.budget - d.previous_budget)})\n",
        style="bold",
    )
    for p in d.added:
        lines.append(f"  + เพิ่ม  {p.name[:70]}  {shown(p, 'budget')} บาท  ({p.source.where()})\n")
    for c in d.changed:
        what = "; ".join(f"{name}: {shown(c.old, name)} → {shown(c.new, name)}" for name in c.fields) or "ชื่อใกล้เคียง"
        lines.append(f"  ~ แก้ไข {c.new.name[:70]}  {what}\n")
    for p in d.cancelled:
        lines.append(f"  - ยกเลิก {p.name[:70]}  {shown(p, 'budget')} บาท\n")
    return lines


def _finding(f: Finding) -> Text:
    label, style = LABEL.get(f.severity, (f.severity, ""))
    text = Text()
    text.append(f"{label} ", style=style)
    text.append(f"[{f.code}] ", style="bold")
    text.append(f.source.where() + "\n", style="cyan")
    text.append(f"  {f.message}")
    if f.value and f.value not in f.message:
        text.append(f"\n  ค่าที่พบ: {f.value}", style="dim")
    if f.suggestion:
        text.append(f"\n  → {f.suggestion}", style="green")
    if f.hint:
        text.append(f"\n  วิธีแก้: {f.hint}")  # the most useful line of a finding: never dimmed
    return text


def place(f: Finding) -> str:
    """Where within its file (the file is the heading above)."""
    where = f.source.where().split(" › ", 1)
    return where[1] if len(where) > 1 else "ทั้งไฟล์"


def _group(items: list[Finding], more: int) -> Text:
    """Findings of one code and fix in one file: the message once when it is the
    same everywhere, else one short line a place; ``more`` not shown (the cap)."""
    f = items[0]
    label, style = LABEL.get(f.severity, (f.severity, ""))
    text = Text()
    text.append(f"{label} ", style=style)
    text.append(f"[{f.code}] ", style="bold")
    text.append(f"{RULES[f.code].title} — {len(items) + more} แห่ง", style="cyan")
    if len({g.message for g in items}) == 1:
        text.append(f"\n  {f.message}")
        text.append("\n  ที่: " + ", ".join(place(g) for g in items), style="cyan")
    else:
        for g in items:
            text.append(f"\n  {place(g)}: ", style="cyan")
            text.append(g.message + (f" (ค่าที่พบ: {g.value})" if g.value and g.value not in g.message else ""))
            if g.suggestion:
                text.append(f" → {g.suggestion}", style="green")
    if more:
        text.append(f"\n  และอีก {more} แห่ง — ดูทั้งหมดใน report.html", style="bold")
    if f.hint:
        text.append(f"\n  วิธีแก้: {f.hint}")
    return text


def findings_by_file(report: Report, cap: int | None = None) -> Iterable[RenderableType]:
    """Findings file by file; those of one code and fix together. With ``cap``
    at most that many places of a code are shown in the whole report, and the
    group where the cap is reached says how many more there are."""
    files: dict[str, list[Finding]] = {}
    total: dict[str, int] = {}
    for f in report.findings:
        files.setdefault(f.source.file, []).append(f)
        total[f.code] = total.get(f.code, 0) + 1
    shown: dict[str, int] = {}
    for path, items in files.items():
        errors = sum(1 for f in items if f.severity == "error")
        heading = Text(f"\n{path}  (ข้อผิดพลาด {errors}, คำเตือน {len(items) - errors})", style="bold underline")
        groups: dict[tuple[str, str], list[Finding]] = {}
        for f in items:
            groups.setdefault((f.code, f.hint), []).append(f)
        parts: list[RenderableType] = []
        for (code, _), group in groups.items():
            room = len(group) if cap is None else cap - shown.get(code, 0)
            if room <= 0:
                continue  # the cap was reached earlier, where "และอีก" counted these
            visible = group[:room]
            shown[code] = shown.get(code, 0) + len(visible)
            more = total[code] - shown[code] if cap is not None and shown[code] >= cap else 0
            parts.append(_finding(visible[0]) if len(group) == 1 else _group(visible, more))
        if parts:
            yield heading
            yield from parts


def codes_table(report: Report) -> Table:
    """How many findings of each code, with its severity and Thai title."""
    table = Table(title="สรุปตามรหัส", box=box.SIMPLE_HEAD)
    table.add_column("รหัส", no_wrap=True)
    table.add_column("ระดับ", no_wrap=True)
    table.add_column("จำนวน", justify="right")
    table.add_column("เรื่อง", overflow="fold")
    for code, count in code_counts(report):
        label, style = LABEL[RULES[code].severity]
        table.add_row(code, Text(label, style=style), str(count), RULES[code].title)
    return table


def verdict(report: Report) -> Text:
    head, rest = verdict_text(report)
    colour = "green" if report.ok else "red"
    text = Text(head + " ", style=f"bold {colour}")
    text.append(f"— {rest}", style=colour)
    return text


def renderables(report: Report, cap: int | None = None) -> list[RenderableType]:
    parts: list[RenderableType] = [header(report)]
    if report.notes:
        parts.append(Text("\n".join(f"ข้าม: {path} — {note}" for path, note in report.notes)))
    if report.plan.projects:
        parts.append(summary_table(report))
        parts.append(units_table(report))
    if report.revision is not None:
        parts.append(revision_table(report))
    if report.findings:
        parts.append(Group(*findings_by_file(report, cap)))
        parts.append(codes_table(report))
    parts.append(Text(""))
    parts.append(verdict(report))
    return parts


def print_report(report: Report, console: Console, cap: int | None = None) -> None:
    """The report on the terminal; ``cap`` limits the places shown per code (report.html shows all)."""
    for part in renderables(report, cap):
        console.print(part)


def render_text(report: Report, width: int = 100) -> str:
    """The terminal report as plain text at a fixed width (for tests and logs)."""
    buf = io.StringIO()
    console = Console(file=buf, width=width, color_system=None, force_terminal=False, legacy_windows=False, markup=False)
    print_report(report, console)
    return buf.getvalue()


def _revision_json(report: Report) -> dict[str, Any] | None:
    d = report.revision
    if d is None:
        return None

    def item(p) -> dict[str, Any]:
        return {
            "name": p.name,
            "kind": p.kind,
            "budget": None if p.budget is None else f"{p.budget:.2f}",
            **to_jsonable(p.source),
        }

    return {
        "previous_revision": d.previous_revision,
        "added": [item(p) for p in d.added],
        "changed": [
            {"old": item(c.old), "new": item(c.new), "fields": list(c.fields), "score": round(c.score, 1)} for c in d.changed
        ],
        "cancelled": [item(p) for p in d.cancelled],
        "budget_before": f"{d.previous_budget:.2f}",
        "budget_after": f"{d.budget:.2f}",
    }


def to_json(report: Report, applied: list[tuple[str, str, int]] | None = None) -> dict[str, Any]:
    """report.json: the same shape from ``build`` and from ``--json``;
    ``applied`` lists the word corrections put into the documents."""
    plan, s = report.plan, report.plan.stats
    summ = summarise(plan)
    return {
        "schema_version": SCHEMA_VERSION,
        "verdict": {"ok": report.ok, "errors": report.errors, "warnings": report.warnings, "exit_code": report.exit_code},
        "profile": profile_to_json(plan.profile),
        "stats": to_jsonable(s)
        | {
            "projects": len(plan.of_kind("project")),
            "equipment": len(plan.of_kind("equipment")),
            "budget": f"{budget_of(plan.projects):.2f}",
        },
        "summary": to_jsonable(summ),
        "rules": [
            {"code": c, "severity": RULES[c].severity, "title": RULES[c].title, "gloss": RULES[c].gloss} for c in report.rules
        ],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "message": f.message,
                "file": f.source.file,
                "table": f.source.table,
                "row": f.source.row,
                "column": f.source.column,
                "paragraph": f.source.paragraph,
                "value": f.value,
                "suggestion": f.suggestion,
                "hint": f.hint,
            }
            for f in report.findings
        ],
        "skipped_files": [{"file": p, "note": n} for p, n in report.notes],
        "revision": _revision_json(report),
        "corrections_applied": [{"original": w, "correction": r, "times": n} for w, r, n in applied or []],
    }
