"""Word-shaped blocks: what the reader gives, before any interpretation.

Paragraphs and tables in document order. A table is a list of rows; a row a
list of cells, each placed on the table grid (``col`` and ``span`` from
gridSpan, ``vmerge`` "restart"/"continue" from vMerge). A vertically merged
cell's text lives only in its first ("restart") cell, as in Word's XML.

``text`` is what the rest of the pipeline reads: normalised once, as the
reader makes the block (:func:`cell` and :func:`paragraph`, the one place
text is cleaned); ``raw`` keeps the text as typed (for the typing checks and
the record's ``original``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..core.thai import clean
from .shapes import Shape


@dataclass(frozen=True)
class Paragraph:
    index: int  # 1-based among the body's top-level paragraphs
    text: str
    style: str = ""
    outline: int | None = None  # 0 = Heading 1
    bold: bool = False  # every run with text is bold (a typed heading)
    raw: str = ""  # as typed
    shapes: tuple[Shape, ...] = ()  # drawn shapes anchored here


@dataclass(frozen=True)
class Cell:
    text: str
    col: int  # first grid column, 0-based
    span: int = 1
    vmerge: str | None = None  # None | "restart" | "continue"
    fill: bool = False  # shaded (a Gantt bar)
    tables: tuple[Table, ...] = ()
    raw: str = ""  # as typed
    shapes: tuple[Shape, ...] = ()  # drawn shapes (arrows over months) anchored in the cell


@dataclass(frozen=True)
class Row:
    index: int  # 1-based, every row as a person counts them in Word
    cells: tuple[Cell, ...]
    deleted: bool = False  # a tracked deletion of the whole row
    header: bool = False  # marked "repeat as header row"
    height: int | None = None  # twips, when the row's height is set exactly or at least

    def cell_at(self, col: int) -> Cell | None:
        """The cell covering grid column ``col`` (a spanned cell covers several)."""
        for c in self.cells:
            if c.col <= col < c.col + c.span:
                return c
        return None

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells if c.vmerge != "continue" and c.text.strip()]


@dataclass(frozen=True)
class Table:
    index: int  # 1-based among the file's top-level tables
    rows: tuple[Row, ...]
    grid: tuple[int, ...] = ()  # column widths in twips (w:tblGrid)
    indent: int = 0  # twips from the margin to the table's left edge (w:tblInd)
    cell_margin: int = 108  # twips of a cell's left margin (Word's default 0.19 cm)

    @cached_property
    def width(self) -> int:
        return max((c.col + c.span for r in self.rows for c in r.cells), default=0)


@dataclass(frozen=True)
class Document:
    """One input file as blocks, with what the reader noticed about it."""

    path: str  # relative to inputs/
    blocks: tuple[Paragraph | Table, ...]
    tracked_changes: int = 0
    comments: int = 0
    converted_from: str = ""  # ".odt" etc. when LibreOffice converted it first
    page_left: int = 1440  # twips of the page's left margin (a shape placed relative to the page)


def cell(
    typed: str,
    col: int,
    span: int = 1,
    vmerge: str | None = None,
    fill: bool = False,
    tables: tuple[Table, ...] = (),
    shapes: tuple[Shape, ...] = (),
) -> Cell:
    """A cell as typed, its ``text`` normalised (``thai.clean``)."""
    return Cell(clean(typed), col, span, vmerge, fill, tables, typed, shapes)


def paragraph(
    index: int, typed: str, style: str = "", outline: int | None = None, bold: bool = False, shapes: tuple[Shape, ...] = ()
) -> Paragraph:
    """A paragraph as typed, its ``text`` normalised (``thai.clean``)."""
    return Paragraph(index, clean(typed), style, outline, bold, typed, shapes)
