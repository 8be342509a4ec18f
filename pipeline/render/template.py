"""docxtpl's DocxTemplate made linear and lighter for plans of thousands of
rows, with the same output: the rendered body parsed once inside its
document, docxtpl's per-paragraph and per-cell passes run only where they
can change something, and the parts handed over without a zip round trip.
Each override says what docxtpl does and why the result is the same.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from functools import lru_cache
from typing import Any

from docx.opc.pkgwriter import PackageWriter
from docx.oxml import parse_xml
from docx.oxml.ns import nsmap as docx_nsmap
from docxtpl import DocxTemplate
from jinja2 import Environment
from lxml import etree

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

    def render_footnotes(self, context: dict[str, Any], jinja_env: Environment | None = None) -> None:
        """docxtpl's, which renders the footnotes once per section (python-docx's
        ``sections`` needs its element classes: the sections are counted here)."""
        if hasattr(self.docx._element, "sectPr_lst"):
            super().render_footnotes(context, jinja_env)
            return
        jinja_env = jinja_env or Environment()
        for _ in _SECTIONS(self.docx._element):
            for part in self.docx.part.package.parts:
                if part.content_type == _FOOTNOTES:
                    xml = self.patch_xml(part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob)
                    part._blob = self.render_xml_part(xml, part, context, jinja_env).encode("utf-8")

    def parts(self) -> dict[str, Any]:
        """What ``save`` writes, part name → bytes, in its order and without the
        zip; word/document.xml as its tree when it is ``_whole_body``'s (plain
        lxml elements), which ``_finished`` typesets as it is instead of
        parsing it back from the saved zip (50 MB at 10,000 projects). A name written twice keeps its first place and its last
        content, as the zip read back does."""
        if self.crc_to_new_media or self.crc_to_new_embedded or self.zipname_to_replace:
            return _unzipped(self)  # docxtpl rewrites the saved zip for these
        self.pre_processing()
        package = self.docx.part.package
        for part in package.parts:
            part.before_marshal()
        found = _Parts()
        parts = package.parts
        PackageWriter._write_content_types_stream(found, parts)
        PackageWriter._write_pkg_rels(found, package.rels)
        for part in parts:  # PackageWriter._write_parts, the document's tree kept when ``_whole_body`` parsed it
            name = part.partname.membername
            plain = part is self.docx.part and name == "word/document.xml" and not hasattr(part.element, "sectPr_lst")
            found.items[name] = part.element if plain else part.blob
            if len(part.rels):
                found.write(part.partname.rels_uri, part.rels.xml)
        self.is_saved = True
        return found.items

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
        else (None here) takes docxtpl's way, whose parser recovers. Parsed
        without python-docx's element classes (its parser otherwise): the
        typesetting walks plain elements a fifth faster, and after rendering
        only ``render_footnotes`` asks the document for python-docx's own."""
        text = self._spliced(xml)
        if text is None:
            return None
        try:
            return etree.fromstring(text, _PLAIN).find(f"{{{_W}}}body")
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


class _Parts:
    """Takes what python-docx's package writer would zip."""

    def __init__(self) -> None:
        self.items: dict[str, Any] = {}

    def write(self, uri: Any, blob: bytes) -> None:
        self.items[uri.membername] = blob


def _unzipped(tpl: DocxTemplate) -> dict[str, Any]:
    """``tpl`` saved, and its zip read back: part name → bytes."""
    buf = io.BytesIO()
    with warnings.catch_warnings():
        # A template saved again by LibreOffice lists docProps/core.xml twice; the last one is the current one.
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
        tpl.save(buf)
    with zipfile.ZipFile(buf) as src:
        return {item.filename: src.read(item) for item in {item.filename: item for item in src.infolist()}.values()}


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PLAIN = etree.XMLParser(remove_blank_text=True, resolve_entities=False)  # python-docx's, without its classes
_SECTIONS = etree.XPath("./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr", namespaces={"w": _W})  # its sectPr_lst
_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_DOC_PR = etree.XPath(".//wp:docPr", namespaces=docx_nsmap)
_LISTED = re.compile("[\t\a\n\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # as docxtpl's resolve_listing finds one


@lru_cache(maxsize=4)
def _odd_spans(uri: str) -> etree.XPath:
    """Spans docxtpl's ``int`` might not read as this XPath's digits do."""
    return etree.XPath(
        ".//w:tc/w:tcPr[1]/w:gridSpan[1][not(@w:val) or translate(@w:val, '0123456789', '') != '' or @w:val = '']",
        namespaces={"w": uri},
    )


def _needs_fix(tbl: Any, columns: int, ns: str) -> bool:
    """Whether docxtpl's fix_tables would change this table: a row with more
    cells than ``columns``, or no row whose spans add up to them. Spans are
    added up only until a row fills the grid (docxtpl adds up every row's:
    a second at 10,000 rows); a span it could not read sends the table to
    its count, which fails as docxtpl's does."""
    if columns == 0 or _odd_spans(ns[1:-1])(tbl):
        return _count_needs_fix(tbl, columns, ns)
    tr_tag, tc_tag, pr_tag, span_tag, val = ns + "tr", ns + "tc", ns + "tcPr", ns + "gridSpan", ns + "val"
    filled = False
    for tr in tbl.iter(tr_tag):
        cells = tr.findall(tc_tag)
        if len(cells) > columns:
            return True
        if not filled:
            spans = 0
            for tc in cells:
                pr = tc.find(pr_tag)
                span = pr.find(span_tag) if pr is not None else None
                spans += int(span.get(val)) if span is not None else 1
            filled = spans >= columns
    return not filled


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
