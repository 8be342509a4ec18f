"""Months named with a year outside the plan's fiscal year: "ต.ค. 69 – ธ.ค. 69"
in a plan for 2569 is next year's, and a month header "ต.ค. 68" in a plan for
2570 is the year before last. The reader keeps the year it read and says so,
never moving such a month into the plan's year: a period that reaches into
another year leaves the record without months, a month column of another year
without its marks, so the plan's month columns never show them (not even in a
draft)."""

from __future__ import annotations

from dataclasses import replace

from .collect import Collector, Dated


def _span(year: int) -> str:
    return f"ต.ค. {year - 1} – ก.ย. {year}"


def outside_year(out: Collector, year: int | None) -> None:
    """Notice every row whose period names a month of another fiscal year
    (one notice per row), and every table whose month headers do for rows
    marked under them (one per table, listing the headers and rows)."""
    if year is None:
        return
    # A header whose "พ.ศ." years are wrong is already fiscal-year-mismatch: not said twice.
    named = {(m.source.file, m.source.table) for m in out.years if m.year != year and m.source.table is not None}
    rows: dict[tuple[str, int | None, int | None], list[Dated]] = {}
    tables: dict[tuple[str, int | None], list[Dated]] = {}
    for d in out.dated:
        where = (d.source.file, d.source.table)
        if d.year == year or (d.header and where in named):
            continue
        if d.header:
            tables.setdefault(where, []).append(d)
        else:
            rows.setdefault((*where, d.source.row), []).append(d)
    for found in rows.values():  # a period that reaches into another year: none of its months is sure
        out.projects[found[0].record] = replace(out.projects[found[0].record], months=())
    for found in tables.values():  # a month column of another year: its marks only
        for d in found:
            p = out.projects[d.record]
            out.projects[d.record] = replace(p, months=tuple(m for m in p.months if m != d.month))
    for found in rows.values():
        first = found[0]
        words = ", ".join(dict.fromkeys(d.words for d in found))
        period = out.projects[first.record].period or words
        out.notice("period-outside-year", first.source, period, words=words, year=str(year), span=_span(year))
    for found in tables.values():
        first = found[0]
        headers = ", ".join(f'"{w}"' for w in dict.fromkeys(d.words for d in found))
        marked = ", ".join(str(r) for r in dict.fromkeys(d.source.row for d in found))
        out.notice(
            "period-outside-year",
            replace(first.source, column=first.words),
            first.words,
            kind="header",
            headers=headers,
            rows=marked,
            year=str(year),
            span=_span(year),
        )
