"""Many organisations at once, for a district (อำเภอ) or province office.

Each sub-folder of ROOT is one organisation's ``inputs/``; each is built into
``OUTPUTS/<sub-folder>/`` exactly as ``build`` would, in a process pool (the
work is CPU-bound Python, so threads would share one core). One
organisation's bad input or crash becomes its own row of the roll-up, never
the end of the batch.
"""

from __future__ import annotations

import gc
import html
import os
import time
from collections.abc import Callable, Collection, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from ..core.domain import deadline
from ..core.errors import UsageError, save_traceback
from ..core.model import budget_of
from ..core.thai import format_amount, thai_date
from ..files import atomic
from ..files.outputs import refuse_inside_inputs
from ..rules.runner import Report

Builder = Callable[[Path, Path, bool, bool], Report]  # inputs, outputs, draft, pdf → the organisation's report (app.build_report)
VERDICTS = {"pass": "ผ่าน", "errors": "มีข้อผิดพลาด", "refused": "ทำงานต่อไม่ได้", "crashed": "ข้อผิดพลาดภายในโปรแกรม"}


@dataclass
class Row:
    """One organisation's line of the roll-up."""

    folder: str
    name: str = ""
    district: str = ""
    province: str = ""
    fiscal_year: int | None = None
    projects: int = 0
    budget: str = "0"  # Decimal as text: the roll-up is JSON
    errors: int = 0
    warnings: int = 0
    deadline: str = ""  # "ทันกำหนด …", "เกินกำหนด …" or "" when the dates are missing
    verdict: str = "crashed"  # a key of VERDICTS
    message: str = ""  # why it could not be built (refused, crashed)
    seconds: float = 0.0


def organisations(root: Path) -> list[Path]:
    """The sub-folders of ``root`` that hold drafts, by name."""
    if not root.is_dir():
        raise UsageError(f'ไม่พบโฟลเดอร์ "{root}" — ใส่โฟลเดอร์ที่มีโฟลเดอร์ย่อยของแต่ละหน่วยงาน')
    found = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "~")))
    if not found:
        raise UsageError(f'ไม่พบโฟลเดอร์ย่อยใน "{root}" — วางไฟล์ร่างของแต่ละหน่วยงานไว้ในโฟลเดอร์ย่อยของตนเอง')
    return found


def _deadline_status(report: Report) -> str:
    prof = report.plan.profile
    due = deadline(prof)
    if due is None or prof.announcement_date is None:
        return ""
    word = "ทันกำหนด" if prof.announcement_date <= due.last_day else "เกินกำหนด"
    return f"{word} ({thai_date(due.last_day)})"


def build_one(build: Builder, inputs: Path, outputs: Path, draft: bool = False, pdf: bool = False) -> Row:
    """Build one organisation; every failure is caught into its row."""
    row = Row(folder=inputs.name)
    started = time.perf_counter()
    try:
        report = build(inputs, outputs, draft, pdf)
    except UsageError as exc:
        row.verdict, row.message = "refused", str(exc)
    except Exception as exc:  # a bug: the batch goes on, the traceback is kept beside the outputs
        row.verdict, row.message = "crashed", f"{type(exc).__name__}: {exc}"
        save_traceback(outputs)
    else:
        prof = report.plan.profile
        row.name, row.district, row.province, row.fiscal_year = prof.org_name, prof.district, prof.province, prof.fiscal_year
        row.projects = len(report.plan.projects)
        row.budget = str(budget_of(report.plan.projects))
        row.errors, row.warnings = report.errors, report.warnings
        row.deadline = _deadline_status(report)
        row.verdict = "pass" if report.ok else "errors"
    row.seconds = round(time.perf_counter() - started, 3)
    return row


def run(
    root: Path,
    outputs: Path,
    build: Builder,
    draft: bool = False,
    pdf: bool = False,
    jobs: int | None = None,
    progress: Callable[[Row], None] | None = None,
) -> list[Row]:
    """Build every organisation under ``root`` with ``build``; rows in folder order."""
    folders = organisations(root)
    refuse_inside_inputs(root, outputs)  # inside ROOT the outputs would be read as one more organisation next time
    outputs.mkdir(parents=True, exist_ok=True)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(folders)))
    rows: dict[str, Row] = {}
    if workers == 1:
        for folder in folders:
            rows[folder.name] = build_one(build, folder, outputs / folder.name, draft, pdf)
            if progress:
                progress(rows[folder.name])
    else:
        _warm()
        # Workers share the parent's pages until they write to them; the cycle
        # collector would write to every one of them (copy-on-write) unless frozen.
        gc.freeze()
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = {pool.submit(build_one, build, f, outputs / f.name, draft, pdf): f for f in folders}
                for future in as_completed(futures):
                    folder = futures[future]
                    try:
                        row = future.result()
                    except Exception as exc:  # the worker process itself died (out of memory, killed)
                        row = Row(folder=folder.name, message=f"{type(exc).__name__}: {exc}")
                    rows[folder.name] = row
                    if progress:
                        progress(row)
        finally:
            gc.unfreeze()
    ordered = [rows[f.name] for f in folders]
    write_rollup(ordered, outputs)
    return ordered


def _warm() -> None:
    """Import the renderer and pythainlp and load the word list once, before
    the pool forks, so every worker starts with them instead of loading its own."""
    from ..core.thai import warm
    from ..render import docx as render  # noqa: F401

    warm()


# ---------------------------------------------------------------- roll-up


def totals(rows: Iterable[Row], by: Callable[[Row], str]) -> list[dict[str, object]]:
    """Organisations, passes, projects and budget per group (อำเภอ or จังหวัด)."""
    groups: dict[str, dict[str, object]] = {}
    for r in rows:
        g = groups.setdefault(
            by(r),
            {"group": by(r), "organisations": 0, "passed": 0, "projects": 0, "budget": Decimal(0), "errors": 0, "warnings": 0},
        )
        g["organisations"] += 1  # type: ignore[operator]
        g["passed"] += r.verdict == "pass"  # type: ignore[operator]
        g["projects"] += r.projects  # type: ignore[operator]
        g["budget"] += Decimal(r.budget)  # type: ignore[operator]
        g["errors"] += r.errors  # type: ignore[operator]
        g["warnings"] += r.warnings  # type: ignore[operator]
    return [{**g, "budget": str(g["budget"])} for _, g in sorted(groups.items())]


def _district(r: Row) -> str:
    return f"อำเภอ{r.district} จังหวัด{r.province}" if r.district or r.province else "(ไม่ทราบอำเภอ)"


def _province(r: Row) -> str:
    return f"จังหวัด{r.province}" if r.province else "(ไม่ทราบจังหวัด)"


def rollup(rows: list[Row]) -> dict[str, object]:
    return {
        "organisations": [{**asdict(r), "verdict_th": VERDICTS[r.verdict]} for r in rows],
        "districts": totals(rows, _district),
        "provinces": totals(rows, _province),
    }


def money(text: str) -> str:
    """A roll-up amount (Decimal kept as text in the JSON) as the plan prints it."""
    return format_amount(Decimal(text))


def _link(r: Row, reports: Collection[str]) -> str:
    """The folder's name, a link only to the report.html this batch wrote
    there: relative, each character of the name percent-encoded, so no name
    ("javascript:…", "https://…", "..") can make it point anywhere else."""
    e = html.escape
    if r.folder not in reports:
        return e(r.folder)
    return f"<a href='./{e(quote(r.folder, safe=''))}/report.html'>{e(r.folder)}</a>"


def to_html(rows: list[Row], reports: Collection[str] = ()) -> str:
    """The roll-up page; ``reports`` are the folders whose report.html this batch wrote."""
    from ..report.html import POLICY  # the report page's policy (Jinja comes with it: only when writing)

    e = html.escape
    data = rollup(rows)
    head = "<tr><th>โฟลเดอร์</th><th>หน่วยงาน</th><th>อำเภอ</th><th>จังหวัด</th><th>ปีงบประมาณ</th><th>โครงการ</th><th>งบประมาณ (บาท)</th><th>ข้อผิดพลาด</th><th>คำเตือน</th><th>กำหนดประกาศ</th><th>ผล</th></tr>"
    body = "".join(
        f"<tr class='{e(r.verdict)}'><td>{_link(r, reports)}</td><td>{e(r.name)}</td>"
        f"<td>{e(r.district)}</td><td>{e(r.province)}</td><td>{r.fiscal_year or ''}</td><td class='n'>{r.projects}</td>"
        f"<td class='n'>{money(r.budget)}</td><td class='n'>{r.errors}</td><td class='n'>{r.warnings}</td>"
        f"<td>{e(r.deadline)}</td><td>{e(VERDICTS[r.verdict])}{(' — ' + e(r.message)) if r.message else ''}</td></tr>"
        for r in rows
    )

    def group_table(title: str, groups: list[dict[str, object]]) -> str:
        lines = "".join(
            f"<tr><td>{e(str(g['group']))}</td><td class='n'>{g['organisations']}</td><td class='n'>{g['passed']}</td>"
            f"<td class='n'>{g['projects']}</td><td class='n'>{money(str(g['budget']))}</td><td class='n'>{g['errors']}</td></tr>"
            for g in groups
        )
        return (
            f"<h2>{e(title)}</h2><table><tr><th></th><th>หน่วยงาน</th><th>ผ่าน</th><th>โครงการ</th>"
            f"<th>งบประมาณ (บาท)</th><th>ข้อผิดพลาด</th></tr>{lines}</table>"
        )

    style = (
        "body{font-family:'TH Sarabun New','Sarabun',sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:.2em .5em}.n{text-align:right}.errors,.refused,.crashed{background:#fde}"
    )
    return (
        f"<!doctype html><html lang='th'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{POLICY}\"><meta name='referrer' content='no-referrer'><title>สรุปแผนการดำเนินงานหลายหน่วยงาน</title>"
        f"<style>{style}</style></head><body><h1>สรุปแผนการดำเนินงาน {len(rows)} หน่วยงาน</h1>"
        f"<table>{head}{body}</table>{group_table('รวมรายอำเภอ', data['districts'])}"  # type: ignore[arg-type]
        f"{group_table('รวมรายจังหวัด', data['provinces'])}</body></html>"  # type: ignore[arg-type]
    )


def write_rollup(rows: list[Row], outputs: Path) -> list[Path]:
    reports = {r.folder for r in rows if (outputs / r.folder / "report.html").is_file()}
    return [
        atomic.write_json(outputs / "rollup.json", rollup(rows)),
        atomic.write_text(outputs / "rollup.html", to_html(rows, reports)),
    ]
