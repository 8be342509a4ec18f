"""Command line: ``python -m pipeline build|check|rules|batch|forms|track-forms|progress``.

Exit codes (an unexpected error ends with 3, its traceback in OUTPUTS/pipeline.log): 0 = no errors (warnings allowed), 1 = errors found, 2 = the run
could not proceed (bad arguments, no inputs, a broken template, a bad
setting), 3 = a bug in the pipeline itself.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from .core.errors import InternalError, UsageError, save_traceback
from .files.paths import user_path

if TYPE_CHECKING:
    from rich.progress import Progress

    from .app import BuildResult, Drafts
    from .rules.runner import Report

EPILOG = "รหัสออก (exit code): 0 = ไม่มีข้อผิดพลาด, 1 = พบข้อผิดพลาด, 2 = ทำงานต่อไม่ได้"


def _codes(text: str | None) -> list[str]:
    return [c.strip() for c in (text or "").split(",") if c.strip()]


def _templates(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--templates", type=user_path, default=None, help="โฟลเดอร์แม่แบบ (ค่าเริ่มต้น templates)")


def _debug(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--debug", action="store_true", help="แสดงรายละเอียดข้อผิดพลาดภายในโปรแกรม (traceback)")


def _check_and_build(sub: argparse._SubParsersAction) -> None:
    """``check`` and ``build``: the same drafts argument and rule options, build's own options between."""
    for name, help_text in (
        ("check", "ตรวจร่างและแสดงรายงาน (ไม่สร้างเอกสาร)"),
        ("build", "ตรวจร่าง แล้วสร้างแผนและประกาศเมื่อไม่มีข้อผิดพลาด"),
    ):
        p = sub.add_parser(name, help=help_text, epilog=EPILOG)
        p.add_argument("inputs", nargs="?", default="inputs", type=user_path, help="โฟลเดอร์ไฟล์ร่าง (ค่าเริ่มต้น inputs)")
        if name == "build":
            _build_options(p)
        p.add_argument("--json", type=user_path, metavar="FILE", help="เขียนรายงานเป็น JSON ที่ไฟล์นี้ด้วย")
        if name == "check":
            p.add_argument(
                "--annotate",
                nargs="?",
                const=Path("outputs/annotated"),
                type=user_path,
                metavar="DIR",
                help="เขียนสำเนาร่างที่มีความเห็นตรงจุดที่พบ (ค่าเริ่มต้น outputs/annotated)",
            )
        p.add_argument("--select", metavar="CODES", help="ตรวจเฉพาะกฎเหล่านี้ (คั่นด้วยจุลภาค)")
        p.add_argument("--skip", metavar="CODES", help="ข้ามกฎเหล่านี้ (คั่นด้วยจุลภาค)")
        _debug(p)


def _build_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("outputs", nargs="?", default="outputs", type=user_path, help="โฟลเดอร์ผลลัพธ์ (ค่าเริ่มต้น outputs)")
    p.add_argument("--draft", action="store_true", help="สร้างเอกสารแม้มีข้อผิดพลาด โดยพิมพ์คำว่า ฉบับร่าง")
    p.add_argument("--pdf", action="store_true", help="แปลงเป็น PDF ด้วย LibreOffice ด้วย")
    p.add_argument("--publish", action="store_true", help="เขียน PDF/A ที่จะเผยแพร่ (ประกาศ + แผน) ใน OUTPUTS/publish")
    _templates(p)
    p.add_argument("--accept-corrections", action="store_true", help="ใช้คำแก้ที่เสนอ (คำสะกดใกล้เคียง คำซ้ำ) ในเอกสารที่สร้าง")
    p.add_argument(
        "--previous",
        type=user_path,
        metavar="FILE",
        help="แผนฉบับที่ประกาศแล้ว (plan.docx หรือ records.json): ทำแผนแก้ไขและ amendment.docx",
    )


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m pipeline", description="แผนการดำเนินงาน: ตรวจร่างและจัดทำเอกสาร", epilog=EPILOG)
    sub = ap.add_subparsers(dest="command", required=True)
    _check_and_build(sub)
    sub.add_parser("rules", help="แสดงรายการกฎการตรวจทั้งหมด")
    b = sub.add_parser("batch", help="สร้างแผนของหลายหน่วยงาน (โฟลเดอร์ย่อยละหน่วยงาน) พร้อมตารางสรุป", epilog=EPILOG)
    b.add_argument("root", type=user_path, help="โฟลเดอร์ที่มีโฟลเดอร์ย่อยของแต่ละหน่วยงาน (แต่ละโฟลเดอร์คือ inputs ของหน่วยงานนั้น)")
    b.add_argument("outputs", nargs="?", default=Path("outputs"), type=user_path, help="โฟลเดอร์ผลลัพธ์ (ค่าเริ่มต้น outputs)")
    b.add_argument("--draft", action="store_true", help="สร้างเอกสารแม้มีข้อผิดพลาด โดยพิมพ์คำว่า ฉบับร่าง")
    b.add_argument("--pdf", action="store_true", help="แปลงเป็น PDF ด้วย LibreOffice ด้วย")
    b.add_argument("--jobs", type=int, default=None, metavar="N", help="จำนวนงานพร้อมกัน (ค่าเริ่มต้น เท่าจำนวนแกนประมวลผล)")
    f = sub.add_parser("forms", help="สร้างแบบฟอร์มร่าง ผด.02 เปล่าของแต่ละกอง จากข้อบัญญัติและแผนพัฒนา", epilog=EPILOG)
    f.add_argument(
        "inputs", nargs="?", default="inputs", type=user_path, help="โฟลเดอร์ที่มีข้อมูลทั่วไป ความเชื่อมโยงยุทธศาสตร์ ข้อบัญญัติ และแผนพัฒนา"
    )
    f.add_argument("outputs", nargs="?", default="outputs", type=user_path, help="โฟลเดอร์ผลลัพธ์ (แบบฟอร์มอยู่ใน OUTPUTS/forms)")
    _templates(f)
    _debug(f)
    t = sub.add_parser("track-forms", help="สร้างแบบติดตามผลการดำเนินงานของแต่ละกอง (ไตรมาสหรือ ณ วันที่)", epilog=EPILOG)
    t.add_argument("inputs", nargs="?", default="inputs", type=user_path, help="โฟลเดอร์ร่างของแผนที่ประกาศแล้ว (ค่าเริ่มต้น inputs)")
    t.add_argument("outputs", nargs="?", default="outputs", type=user_path, help="โฟลเดอร์ผลลัพธ์ (แบบติดตามอยู่ใน OUTPUTS/tracking)")
    g = sub.add_parser("progress", help="อ่านแบบติดตามที่กรอกแล้ว สรุปผลและเขียน progress.json, progress.docx", epilog=EPILOG)
    g.add_argument("inputs", type=user_path, help="โฟลเดอร์ร่างของแผน (ไม่ใช้เมื่อให้ --plan)")
    g.add_argument("progress", type=user_path, help="โฟลเดอร์แบบติดตามที่กรอกแล้ว")
    g.add_argument("outputs", nargs="?", default="outputs", type=user_path, help="โฟลเดอร์ผลลัพธ์ (ค่าเริ่มต้น outputs)")
    g.add_argument("--plan", type=user_path, metavar="FILE", help="แผนที่ประกาศแล้ว: plan.docx หรือ records.json (แทนการอ่าน INPUTS)")
    g.add_argument("--json", type=user_path, metavar="FILE", help="เขียนรายงานเป็น JSON ที่ไฟล์นี้ด้วย")
    for cmd in (t, g):
        period = cmd.add_mutually_exclusive_group()
        period.add_argument("--quarter", type=int, metavar="N", help="ไตรมาสที่ 1–4 ของปีงบประมาณ (ไตรมาสที่ 1 = ต.ค.–ธ.ค.)")
        period.add_argument("--as-of", metavar="DATE", help='ข้อมูล ณ วันที่ เช่น "31 มีนาคม 2564" หรือ 31/03/2564')
        _templates(cmd)
        _debug(cmd)
    return ap


def _progress(console: Console) -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn  # only shown for more than three drafts

    return Progress(
        TextColumn("{task.fields[stage]}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}", markup=False),
        console=console,
        transient=True,
    )


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    console = Console(highlight=False, markup=False)
    err = Console(stderr=True, highlight=False, markup=False)
    if args.command == "rules":
        _print_rules(console)
        return 0
    if args.command == "batch":
        from . import app
        from .batch.view import run_batch

        try:
            return run_batch(args, console, err, app.build_report)
        except UsageError as exc:
            err.print(f"ทำงานต่อไม่ได้: {exc}")
            return 2
        except KeyboardInterrupt:
            err.print("หยุดตามที่สั่ง (Ctrl+C)")
            return 2
    if args.command in ("forms", "track-forms", "progress"):
        try:
            return {"forms": _forms, "track-forms": _track_forms, "progress": _progress_report}[args.command](args, console)
        except UsageError as exc:
            err.print(f"ทำงานต่อไม่ได้: {exc}")
            return 2
    current = {"file": ""}  # the draft being read, for a message should anything break
    if hasattr(signal, "SIGTERM") and threading.current_thread() is threading.main_thread():
        # A build stopped from outside unwinds like Ctrl+C, so LibreOffice is stopped with it.
        signal.signal(signal.SIGTERM, _stopped)
    try:
        return _run(args, console, err, current)
    except KeyboardInterrupt:
        err.print("หยุดตามที่สั่ง (Ctrl+C)")
        return 2
    except Exception as exc:
        # A bug, never the user's draft: one Thai line, the traceback in pipeline.log (and on screen with --debug).
        log = save_traceback(Path(getattr(args, "outputs", None) or "outputs"))
        where = f" ขณะอ่าน {current['file']}" if current["file"] else ""
        saved = f" — รายละเอียดใน {log}" if log else ""
        err.print(f"ข้อผิดพลาดภายในโปรแกรม{where} ({type(exc).__name__}){saved} — โปรดแจ้งผู้ดูแลพร้อมไฟล์นี้")
        if args.debug:
            err.print(traceback.format_exc())
        return 3


def _print_rules(console: Console) -> None:
    """Every rule in Thai: code, severity and title aligned; a long title wraps under itself."""
    from rich.table import Table

    from .report.facts import LABEL
    from .rules import RULES

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column()
    for code, r in RULES.items():
        grid.add_row(code, LABEL[r.severity][0], r.title)
    console.print(grid)


def _made(console: Console, title: str, counted: str, made: list[tuple[str, int, Path]]) -> None:
    """The documents a command wrote, one a division."""
    from rich.table import Table

    table = Table(title=title)
    table.add_column("หน่วยงาน")
    table.add_column(counted, justify="right")
    table.add_column("ไฟล์")
    for unit, count, path in made:
        table.add_row(unit, str(count), path.name)
    console.print(table)


def _forms(args: argparse.Namespace, console: Console) -> int:
    from . import app
    from .core.domain import UNASSIGNED

    made = app.forms(args.inputs, args.outputs, args.templates)
    _made(console, f"แบบฟอร์มร่าง ผด.02 ใน {args.outputs / 'forms'}", "โครงการจากข้อบัญญัติ", made)
    if any(unit == UNASSIGNED for unit, _, _ in made):
        console.print(
            f"มีรายการในข้อบัญญัติที่ไม่รู้ว่าเป็นของกองใด จึงอยู่ในแบบฟอร์ม {UNASSIGNED}.docx — "
            "เพิ่มคอลัมน์ หน่วยงานรับผิดชอบ ในบัญชีข้อบัญญัติหรือแผนพัฒนา แล้วสร้างใหม่"
        )
    console.print("ส่งแบบฟอร์มให้แต่ละกองกรอก แล้ววางไฟล์ที่กรอกแล้วไว้ใน inputs/ และรัน make")
    return 0


def _track_forms(args: argparse.Namespace, console: Console) -> int:
    from . import app

    made = app.track_forms(args.inputs, args.outputs, args.quarter, args.as_of, args.templates)
    _made(console, f"แบบติดตามผลการดำเนินงาน ใน {args.outputs / 'tracking'}", "รายการ", made)
    console.print("ส่งให้แต่ละกองกรอกสถานะและเงินเบิกจ่าย แล้ววางไฟล์ที่กรอกแล้วในโฟลเดอร์เดียวกัน และรัน make progress PROGRESS=โฟลเดอร์นั้น")
    return 0


def _progress_report(args: argparse.Namespace, console: Console) -> int:
    from . import app
    from .files.atomic import write_json
    from .followup.view import print_progress
    from .report.json import to_json

    app.refuse_inside_inputs(args.progress, args.json)
    result = app.progress(args.inputs, args.progress, args.outputs, args.plan, args.quarter, args.as_of, args.templates)
    print_progress(result, console, result.conf.report_cap if result.conf else None)
    if args.json:
        write_json(args.json, to_json(result.report))
    return result.report.exit_code


def _stopped(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


class _Reading:
    """What a check or build is at: a bar (on a terminal, for more than three
    drafts) and ``current``, the draft being read, for a message should anything break."""

    def __init__(self, err: Console, drafts: int, current: dict[str, str]) -> None:
        self.current = current
        self.bar = _progress(err) if drafts > 3 and err.is_terminal else None
        self.task = self.bar.add_task("", total=drafts, stage="อ่าน") if self.bar else None
        current["file"] = ""

    def step(self, name: str) -> None:
        self.current["file"] = name
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, advance=1, description=name)

    def stage(self, name: str) -> None:
        # the bar stays full and names the step, instead of sitting on the last draft
        self.current["file"] = ""
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, stage=name, description="")

    def __enter__(self) -> _Reading:
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()


def _check_or_build(args: argparse.Namespace, drafts: Drafts, reading: _Reading) -> tuple[Report, BuildResult | None]:
    """The report of ``check``, or of ``build`` with what it wrote."""
    from . import app

    select, skip = _codes(args.select), _codes(args.skip)
    if args.command == "check":
        return app.check(args.inputs, select, skip, reading.step, stage=reading.stage, drafts=drafts), None
    result = app.build(
        args.inputs,
        args.outputs,
        args.draft,
        args.pdf,
        select,
        skip,
        reading.step,
        args.templates,
        args.accept_corrections,
        args.previous,
        reading.stage,
        drafts=drafts,
        publish=args.publish,
    )
    return result.report, result


def _print_built(console: Console, outputs: Path, result: BuildResult) -> None:
    """What a build did with the documents: corrections applied, files written or why not, earlier ones moved aside."""
    for wrong, right, times in result.applied:
        console.print(f'แก้คำในเอกสาร: "{wrong}" → "{right}" ({times} แห่ง)')
    if result.official:
        names = ", ".join(p.name for p in result.written if p.suffix in (".docx", ".pdf"))
        console.print(f"เขียนเอกสารแล้ว: {names}" + (" (ฉบับร่าง)" if not result.report.ok else ""))
        if result.pdf_message:
            console.print(result.pdf_message)
    else:
        console.print(
            f"ยังไม่สร้างแผนและประกาศ เพราะมีข้อผิดพลาด — ดูรายงานใน {outputs}/report.html หรือใช้ make draft เพื่อดูฉบับร่าง",
            markup=False,
        )
    if result.moved:
        console.print(f"ย้ายเอกสารของการสร้างครั้งก่อนไปไว้ที่ {outputs / 'previous'}: {', '.join(result.moved)}", markup=False)


def _run(args: argparse.Namespace, console: Console, err: Console, current: dict[str, str]) -> int:
    """``check`` and ``build``: the settings read and the drafts found once, handed down to the library."""
    # imported here, not at the top, so --help and rules answer without loading the readers and docxtpl
    from . import app
    from .files.atomic import write_json
    from .report.json import to_json
    from .report.terminal import print_report

    try:
        app.refuse_inside_inputs(args.inputs, args.json, getattr(args, "annotate", None))
        drafts = app.drafts_in(args.inputs)
        with _Reading(err, len(drafts.found.drafts) if drafts.found else 0, current) as reading:
            report, result = _check_or_build(args, drafts, reading)
    except UsageError as exc:
        err.print(f"ทำงานต่อไม่ได้: {exc}", markup=False)
        return 2
    except InternalError as exc:
        err.print(f"ข้อผิดพลาดภายในโปรแกรม (โปรดแจ้งผู้ดูแล): {exc}", markup=False)
        return 3
    current["file"] = ""
    print_report(report, console, drafts.conf.report_cap if drafts.found is not None else None)
    notes = (
        app.annotate(report, args.inputs, args.annotate, drafts.conf)
        if getattr(args, "annotate", None)
        else result.notes
        if result
        else []
    )
    for note in notes:
        console.print(note, markup=False)
    if args.json:
        try:
            write_json(args.json, to_json(report, result.applied if result else None))
        except UsageError as exc:
            err.print(f"ทำงานต่อไม่ได้: {exc}")
            return 2
    if result is not None:
        _print_built(console, args.outputs, result)
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
