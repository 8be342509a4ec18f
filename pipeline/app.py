"""The library behind the CLI: every command is a function you can call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .core import settings
from .core.errors import UsageError
from .core.model import Plan
from .core.records import plan_to_json
from .extract import extract
from .files import atomic, paths
from .files import outputs as output_set
from .files.outputs import refuse_around_inputs, refuse_inside_inputs
from .files.staging import staged
from .read import Document, Found, ReadResult, discover, read_inputs
from .report.json import to_json
from .revision import compare as revision
from .rules import Env, corrections
from .rules.runner import Report, run_checks, selected

Stage = Callable[[str], None] | None  # told "ตรวจ", "สร้างเอกสาร", "PDF" as a run moves on


@dataclass(frozen=True)
class Drafts:
    """The drafts folder as one run sees it, looked up once and handed down:
    the user's settings beside the drafts, and the files found there with the
    settings' ignore patterns applied (None when the folder does not exist)."""

    conf: settings.Settings
    found: Found | None


def drafts_in(inputs: Path) -> Drafts:
    """The user's settings beside ``inputs``, then the drafts their ignore patterns let through."""
    conf = settings.load(inputs)
    return Drafts(conf, discover(inputs, conf.ignore) if inputs.exists() else None)


def load(inputs: Path, drafts: Drafts, progress: Callable[[str], None] | None = None) -> tuple[Plan, list[tuple[str, str]]]:
    """Read and extract every draft ``drafts`` found under ``inputs``; also the skipped-file notes."""
    result = _read_drafts(inputs, drafts, progress)
    return extract(result), result.skipped


def _read_drafts(inputs: Path, drafts: Drafts, progress: Callable[[str], None] | None = None) -> ReadResult:
    if drafts.found is None:
        raise UsageError(f'ไม่พบโฟลเดอร์ "{inputs}"')
    if not drafts.found.drafts and not drafts.found.refused:
        raise UsageError(f'ไม่พบไฟล์ .docx ใน "{inputs}" — วางไฟล์ร่างของแต่ละกองไว้ในโฟลเดอร์นี้')
    return read_inputs(inputs, progress, found=drafts.found)


Read = dict[str, Document]  # the drafts as this run read them, by file (the annotated copies need their tables)


def _check(
    inputs: Path,
    select: list[str] | None,
    skip: list[str] | None,
    progress: Callable[[str], None] | None,
    templates: Path | None = None,
    previous: Path | None = None,
    stage: Stage = None,
    drafts: Drafts | None = None,
) -> tuple[Report, Drafts, Read]:
    drafts = drafts if drafts is not None else drafts_in(inputs)
    conf = drafts.conf
    codes = selected(select or conf.select, [*(skip or []), *conf.skip])
    before = revision.load_previous(previous) if previous is not None else None
    read = _read_drafts(inputs, drafts, progress)
    plan, skipped = extract(read), read.skipped
    diff = revision.difference(before, plan) if before is not None else None
    if stage:
        stage("ตรวจ")
    env = Env(glossary=conf.glossary, emblem=paths.emblem(templates) is not None, revision=diff)
    return run_checks(plan, codes, skipped, env), drafts, {doc.path: doc for doc in read.docs}


def check(
    inputs: Path,
    select: list[str] | None = None,
    skip: list[str] | None = None,
    progress: Callable[[str], None] | None = None,
    templates: Path | None = None,
    previous: Path | None = None,
    stage: Stage = None,
    drafts: Drafts | None = None,
) -> Report:
    """Read and check; ``progress`` is told each draft, ``stage`` each later step.
    ``drafts``: the folder as the caller already looked it up (else looked up here)."""
    return _check(inputs, select, skip, progress, templates, previous, stage, drafts)[0]


@dataclass
class BuildResult:
    report: Report
    written: list[Path] = field(default_factory=list)
    official: bool = False
    pdf_message: str = ""
    applied: list[tuple[str, str, int]] = field(default_factory=list)
    moved: list[str] = field(default_factory=list)  # documents of an earlier build moved to outputs/previous/
    notes: list[str] = field(default_factory=list)  # annotated drafts and the PDF to publish, said in Thai


def write_reports(report: Report, outputs: Path, applied: list[tuple[str, str, int]] | None = None) -> list[Path]:
    from .report.html import to_html  # Jinja: likewise
    from .report.xlsx import records_xlsx  # openpyxl: only when a build writes files

    return [
        atomic.write_json(outputs / "records.json", plan_to_json(report.plan)),
        atomic.write_bytes(outputs / "records.xlsx", records_xlsx(report.plan)),
        atomic.write_json(outputs / "report.json", to_json(report, applied)),
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
    previous: Path | None = None,
    stage: Stage = None,
    drafts: Drafts | None = None,
    publish: bool = False,
) -> BuildResult:
    """Check, write records/report, and render the official documents when the
    checks pass (or always, marked ฉบับร่าง, with ``draft``). Word-level
    corrections are applied to the documents only when accepted. With
    ``previous`` (the last announced plan.docx or records.json) the build is a
    revision: it also writes amendment.docx, the difference of the two."""
    refuse_inside_inputs(inputs, outputs)
    refuse_around_inputs(inputs, outputs)
    drafts = drafts if drafts is not None else drafts_in(inputs)
    with output_set.locked(outputs), staged(outputs) as staging:  # all or nothing: see files/staging.py
        result, read = _build(inputs, staging, draft, pdf, select, skip, progress, templates, accept, previous, stage, drafts)
        result.notes += after_build(result, inputs, staging, publish, draft, drafts.conf, read)
    real = str(outputs.resolve())
    result.written = [outputs / p.relative_to(staging) for p in result.written]
    result.pdf_message = result.pdf_message.replace(str(staging), real)
    result.notes = [note.replace(str(staging), real) for note in result.notes]
    return result


def build_report(inputs: Path, outputs: Path, draft: bool = False, pdf: bool = False) -> Report:
    """One organisation of a batch: ``build`` and its report (picklable for the batch's process pool)."""
    return build(inputs, outputs, draft=draft, pdf=pdf).report


def _build(
    inputs: Path,
    outputs: Path,
    draft: bool,
    pdf: bool,
    select: list[str] | None,
    skip: list[str] | None,
    progress: Callable[[str], None] | None,
    templates: Path | None,
    accept: bool,
    previous: Path | None,
    stage: Stage,
    drafts: Drafts | None,
) -> tuple[BuildResult, Read]:
    report, drafts, read = _check(inputs, select, skip, progress, templates, previous, stage, drafts)
    conf, found = drafts.conf, drafts.found
    assert found is not None  # load refused a folder that does not exist
    mapping = {**(corrections.suggested(report) if accept else {}), **dict(conf.corrections)}
    corrected, applied = corrections.apply(report.plan, mapping)
    result = BuildResult(report, write_reports(report, outputs, applied), applied=applied)
    hashes = output_set.input_hashes(inputs, found.drafts)
    build_id = output_set.build_id(hashes, {"draft": draft, "accept": accept, "applied": applied})
    if report.ok or draft:
        from .render.docx import render_all

        if not pdf:
            result.moved = output_set.move_aside(outputs, output_set.PDFS)
        if stage:
            stage("สร้างเอกสาร")
        written, message = render_all(
            corrected,
            outputs,
            draft=draft or not report.ok,
            pdf=pdf,
            templates=templates,
            revision=report.revision,
            pdf_timeout=conf.pdf_timeout,
            stage=stage,
        )
        if pdf and not any(p.suffix == ".pdf" for p in written):
            result.moved = output_set.move_aside(outputs, output_set.PDFS)
        result.written += written
        result.official = True
        result.pdf_message = message
    else:
        result.moved = output_set.move_aside(outputs, output_set.DOCUMENTS + output_set.PDFS)
    result.written.append(output_set.write_manifest(outputs, build_id, hashes, result.written, report.ok and not draft))
    return result, read


def _plan_for(inputs: Path, outputs: Path) -> tuple[Plan, settings.Settings]:
    """The plan the drafts in ``inputs`` make (the user's ignore patterns
    applied), for a command that writes its own documents into ``outputs``;
    also the user's settings it was read with."""
    refuse_inside_inputs(inputs, outputs)
    drafts = drafts_in(inputs)
    plan, _ = load(inputs, drafts)
    return plan, drafts.conf


def forms(inputs: Path, outputs: Path, templates: Path | None = None) -> list[tuple[str, int, Path]]:
    """Blank ผด.02 drafts for the divisions: (หน่วยงาน, ordinance lines filled in, file)."""
    from .forms.blank import write_forms

    plan, _ = _plan_for(inputs, outputs)
    if not plan.ordinance and not plan.devplan:
        raise UsageError(
            f'ไม่พบบัญชีข้อบัญญัติงบประมาณหรือแผนพัฒนาท้องถิ่นใน "{inputs}" — วางไฟล์ที่มีตารางทั้งสองไว้ในโฟลเดอร์นี้ก่อน (ดู README: ร่างแบบฟอร์มของแต่ละกอง)'
        )
    with output_set.locked(outputs):
        return [(form.unit, len(form.lines), path) for form, path in write_forms(plan, outputs, templates)]


def track_forms(
    inputs: Path, outputs: Path, quarter: int | None = None, as_of: str | None = None, templates: Path | None = None
) -> list[tuple[str, int, Path]]:
    """Status forms for the follow-up, one per หน่วยงาน: (หน่วยงาน, items, file)."""
    from .core.period import from_options
    from .followup.tracking import write_tracking_forms

    plan, _ = _plan_for(inputs, outputs)
    if not plan.projects:
        raise UsageError(f'ไม่พบโครงการใน "{inputs}" — ใช้โฟลเดอร์ร่างของแผนที่ประกาศแล้ว')
    period = from_options(quarter, as_of, plan.profile.fiscal_year)
    if period is None:
        raise UsageError("ระบุช่วงที่รายงาน: --quarter 1 ถึง 4 หรือ --as-of วันที่ (เช่น --as-of 31/03/2564)")
    with output_set.locked(outputs):
        return write_tracking_forms(plan, period, outputs, templates)


@dataclass
class ProgressResult:
    report: Report
    progress: object  # progress.Progress
    data: dict
    written: list[Path]
    conf: settings.Settings | None = None  # the user's settings beside the drafts (None when INPUTS is no folder)


def progress(
    inputs: Path,
    forms_dir: Path,
    outputs: Path,
    plan_file: Path | None = None,
    quarter: int | None = None,
    as_of: str | None = None,
    templates: Path | None = None,
) -> ProgressResult:
    """The follow-up: the plan (from INPUTS, or an announced plan.docx/records.json)
    against the filled status forms in ``forms_dir``: progress.json, report.json, progress.docx."""
    from .core.period import from_options, from_text
    from .followup import progress as follow_up
    from .rules.runner import run_progress

    refuse_inside_inputs(forms_dir, outputs)
    plan, conf = _plan_for(inputs, outputs) if plan_file is None else (revision.load_previous(plan_file), None)
    if not plan.projects:
        raise UsageError("ไม่พบโครงการในแผน — ใช้โฟลเดอร์ร่างของแผนที่ประกาศแล้ว หรือ --plan records.json")
    if not forms_dir.is_dir():
        raise UsageError(f'ไม่พบโฟลเดอร์แบบติดตาม "{forms_dir}"')
    forms = follow_up.read_forms(forms_dir)
    if not forms.rows and not forms.notices:
        raise UsageError(f'ไม่พบตารางแบบติดตาม (คอลัมน์ โครงการ และสถานะ/เบิกจ่าย) ใน "{forms_dir}"')
    year = plan.profile.fiscal_year
    period = from_options(quarter, as_of, year) or next(filter(None, (from_text(t, year) for t in forms.period_texts)), None)
    if period is None:
        raise UsageError("ไม่ทราบช่วงที่รายงาน: แบบติดตามไม่ได้ระบุ จึงต้องใส่ --quarter 1 ถึง 4 หรือ --as-of วันที่")
    matched = follow_up.match(plan, forms)
    matched.period = period
    report = run_progress(plan, matched, forms.notices, forms.skipped)
    data = follow_up.to_json(matched)
    with output_set.locked(outputs):
        written = [
            atomic.write_json(outputs / "progress.json", data),
            atomic.write_json(outputs / "report.json", to_json(report)),
            follow_up.write_document(matched, data, outputs, templates),
        ]
    if not inputs.is_dir():
        conf = None  # a single draft's folder settings do not cap the terminal report (as ever)
    elif conf is None:
        conf = settings.load(inputs)  # with --plan no draft is read, but the folder's report settings apply
    return ProgressResult(report, matched, data, written, conf)


def annotate(report: Report, inputs: Path, dest: Path, conf: settings.Settings) -> list[str]:
    """Annotated copies of the drafts with findings in ``dest`` (check --annotate); what was written, in Thai."""
    from .annotate.run import annotate_report

    refuse_inside_inputs(inputs, dest)
    return annotate_report(report, inputs, dest, conf)


def after_build(
    result: BuildResult,
    inputs: Path,
    outputs: Path,
    publish: bool,
    draft: bool,
    conf: settings.Settings,
    read: Read | None = None,
) -> list[str]:
    """A build's annotated drafts (when findings have places in them) and, with ``publish``, the PDF to publish."""
    from .annotate.run import ANNOTATED, annotate_report, clear, located
    from .render.publish import earlier, publish_message

    result.moved += output_set.move_aside(outputs, earlier(outputs))  # publish/ holds this build's PDF or none
    clear(outputs / ANNOTATED)
    notes = annotate_report(result.report, inputs, outputs / ANNOTATED, conf, read) if located(result.report.findings) else []
    if publish and (draft or not result.report.ok):
        notes.append("ไม่ได้สร้าง PDF ที่จะเผยแพร่ เพราะเป็นฉบับร่าง — แก้ข้อผิดพลาดแล้วสั่ง build --publish อีกครั้ง (ไม่ใช้ --draft)")
    elif publish:
        notes.append(publish_message(result.report.plan, outputs, result.report.revision is not None, conf.pdf_timeout))
    return notes
