"""Find in a .docx body the element a finding's Source names, counted exactly
as the reader counts (pipeline/read/docx.py): top-level paragraphs and tables
in document order through content controls and other wrappers, rows through
wrappers, cells on the table grid (gridBefore, gridSpan). A column named by
its Thai label (Source.column, "งบประมาณ") is found through the table's
header, as the extractor found it."""

from __future__ import annotations

from lxml import etree

from ..core.model import Source
from ..extract.columns import Layout, find_layout, label_field
from ..read import Table
from ..read.docx import GRID_BEFORE, GRID_SPAN, TBL, TC, TCPR, TR, TRPR, WRAPPERS, P, _children, _int, _val

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
    """(first grid column, span, w:tc) of a row, placed as the reader places them.
    ``next(el.iterchildren(tag))`` is ``el.find(tag)`` without parsing a path at every cell."""
    trpr = next(tr.iterchildren(TRPR), None)
    col = max(_int(_val(next(trpr.iterchildren(GRID_BEFORE), None) if trpr is not None else None), 0), 0)
    out = []
    for tc in _children(tr, TC):
        tcpr = next(tc.iterchildren(TCPR), None)
        span = max(_int(_val(next(tcpr.iterchildren(GRID_SPAN), None) if tcpr is not None else None), 1), 1)
        out.append((col, span, tc))
        col += span
    return out


def column_of(table: Table | None, label: str | None, layout: Layout | None = None) -> int | None:
    """The grid column of the field a Thai column label names, from the table's
    header (``layout``: the table's, when the caller has found it already)."""
    if table is None:
        return None
    layout = layout if layout is not None else find_layout(table)
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


class Locator:
    """Where in one draft's body each finding goes. The body's paragraphs and
    tables, a table's rows and its header's columns are found once for the
    draft, not again for every finding (a draft of 100 projects has hundreds)."""

    def __init__(self, body: etree._Element, tables: dict[int, Table]) -> None:
        self.paragraphs, self.tables = body_items(body)
        self.read = tables  # the tables as the reader read them, by number
        self.rows: dict[int, list[etree._Element]] = {}
        self.layouts: dict[int, Layout | None] = {}
        self.columns: dict[tuple[int, str | None], int | None] = {}

    def _rows(self, number: int) -> list[etree._Element]:
        if number not in self.rows:
            self.rows[number] = _children(self.tables[number - 1], TR)
        return self.rows[number]

    def _column(self, number: int, label: str | None) -> int | None:
        """The column a label names in table ``number``: a table's findings name a few labels, many times."""
        if (number, label) not in self.columns:
            table = self.read.get(number)
            if table is not None and number not in self.layouts:
                self.layouts[number] = find_layout(table)
            layout = self.layouts.get(number)
            self.columns[(number, label)] = column_of(table, label, layout) if layout is not None else None
        return self.columns[(number, label)]

    def __call__(self, source: Source) -> Anchor:
        """The paragraphs a comment about ``source`` is anchored on; [] when the
        draft has no such place (the finding goes in the comment at the top)."""
        if source.table is not None:
            if not 1 <= source.table <= len(self.tables):
                return []
            rows = self._rows(source.table)
            if source.row is None:
                return in_row(rows[0], None) if rows else []
            if not 1 <= source.row <= len(rows):
                return []
            return in_row(rows[source.row - 1], self._column(source.table, source.column))
        if source.paragraph is not None and 1 <= source.paragraph <= len(self.paragraphs):
            return [self.paragraphs[source.paragraph - 1]]
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
