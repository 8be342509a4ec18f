"""The terminal side of ``batch``: a progress bar over organisations and the roll-up table."""

from __future__ import annotations

import argparse

from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import batch
from .batch import VERDICTS, Row


def table(rows: list[Row]) -> Table:
    t = Table(title=f"สรุปแผนการดำเนินงาน {len(rows)} หน่วยงาน", box=box.ASCII2)
    for name, justify in (
        ("หน่วยงาน", "left"),
        ("อำเภอ/จังหวัด", "left"),
        ("ปีงบ", "right"),
        ("โครงการ", "right"),
        ("งบประมาณ (บาท)", "right"),
        ("ผิด", "right"),
        ("เตือน", "right"),
        ("กำหนดประกาศ", "left"),
        ("ผล", "left"),
    ):
        # numbers never wrap: a budget cut to "26,808…" reads as another number
        t.add_column(name, justify=justify, no_wrap=justify == "right", overflow="fold")  # type: ignore[arg-type]
    for r in rows:
        t.add_row(
            r.name or r.folder,
            " ".join(x for x in (r.district, r.province) if x),
            str(r.fiscal_year or ""),
            str(r.projects),
            f"{float(r.budget):,.2f}",
            str(r.errors),
            str(r.warnings),
            r.deadline.split(" (")[0],
            VERDICTS[r.verdict],
        )
    return t


def group_table(title: str, groups: list[dict[str, object]]) -> Table:
    t = Table(title=title, box=box.ASCII2)
    for name in ("", "หน่วยงาน", "ผ่าน", "โครงการ", "งบประมาณ (บาท)", "ข้อผิดพลาด"):
        t.add_column(name, justify="left" if not name else "right", no_wrap=bool(name))
    for g in groups:
        t.add_row(
            str(g["group"]),
            str(g["organisations"]),
            str(g["passed"]),
            str(g["projects"]),
            f"{float(str(g['budget'])):,.2f}",
            str(g["errors"]),
        )
    return t


def run_batch(args: argparse.Namespace, console: Console, err: Console) -> int:
    folders = batch.organisations(args.root)
    bar = Progress(
        TextColumn("สร้างแผน"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}", markup=False),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    task = bar.add_task("", total=len(folders))
    with bar:
        rows = batch.run(
            args.root,
            args.outputs,
            args.draft,
            args.pdf,
            args.jobs,
            lambda row: bar.update(task, advance=1, description=row.folder),
        )
    console.print(table(rows))
    for r in rows:
        if r.message:  # below the table: a sentence does not fit a column
            console.print(f"{r.folder}: {VERDICTS[r.verdict]} — {r.message}")
    data = batch.rollup(rows)
    console.print(group_table("รวมรายอำเภอ", data["districts"]))  # type: ignore[arg-type]
    console.print(group_table("รวมรายจังหวัด", data["provinces"]))  # type: ignore[arg-type]
    passed = sum(r.verdict == "pass" for r in rows)
    console.print(
        f"ผ่าน {passed} จาก {len(rows)} หน่วยงาน — สรุปใน {args.outputs / 'rollup.html'} และ {args.outputs / 'rollup.json'}"
    )
    if any(r.verdict in ("refused", "crashed") for r in rows):
        return 2 if passed == 0 and all(r.verdict in ("refused", "crashed") for r in rows) else 1
    return 0 if passed == len(rows) else 1
