"""The rich terminal report of a Report (report.json is :mod:`.json`, report.html :mod:`.html`).

The terminal report is readable without colour (every severity is also a
word) and width-aware (rich wraps to the console). report.html is its own
document (:mod:`pipeline.report_html`) built from the same rows.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..core.model import Finding
from ..rules import RULES
from ..rules.runner import Report
from .facts import LABEL, TITLE, baht, code_counts, header_rows, place, shown, summary_rows, unit_rows, verdict_text


def header(report: Report) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for label, value in header_rows(report):
        grid.add_row(label, value)
    return Panel(grid, title=TITLE, box=box.ASCII2, expand=False)


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
        table.add_row(unit, str(n_projects), str(n_items), baht(budget))
    return table


def revision_table(report: Report) -> RenderableType:
    """What the revision adds, changes (old → new) and cancels, shown before the findings."""
    d = report.revision
    lines = Text()
    lines.append(
        f"แผนแก้ไขเทียบกับฉบับ {d.previous_revision or 'ก่อน'}: เพิ่มเติม {len(d.added)}, แก้ไข {len(d.changed)}, "
        f"ยกเลิก {len(d.cancelled)} รายการ · งบประมาณ {baht(d.previous_budget)} → {baht(d.budget)} บาท "
        f"({baht(d.budget - d.previous_budget)})\n",
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
        for suggestion in dict.fromkeys(g.suggestion for g in items if g.suggestion):  # as report.html shows it
            text.append(f"\n  → {suggestion}", style="green")
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
