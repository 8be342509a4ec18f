"""How much room a piece of text has on paper, read from the document itself:
the font size and weight of its run (run properties, else its paragraph
style, else the document's defaults) and the width of its table cell (the
table's grid columns it spans, less the cell's margins).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
Font = tuple[float, bool]  # size in points, bold
DEFAULT: Font = (16.0, False)


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _on(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(q("val"), "true") not in ("0", "false", "off")


def _font_of(rpr: etree._Element | None, base: Font) -> Font:
    """The complex-script size and bold (Thai is set with szCs and bCs) over ``base``."""
    if rpr is None:
        return base
    size, bold = base
    sz = rpr.find(q("szCs"))
    if sz is None:
        sz = rpr.find(q("sz"))
    if sz is not None and (sz.get(q("val")) or "").isdigit():
        size = int(sz.get(q("val"))) / 2
    flag = _on(rpr.find(q("bCs")))
    flag = _on(rpr.find(q("b"))) if flag is None else flag
    return size, bold if flag is None else flag


def styles(xml: bytes | None) -> tuple[dict[str, Font], Font]:
    """Each paragraph or character style's font, following ``basedOn``; and the defaults."""
    if not xml:
        return {}, DEFAULT
    root = etree.fromstring(xml)
    default = _font_of(root.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}"), DEFAULT)
    raw = {s.get(q("styleId")): s for s in root.iter(q("style"))}
    fonts: dict[str, Font] = {}

    def resolve(sid: str, depth: int = 0) -> Font:
        if sid in fonts:
            return fonts[sid]
        el = raw.get(sid)
        if el is None or depth > 20:
            return default
        based = el.find(q("basedOn"))
        base = resolve(based.get(q("val"), ""), depth + 1) if based is not None else default
        fonts[sid] = _font_of(el.find(q("rPr")), base)
        return fonts[sid]

    for sid in raw:
        if sid:
            resolve(sid)
    return fonts, default


TC, TR, TBL, TC_PR, GRID_SPAN, VAL = q("tc"), q("tr"), q("tbl"), q("tcPr"), q("gridSpan"), q("val")
P_STYLE, R_PR, R_STYLE = f"{q('pPr')}/{q('pStyle')}", q("rPr"), q("rStyle")
TC_MAR = q("tcMar")
HEADER = f"{q('trPr')}/{q('tblHeader')}"  # a header row: it repeats on every page the table runs onto


@dataclass
class Room:
    """Looks up, for one part, each text's font and its cell's width (points)."""

    fonts: dict[str, Font]
    default: Font = DEFAULT
    _cells: dict[etree._Element, float | None] = field(default_factory=dict)
    _tables: dict[etree._Element, tuple[list[int], dict[str, int]]] = field(default_factory=dict)
    _rows: dict[etree._Element, list[tuple[int, int, etree._Element]]] = field(default_factory=dict)
    _places: dict[etree._Element, tuple[int, int]] = field(default_factory=dict)
    _spans: dict[etree._Element, dict[etree._Element, int]] = field(default_factory=dict)

    def font(self, run: etree._Element, para: etree._Element | None) -> Font:
        base = self.default
        if para is not None:
            style = para.find(P_STYLE)
            if style is not None:
                base = self.fonts.get(style.get(VAL, ""), base)
        rpr = run.find(R_PR)
        if rpr is not None:
            cstyle = rpr.find(R_STYLE)
            if cstyle is not None:
                base = self.fonts.get(cstyle.get(VAL, ""), base)
        return _font_of(rpr, base)

    def width(self, tc: etree._Element | None) -> float | None:
        """The text width of a table cell in points; None outside tables."""
        if tc is None:
            return None
        if tc not in self._cells:
            self._cells[tc] = self._measure(tc)
        return self._cells[tc]

    def _measure(self, tc: etree._Element) -> float | None:
        tr = tc.getparent()
        tbl = tr.getparent() if tr is not None else None
        if tbl is None or tbl.tag != TBL:
            return None
        grid, margins = self.table(tbl)
        col, n = self.place(tc)
        twips = sum(grid[col : col + n]) - margin(tc, margins, "left") - margin(tc, margins, "right")
        return twips / 20 if twips > 0 else None

    def cells(self, tr: etree._Element) -> list[tuple[int, int, etree._Element]]:
        """``row_cells`` of a row, worked out once: spans do not change after rendering."""
        found = self._rows.get(tr)
        if found is None:
            tbl = tr.getparent()
            spans = self._spans.get(tbl) if tbl is not None else None
            if spans is None and tbl is not None:
                spans = self._spans[tbl] = spans_in(tbl)
            found = self._rows[tr] = row_cells(tr, spans)
            for col, span, tc in found:
                self._places[tc] = col, span
        return found

    def place(self, tc: etree._Element) -> tuple[int, int]:
        """A cell's first grid column and its span."""
        if tc not in self._places:
            self.cells(tc.getparent())
        return self._places[tc]

    def table(self, tbl: etree._Element) -> tuple[list[int], dict[str, int]]:
        """A table's grid and its default cell margins, looked up once: a
        path search on the table scans all its rows."""
        if tbl not in self._tables:
            self._tables[tbl] = grid_of(tbl), table_margins(tbl)
        return self._tables[tbl]


def head(tbl: etree._Element, tag: str) -> etree._Element | None:
    """tblPr or tblGrid: among the first children, not searched for among thousands of rows."""
    for child in tbl[:3]:
        if child.tag == q(tag):
            return child
    return None


def grid_of(tbl: etree._Element) -> list[int]:
    grid = head(tbl, "tblGrid")
    return [int(c.get(q("w"), "0") or 0) for c in grid.findall(q("gridCol"))] if grid is not None else []


def table_margins(tbl: etree._Element) -> dict[str, int]:
    pr = head(tbl, "tblPr")
    found = {}
    for side in ("left", "right"):
        el = pr.find(f"{q('tblCellMar')}/{q(side)}") if pr is not None else None
        found[side] = int(el.get(q("w"), "0") or 0) if el is not None else 108
    return found


def _props(tc: etree._Element) -> etree._Element | None:
    """A cell's tcPr: its first child when it has one (a path search costs more, thousands of times)."""
    for first in tc:
        return first if first.tag == TC_PR else None
    return None


def span_of(tc: etree._Element) -> int:
    pr = _props(tc)
    span = pr.find(GRID_SPAN) if pr is not None else None
    return int(span.get(VAL, "1")) if span is not None else 1


def spans_in(tbl: etree._Element) -> dict[etree._Element, int]:
    """``span_of`` every cell under ``tbl`` that spans columns, found from the
    spans themselves: a table of thousands of rows has few (the head's)."""
    found = {}
    for span in tbl.iter(GRID_SPAN):
        pr = span.getparent()
        tc = pr.getparent() if pr is not None else None
        if tc is not None and tc.tag == TC and _props(tc) is pr and pr.find(GRID_SPAN) is span:
            found[tc] = int(span.get(VAL, "1"))
    return found


def row_cells(tr: etree._Element, spans: dict[etree._Element, int] | None = None) -> list[tuple[int, int, etree._Element]]:
    """(first grid column, span, cell) of each cell of a row, in one pass;
    ``spans`` (``spans_in`` of its table) saves looking into each cell."""
    trpr = tr.find(q("trPr"))
    before = trpr.find(q("gridBefore")) if trpr is not None else None
    col = int(before.get(VAL, "0")) if before is not None else 0
    out = []
    for tc in tr.iterchildren(TC):
        span = span_of(tc) if spans is None else spans.get(tc, 1)
        out.append((col, span, tc))
        col += span
    return out


def cell_col(tc: etree._Element) -> int:
    """The first grid column a cell occupies."""
    return next(col for col, _, other in row_cells(tc.getparent()) if other is tc)


def margin(tc: etree._Element, table: dict[str, int], side: str) -> int:
    """A cell's margin on one side in twips: its own, else the table's (``table_margins``)."""
    pr = _props(tc)
    mar = pr.find(TC_MAR) if pr is not None else None
    el = mar.find(q(side)) if mar is not None else None
    return int(el.get(q("w"), "0") or 0) if el is not None else table[side]
