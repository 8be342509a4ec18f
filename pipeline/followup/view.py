"""The follow-up on the terminal: the summary per ยุทธศาสตร์, then the
findings as the check report shows them."""

from __future__ import annotations

from decimal import Decimal

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..core.domain import program_label, strategy_label
from ..core.thai import format_amount
from ..report.terminal import codes_table, findings_by_file, verdict

COLUMNS = (
    ("done", "เสร็จ"),
    ("in_progress", "ระหว่าง"),
    ("not_started", "ยังไม่"),
    ("cancelled", "ยกเลิก"),
    ("unreported", "ไม่รายงาน"),
)


def _row(table: Table, label: str | Text, r: dict) -> None:
    c = r["counts"]
    table.add_row(
        label,
        str(r["projects"]),
        " / ".join(str(c[k]) for k, _ in COLUMNS),
        format_amount(Decimal(r["disbursed"])),
        r["disbursed_share"],
    )


def print_progress(result, console: Console, cap: int | None = None) -> None:
    data = result.data
    period = data["period"]["label"] if data.get("period") else ""
    console.print(
        Text(f"ติดตามผลแผนการดำเนินงาน {data['organisation']} ปีงบประมาณ พ.ศ. {data['fiscal_year']} — {period}", style="bold")
    )
    forms = result.progress.forms
    console.print(
        f"อ่านแบบติดตาม {forms.files} ไฟล์, {len(forms.rows)} แถว; จับคู่กับแผนได้ {sum(1 for s in result.progress.items if s.row)} จาก {len(result.progress.items)} รายการ"
    )
    # three figures a line, so the table keeps its shape at 80 columns
    table = Table(title="สรุปตามยุทธศาสตร์และแผนงาน", box=box.SIMPLE_HEAD)
    table.add_column("ยุทธศาสตร์ / แผนงาน", ratio=1, min_width=18)
    table.add_column("จำนวน", justify="right", no_wrap=True)
    table.add_column("สถานะ*", justify="center", no_wrap=True)
    table.add_column("เบิกจ่าย (บาท)", justify="right", no_wrap=True)
    table.add_column("%", justify="right", no_wrap=True)
    for r in data["strategies"]:
        _row(table, Text(f"{r['number']}. {strategy_label(r['strategy'])}", style="bold"), r)
        for g in r["programs"]:
            _row(table, f"   {program_label(g['program'])}", g)
    _row(table, Text("รวมทั้งสิ้น", style="bold"), data["totals"])
    table.caption = "* " + " / ".join(label for _, label in COLUMNS) + "; % = ร้อยละของงบประมาณตามแผนที่เบิกจ่ายแล้ว"
    console.print(table)
    total = data["totals"]
    console.print(
        f"งบประมาณตามแผน {format_amount(Decimal(total['planned']))} บาท เบิกจ่ายแล้ว {format_amount(Decimal(total['disbursed_total']))} บาท"
    )
    report = result.report
    if report.findings:
        console.print(Group(*findings_by_file(report, cap)))
        console.print(codes_table(report))
    console.print(verdict(report))
    console.print("เขียนแล้ว: " + ", ".join(p.name for p in result.written))
