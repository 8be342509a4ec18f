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
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsmap as docx_nsmap
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import Environment, StrictUndefined, TemplateError
from lxml import etree

from ..core.diff import Diff
from ..core.errors import UsageError
from ..core.model import Plan
from ..files import atomic, office
from ..files.paths import TEMPLATES, emblem
from ..files.paths import template as template_in
from . import thaipages, typeset
from .amendment import amendment_context
from .context import announcement_context, plan_context
from .linebreak import Breaker
from .measure import Room, styles
from .names import names_in, official_terms

FIXED_TIME = (2000, 1, 1, 0, 0, 0)


class TemplateProblem(UsageError):
    """A template that cannot be rendered; the message names the variable."""


_BODY_TAG = re.compile(r"<w:body((?:\s+xmlns(?::[\w.-]+)?=\"[^\"]*\")*)\s*>")
_DECLARATION = re.compile(r"xmlns(?::([\w.-]+))?=\"([^\"]*)\"")


class _Template(DocxTemplate):
    """docxtpl with a linear ``map_tree``.

    docxtpl 0.20.2 moves the rendered body into the document with
    ``root.replace(body, tree)``, and lxml re-homes it node by node across
    documents: 0.3 s at 2,000 rows but 9.9 s at 10,000 (measured, the one
    superlinear step of rendering). Upstream pull requests 630 and 637 (merged
    in 2026, not in a release yet) fix the same step; drop this override when a
    release has it. Here the body is spliced in as text and the document parsed
    once, which costs what a save does."""

    def map_tree(self, tree: Any) -> None:
        if tree.getparent() is not None:  # already the body of a whole document (``fix_tables``)
            fresh = tree.getparent()
        else:
            text = self._spliced(etree.tostring(tree, encoding="unicode"))
            if text is None:
                super().map_tree(tree)
                return
            fresh = parse_xml(text)
        self.docx._element = fresh
        self.docx._part._element = fresh
        self.docx._Document__body = None  # python-docx caches the old body's proxy

    def _spliced(self, body: str) -> str | None:
        """The document's text with ``body`` (a ``<w:body>`` element's) in place
        of its own body; None when either cannot be found."""
        root = self.docx._element
        text = etree.tostring(root, encoding="unicode")
        head = _BODY_TAG.match(body)
        if head is not None:
            declared = {m.group(1): m.group(2) for m in _DECLARATION.finditer(head.group(1))}
            if all(root.nsmap.get(prefix) == uri for prefix, uri in declared.items()):
                body = "<w:body>" + body[head.end() :]  # the root declares them; as the node-by-node move left it
        start, end = text.find("<w:body"), text.rfind("</w:body>")
        if start < 0 or end < 0 or head is None:
            return None
        return text[:start] + body + text[end + len("</w:body>") :]

    def resolve_listing(self, xml: str) -> str:
        """docxtpl turns a tab, newline, bell or form feed in a text into Word's
        own elements, paragraph by paragraph, with three nested regular
        expressions over the whole part (3.4 s at 10,000 projects). Only a
        paragraph holding one of those characters changes, so only those are
        given to it; the others, nearly always all of them, are left as they are."""
        if not _LISTED.search(xml):
            return xml
        return _PARAGRAPH.sub(
            lambda m: super(_Template, self).resolve_listing(m.group(0)) if _LISTED.search(m.group(0)) else m.group(0), xml
        )

    def fix_tables(self, xml: str) -> Any:
        """docxtpl's fix_tables parses the part and then counts every row's
        cells twice in Python; nearly always no table needs fixing. Here the
        count is made once and docxtpl's own fix runs only when a table does
        (more cells than grid columns, or fewer)."""
        tree = self._whole_body(xml)
        if tree is None:
            tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True))
        ns = "{" + tree.nsmap["w"] + "}"
        for tbl in tree.iter(ns + "tbl"):
            grid = tbl.find(ns + "tblGrid")
            if grid is None or _needs_fix(tbl, len(grid.findall(ns + "gridCol")), ns):
                return super().fix_tables(xml)
        return tree

    def _whole_body(self, xml: str) -> Any:
        """The rendered body parsed once, in its document: docxtpl parses it on
        its own (with a recovering parser) and ``map_tree`` serialises it to
        parse the document again, two passes over a part of 50 MB at 10,000
        projects. Well-formed XML parses to the same tree either way; anything
        else (None here) takes docxtpl's way, whose parser recovers."""
        text = self._spliced(xml)
        if text is None:
            return None
        try:
            return parse_xml(text).find(f"{{{_W}}}body")
        except etree.XMLSyntaxError:
            return None

    def fix_docpr_ids(self, tree: Any) -> None:
        if tree.getparent() is None:
            super().fix_docpr_ids(tree)
            return
        # docxtpl numbers the drawings of the body it parsed on its own ("//" there is the body)
        for elt in _DOC_PR(tree):
            self.docx_ids_index += 1
            elt.attrib["id"] = str(self.docx_ids_index)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOC_PR = etree.XPath(".//wp:docPr", namespaces=docx_nsmap)
_LISTED = re.compile("[\t\a\n\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # as docxtpl's resolve_listing finds one


@lru_cache(maxsize=4)
def _table_checks(uri: str) -> tuple[etree.XPath, etree.XPath, etree.XPath]:
    """XPath forms of ``_count_needs_fix``, evaluated by libxml2 instead of a
    Python loop over every cell (a second at 10,000 rows): a span docxtpl's
    ``int`` might read otherwise, a row of more than $n cells, a row spanning $n."""
    ns = {"w": uri}
    span = "w:tcPr[1]/w:gridSpan[1]"
    return (
        etree.XPath(f".//w:tc/{span}[not(@w:val) or translate(@w:val, '0123456789', '') != '' or @w:val = '']", namespaces=ns),
        etree.XPath("boolean(.//w:tr[count(w:tc) > $n])", namespaces=ns),
        etree.XPath(f"boolean(.//w:tr[count(w:tc[not(w:tcPr[1]/w:gridSpan)]) + sum(w:tc/{span}/@w:val) >= $n])", namespaces=ns),
    )


def _needs_fix(tbl: Any, columns: int, ns: str) -> bool:
    """Whether docxtpl's fix_tables would change this table: a row with more
    cells than ``columns``, or no row whose spans add up to them."""
    odd, more, full = _table_checks(ns[1:-1])
    if columns == 0 or odd(tbl):
        return _count_needs_fix(tbl, columns, ns)
    return bool(more(tbl, n=columns)) or not full(tbl, n=columns)


def _count_needs_fix(tbl: Any, columns: int, ns: str) -> bool:
    most = widest = 0
    for tr in tbl.iter(ns + "tr"):
        cells = tr.findall(ns + "tc")
        most = max(most, len(cells))
        spans = 0
        for tc in cells:
            pr = tc.find(ns + "tcPr")
            span = pr.find(ns + "gridSpan") if pr is not None else None
            spans += int(span.get(ns + "val")) if span is not None else 1
        widest = max(widest, spans)
    return most > columns or widest < columns


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


def _finished(data: bytes, thai: bool, names: frozenset[str] = frozenset()) -> bytes:
    """Same content → same bytes (fixed timestamps), and every text part made
    ready for paper by ``typeset`` (line breaks marked around ``names`` and
    words, sized against each table cell); Word is asked to refresh the
    contents' page numbers when it opens the file (LibreOffice computes them itself)."""
    out = io.BytesIO()
    breaker = Breaker(names, official_terms())
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        # A template saved by LibreOffice can come back with a part twice; the last one is the current one.
        items = {item.filename: item for item in src.infolist()}
        fonts, default = styles(src.read(items["word/styles.xml"]) if "word/styles.xml" in items else None)
        for item in items.values():
            content = src.read(item)
            part = _TEXT_PARTS.fullmatch(item.filename)
            if part:
                room = Room(fonts, default)
                content = typeset.finish(content, thai, body=part.group(1) == "document", breaker=breaker, room=room)
            elif (
                item.filename == "word/settings.xml"
                and b"PAGEREF" in src.read("word/document.xml")
                and _UPDATE_FIELDS not in content
            ):
                content = re.sub(rb"(<w:settings[^>]*>)", rb"\1" + _UPDATE_FIELDS, content, count=1)
            info = zipfile.ZipInfo(item.filename, FIXED_TIME)
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
    buf = io.BytesIO()
    with warnings.catch_warnings():
        # A template saved again by LibreOffice lists docProps/core.xml twice; _finished keeps one.
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
        tpl.save(buf)
    return atomic.write_bytes(target, _finished(buf.getvalue(), thai, names_in(context)))


PDF_TIMEOUT = 120  # seconds for all the documents (pipeline.toml [pdf] timeout)


def to_pdf(docx_paths: list[Path], outdir: Path, timeout: float = PDF_TIMEOUT, thai: bool = False) -> tuple[list[Path], str]:
    """Convert with one LibreOffice start (two with Thai digits: see
    ``thaipages``). Returns the PDFs and a message."""
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        try:
            if thai:
                proc = thaipages.convert(docx_paths, Path(tmp), Path(tmp), timeout)
            else:
                proc = office.convert(docx_paths, "pdf", Path(tmp), timeout)
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
