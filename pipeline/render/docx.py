"""docxtpl behind one door: templates → outputs/*.docx, then PDF.

Rendering is strict: variables the template uses but the context lacks are
named before anything is rendered, a StrictUndefined catches the rest, and
``autoescape=True`` keeps "&" and "<" in project names (docxtpl re-parses its
output with a recovering parser that would otherwise drop them silently).
Outputs are byte-identical for the same inputs: zip entries get a fixed
timestamp. Writes are atomic.
"""

from __future__ import annotations

import gc
import io
import re
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, StrictUndefined, TemplateError

from ..core.diff import Diff
from ..core.errors import UsageError
from ..core.model import Plan
from ..files import atomic, office
from ..files.paths import TEMPLATES, emblem
from ..files.paths import template as template_in
from . import continued, thaipages, typeset
from .amendment import amendment_context
from .context import announcement_context, plan_context
from .linebreak import Breaker
from .measure import Room, styles
from .names import names_in, official_terms
from .template import _Template

FIXED_TIME = (2000, 1, 1, 0, 0, 0)


class TemplateProblem(UsageError):
    """A template that cannot be rendered; the message names the variable."""


def environment() -> Environment:
    return Environment(undefined=StrictUndefined, autoescape=True)


def undeclared(template: Path, context: dict[str, Any]) -> set[str]:
    """Variables the template uses that the context does not provide."""
    return DocxTemplate(str(template)).get_undeclared_template_variables(environment(), context)


def _where(exc: TemplateError) -> str:
    """A Jinja error with the text around it, so the user finds the paragraph in Word."""
    source = getattr(exc, "source", None)
    line = getattr(exc, "lineno", None)
    if source and line:
        text = re.sub(r"<[^>]+>", " ", source.splitlines()[line - 1] if line <= len(source.splitlines()) else "")
        near = re.sub(r"\s+", " ", text).strip()[:120]
        return f"{exc.message or exc} — ใกล้ข้อความ: {near}"
    return str(exc)


_TEXT_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml")
_UPDATE_FIELDS = b'<w:updateFields w:val="true"/>'


def _finished(parts: dict[str, Any], thai: bool, names: frozenset[str] = frozenset()) -> bytes:
    """Same content → same bytes (fixed timestamps), and every text part made
    ready for paper by ``typeset`` (line breaks marked around ``names`` and
    words, sized against each table cell); Word is asked to refresh the
    contents' page numbers when it opens the file (LibreOffice computes them
    itself). ``parts`` as ``_Template.parts`` gives them."""
    out = io.BytesIO()
    breaker = Breaker(names, official_terms())
    fonts, default = styles(parts.get("word/styles.xml"))
    typeset_parts = {}
    for name, content in parts.items():
        part = _TEXT_PARTS.fullmatch(name)
        if part:
            room = Room(fonts, default)
            typeset_parts[name] = typeset.finish(content, thai, body=part.group(1) == "document", breaker=breaker, room=room)
    # Typesetting changes digits, spaces, break marks between Thai words and runs around numbers: the
    # document says PAGEREF after it exactly where it did before (its tree is not serialised twice to ask).
    page_refs = b"PAGEREF" in typeset_parts["word/document.xml"]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, content in parts.items():
            content = typeset_parts.get(name, content)
            if name == "word/settings.xml" and page_refs and _UPDATE_FIELDS not in content:
                content = re.sub(rb"(<w:settings[^>]*>)", rb"\1" + _UPDATE_FIELDS, content, count=1)
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, content)
    return out.getvalue()


def render_docx(
    template: Path,
    context: dict[str, Any],
    target: Path,
    thai: bool = False,
    images: dict[str, tuple[bytes, float]] | None = None,
) -> Path:
    """Render ``template`` into ``target``; ``images`` maps a context name to
    (PNG bytes, width in mm) placed inline where the template names it."""
    context = {**context, **dict.fromkeys(images or {}, "")}
    if not template.exists():
        raise TemplateProblem(f"ไม่พบแม่แบบ {template}")
    try:
        missing = undeclared(template, context)
    except TemplateError as exc:
        raise TemplateProblem(f"แม่แบบ {template.name} มีคำสั่งแม่แบบผิดรูป: {_where(exc)}") from exc
    except Exception as exc:  # not a zip, cut short, XML broken: docxtpl and python-docx raise many kinds
        raise TemplateProblem(f"แม่แบบ {template.name} เปิดไม่ได้ (ไฟล์เสียหรือไม่ใช่ .docx): {type(exc).__name__}") from exc
    if missing:
        raise TemplateProblem(
            f"แม่แบบ {template.name} ใช้ตัวแปรที่ไม่มี: {', '.join(sorted(missing))} (ดูรายชื่อตัวแปรใน docs/templates.md)"
        )
    with _collector_paused():
        return _render(template, context, target, thai, images)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a document is made: rendering makes
    hundreds of thousands of short-lived objects (lxml's element proxies, the
    breaker's strings, none in cycles), and each of the collector's full
    passes walks every object the build holds (its records, report and
    caches): 0.8 s of 12 at 10,000 projects in rendering alone."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _render(
    template: Path, context: dict[str, Any], target: Path, thai: bool, images: dict[str, tuple[bytes, float]] | None
) -> Path:
    tpl = _Template(str(template))
    image = emblem(template.parent) if "emblem" in context else None
    if image is not None:
        context = {**context, "emblem": InlineImage(tpl, str(image), height=Mm(30))}
    for name, (data, width) in (images or {}).items():
        context[name] = InlineImage(tpl, io.BytesIO(data), width=Mm(width))
    try:
        tpl.render(context, jinja_env=environment(), autoescape=True)
    except TemplateError as exc:
        raise TemplateProblem(f"แม่แบบ {template.name} ผิดพลาด: {_where(exc)}") from exc
    return atomic.write_bytes(target, _finished(tpl.parts(), thai, names_in(context)))


PDF_TIMEOUT = 120  # seconds for all the documents (pipeline.toml [pdf] timeout)


def to_pdf(docx_paths: list[Path], outdir: Path, timeout: float = PDF_TIMEOUT, thai: bool = False) -> tuple[list[Path], str]:
    """Convert with one LibreOffice start (two with Thai digits: see
    ``thaipages``), and once more for a plan whose ผด.02 runs over pages
    (``continued``: "(ต่อ)"). Returns the PDFs and a message."""
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        try:
            work = Path(tmp) / "work"
            work.mkdir()
            if thai:
                proc = continued.convert(docx_paths, Path(tmp), lambda ps, out: thaipages.convert(ps, out, work, timeout))
            else:
                proc = continued.convert(docx_paths, Path(tmp), lambda ps, out: office.convert(ps, office.PDF, out, timeout))
        except FileNotFoundError:
            return [], "ไม่พบ LibreOffice จึงไม่ได้สร้าง PDF — ติดตั้งด้วย: sudo apt-get install libreoffice-writer-nogui fonts-thai-tlwg"
        except subprocess.TimeoutExpired:
            return (
                [],
                f"LibreOffice แปลงเป็น PDF ไม่เสร็จใน {timeout:g} วินาที จึงหยุดและไม่ได้สร้าง PDF (ตั้งเวลาได้ใน pipeline.toml: [pdf] timeout)",
            )
        for path in docx_paths:
            pdf = Path(tmp) / f"{path.stem}.pdf"
            if not pdf.exists():
                return written, f"LibreOffice แปลง {path.name} เป็น PDF ไม่สำเร็จ: {proc.stderr.strip()[:300]}"
            written.append(atomic.write_bytes(outdir / pdf.name, pdf.read_bytes()))
    return written, "สร้าง PDF แล้ว: " + ", ".join(p.name for p in written)


def render_all(
    plan: Plan,
    outputs: Path,
    draft: bool = False,
    pdf: bool = False,
    templates: Path | None = None,
    revision: Diff | None = None,
    pdf_timeout: float = PDF_TIMEOUT,
    stage: Callable[[str], None] | None = None,
) -> tuple[list[Path], str]:
    """Render plan.docx and announcement.docx — and amendment.docx for a
    revision — (and PDFs); the paths and a message."""
    folder = templates or TEMPLATES
    thai = plan.profile.thai_digits
    written = [
        render_docx(folder / "plan.docx", plan_context(plan, draft), outputs / "plan.docx", thai),
        render_docx(folder / "announcement.docx", announcement_context(plan, draft), outputs / "announcement.docx", thai),
    ]
    if revision is not None:
        written.append(
            render_docx(
                template_in(folder, "amendment.docx"), amendment_context(plan, revision, draft), outputs / "amendment.docx", thai
            )
        )
    message = ""
    if pdf:
        if stage:
            stage("PDF")
        pdfs, message = to_pdf(written, outputs, pdf_timeout, thai)
        written += pdfs
    return written, message
