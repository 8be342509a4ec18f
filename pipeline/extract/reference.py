"""Reference tables: the profile, the strategy map, the budget ordinance list
and the development-plan list (ผ.02). They say what the projects are checked
against; every row of them is counted like project rows are."""

from __future__ import annotations

from collections.abc import Iterator

from ..core.domain import (
    PROFILE_DATES,
    PROFILE_KEYS,
    is_total,
    nearest_profile_key,
    profile_field,
    program_name,
    strategy_name,
    strategy_no,
)
from ..core.model import DevPlanItem, OrdinanceLine, Profile, Source, StrategyLink
from ..core.thai import is_number_label, key, parse_amount, parse_date, year_of
from ..read import Row, Table
from .collect import Collector, Context
from .columns import Layout
from .headings import apply_heading
from .projects import cell_text, own_text


def _key_value(cells: list) -> tuple[str, str] | None:
    """(key, value) of a profile row: the first cell that is not a bare number
    ("1", "๑.") is the key, the cells after it the value."""
    texts = [c.text for c in cells]
    for i, text in enumerate(texts[:-1]):
        if text and not is_number_label(text):
            return text, " ".join(t for t in texts[i + 1 :] if t)
    return None


# A profile table's own header row ("หัวข้อ | ข้อมูล", as the README shows one): column titles, not a key.
_PROFILE_HEADERS = frozenset(
    key(w) for w in ("หัวข้อ", "ข้อมูล", "รายการ", "รายละเอียด", "เรื่อง", "ค่า", "ข้อความ", "ประเด็น", "คำอธิบาย", "ที่", "ลำดับ")
)


def _column_titles(texts: list[str]) -> bool:
    words = [key(x) for x in texts if x.strip()]
    return len(words) >= 2 and all(w in _PROFILE_HEADERS for w in words)


def profile_rows(table: Table) -> int:
    """How many rows of a table have a known profile key."""
    count = 0
    for r in table.rows:
        kv = _key_value([c for c in r.cells if c.vmerge != "continue"])
        count += bool(kv and profile_field(kv[0]))
    return count


def extract_profile(path: str, table: Table, out: Collector) -> None:
    values: dict[str, str] = {}
    rows: dict[str, int] = {}
    raw: list[tuple[str, str]] = []
    for row in table.rows:
        cells = [c for c in row.cells if c.vmerge != "continue"]
        if not any(c.text.strip() for c in cells):
            continue
        out.rows.rows += 1
        texts = [c.text for c in cells]
        if _column_titles(texts):
            out.rows.header += 1
            continue
        # "key | value" — or two pairs on one row: "key | value | key | value"
        pairs = [(texts[i], texts[i + 1]) for i in range(len(texts) - 1) if profile_field(texts[i])]
        if not pairs:
            kv = _key_value(cells)
            if kv is None:
                out.rows.headings += 1
                continue
            pairs = [kv]
            if kv[1]:
                out.notice("unknown-profile-key", Source(path, table.index, row.index), kv[0], suggest=nearest_profile_key(kv[0]))
        out.rows.references += 1
        for label, value in pairs:
            raw.append((label, value))
            name = profile_field(label)
            if name and name not in values:
                values[name] = value
                rows[name] = row.index
    src = Source(path, table.index)

    def date(name: str):
        d = parse_date(values.get(name, ""))
        if values.get(name) and d is None:
            out.notice("bad-date", Source(path, table.index, rows[name]), values[name])
        return d

    year = year_of(values.get("fiscal_year", ""))
    out.profiles.append(
        Profile(
            org_name=values.get("org_name", ""),
            district=values.get("district", ""),
            province=values.get("province", ""),
            fiscal_year=year,
            **{name: date(name) for name in PROFILE_DATES},
            signatory=values.get("signatory", ""),
            position=values.get("position", ""),
            revision=values.get("revision", ""),
            thai_digits=key(values.get("thai_digits", "")) in {"ใช่", "ใช้", "yes", "true", "1", "ตัวเลขไทย"},
            month_marks="arrow"
            if "ลูกศร" in values.get("month_marks", "") or "arrow" in values.get("month_marks", "")
            else "shade",
            source=src,
            present=tuple(n for n in PROFILE_KEYS if values.get(n)),
            raw=tuple(raw),
            rows=tuple(rows.items()),
        )
    )


def data_rows(table: Table, layout: Layout, out: Collector) -> Iterator[tuple[int, Row, list[str]]]:
    """The non-empty rows below the header, each counted as read."""
    for pos in range(layout.data_start, len(table.rows)):
        row = table.rows[pos]
        texts = row.texts
        if texts:
            out.rows.rows += 1
            yield pos, row, texts


def extract_strategy_map(path: str, table: Table, layout: Layout, out: Collector) -> None:
    f = layout.fields
    strategy, number = "", None
    for pos, row, _ in data_rows(table, layout, out):
        s = cell_text(table, pos, f["strategy"])
        if s:
            strategy, number = strategy_name(s), strategy_no(s)
        programs = [p for p in cell_text(table, pos, f["program"]).split("\n") if p.strip()]
        if not programs:
            out.rows.headings += 1
            continue
        for p in programs:
            out.strategies.append(StrategyLink(strategy, program_name(p), Source(path, table.index, row.index), number))
        out.rows.references += 1


def extract_ordinance(path: str, table: Table, layout: Layout, ctx: Context, out: Collector) -> None:
    f = layout.fields
    program = ctx.program  # a "แผนงาน…" heading above the table
    for pos, row, texts in data_rows(table, layout, out):
        src = Source(path, table.index, row.index)
        if is_total(texts[0]):
            out.rows.totals += 1
            continue
        p = cell_text(table, pos, f.get("program"))
        if p:
            program = program_name(p)
        name = own_text(row, f.get("name"))
        raw = own_text(row, f.get("budget"))
        if not name and not raw:
            local = Context(program=program)
            if len(texts) == 1 and apply_heading(texts[0], local):
                program = local.program
            out.rows.headings += 1
            continue
        amount = parse_amount(raw)
        if not amount.ok or amount.value is None:
            out.rows.skipped += 1
            out.notice("bad-amount", src, raw, kind="ordinance", suggest=amount.intended)
            continue
        out.ordinance.append(OrdinanceLine(program, name, amount.value, src, own_text(row, f.get("unit"))))
        out.rows.references += 1


def extract_devplan(path: str, table: Table, layout: Layout, out: Collector) -> None:
    f = layout.fields
    for _, row, texts in data_rows(table, layout, out):
        name = own_text(row, f.get("name"))
        if is_total(texts[0]):
            out.rows.totals += 1
            continue
        if not name or (len(texts) == 1 and apply_heading(texts[0], Context())):
            out.rows.headings += 1
            continue
        budgets = []
        for label, col in layout.year_cols:
            a = parse_amount(own_text(row, col))
            if a.ok and a.value is not None:
                budgets.append((label, a.value))
        out.devplan.append(DevPlanItem(name, Source(path, table.index, row.index), tuple(budgets), own_text(row, f.get("unit"))))
        out.rows.references += 1
