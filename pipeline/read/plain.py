"""A draft as read, as plain data for the cache (see core/memo.py) and back.

The cache holds no objects of ours, only tuples of strings, numbers and None
in a fixed order, so reading it back cannot run anything; :func:`document`
rebuilds the blocks and checks every field's type on the way, so a damaged or
planted entry raises ``ValueError`` and the draft is read again.
"""

from __future__ import annotations

from typing import Any

from .blocks import Cell, Document, Paragraph, Row, Table
from .shapes import Shape

VERSION = 1  # the first item of every entry: a change of layout reads the drafts again
MAX_DEPTH = 24  # tables in tables kept (Word's own limit is far below marshal's)
VMERGE = (None, "restart", "continue")


def plain(doc: Document) -> tuple[Any, ...]:
    return (
        VERSION,
        doc.path,
        tuple(_block(b) for b in doc.blocks),
        doc.tracked_changes,
        doc.comments,
        doc.converted_from,
        doc.page_left,
    )


def _shape(s: Shape) -> tuple[Any, ...]:
    return (s.x, s.width, s.relative, s.y)


def _block(b: Paragraph | Table) -> tuple[Any, ...]:
    if isinstance(b, Paragraph):
        return ("p", b.index, b.text, b.style, b.outline, b.bold, b.raw, tuple(_shape(s) for s in b.shapes))
    return ("t", b.index, tuple(_row(r) for r in b.rows), b.grid, b.indent, b.cell_margin)


def _row(r: Row) -> tuple[Any, ...]:
    return (r.index, tuple(_cell(c) for c in r.cells), r.deleted, r.header, r.height)


def _cell(c: Cell) -> tuple[Any, ...]:
    tables = tuple(_block(t) for t in c.tables)
    return (c.text, c.col, c.span, c.vmerge, c.fill, tables, c.raw, tuple(_shape(s) for s in c.shapes))


# ---------------------------------------------------------------- back, checked


def _is(value: Any, *kinds: type) -> Any:
    """``value`` when its type is exactly one of ``kinds`` (a bool is no int here)."""
    if type(value) not in kinds:
        raise ValueError(f"{type(value).__name__} where {'/'.join(k.__name__ for k in kinds)} belongs")
    return value


def _tuple(value: Any, length: int | None = None) -> tuple[Any, ...]:
    if type(value) is not tuple or (length is not None and len(value) != length):
        raise ValueError("not a tuple of the right length")
    return value


def _ints(value: Any) -> tuple[int, ...]:
    return tuple(_is(v, int) for v in _tuple(value))


def _shapes(value: Any) -> tuple[Shape, ...]:
    out = []
    for item in _tuple(value):
        x, width, relative, y = _tuple(item, 4)
        out.append(Shape(_is(x, int, type(None)), _is(width, int, type(None)), _is(relative, str), _is(y, int, type(None))))
    return tuple(out)


def document(data: Any) -> Document:
    """The Document ``plain`` made ``data`` from; ValueError for anything else."""
    version, path, blocks, tracked, comments, converted, page_left = _tuple(data, 7)
    if version != VERSION:
        raise ValueError("another layout")
    return Document(
        _is(path, str),
        tuple(_block_of(b, 0) for b in _tuple(blocks)),
        _is(tracked, int),
        _is(comments, int),
        _is(converted, str),
        _is(page_left, int),
    )


def _block_of(data: Any, depth: int) -> Paragraph | Table:
    kind = _tuple(data)[:1]
    if kind == ("p",):
        _, index, text, style, outline, bold, raw, shapes = _tuple(data, 8)
        return Paragraph(
            _is(index, int),
            _is(text, str),
            _is(style, str),
            _is(outline, int, type(None)),
            _is(bold, bool),
            _is(raw, str),
            _shapes(shapes),
        )
    if kind == ("t",) and depth <= MAX_DEPTH:
        _, index, rows, grid, indent, margin = _tuple(data, 6)
        return Table(
            _is(index, int), tuple(_row_of(r, depth) for r in _tuple(rows)), _ints(grid), _is(indent, int), _is(margin, int)
        )
    raise ValueError("not a block")


def _row_of(data: Any, depth: int) -> Row:
    index, cells, deleted, header, height = _tuple(data, 5)
    return Row(
        _is(index, int),
        tuple(_cell_of(c, depth) for c in _tuple(cells)),
        _is(deleted, bool),
        _is(header, bool),
        _is(height, int, type(None)),
    )


def _cell_of(data: Any, depth: int) -> Cell:
    text, col, span, vmerge, fill, tables, raw, shapes = _tuple(data, 8)
    if vmerge not in VMERGE or type(vmerge) not in (str, type(None)):
        raise ValueError("not a vertical merge")
    inner = tuple(_block_of(t, depth + 1) for t in _tuple(tables))
    if not all(isinstance(t, Table) for t in inner):
        raise ValueError("a paragraph among a cell's tables")
    return Cell(_is(text, str), _is(col, int), _is(span, int), vmerge, _is(fill, bool), inner, _is(raw, str), _shapes(shapes))  # type: ignore[arg-type]
