"""Walk a .docx body as XML, in document order, into blocks.

Handles: tracked changes (text in w:del / w:moveFrom and deleted rows are not
read; w:ins / w:moveTo are), content controls (w:sdt, around runs, cells, rows
or whole tables), simple and complex fields (the result is read, the field
code is not), smart tags and custom XML, merged cells (gridSpan, vMerge,
gridBefore), cell shading and highlighted runs, nested tables.
Loses: text boxes, footnotes, headers/footers, images (none carry plan data).

The package is opened with zipfile: the main part is found through the
package relationships (as Word does), not at a fixed name. python-docx is not
used here: its ``.text`` drops inserted text and content controls, and
opening a package with it parses every part into its element classes (about
15x the time of reading the one part we need, measured on the sample).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from functools import cache
from pathlib import Path

from lxml import etree

from .blocks import Cell, Document, Paragraph, Row, Table, cell, paragraph
from .own import own_comments, withdraw_proposals
from .safe import ReadError, check_package
from .shapes import shapes_in

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


@cache  # called per element of every table: the name is built once
def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


T, TAB, BR, CR, P, TBL, TR, TC, SDT, SDTC, SYM = map(
    q, ("t", "tab", "br", "cr", "p", "tbl", "tr", "tc", "sdt", "sdtContent", "sym")
)
SKIP_TEXT = {
    q("del"),
    q("moveFrom"),
    q("delText"),
    q("instrText"),
    q("pPr"),
    q("rPr"),
    q("tcPr"),
    q("trPr"),
    q("tblPr"),
    q("sdtPr"),
    q("drawing"),
    q("pict"),
    q("footnoteReference"),
    f"{{{MC}}}Fallback",
}
NB_HYPHEN, PTAB, R = q("noBreakHyphen"), q("ptab"), q("r")
RPR, VANISH_TAG = q("rPr"), q("vanish")
WRAPPERS = {SDT, SDTC, q("customXml"), q("smartTag"), q("ins"), q("moveTo")}
NO_FILL = {"", "auto", "ffffff", "none"}


def _text(el: etree._Element, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag in SKIP_TEXT or tag == TBL:
            continue
        if tag == T:
            out.append(child.text or "")
        elif tag == TAB:
            out.append("\t")
        elif tag in (BR, CR):
            out.append("\n")
        elif tag == SYM:
            out.append(_symbol(child))
        elif tag == NB_HYPHEN:
            out.append("-")
        elif tag == PTAB:
            out.append("\t")
        elif tag == R and _hidden(child):
            continue  # hidden text is not on paper
        else:
            _text(child, out)


def _hidden(run: etree._Element) -> bool:
    """``run.find("w:rPr/w:vanish") is not None``, without parsing the path at every run."""
    return any(next(rpr.iterchildren(VANISH_TAG), None) is not None for rpr in run.iterchildren(RPR))


def _symbol(sym: etree._Element) -> str:
    """Insert › Symbol (w:sym): Wingdings ticks and the like live in the
    private-use area; they count as a mark ("•"). Others are the character."""
    try:
        code = int(sym.get(q("char"), "0"), 16)
    except ValueError:
        return "•"
    return "•" if code == 0 or 0xE000 <= code <= 0xF8FF else chr(code)


def paragraph_text(p: etree._Element) -> str:
    out: list[str] = []
    _text(p, out)
    return "".join(out)


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    return default if el is None else el.get(q("val"), default)


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Direct children with ``tag``, looking through content controls and
    other wrappers."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag in WRAPPERS:
            out.extend(_children(child, tag))
    return out


def _shaded(shd: etree._Element | None) -> bool:
    if shd is None:
        return False
    fill = (shd.get(q("fill")) or "").lower()
    val = (shd.get(q("val")) or "clear").lower()
    color = (shd.get(q("color")) or "auto").lower()
    if fill not in NO_FILL:
        return True
    return val not in ("clear", "nil") and color != "ffffff"


SHD, HIGHLIGHT = q("shd"), q("highlight")


def _twips(el: etree._Element | None, attr: str = "w") -> int | None:
    try:
        return None if el is None else int(float(el.get(q(attr), "")))
    except ValueError:
        return None


def _table_geometry(tbl: etree._Element) -> dict:
    """Grid widths, indent and the cells' left margin, for placing shapes."""
    grid = tuple(_twips(c) or 0 for c in tbl.findall(f"{q('tblGrid')}/{q('gridCol')}"))
    pr = tbl.find(q("tblPr"))
    indent = _twips(pr.find(q("tblInd"))) if pr is not None else None
    margin = None
    if pr is not None:
        mar = pr.find(q("tblCellMar"))
        if mar is not None:
            margin = _twips(mar.find(q("left"))) or _twips(mar.find(q("start")))
    return {"grid": grid, "indent": indent or 0, "cell_margin": 108 if margin is None else margin}


MAX_COLUMNS = 64  # far more than any plan table; a span beyond the grid is a damaged file


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default


TRPR, TCPR, GRID_BEFORE, GRID_SPAN, VMERGE, DEL, TBL_HEADER, TR_HEIGHT = map(
    q, ("trPr", "tcPr", "gridBefore", "gridSpan", "vMerge", "del", "tblHeader", "trHeight")
)
DRAWN = (q("drawing"), q("pict"))


def _first(pr: etree._Element | None, tags: tuple[str, ...]) -> list[etree._Element | None]:
    """The first child of ``pr`` with each tag (as ``pr.find(tag)``), in one pass over its children."""
    found: list[etree._Element | None] = [None] * len(tags)
    if pr is not None:
        for child in pr:
            if child.tag in tags:
                i = tags.index(child.tag)
                if found[i] is None:
                    found[i] = child
    return found


def _row_parts(tr: etree._Element) -> tuple[etree._Element | None, list[etree._Element]]:
    """A row's ``trPr`` (as ``tr.find``) and its cells (as :func:`_children`), in one pass."""
    trpr, cells = None, []
    for child in tr:
        tag = child.tag
        if tag == TC:
            cells.append(child)
        elif tag == TRPR:
            trpr = child if trpr is None else trpr
        elif tag in WRAPPERS:
            cells.extend(_children(child, TC))
    return trpr, cells


def _cell_parts(tc: etree._Element) -> tuple[etree._Element | None, list[etree._Element], list[etree._Element]]:
    """A cell's ``tcPr``, paragraphs and nested tables (as ``find`` and
    :func:`_children`, in document order through wrappers), in one pass."""
    tcpr, paragraphs, tables = None, [], []
    for child in tc:
        tag = child.tag
        if tag == P:
            paragraphs.append(child)
        elif tag == TCPR:
            tcpr = child if tcpr is None else tcpr
        elif tag == TBL:
            tables.append(child)
        elif tag in WRAPPERS:
            paragraphs.extend(_children(child, P))
            tables.extend(_children(child, TBL))
    return tcpr, paragraphs, tables


def _filled_cells(tbl: etree._Element) -> set[etree._Element]:
    """The cells (at any depth) that hold shading or a highlight, in one pass
    over the table, not one over each cell. Some drafts colour the paragraph
    or the text instead of the cell; drawn arrows are read as shapes, by geometry."""
    filled: set[etree._Element] = set()
    for el in tbl.iter(SHD, HIGHLIGHT):
        if _shaded(el) if el.tag == SHD else (_val(el) or "none") != "none":
            filled.update(el.iterancestors(TC))
    return filled


def _table(tbl: etree._Element, index: int) -> Table:
    rows: list[Row] = []
    geometry = _table_geometry(tbl)
    width = min(len(geometry["grid"]) or MAX_COLUMNS, MAX_COLUMNS)  # spans and merges never pass the real grid
    filled = _filled_cells(tbl)
    drawn = next(tbl.iter(*DRAWN), None) is not None  # most tables have no drawn shape: no cell is searched for one
    for n, tr in enumerate(_children(tbl, TR), start=1):
        trpr, tcs = _row_parts(tr)
        grid_before, deleted, header, tr_height = _first(trpr, (GRID_BEFORE, DEL, TBL_HEADER, TR_HEIGHT))
        col = min(max(_int(_val(grid_before), 0), 0), width)
        cells: list[Cell] = []
        for tc in tcs:
            tcpr, paragraphs, nested = _cell_parts(tc)
            grid_span, vm_el = _first(tcpr, (GRID_SPAN, VMERGE))
            span = min(max(_int(_val(grid_span), 1), 1), max(width - col, 1))
            vmerge = None if vm_el is None else ("restart" if _val(vm_el) == "restart" else "continue")
            text = "\n".join([paragraph_text(p) for p in paragraphs]).strip()
            tables = tuple(_table(t, i) for i, t in enumerate(nested, start=1))
            shapes = tuple(shapes_in(tc)) if drawn else ()
            cells.append(cell(text, col, max(span, 1), vmerge, tc in filled, tables, shapes))
            col += max(span, 1)
        height = _twips(tr_height, "val")
        rows.append(Row(n, tuple(cells), deleted is not None, header is not None, height))
    return Table(index, tuple(rows), **geometry)


def _all_bold(p: etree._Element) -> bool:
    """Every run that carries text is bold (w:b or w:bCs, not switched off)."""
    runs = [r for r in p.iter(q("r")) if r.find(T) is not None and (r.findtext(T) or "").strip()]
    for r in runs:
        b = r.find(f"{q('rPr')}/{q('b')}")
        if b is None:
            b = r.find(f"{q('rPr')}/{q('bCs')}")
        if b is None or _val(b, "true") in ("0", "false", "off"):
            return False
    return bool(runs)


def _outline(p: etree._Element, style: str) -> int | None:
    lvl = p.find(f"{q('pPr')}/{q('outlineLvl')}")
    if lvl is not None:
        return int(_val(lvl, "9") or 9)
    s = style.lower().replace(" ", "")
    for prefix in ("heading", "หัวเรื่อง"):
        if s.startswith(prefix) and s[len(prefix) :].isdigit():
            return int(s[len(prefix) :]) - 1
    return None


def _blocks(body: etree._Element) -> list[Paragraph | Table]:
    blocks: list[Paragraph | Table] = []
    counters = {"p": 0, "t": 0}

    def walk(el: etree._Element) -> None:
        for child in el:
            if child.tag == P:
                counters["p"] += 1
                style = _val(child.find(f"{q('pPr')}/{q('pStyle')}"), "") or ""
                text = paragraph_text(child)
                bold = bool(text.strip()) and _all_bold(child)
                blocks.append(paragraph(counters["p"], text, style, _outline(child, style), bold, tuple(shapes_in(child))))
            elif child.tag == TBL:
                counters["t"] += 1
                blocks.append(_table(child, counters["t"]))
            elif child.tag in WRAPPERS:
                walk(child)

    walk(body)
    return blocks


PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def related(z: zipfile.ZipFile, source: str, kind: str) -> str | None:
    """The part that ``source`` ("" for the package) relates to by a relationship
    of ``kind`` ("officeDocument", "comments"), as a name inside the zip."""
    folder, name = posixpath.split(source)
    try:
        rels = etree.fromstring(z.read(posixpath.join(folder, "_rels", f"{name}.rels")), PARSER)
    except KeyError:
        return None
    for rel in rels.iter(RELATIONSHIP):
        if rel.get("Type", "").endswith(f"/{kind}") and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
    return None


def _parts(data: bytes) -> tuple[bytes, bytes | None]:
    """The main document part and the comments part (if any) of a package."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        main = related(z, "", "officeDocument")
        if main not in names:
            raise ReadError("no-document")
        comments = related(z, main, "comments")
        return z.read(main), (z.read(comments) if comments in names else None)


# A document this pipeline wrote marks where Thai lines may end with WORD JOINER
# and ZERO WIDTH SPACE (render/linebreak.py), hundreds of them; read back (the
# announced plan, a filled tracking form) they are no typing slip. A draft with
# a stray one or two keeps them, for the thai-typing check to find.
_JOINER, _ZWSP = "\u2060".encode(), "\u200b".encode()
OWN_MARKS = 20


def _without_break_marks(xml: bytes) -> bytes:
    return xml if xml.count(_JOINER) < OWN_MARKS else xml.replace(_JOINER, b"").replace(_ZWSP, b"")


def read_docx(path: Path, rel: str, data: bytes | None = None) -> Document:
    """Read one .docx (its bytes, when the caller has them already) into
    blocks. Raises ``ReadError`` for files that cannot be read safely
    (corrupt, encrypted, legacy .doc, too large)."""
    data = path.read_bytes() if data is None else data
    check_package(data, path.suffix)
    main, comments = _parts(data)
    body = etree.fromstring(_without_break_marks(main), PARSER).find(q("body"))
    if body is None:
        raise ReadError("no-document")
    changes = sum(1 for tag in ("ins", "del", "moveFrom", "moveTo") for _ in body.iter(q(tag)))
    margin = body.find(f"{q('sectPr')}/{q('pgMar')}")
    page_left = _twips(margin, "left") if margin is not None else None
    # an annotated copy come back: the tool's own comments and pending proposals are not the division's
    n_comments, tool = own_comments(etree.fromstring(comments, PARSER) if comments else None)
    withdraw_proposals(body, tool)
    return Document(rel, tuple(_blocks(body)), changes, n_comments, page_left=page_left or 1440)
