"""Blocks → the neutral model (Plan).

Decides what each table and paragraph is by its content, not by file name;
carries ยุทธศาสตร์/แผนงาน headings down to the rows below them (per file);
collects the introduction; counts what became of every row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..core.domain import program_key, strategy_key, strategy_number
from ..core.model import FileInfo, IntroBlock, Kind, Notice, Plan, Profile, Project, Source, YearMention
from ..core.thai import fiscal_years_in, key
from ..read import Document, Paragraph, ReadError, ReadResult, Table
from .arrows import crossed, row_at, span
from .collect import Collector, Context, OpenRows
from .columns import Layout, find_layout, nearest_header
from .headings import apply_heading
from .projects import extract_projects
from .reference import data_rows, extract_devplan, extract_ordinance, extract_profile, extract_strategy_map, profile_rows
from .units import devplan_units, draft_division
from .years import outside_year


@dataclass
class FileState:
    """What the walk through one file carries from block to block."""

    intro: bool = False  # inside the introduction chapter
    title: list[str] = field(default_factory=list)  # paragraphs since the previous table
    doc_title: list[str] = field(default_factory=list)  # the document's opening lines
    tables: int = 0  # top-level tables seen
    last: tuple[str, Layout, int] | None = None  # (kind, layout, width) of the last project table
    open_rows: OpenRows = field(default_factory=OpenRows)  # rows a "รวม" row further down may close
    project_tables: dict[int, tuple[Table, Layout]] = field(default_factory=dict)  # by table index
    headed: set[str] = field(default_factory=set)  # heading kinds typed since the previous table
    unknown: set[str] = field(default_factory=set)  # keys of the unknown column headers already reported
    equipment: Context | None = None  # the context of the last equipment table (for its continuation)


def classify(table: Table, title: str, doc_title: str = "") -> tuple[str | None, Layout | None]:
    """ "profile" | "strategy" | "devplan" | "ordinance" | "project" | "equipment"
    | "summary" (a ผด.01: derived from the projects, read but not used) | None.
    ``title`` is the text since the previous table; ``doc_title`` the document's
    opening lines (a list split into several tables keeps its title)."""
    if profile_rows(table) >= 2:
        return "profile", None
    layout = find_layout(table)
    if layout is None:
        return None, None
    f, t = layout.fields, key(title)
    whole = t + key(doc_title)
    has_name, has_budget = layout.name_col is not None, "budget" in f or bool(layout.year_cols)
    schedule = bool(layout.months) or bool(layout.quarters) or "period" in f
    titled = whole + key(layout.header_text)
    enacted = "ข้อบัญญัติ" in titled or "เทศบัญญัติ" in titled
    if has_name and len(layout.year_cols) >= 2 and enacted and not schedule and "แผนพัฒนา" not in whole:
        return "ordinance", _newest_year(layout)
    if has_name and (len(layout.year_cols) >= 2 or (("แผนพัฒนา" in whole or "ผ02" in whole) and not schedule)):
        return "devplan", layout
    if has_name and has_budget and not schedule and enacted:
        return "ordinance", layout
    if has_name and has_budget:
        equipment = "ครุภัณฑ์" in key(layout.header_text) or "ครุภัณฑ์" in t or "ผด021" in t
        return ("equipment" if equipment else "project"), layout
    if "strategy" in f and "program" in f and not has_budget:
        return "strategy", layout
    if has_budget and not has_name and "ร้อยละ" in key(layout.header_text):
        return "summary", layout
    return None, layout


def _newest_year(layout: Layout) -> Layout:
    """An ordinance printing the year before beside the year enacted ("ประมาณการปี 2569 | … 2570"):
    the newest year's column is what the council enacted."""
    dated = [(int(label), col) for label, col in layout.year_cols if label.isdigit()]
    col = max(dated)[1] if dated else layout.year_cols[-1][1]
    return replace(layout, fields={**layout.fields, "budget": col}, year_cols=[])


def _unwrap(table: Table) -> list[Table]:
    """A one-cell layout table around real tables gives the tables inside."""
    cells = [c for r in table.rows for c in r.cells]
    if len(cells) == 1 and cells[0].tables:
        return [Table(table.index, t.rows) for t in cells[0].tables]
    return [table]


def _continued(table: Table, state: FileState) -> tuple[str | None, Layout | None]:
    """A table with no header that has the width of the project table before
    it in the same file: the same table, split (Word users split long tables)."""
    last = state.last
    if last is None or last[2] != table.width or not table.rows:
        return None, None
    kind, layout, _ = last
    return kind, replace(layout, header_rows=[-1], year_cols=[], years=[], continued=True)


def _same_header(state: FileState, kind: str, layout: Layout) -> bool:
    """The table before in this file was of ``kind`` under the same header."""
    return state.last is not None and state.last[0] == kind and state.last[1].header_text == layout.header_text


def _table(doc: Document, table: Table, title: str, ctx: Context, out: Collector, state: FileState) -> None:
    kind, layout = classify(table, title, " ".join(state.doc_title))
    if kind == "project" and layout is not None and _same_header(state, "equipment", layout):
        kind = "equipment"  # the next table of a ผด.02/1 under another heading: its header, not its title, says so
    if kind is None:
        kind, layout = _continued(table, state)
    src = Source(doc.path, table.index)
    if kind is None:
        if not any(r.texts for r in table.rows):
            out.notice("empty-table", src, kind="empty")
        else:
            out.notice("unknown-table", src, " | ".join(table.rows[0].texts)[:120] if table.rows else "")
        return
    out.kinds.add(kind)
    out.rows.tables += 1
    if kind == "profile":
        extract_profile(doc.path, table, out)
        return
    assert layout is not None
    headers = 0 if layout.continued else len(layout.header_rows)
    out.rows.rows += headers
    out.rows.header += headers
    if kind in ("project", "equipment"):
        _project_table(doc, table, "equipment" if kind == "equipment" else "project", layout, ctx, out, state)
    elif kind == "strategy":
        extract_strategy_map(doc.path, table, layout, out)
    elif kind == "ordinance":
        extract_ordinance(doc.path, table, layout, ctx, out)
    elif kind == "devplan":
        extract_devplan(doc.path, table, layout, out)
    elif kind == "summary":
        for _ in data_rows(table, layout, out):
            out.rows.references += 1


def _project_table(
    doc: Document, table: Table, kind: Kind, layout: Layout, ctx: Context, out: Collector, state: FileState
) -> None:
    if layout.years:  # the month header's "พ.ศ. N-1 / พ.ศ. N" (a ผ.02's years are not fiscal years)
        text = " / ".join(f"พ.ศ. {y}" for y in layout.years)
        out.years.append(YearMention(max(layout.years), text, Source(doc.path, table.index, layout.header_rows[-1] + 1)))
    rows_ctx = _equipment_context(ctx, layout, state) if kind == "equipment" else ctx
    # A table that repeats the header of the one before (a form set out as a table per
    # แผนงาน, each heading its pages) goes on with its list: its "รวมทั้งสิ้น" closes them all.
    same_list = _same_header(state, kind, layout)
    state.last = (kind, layout, table.width)
    state.project_tables[table.index] = (table, layout)
    if not layout.continued and not same_list:
        state.open_rows = OpenRows()
    if layout.data_start >= len(table.rows):
        out.notice("empty-table", Source(doc.path, table.index), kind="header-only")
    if not layout.continued:
        _unknown_columns(doc.path, table, layout, out, state)
    before = len(out.projects)
    extract_projects(doc.path, table, layout, rows_ctx, out, kind, state.open_rows, doc.page_left)
    if "unit" not in layout.fields:
        unit = draft_division(state.doc_title, doc.path)
        for i in range(before, len(out.projects)):
            if unit:
                out.projects[i] = replace(out.projects[i], unit=unit)
            else:
                out.unitless.append(i)


def _unknown_columns(path: str, table: Table, layout: Layout, out: Collector, state: FileState) -> None:
    """One warning per header per file: the same extra column in every table of a draft is one choice."""
    row = table.rows[layout.header_rows[0]].index
    for label, (_, unknown) in layout.extra.items():
        if unknown and key(label) not in state.unknown:
            state.unknown.add(key(label))
            out.notice("unknown-column", Source(path, table.index, row, column=label), label, suggest=nearest_header(label))


def _paragraph(doc: Document, p: Paragraph, state: FileState, ctx: Context, out: Collector) -> None:
    text = p.text
    if not text:
        return
    k = key(text)
    if k == "ส่วนที่1" or re.fullmatch(r"(ส่วนที่1|บทที่1|1)?บทนำ", k):
        state.intro = True
        out.kinds.add("intro")
        return
    if k.startswith("ส่วนที่"):
        state.intro = False
    if state.intro:
        typed = p.raw if p.raw.strip() != text else ""
        out.intro.append(IntroBlock(text, Source(doc.path, paragraph=p.index), p.style, p.outline is not None or p.bold, typed))
        return
    state.title.append(text)
    if not state.tables and len(state.doc_title) < 3:
        state.doc_title.append(text)
    for year, phrase in fiscal_years_in(text):
        out.years.append(YearMention(year, phrase, Source(doc.path, paragraph=p.index)))
    kind = apply_heading(text, ctx, Source(doc.path, paragraph=p.index), bare=True)
    if kind:
        state.headed.add(kind)


def _equipment_context(ctx: Context, layout: Layout, state: FileState) -> Context:
    """An equipment list is grouped by แผนงาน, never under the strategy of the
    project table before it: only headings typed since that table count (the
    strategy then comes from the map, through the แผนงาน); a list split at a
    page break (its header typed again or not) keeps its first part's context."""
    follows = state.last is not None and state.last[0] == "equipment" and not state.headed
    if (layout.continued or follows) and state.equipment is not None:
        return state.equipment
    local = Context()
    if "strategy" in state.headed:
        local.strategy, local.strategy_at = ctx.strategy, ctx.strategy_at
    if state.headed:  # a strategy heading alone clears the แผนงาน; one typed after it is fresh
        local.program, local.program_at = ctx.program, ctx.program_at
    state.equipment = local
    return local


def extract_document(doc: Document, out: Collector) -> None:
    ctx = Context()
    state = FileState()
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            _paragraph(doc, block, state, ctx, out)
            continue
        state.intro = False
        state.tables += 1
        for table in _unwrap(block):
            _table(doc, table, " ".join(state.title), ctx, out, state)
        state.title, state.headed = [], set()
    _loose_arrows(doc, state, out)


def _loose_arrows(doc: Document, state: FileState, out: Collector) -> None:
    """Arrows anchored in the paragraph just before or after a project table:
    the row through the rows' set heights, the months through the columns."""
    blocks = doc.blocks
    for i, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or not block.shapes:
            continue
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        before = blocks[i - 1] if i > 0 else None
        if isinstance(after, Table) and after.index in state.project_tables:
            table, above = after, True
        elif isinstance(before, Table) and before.index in state.project_tables:
            table, above = before, False
        else:
            continue  # a drawing away from any project table (a logo, a signature line)
        table, layout = state.project_tables[table.index]
        for shape in block.shapes:
            row = row_at(table, shape.y, above) if shape.y is not None else None
            extent = span(table, None, shape, doc.page_left)
            months = crossed(layout, table, *extent) if extent and row is not None else set()
            project = _project_at(out, doc.path, table.index, row.index) if row is not None else None
            if not months or project is None:
                out.notice("unreadable-arrow", Source(doc.path, table.index), kind="outside", paragraph=str(block.index))
                continue
            i_p, p = project
            out.projects[i_p] = replace(p, months=tuple(sorted(set(p.months) | months)))


def _project_at(out: Collector, path: str, table: int, row: int) -> tuple[int, Project] | None:
    """The record a table row belongs to (a continuation row: the project above)."""
    best = None
    for i, p in enumerate(out.projects):
        s = p.source
        if s.file == path and s.table == table and s.row is not None and s.row <= row:
            best = (i, p)
    return best


def _canonical_strategies(out: Collector) -> None:
    """Spell each project's strategy as the strategy map does; a strategy
    known only by its number is the map's strategy of that number. A record
    that names only its แผนงาน (equipment lists are grouped by แผนงาน, never
    by strategy) takes the one strategy the map puts that แผนงาน under; under
    several it stays open, for unknown-strategy to ask which."""
    by_key = {strategy_key(s.strategy): s.strategy for s in out.strategies}
    ordered = list(dict.fromkeys(s.strategy for s in out.strategies))
    under: dict[str, set[str]] = {}
    for s in out.strategies:
        under.setdefault(program_key(s.program), set()).add(s.strategy)
    for i, p in enumerate(out.projects):
        number = strategy_number(p.strategy)
        if number is not None:
            name = ordered[number - 1] if 0 < number <= len(ordered) else None
        elif not p.strategy and p.program:
            owners = under.get(program_key(p.program), set())
            name = next(iter(owners)) if len(owners) == 1 else None
        else:
            name = by_key.get(strategy_key(p.strategy)) if p.strategy else None
        if name and name != p.strategy:
            out.projects[i] = replace(p, strategy=name)


def _conflicting_profiles(out: Collector) -> None:
    """Exactly one plan: a second profile naming another organisation or fiscal
    year means another plan's drafts (the shipped samples, say) are mixed in."""
    if not out.profiles:
        return
    first = out.profiles[0]
    for other in out.profiles[1:]:
        org = other.org_name and first.org_name and key(other.org_name) != key(first.org_name)
        year = other.fiscal_year and first.fiscal_year and other.fiscal_year != first.fiscal_year
        if (org or year) and other.source is not None and first.source is not None:
            out.notice(
                "conflicting-profile",
                other.source,
                other.org_name,
                file=other.source.file,
                org=other.org_name or "-",
                year=str(other.fiscal_year or "-"),
                first_file=first.source.file,
                first_org=first.org_name or "-",
                first_year=str(first.fiscal_year or "-"),
            )


def unreadable(rel: str, err: ReadError) -> Notice:
    """The ``unreadable-file`` notice of a file the reader refused (a draft, or a filled status form)."""
    return Notice("unreadable-file", Source(rel), facts=(("kind", err.kind), *err.facts.items()))


def extract(result: ReadResult) -> Plan:
    out = Collector()
    files: list[FileInfo] = []
    kinds: set[str] = set()
    for doc in result.docs:
        tables_before, out.kinds = out.rows.tables, set()
        extract_document(doc, out)
        kinds |= out.kinds
        files.append(
            FileInfo(
                doc.path,
                out.rows.tables - tables_before,
                tuple(sorted(out.kinds)),
                doc.tracked_changes,
                doc.comments,
                converted_from=doc.converted_from,
            )
        )
    for rel, err in result.errors:
        files.append(FileInfo(rel, note="อ่านไม่ได้"))
        out.notices.append(unreadable(rel, err))
    for rel, note in result.skipped:
        files.append(FileInfo(rel, note=note))
    _canonical_strategies(out)
    devplan_units(out.projects, out.unitless, out.devplan)
    _conflicting_profiles(out)
    outside_year(out, out.profiles[0].fiscal_year if out.profiles else None)
    profile = out.profiles[0] if out.profiles else Profile()
    stats = out.rows.stats(files=len(result.docs))
    return Plan(
        profile=profile,
        intro=tuple(out.intro),
        projects=tuple(out.projects),
        strategies=tuple(out.strategies),
        ordinance=tuple(out.ordinance),
        devplan=tuple(out.devplan),
        totals=tuple(out.totals),
        years=tuple(out.years),
        files=tuple(sorted(files, key=lambda f: f.path)),
        notices=tuple(out.notices),
        stats=stats,
        has_ordinance="ordinance" in kinds,
        has_devplan="devplan" in kinds,
        has_strategy_map="strategy" in kinds,
    )
