"""Find in a .docx body the element a finding's Source names, counted exactly
as the reader counts (pipeline/read/docx.py): top-level paragraphs and tables
in document order through content controls and other wrappers, rows through
wrappers, cells on the table grid (gridBefore, gridSpan). A column named by
its Thai label (Source.column, "งบประมาณ") is found through the table's
header, as the extractor found it."""

from __future__ import annotations

from lxml import etree

from ..core.model import Source
from ..extract.columns import find_layout, label_field
from ..read import Table
from ..read.docx import TBL, TC, TR, WRAPPERS, P, _children, _int, _val, q

Anchor = list[etree._Element]  # the paragraphs a comment spans (one cell's, or one)


def body_items(body: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """The body's top-level paragraphs and tables, numbered from 1 as the reader numbers them."""
    paragraphs: list[etree._Element] = []
    tables: list[etree._Element] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            if child.tag == P:
                paragraphs.append(child)
            elif child.tag == TBL:
                tables.append(child)
            elif child.tag in WRAPPERS:
                walk(child)

    walk(body)
    return paragraphs, tables


def _grid_cells(tr: etree._Element) -> list[tuple[int, int, etree._Element]]:
    """(first grid column, span, w:tc) of a row, placed as the reader places them."""
    trpr = tr.find(q("trPr"))
    col = max(_int(_val(trpr.find(q("gridBefore")) if trpr is not None else None), 0), 0)
    out = []
    for tc in _children(tr, TC):
        tcpr = tc.find(q("tcPr"))
        span = max(_int(_val(tcpr.find(q("gridSpan")) if tcpr is not None else None), 1), 1)
        out.append((col, span, tc))
        col += span
    return out


def column_of(table: Table | None, label: str | None) -> int | None:
    """The grid column of the field a Thai column label names, from the table's header."""
    if table is None:
        return None
    layout = find_layout(table)
    if layout is None:
        return None
    field = label_field(label) if label else None
    if field is None or field not in layout.fields:
        return layout.name_col  # a finding about the whole row: on the project's name
    return layout.fields[field]


def _cell_paragraphs(tc: etree._Element) -> Anchor:
    return _children(tc, P)


def in_row(tr: etree._Element, col: int | None) -> Anchor:
    """The paragraphs of the cell at grid column ``col`` (else the row's first cell with text)."""
    cells = _grid_cells(tr)
    if col is not None:
        for first, span, tc in cells:
            if first <= col < first + span and _cell_paragraphs(tc):
                return _cell_paragraphs(tc)
    for _, _, tc in cells:
        if "".join(tc.itertext()).strip() and _cell_paragraphs(tc):
            return _cell_paragraphs(tc)
    return _cell_paragraphs(cells[0][2]) if cells else []


def locate(body: etree._Element, source: Source, tables: dict[int, Table]) -> Anchor:
    """The paragraphs a comment about ``source`` is anchored on; [] when the
    draft has no such place (the finding goes in the comment at the top)."""
    paragraphs, tbls = body_items(body)
    if source.table is not None:
        if not 1 <= source.table <= len(tbls):
            return []
        rows = _children(tbls[source.table - 1], TR)
        if source.row is None:
            first = rows[0] if rows else None
            return in_row(first, None) if first is not None else []
        if not 1 <= source.row <= len(rows):
            return []
        return in_row(rows[source.row - 1], column_of(tables.get(source.table), source.column))
    if source.paragraph is not None and 1 <= source.paragraph <= len(paragraphs):
        return [paragraphs[source.paragraph - 1]]
    return []


def top(body: etree._Element) -> Anchor:
    """Where the comment for findings without a place goes: the first paragraph."""
    first = next(body.iter(P), None)
    return [first] if first is not None else []


CONTINUATION_ROWS = 6  # a project's text may go on in the rows below its own (the extractor joins them)


def below(anchor: Anchor) -> Anchor:
    """The paragraphs of the same grid column in the next rows of the anchor's table:
    a finding about a project's activity names its first row, the words may be further down."""
    if not anchor:
        return []
    tc = next((a for a in anchor[0].iterancestors(TC)), None)
    tr = tc.getparent() if tc is not None else None
    while tr is not None and tr.tag != TR:
        tr = tr.getparent()
    tbl = next((a for a in tr.iterancestors(TBL)), None) if tr is not None else None
    if tbl is None:
        return []
    col = next(first for first, _, cell in _grid_cells(tr) if cell is tc)
    rows = _children(tbl, TR)
    out: Anchor = []
    for later in rows[rows.index(tr) + 1 : rows.index(tr) + 1 + CONTINUATION_ROWS]:
        out += next((_cell_paragraphs(cell) for first, span, cell in _grid_cells(later) if first <= col < first + span), [])
    return out
