"""Months marked by drawn arrows: the shape's horizontal extent against the
table's column widths, never only the cell Word anchored it in.

A shape anchored in a cell is placed from that cell's text area (or from the
margin or page); one anchored in a paragraph beside the table is placed
vertically through the rows' set heights. A month column counts when the
arrow covers at least 40 % of its width (an arrow drawn from the middle of
ต.ค. to the middle of ธ.ค. covers three months; one that only touches a
neighbouring column does not).
"""

from __future__ import annotations

from itertools import accumulate

from ..core.thai import quarter_months
from ..read import Cell, Row, Table
from ..read.shapes import Shape
from .columns import Layout

COVER = 0.4  # share of a month column's width an arrow must cover
LINE = 360  # twips: the height of the one-line paragraph a table follows


def _lefts(table: Table) -> list[int]:
    return [0, *accumulate(table.grid)]


def span(table: Table, cell: Cell | None, shape: Shape, page_left: int) -> tuple[int, int] | None:
    """The shape's left and right edge in twips from the table's left edge,
    or None when its position cannot be read."""
    if not table.grid or shape.x is None or not shape.width:
        return None
    if shape.relative in ("column", "inline"):
        if cell is None:  # a paragraph outside the table: the text column is the margin
            start = shape.x - table.indent
        elif cell.col < len(table.grid):
            start = _lefts(table)[cell.col] + table.cell_margin + shape.x
        else:
            return None
    elif shape.relative == "margin":
        start = shape.x - table.indent
    else:  # page
        start = shape.x - page_left - table.indent
    return start, start + shape.width


def crossed(layout: Layout, table: Table, start: int, end: int) -> set[int]:
    """Fiscal months whose columns the extent [start, end] covers."""
    lefts = _lefts(table)

    def covers(col: int) -> bool:
        if col >= len(table.grid) or table.grid[col] <= 0:
            return False
        left, right = lefts[col], lefts[col + 1]
        return min(end, right) - max(start, left) >= COVER * (right - left)

    out = {m for m, col in layout.months.items() if covers(col)}
    for q, col in layout.quarters.items():
        if covers(col):
            out.update(quarter_months(q))
    return out


def row_shapes(row: Row, layout: Layout, table: Table, page_left: int) -> tuple[set[int], bool]:
    """Months the shapes anchored in a row's cells cross, and whether any
    shape's extent could not be read (its anchor month is then taken)."""
    months: set[int] = set()
    unclear = False
    anchor_month = {col: m for m, col in layout.months.items()}
    for cell in row.cells:
        for shape in cell.shapes:
            extent = span(table, cell, shape, page_left)
            found = crossed(layout, table, *extent) if extent else set()
            if not found:
                unclear = True
                if cell.col in anchor_month:
                    months.add(anchor_month[cell.col])
            months |= found
    return months, unclear


def row_at(table: Table, y: int, before: bool) -> Row | None:
    """The row at ``y`` twips below the top of the paragraph just ``before``
    the table (or above the top of the paragraph just after it), when every
    row passed has a set height; else None."""
    rows = list(table.rows) if before else list(reversed(table.rows))
    pos = y - LINE if before else -y
    for row in rows:
        if row.height is None:
            return None
        if pos < row.height:
            return row
        pos -= row.height
    return None
