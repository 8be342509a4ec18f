"""The library behind the CLI: every command is a function you can call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import atomic, corrections
from .check import Report, UsageError, load_config, run_checks, selected
from .extract import extract
from .model import Plan, plan_to_json
from .read import discover, inputs_dir, read_inputs
from .report import to_html, to_json
from .rules.text import read_terms


def load(inputs: Path, progress: Callable[[str], None] | None = None) -> tuple[Plan, list[tuple[str, str]]]:
    """Read and extract every draft under ``inputs``; also the skipped-file notes."""
    if not inputs.exists():
        raise UsageError(f'ไม่พบโฟลเดอร์ "{inputs}"')
    files, _ = discover(inputs)
    if not files:
        raise UsageError(f'ไม่พบไฟล์ .docx ใน "{inputs}" — วางไฟล์ร่างของแต่ละกองไว้ในโฟลเดอร์นี้')
    result = read_inputs(inputs, progress)
    plan = extract(result)
    terms = read_terms(inputs_dir(inputs) / "glossary.txt")
    return replace(plan, glossary=tuple(terms)), result.skipped


def check(
    inputs: Path,
    select: list[str] | None = None,
    skip: list[str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    config = load_config(inputs)
    codes = selected(select or config.get("select"), (skip or []) + config.get("skip", []))
    plan, skipped = load(inputs, progress)
    return run_checks(plan, codes, skipped)


@dataclass
class BuildResult:
    report: Report
    written: list[Path] = field(default_factory=list)
    official: bool = False
    pdf_message: str = ""
    applied: list[tuple[str, str, int]] = field(default_factory=list)


def write_reports(report: Report, outputs: Path, applied: list[tuple[str, str, int]] | None = None) -> list[Path]:
    data = to_json(report)
    data["corrections_applied"] = [{"original": w, "correction": r, "times": n} for w, r, n in applied or []]
    return [
        atomic.write_json(outputs / "records.json", plan_to_json(report.plan)),
        atomic.write_json(outputs / "report.json", data),
        atomic.write_text(outputs / "report.html", to_html(report)),
    ]


def build(
    inputs: Path,
    outputs: Path,
    draft: bool = False,
    pdf: bool = False,
    select: list[str] | None = None,
    skip: list[str] | None = None,
    progress: Callable[[str], None] | None = None,
    templates: Path | None = None,
    accept: bool = False,
) -> BuildResult:
    """Check, write records/report, and render the official documents when the
    checks pass (or always, marked ฉบับร่าง, with ``draft``). Word-level
    corrections are applied to the documents only when accepted."""
    report = check(inputs, select, skip, progress)
    mapping = {**(corrections.suggested(report) if accept else {}), **corrections.load(inputs)}
    corrected, applied = corrections.apply(report.plan, mapping)
    result = BuildResult(report, write_reports(report, outputs, applied), applied=applied)
    if report.ok or draft:
        from .render import render_all

        written, message = render_all(corrected, outputs, draft=draft or not report.ok, pdf=pdf, templates=templates)
        result.written += written
        result.official = True
        result.pdf_message = message
    return result
