"""Cell comments in a copy of an .xlsx draft, on the cell the reader read.

The reader (pipeline/read/xlsx.py) numbers tables across the visible sheets
in order and rows by their sheet row; a table's grid starts at its first
used column. The same walk here gives, for a Source, the sheet and cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..core.model import Finding
from ..files.spreadsheet import read_workbook, with_comments
from ..read import Table
from ..read.xlsx import _sheet_rows, sheet_blocks
from .locate import column_of

Place = tuple[str, int, int]  # sheet, row, column (1-based)


def _tables(data: bytes) -> dict[int, tuple[str, int, Table]]:
    """Table number → (sheet, first column, table)."""
    out: dict[int, tuple[str, int, Table]] = {}
    for sheet in read_workbook(data):
        rows = {r: cells for r, cells in _sheet_rows(sheet)}
        for block in sheet_blocks([sheet]):
            if isinstance(block, Table):
                first = min((c for row in block.rows for c, *_ in rows.get(row.index, [])), default=1)
                out[len(out) + 1] = (sheet.title, first, block)
    return out


def _place(f: Finding, tables: dict[int, tuple[str, int, Table]]) -> Place | None:
    s = f.source
    if s.table not in tables:
        return None
    title, first, table = tables[s.table]
    row = next((r for r in table.rows if r.index == s.row), table.rows[0] if table.rows else None)
    if row is None:
        return None
    col = column_of(table, s.column)
    if col is None:
        col = next((c.col for c in row.cells if c.text.strip()), 0)
    return title, row.index, first + col


def annotate_workbook(
    data: bytes, findings: Iterable[Finding], text: Callable[[Finding], str], author: str, macros: bool = False
) -> tuple[bytes, int]:
    """The workbook with a comment per located finding (those without a place
    on the first sheet's A1); and how many findings were placed on a cell."""
    tables = _tables(data)
    notes: dict[Place, list[str]] = {}
    placed = 0
    first_sheet = next(iter(read_workbook(data)), None)
    for f in findings:
        place = _place(f, tables)
        placed += place is not None
        if place is None and first_sheet is not None:
            place = (first_sheet.title, 1, 1)
        if place is not None:
            notes.setdefault(place, []).append(text(f))
    merged = [(t, r, c, "\n\n".join(lines)) for (t, r, c), lines in notes.items()]
    return with_comments(data, merged, author, macros), placed
