"""Project and equipment tables (ผด.02-like, ผด.02/1-like) → Project records.

Each data row becomes exactly one of: a project, a continuation of the project
above (empty seq and no budget: wrapped text), a heading (a full-width merged
row or a lone "ยุทธศาสตร์…"/"แผนงาน…" cell that sets the context for the rows
below), a total ("รวม…": kept for the totals check, never a project), or a
skipped row with a finding that says why.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from ..core.domain import is_grand_total, is_total, program_name, strategy_name
from ..core.model import Kind, Project, Source, StatedTotal
from ..core.thai import arabic_digits, dated_months, parse_amount, parse_period, quarter_months
from ..read import Row, Table
from .arrows import row_shapes
from .collect import Collector, Context, Dated, OpenRows
from .columns import Layout, header_like, label_field
from .headings import apply_heading, heading_of

TEXT_FIELDS = ("name", "activity", "location", "unit", "source")


def cell_text(table: Table, pos: int, col: int | None) -> str:
    """Text at grid column ``col`` of row ``pos``; a vertically merged cell
    gives the text of the cell it continues."""
    if col is None:
        return ""
    for p in range(pos, -1, -1):
        cell = table.rows[p].cell_at(col)
        if cell is None:
            return ""
        if cell.vmerge != "continue":
            return cell.text
    return ""


def _own(row: Row, col: int | None, typed: bool = False) -> str:
    if col is None:
        return ""
    cell = row.cell_at(col)
    if cell is None or cell.vmerge == "continue":
        return ""  # a vertically merged continuation has no text of its own
    return cell.raw if typed else cell.text


def own_text(row: Row, col: int | None) -> str:
    """The cell's own text, normalised."""
    return _own(row, col)


FIELD_NAMES = {"name": "name", "activity": "activity", "location": "location", "unit": "unit", "source": "source_of_funds"}


def _original(row: Row, layout: Layout, values: dict[str, str]) -> tuple[tuple[str, str], ...]:
    out = []
    for name in TEXT_FIELDS:
        raw = _own(row, layout.name_col if name == "name" else layout.fields.get(name), typed=True).strip()
        if raw != values[name]:
            out.append((FIELD_NAMES[name], raw))
    return tuple(out)


def _marked(row: Row, col: int) -> bool:
    cell = row.cell_at(col)
    return cell is not None and cell.vmerge != "continue" and (cell.fill or bool(cell.text.strip()))


def row_months(row: Row, layout: Layout, table: Table, page_left: int) -> tuple[set[int], bool]:
    """Fiscal months marked in a row — marks or shading in month or quarter
    columns, and drawn arrows by their extent — and whether a drawn shape's
    extent could not be read."""
    out = {month for month, col in layout.months.items() if _marked(row, col)}
    for q, col in layout.quarters.items():
        if _marked(row, col):
            out.update(quarter_months(q))
    drawn, unclear = row_shapes(row, layout, table, page_left)
    return out | drawn, unclear


def _merged_heading(row: Row, width: int) -> tuple[str, bool] | None:
    """The text of a heading row and whether it spans the table (a lone
    narrow cell is a heading only when it names a ยุทธศาสตร์ or แผนงาน)."""
    cells = [c for c in row.cells if c.vmerge != "continue" and c.text.strip()]
    if len(cells) != 1:
        return None
    wide = cells[0].span >= max(2, width // 2)
    return (cells[0].text, wide) if wide or heading_of(cells[0].text) else None


LONG_CELL = 1500  # characters; a real project cell is far shorter


def _odd_cells(row: Row, src: Source, out: Collector) -> None:
    """Nested tables are not read; very long cells are usually pasted by mistake."""
    for cell in row.cells:
        if cell.tables:
            out.notice("nested-table", src, " | ".join(t for tb in cell.tables for r in tb.rows for t in r.texts)[:120])
        if len(cell.raw) > LONG_CELL:
            out.notice("long-cell", src, cell.raw[:80] + "…", length=f"{len(cell.raw):,}")


class _Cells(NamedTuple):
    """What a data row's own cells say, read once."""

    values: dict[str, str]  # TEXT_FIELDS → text
    seq: str
    budget_raw: str
    period: str
    extra: tuple[tuple[str, str], ...]  # (header, text) of the columns kept but not read


# A division without a ที่ column numbers its names: "1.1.1 โครงการ…", "2. โครงการ…", "(3) โครงการ…"
_NUMBERED = re.compile(
    r"^(?:\(?[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,3})*[.)]|[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,3})+)\s*(?=[\u0e01-\u0e2e\u0e40-\u0e44])"
)


def _cells(row: Row, layout: Layout) -> _Cells:
    f = layout.fields
    values = {name: own_text(row, layout.name_col if name == "name" else f.get(name)) for name in TEXT_FIELDS}
    values["name"] = _NUMBERED.sub("", values["name"], count=1)  # the plan numbers its rows itself
    seq, budget_raw = arabic_digits(own_text(row, f.get("seq"))), own_text(row, f.get("budget"))
    extra = tuple((label, text) for label, (col, _) in layout.extra.items() if (text := own_text(row, col)))
    return _Cells(values, seq, budget_raw, own_text(row, f.get("period")), extra)


def extract_projects(
    path: str,
    table: Table,
    layout: Layout,
    ctx: Context,
    out: Collector,
    kind: Kind,
    open_rows: OpenRows,
    page_left: int = 1440,
) -> None:
    _title_rows(table, layout, out)
    last: int | None = None  # index in out.projects of the project above
    for pos in range(layout.data_start, len(table.rows)):
        row = table.rows[pos]
        src = Source(path, table.index, row.index)
        texts = row.texts
        if row.deleted:
            out.rows.deleted += 1
            continue
        months, unclear = row_months(row, layout, table, page_left)
        if not texts and not months:
            continue
        out.rows.rows += 1
        _odd_cells(row, src, out)
        if _not_a_project(row, texts, src, table, layout, ctx, out, open_rows):
            continue
        _context_columns(table, pos, layout, ctx, src)
        cells = _cells(row, layout)
        if unclear:
            out.notice("unreadable-arrow", src, texts[0] if texts else "")
        if not cells.seq and not cells.budget_raw and last is not None:
            out.projects[last] = _continued(out.projects[last], row, layout, cells, months)
            _dated(out, last, layout, months, cells.period, src)
            out.rows.continuations += 1
            continue
        if not cells.seq and not cells.budget_raw and not cells.values["name"]:
            out.rows.skipped += 1
            out.notice("skipped-row", src, " | ".join(texts)[:120])
            continue
        out.projects.append(_project(row, layout, cells, months, src, ctx, kind))
        last = len(out.projects) - 1
        _dated(out, last, layout, months, cells.period, src)
        open_rows.pending.append((table.index, row.index))
        open_rows.table.append((table.index, row.index))
        out.rows.records += 1


def _dated(out: Collector, record: int, layout: Layout, months: set[int], period: str, src: Source) -> None:
    """Keep the year of each month the row names with one (checked once the plan's year is known)."""
    for m in sorted(months & layout.month_years.keys()):
        year, words = layout.month_years[m]
        out.dated.append(Dated(record, m, year, words, True, src))
    out.dated.extend(Dated(record, m, year, words, False, src) for m, year, words in dated_months(period))


def _title_rows(table: Table, layout: Layout, out: Collector) -> None:
    """A title row above the header is counted as a heading."""
    for pos in range(min(layout.header_rows)):
        if table.rows[pos].texts:
            out.rows.rows += 1
            out.rows.headings += 1


def _not_a_project(
    row: Row, texts: list[str], src: Source, table: Table, layout: Layout, ctx: Context, out: Collector, open_rows: OpenRows
) -> bool:
    """A total (kept for the totals check), the header typed again further
    down, or a heading (which sets the context): True when the row is one."""
    budget = own_text(row, layout.fields.get("budget"))
    first = texts[0] if texts else ""
    if is_total(first):
        raw = budget or next((t for t in texts[1:] if parse_amount(t).ok), "")
        amount = parse_amount(raw)
        closed = open_rows.table if is_grand_total(first) else open_rows.pending
        out.totals.append(StatedTotal(first, amount.value if amount.ok else None, raw, tuple(closed), src))
        open_rows.pending = []
        out.rows.totals += 1
        return True
    if header_like(row) and len({label_field(t) for t in texts} - {None}) >= 2:
        out.rows.header += 1
        return True
    heading = _merged_heading(row, table.width)
    if heading is not None and not parse_amount(budget).ok:
        apply_heading(heading[0], ctx, src, bare=heading[1])
        out.rows.headings += 1
        return True
    return False


def _context_columns(table: Table, pos: int, layout: Layout, ctx: Context, src: Source) -> None:
    """ยุทธศาสตร์/แผนงาน given in columns of their own (merged down the rows they cover)."""
    f = layout.fields
    if "strategy" in f and cell_text(table, pos, f["strategy"]):
        ctx.strategy = strategy_name(cell_text(table, pos, f["strategy"]))
        ctx.strategy_at = replace(src, column="ยุทธศาสตร์")
    if "program" in f and cell_text(table, pos, f["program"]):
        ctx.program = program_name(cell_text(table, pos, f["program"]))
        ctx.program_at = replace(src, column="แผนงาน")


def _continued(prev: Project, row: Row, layout: Layout, cells: _Cells, months: set[int]) -> Project:
    """The project above with a wrapped row's texts, months and period joined on."""
    joined = {
        n: (getattr(prev, a) + ("\n" if getattr(prev, a) and v else "") + v)
        for n, a, v in ((n, "source_of_funds" if n == "source" else n, cells.values[n]) for n in TEXT_FIELDS)
    }
    return replace(
        prev,
        name=joined["name"],
        activity=joined["activity"],
        location=joined["location"],
        unit=joined["unit"],
        source_of_funds=joined["source"],
        months=tuple(sorted(set(prev.months) | months | set(parse_period(cells.period)))),
        period=(prev.period + " " + cells.period).strip(),
        original=prev.original + _original(row, layout, cells.values),
        extra=_joined(prev.extra, cells.extra),
    )


def _joined(before: tuple[tuple[str, str], ...], more: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Kept columns with a wrapped row's texts joined on, line by line."""
    out = dict(before)
    for label, text in more:
        out[label] = f"{out[label]}\n{text}" if out.get(label) else text
    return tuple(out.items())


def _project(row: Row, layout: Layout, cells: _Cells, months: set[int], src: Source, ctx: Context, kind: Kind) -> Project:
    values, budget_raw = cells.values, cells.budget_raw
    amount = parse_amount(budget_raw)
    return Project(
        name=values["name"],
        budget=amount.value if amount.ok and "budget" in layout.fields and budget_raw.strip() else None,
        source=src,
        seq=cells.seq,
        activity=values["activity"],
        no_budget=amount.no_budget and bool(budget_raw.strip()),
        budget_raw=budget_raw,
        location=values["location"],
        unit=values["unit"],
        source_of_funds=values["source"] or (amount.note if amount.ok else ""),
        strategy=ctx.strategy,
        program=ctx.program,
        program_source=ctx.program_at,
        strategy_source=ctx.strategy_at,
        months=tuple(sorted(months | set(parse_period(cells.period)))),
        period=cells.period,
        kind=kind,
        original=_original(row, layout, cells.values),
        extra=cells.extra,
    )
