"""The terminal side of ``batch``: a progress bar over organisations and the roll-up table."""

from __future__ import annotations

import argparse

from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import run as batch
from .run import VERDICTS, Row, money

# The abbreviations every planning office writes; a full name does not fit a terminal column.
SHORT = (
    ("องค์การบริหารส่วนจังหวัด", "อบจ."),
    ("องค์การบริหารส่วนตำบล", "อบต."),
    ("เทศบาลตำบล", "ทต."),
    ("เทศบาลเมือง", "ทม."),
    ("เทศบาลนคร", "ทน."),
)


WIDE = 100  # columns the organisations' table needs; below it, a line each


def short(name: str) -> str:
    for long, abbreviation in SHORT:
        if name.startswith(long):
            return abbreviation + name[len(long) :]
    return name


def table(rows: list[Row]) -> Table:
    t = Table(title=f"สรุปแผนการดำเนินงาน {len(rows)} หน่วยงาน", box=box.ASCII2)
    # The verdict comes first and the place last: on a narrow terminal the last column is the one squeezed.
    for name, justify in (
        ("หน่วยงาน", "left"),
        ("ผล", "left"),
        ("ประกาศ", "left"),
        ("ผิด/เตือน", "right"),
        ("โครงการ", "right"),
        ("งบประมาณ", "right"),
        ("ปีงบ", "right"),
        ("อำเภอ/จังหวัด", "left"),
    ):
        # numbers never wrap: a budget cut to "26,808…" reads as another number
        t.add_column(
            name,
            justify=justify,  # type: ignore[arg-type]
            no_wrap=justify == "right",
            overflow="fold",
            min_width=12 if name == "หน่วยงาน" else None,
        )
    for r in rows:
        t.add_row(
            short(r.name) or r.folder,
            VERDICTS[r.verdict],
            r.deadline.split(" (")[0].replace("กำหนด", ""),
            f"{r.errors}/{r.warnings}",
            str(r.projects),
            money(r.budget),
            str(r.fiscal_year or ""),
            " ".join(x for x in (r.district, r.province) if x),
        )
    return t


def lines(rows: list[Row]) -> list[str]:
    """The roll-up as one line per organisation, for a terminal too narrow for the table."""
    out = []
    for r in rows:
        place = " ".join(x for x in (r.district, r.province) if x)
        what = (
            f"{short(r.name) or r.folder}" + (f" ({place})" if place else "") + (f" ปี {r.fiscal_year}" if r.fiscal_year else "")
        )
        out.append(
            f"{VERDICTS[r.verdict]}: {what} — {r.projects} โครงการ {money(r.budget)} บาท, ผิด {r.errors} เตือน {r.warnings}"
            + (f", ประกาศ{r.deadline.split(' (')[0]}" if r.deadline else "")
        )
    return out


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
            money(str(g["budget"])),
            str(g["errors"]),
        )
    return t


def run_batch(args: argparse.Namespace, console: Console, err: Console, build: batch.Builder) -> int:
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
            build,
            args.draft,
            args.pdf,
            args.jobs,
            lambda row: bar.update(task, advance=1, description=row.folder),
        )
    if console.width >= WIDE:
        console.print(table(rows))
    else:
        for line in lines(rows):
            console.print(line)
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
