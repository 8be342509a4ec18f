"""The one module that talks to openpyxl: read a workbook's cells (values,
merges, fills, bold) and write simple sheets with a frozen header and a filter.

What the values mean (amounts, Thai dates, blocks) is decided elsewhere; this
module only moves cells between .xlsx and plain Python values.
"""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.styles.numbers import BUILTIN_FORMATS_MAX_SIZE, BUILTIN_FORMATS_REVERSE
from openpyxl.utils import get_column_letter

Value = str | int | float | Decimal | date | datetime | bool | None

WHITE = {"FFFFFFFF", "00FFFFFF", "FFFFFF"}
MAX_ROWS = 20_000  # far above any plan; a sheet claiming more is cut, never a hang
MAX_COLUMNS = 64


@dataclass(frozen=True)
class SheetCell:
    value: Value
    fill: bool = False
    bold: bool = False


@dataclass
class SheetData:
    title: str
    cells: dict[tuple[int, int], SheetCell] = field(default_factory=dict)  # (row, col), 1-based
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col, max_row, max_col
    max_row: int = 0
    max_col: int = 0


def _filled(cell) -> bool:
    fill = cell.fill
    if fill is None or fill.fill_type in (None, "none"):
        return False
    colour = fill.fgColor
    if colour is None:
        return True
    if colour.type == "rgb":
        return str(colour.rgb).upper() not in WHITE
    if colour.type == "theme":
        # theme 0 is "White, Background 1": a cell filled white to clear it, unless darkened by a tint
        return not (colour.theme == 0 and (colour.tint or 0) > -0.05)
    if colour.type == "indexed":
        return colour.indexed not in (9, 64)  # white, and the system background
    return True


def read_workbook(data: bytes) -> list[SheetData]:
    """Every visible sheet's non-empty or shaded cells, with merges. Formulas
    give the value Excel saved with them (``data_only``)."""
    wb = load_workbook(io.BytesIO(data), data_only=True, rich_text=False)
    sheets: list[SheetData] = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        sheet = SheetData(ws.title)
        for row in ws.iter_rows(min_row=1, max_row=min(ws.max_row, MAX_ROWS), max_col=min(ws.max_column, MAX_COLUMNS)):
            for c in row:
                value = c.value
                fill = _filled(c)
                if (value is None or value == "") and not fill:
                    continue
                bold = bool(c.font is not None and c.font.b)
                sheet.cells[(c.row, c.column)] = SheetCell(value, fill, bold)
                sheet.max_row, sheet.max_col = max(sheet.max_row, c.row), max(sheet.max_col, c.column)
        for rng in ws.merged_cells.ranges:
            if rng.min_row <= MAX_ROWS and rng.min_col <= MAX_COLUMNS:
                sheet.merges.append((rng.min_row, rng.min_col, min(rng.max_row, MAX_ROWS), min(rng.max_col, MAX_COLUMNS)))
        sheets.append(sheet)
    wb.close()
    return sheets


@dataclass(frozen=True)
class Column:
    title: str
    width: float = 12
    number_format: str | None = None  # e.g. "#,##0.00"
    centre: bool = False


@dataclass(frozen=True)
class OutSheet:
    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Value]]
    bold_rows: frozenset[int] = frozenset()  # 0-based indices into rows (group and total rows)


HEADER_FILL = PatternFill("solid", fgColor="FFDDE5F0")


def _safe(value: Value) -> Value:
    """Text from a draft stays text: no control character openpyxl refuses."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


class _StyleIds:
    """Each style's number in the workbook's lists, looked up once per style.
    Assigning ``cell.font`` hashes the Font again at every cell (most of the
    time of a 10,000-row sheet); setting the number in the cell's StyleArray
    gives the same cell. A style is added to its list when first used, as the
    assignment would add it, so the numbers (and styles.xml) are the same."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self.known: dict[tuple[str, int], int] = {}
        self.keep: list[object] = []  # the styles keyed by id() stay alive while their ids are in use

    def __call__(self, collection: str, style: object) -> int:
        key = (collection, id(style))
        n = self.known.get(key)
        if n is None:
            n = self.known[key] = getattr(self.wb, collection).add(style)
            self.keep.append(style)
        return n

    def number_format(self, fmt: str) -> int:
        if fmt in BUILTIN_FORMATS_REVERSE:
            return BUILTIN_FORMATS_REVERSE[fmt]
        return self("_number_formats", fmt) + BUILTIN_FORMATS_MAX_SIZE


def _style(cell) -> StyleArray:
    if cell._style is None:
        cell._style = StyleArray()
    return cell._style


def _fill_sheet(ws, spec: OutSheet, ids: _StyleIds, bold: Font, plain: Font) -> None:
    """The header row, the rows, and each column's number format, centring and font."""
    ws.append([c.title for c in spec.columns])
    cells = ws._cells  # (row, column) → cell: ws.cell() validates its arguments at every call
    for i, values in enumerate(spec.rows):
        ws.append([_safe(v) for v in values])
        row = [cells[(i + 2, n)] for n in range(1, len(values) + 1)]
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
        if i in spec.bold_rows:
            for cell in row:
                _style(cell).fontId = ids("_fonts", bold)
    last_row, last_col = ws.max_row, ws.max_column  # each counts every cell of the sheet: once
    header_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for n in range(1, last_col + 1):
        style = _style(ws.cell(row=1, column=n))
        style.fontId, style.fillId = ids("_fonts", bold), ids("_fills", HEADER_FILL)
        style.alignmentId = ids("_alignments", header_align)
    centre, fonts = Alignment(horizontal="center"), ws.parent._fonts
    for n, col in enumerate(spec.columns, start=1):
        fmt = ids.number_format(col.number_format) if col.number_format else None
        for r in range(2, last_row + 1):
            cell = cells.get((r, n)) or ws.cell(row=r, column=n)
            style = _style(cell)
            if fmt is not None:
                style.numFmtId = fmt
            if col.centre:
                style.alignmentId = ids("_alignments", centre)
            if not fonts[style.fontId].b:
                style.fontId = ids("_fonts", plain)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """openpyxl makes several objects a cell, none of them garbage before the
    workbook is: the cycle collector would walk them all again and again
    (a quarter of the time of 10,000 rows). It runs as before afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def workbook_bytes(sheets: Sequence[OutSheet], font: str = "TH Sarabun New") -> bytes:
    """Sheets with a bold header row, frozen below it, and an autofilter over
    the data. A text that starts with "=" is kept as text, never a formula
    (a project name cannot run anything in Excel)."""
    with _collector_paused():
        return _workbook_bytes(sheets, font)


def _workbook_bytes(sheets: Sequence[OutSheet], font: str) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    bold, plain = Font(name=font, size=14, bold=True), Font(name=font, size=14)
    ids = _StyleIds(wb)
    for spec in sheets:
        ws = wb.create_sheet(spec.title)
        _fill_sheet(ws, spec, ids, bold, plain)
        for n, col in enumerate(spec.columns, start=1):
            ws.column_dimensions[get_column_letter(n)].width = col.width
        ws.row_dimensions[1].height = 54  # three lines of a wrapped Thai heading
        # printed: A4 landscape, every column on the page, the header row on each page
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.print_title_rows = "1:1"
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{max(ws.max_row, 2)}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def with_comments(data: bytes, notes: Sequence[tuple[str, int, int, str]], author: str, macros: bool = False) -> bytes:
    """A copy of the workbook with a cell comment per (sheet, row, column, text),
    1-based; a cell that has a comment already gets ours after it."""
    from openpyxl.comments import Comment

    wb = load_workbook(io.BytesIO(data), keep_vba=macros, rich_text=True)
    for title, row, col, text in notes:
        cell = wb[title].cell(row=row, column=col)
        before = cell.comment.text + "\n\n" if cell.comment is not None else ""
        comment = Comment(_safe(before + text), author)
        comment.width, comment.height = 360, 200  # pixels: a Thai message and its fix readable without resizing
        cell.comment = comment
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
