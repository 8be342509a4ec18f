"""Excel drafts made by code, the way a division would type its draft in a
workbook: paragraphs (titles, ยุทธศาสตร์/แผนงาน headings) as one-cell rows,
each table below them with merged header cells, amounts typed as numbers,
dates as Excel dates, shaded month cells, and an empty row after a table.

``from_docx`` lays a Word draft out that way (the samples converted to .xlsx);
``Sheet`` writes one by hand in tests.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from pipeline.read.blocks import Paragraph, Table
from pipeline.read.docx import read_docx

SHADE = PatternFill("solid", fgColor="FFBFBFBF")
AMOUNT = re.compile(r"^\d{1,3}(,\d{3})*(\.\d{2})?$")


@dataclass
class X:
    """A cell: value, shading, merge across ``span`` columns and down ``down`` rows."""

    value: object = None
    fill: bool = False
    span: int = 1
    down: int = 1
    bold: bool = False


@dataclass
class Sheet:
    title: str = "ร่าง"
    rows: list[list[X | object]] = field(default_factory=list)

    def p(self, text: str, bold: bool = False) -> Sheet:
        self.rows.append([X(text, bold=bold)])
        return self

    def table(self, rows: list[list[X | object]]) -> Sheet:
        self.rows.extend(rows)
        self.rows.append([])  # a person leaves an empty row after a table
        return self


def typed(text: str) -> object:
    """What a person types into Excel for a cell's text: amounts as numbers."""
    t = text.strip()
    if AMOUNT.match(t) and ("," in t or "." in t or len(t) > 3):
        return Decimal(t.replace(",", ""))
    return text


def save(sheets: list[Sheet], path: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for spec in sheets:
        ws = wb.create_sheet(spec.title)
        covered: set[tuple[int, int]] = set()
        for r, cells in enumerate(spec.rows, start=1):
            c = 1
            for cell in cells:
                while (r, c) in covered:
                    c += 1
                x = cell if isinstance(cell, X) else X(cell)
                target = ws.cell(row=r, column=c)
                if x.value is not None and x.value != "":
                    target.value = x.value
                    if isinstance(x.value, dt.date):
                        target.number_format = "d mmmm yyyy"
                if x.fill:
                    target.fill = SHADE
                if x.bold:
                    target.font = Font(bold=True)
                if x.span > 1 or x.down > 1:
                    ws.merge_cells(start_row=r, start_column=c, end_row=r + x.down - 1, end_column=c + x.span - 1)
                    covered |= {(rr, cc) for rr in range(r, r + x.down) for cc in range(c, c + x.span)}
                c += x.span
    wb.save(path)
    return path


def _rows(table: Table) -> list[list[X]]:
    out: list[list[X]] = []
    for i, row in enumerate(table.rows):
        cells: list[X] = []
        col = 0
        for cell in row.cells:
            if cell.vmerge == "continue":
                col += cell.span
                continue  # covered by the merge started above
            while col < cell.col:
                cells.append(X())
                col += 1
            down = 1
            if cell.vmerge == "restart":
                for below in table.rows[i + 1 :]:
                    c = below.cell_at(cell.col)
                    if c is None or c.vmerge != "continue":
                        break
                    down += 1
            cells.append(X(typed(cell.text), cell.fill, cell.span, down))
            col += cell.span
        out.append(cells)
    return out


def from_docx(source: Path, target: Path) -> Path:
    """The Word draft ``source`` typed into a workbook, one sheet."""
    sheet = Sheet()
    for block in read_docx(source, source.name).blocks:
        if isinstance(block, Paragraph):
            sheet.p(block.text, block.bold)
        else:
            sheet.table(_rows(block))
    return save([sheet], target)
