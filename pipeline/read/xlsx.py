"""Drafts saved as Excel workbooks (.xlsx) in the same table conventions:
a second reader that gives the same Word-shaped blocks as the .docx reader,
so the extractor does not know which program a division used.

On a sheet, a row with one text cell outside a table is a paragraph (a title
or a heading such as "1.1 แผนงานเคหะและชุมชน"); a row with two or more cells
starts a table, and the table runs to the next empty row. Merged cells give
spans (gridSpan) and vertical merges (vMerge); a shaded cell is a Gantt bar.
A row keeps its number on the sheet, the number a person sees in Excel.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.thai import full_months, thai_date
from .blocks import Cell, Document, Paragraph, Row, Table, cell, paragraph

if TYPE_CHECKING:
    from ..files.spreadsheet import SheetData, Value
from .safe import MAX_WORKBOOK, check_package

COLUMN_TWIPS = 1000  # nominal grid width of a sheet column (arrows are not drawn in sheets)


def cell_text(value: Value) -> str:
    """A cell's value as the text a person reads in it: amounts without a
    float's noise, dates in Buddhist era (a year already past 2400 is BE)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        if day.year > 2400:
            return f"{day.day} {full_months()[day.month - 1]} {day.year}"
        return thai_date(day)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(Decimal(repr(value)), "f")
    return str(value).replace("\r\n", "\n").replace("_x000D_", "")


def _merges(
    sheet: SheetData,
) -> tuple[dict[tuple[int, int], tuple[int, int, int, int]], set[tuple[int, int]], dict[tuple[int, int], int]]:
    """Top-left cell → its merge range; every other cell a merge covers; and
    the first cell of each row below a vertical merge's top → the merge's width
    (Word's "continue" cell)."""
    heads, covered, below = {}, set(), {}
    for r0, c0, r1, c1 in sheet.merges:
        heads[(r0, c0)] = (r0, c0, r1, c1)
        covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
        below.update({(r, c0): c1 - c0 + 1 for r in range(r0 + 1, r1 + 1)})
    return heads, covered, below


def _sheet_rows(sheet: SheetData) -> list[tuple[int, list[tuple[int, int, str, bool, bool, str | None]]]]:
    """Per sheet row: (column, span, text, fill, bold, vmerge) of each cell that starts there."""
    heads, covered, below = _merges(sheet)
    out = []
    for r in range(1, sheet.max_row + 1):
        cells = []
        for c in range(1, sheet.max_col + 1):
            merge = heads.get((r, c))
            if (r, c) in covered:
                if (r, c) in below:  # below a vertical merge's first cell: Word's "continue" cell
                    cells.append((c, below[(r, c)], "", False, False, "continue"))
                continue
            sc = sheet.cells.get((r, c))
            span = merge[3] - merge[1] + 1 if merge else 1
            vmerge = "restart" if merge and merge[2] > merge[0] else None
            if sc is None and merge is None:
                continue
            text = cell_text(sc.value) if sc else ""
            cells.append((c, span, text, bool(sc and sc.fill), bool(sc and sc.bold), vmerge))
        out.append((r, cells))
    return out


def _blank(cells: list) -> bool:
    return not any(text.strip() or fill for _, _, text, fill, _, vm in cells if vm != "continue")


def _row(n: int, cells: list, first: int, last: int) -> Row:
    """Every grid column of the table gets a cell, as in Word (Excel keeps no empty cells)."""
    out: list[Cell] = []
    col = first
    for c, span, text, fill, _, vm in sorted(cells):
        if c < first:
            continue
        out.extend(cell("", k - first) for k in range(col, c))
        out.append(cell(text, c - first, span, vm, fill))
        col = c + span
    out.extend(cell("", k - first) for k in range(col, last))
    return Row(n, tuple(out))


def _table(index: int, rows: list[tuple[int, list]]) -> Table:
    first = min(c for _, cells in rows for c, *_ in cells)
    last = max(c + span for _, cells in rows for c, span, *_ in cells)
    return Table(index, tuple(_row(n, cells, first, last) for n, cells in rows), grid=tuple([COLUMN_TWIPS] * (last - first)))


def sheet_blocks(sheets: list[SheetData]) -> list[Paragraph | Table]:
    blocks: list[Paragraph | Table] = []
    counters = {"p": 0, "t": 0}
    for sheet in sheets:
        table: list[tuple[int, list]] = []
        for r, cells in [*_sheet_rows(sheet), (0, [])]:  # the empty row at the end closes the last table
            if _blank(cells):
                if table:
                    counters["t"] += 1
                    blocks.append(_table(counters["t"], table))
                    table = []
                if not r:
                    break
                counters["p"] += 1
                blocks.append(paragraph(counters["p"], ""))
            elif table or sum(1 for *_, vm in cells if vm != "continue") >= 2:
                table.append((r, cells))
            else:
                _, _, text, _, bold, _ = next(c for c in cells if c[5] != "continue")
                counters["p"] += 1
                blocks.append(paragraph(counters["p"], text, bold=bold))
    return blocks


def read_xlsx(path: Path, rel: str, data: bytes | None = None) -> Document:
    """Read one .xlsx into blocks. Raises ``ReadError`` for files that cannot
    be read safely (corrupt, encrypted, too large, entity declarations)."""
    from ..files.spreadsheet import read_workbook  # openpyxl (and numpy with it): only when a workbook is read

    data = path.read_bytes() if data is None else data
    check_package(data, path.suffix, main="xl/workbook.xml", limit=MAX_WORKBOOK)
    return Document(rel, tuple(sheet_blocks(read_workbook(data))))
