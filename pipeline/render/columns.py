"""Columns as wide as the widest number they print.

A template gives each column a fixed width; a plan of another size or with
Thai digits (a fifth wider than Arabic ones in TH Sarabun) prints amounts
that do not fit, and both programs then break a number over two lines. Each
column that prints numbers (a cell holding only a number) is widened to its widest, the
width taken from the widest text column of the same table (never more than
a quarter of it); where that is not enough, the numbers of that column are
set smaller, the last resort.

A column of short texts (units, places) is widened the same way, by up to
WORD_GROWTH, where its widest word does not fit ("สาธารณสุขฯ" in a unit
column of 66 pt): a word wider than its cell can only break inside.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from .linebreak import MARKS, width
from .measure import HEADER, Room, head, margin, q

NUMBER = re.compile(r"[-+(]?[0-9๐-๙][0-9๐-๙.,]*%?\)?")
DIGIT = re.compile("[0-9๐-๙]")
SLACK = 1.04  # what the line breaker keeps free too
MIN_SIZE = 10.0  # points: the smallest a number is set
DONOR_SHARE = 0.25
WORD_GROWTH = 1.3  # a column of short texts grows by at most this much for its widest word
SHORT = 30  # characters: a column whose texts average more is a column of sentences
SAMPLE = 400  # rows that tell which columns hold short texts
TC_W = f"{q('tcPr')}/{q('tcW')}"


T = q("t")
_NO_MARKS = dict.fromkeys(map(ord, MARKS))


def _text(tc: etree._Element) -> str:
    return "".join(tc.itertext(T, with_tail=False)).translate(_NO_MARKS).strip()


def _needed(tc: etree._Element, room: Room) -> float:
    """Points the cell's widest numeric line needs."""
    need = 0.0
    for p in tc.iter(q("p")):
        runs = [r for r in p.iter(q("r")) if r.find(q("t")) is not None]
        text = "".join(t.text or "" for r in runs for t in r.findall(q("t"))).strip()
        if text and runs:
            size, bold = room.font(runs[0], p)
            need = max(need, width(text, size, bold))
    return need * SLACK


def _cells(tbl: etree._Element, room: Room) -> list[tuple[int, etree._Element]]:
    """(column, cell) of every cell one grid column wide."""
    return [(col, tc) for tr in tbl.iterchildren(q("tr")) for col, span, tc in room.cells(tr) if span == 1]


def _with_digits(root: etree._Element) -> set[etree._Element]:
    """Every cell (nested ones too) with a digit in its text: only these can
    print a number, and most cells of a plan (its months) have none."""
    found: set[etree._Element] = set()
    for t in root.iter(T):
        if t.text and DIGIT.search(t.text):
            found.update(t.iterancestors(q("tc")))
    return found


Widest = Callable[[str, float, bool], float]  # the linebreaker's widest word of a text, in points


def fit(root: etree._Element, room: Room, widest: Widest | None = None) -> None:
    """Every table's columns fitted; tables of one form (the same grid: the
    ผด.02 table of each แผนงาน) get the same widths, as on a printed form."""
    digits = _with_digits(root)
    forms: dict[tuple[int, ...], list[etree._Element]] = {}
    for tbl in root.iter(q("tbl")):
        grid, _ = room.table(tbl)  # widened in place: the line breaker then measures the new widths
        if grid:
            forms.setdefault(tuple(grid), []).append(tbl)
    for tables in forms.values():
        numeric = _fit_numbers(tables, room, digits)
        if widest is not None:
            _fit_words(tables, numeric, room, widest)


def _fit_numbers(tables: list[etree._Element], room: Room, digits: set[etree._Element]) -> set[int]:
    """Number columns widened to their widest number; the columns that print numbers."""
    numeric: dict[int, float] = {}
    for tbl in tables:
        grid, margins = room.table(tbl)
        for col, tc in _cells(tbl, room):
            if tc not in digits:
                continue
            text = _text(tc)
            if col < len(grid) and text and NUMBER.fullmatch(text):
                twips = _needed(tc, room) * 20 + margin(tc, margins, "left") + margin(tc, margins, "right")
                numeric[col] = max(numeric.get(col, 0), twips)
    for col, need in sorted(numeric.items()):
        for tbl in tables:
            grid, _ = room.table(tbl)
            short = int(need + 0.5) - grid[col]
            if short > 0:
                short -= _widen(tbl, grid, _grid_cols(tbl), col, short, set(numeric), room)
                if short > 0:
                    _shrink(tbl, col, grid[col] / need, room)
    return set(numeric)


def _grid_cols(tbl: etree._Element) -> list[etree._Element]:
    return head(tbl, "tblGrid").findall(q("gridCol"))


def _fit_words(tables: list[etree._Element], numeric: set[int], room: Room, widest: Widest) -> None:
    """Columns of short texts widened to their widest word, where that is
    within WORD_GROWTH of their width. Which columns hold short texts is
    judged on the first SAMPLE rows; only those are read whole."""
    size = len(room.table(tables[0])[0])
    body = [tr for tbl in tables for tr in tbl.iterchildren(q("tr")) if tr.find(HEADER) is None]  # not the form's titles
    sample = _texts(body[:SAMPLE], room, set(range(size)) - numeric)
    sentences = {c for c, cells in sample.items() if sum(map(len, cells)) > SHORT * len(cells)}
    short = set(sample) - sentences
    if not short:
        return
    texts = _texts(body, room, short) if len(body) > SAMPLE else sample
    for col in sorted(short):
        need = max(_word_need(text, p, room, widest) for text, p in texts[col].items())
        for tbl in tables:
            grid, _ = room.table(tbl)
            lack = int(need + 0.5) - grid[col]
            if lack > 0 and need <= grid[col] * WORD_GROWTH:
                _widen(tbl, grid, _grid_cols(tbl), col, lack, set(range(len(grid))) - sentences, room)


def _texts(rows: list[etree._Element], room: Room, columns: set[int]) -> dict[int, dict[str, etree._Element]]:
    """Column → each distinct paragraph text (not a number) of ``rows`` in ``columns``, with a paragraph that holds it."""
    texts: dict[int, dict[str, etree._Element]] = {}
    for tr in rows:
        for col, span, tc in room.cells(tr):
            if span != 1 or col not in columns:
                continue
            for p in tc.iter(q("p")):
                text = "".join(p.itertext(T, with_tail=False)).translate(_NO_MARKS).strip()
                if text and not NUMBER.fullmatch(text):
                    texts.setdefault(col, {}).setdefault(text, p)
    return texts


def _word_need(text: str, p: etree._Element, room: Room, widest: Widest) -> float:
    """Twips a cell needs for the widest word of its paragraph's text."""
    tc = next(p.iterancestors(q("tc")))
    _, margins = room.table(next(tc.iterancestors(q("tbl"))))
    r = p.find(f".//{q('r')}")
    size, bold = room.font(r, p) if r is not None else room.default
    return widest(text, size, bold) * 20 + margin(tc, margins, "left") + margin(tc, margins, "right")


def _widen(
    tbl: etree._Element, grid: list[int], cols: list[etree._Element], col: int, short: int, numeric: set[int], room: Room
) -> int:
    """Take up to ``short`` twips from the widest text column; the twips taken."""
    donors = [c for c in range(len(grid)) if c not in numeric and c != col]
    if not donors:
        return 0
    donor = max(donors, key=lambda c: grid[c])
    take = min(short, int(grid[donor] * DONOR_SHARE))
    if take <= 0:
        return 0
    for c, delta in ((col, take), (donor, -take)):
        grid[c] += delta
        cols[c].set(q("w"), str(grid[c]))
    for tr in tbl.iterchildren(q("tr")):
        for start, span, tc in room.cells(tr):
            delta = (take if start <= col < start + span else 0) - (take if start <= donor < start + span else 0)
            if not delta:
                continue
            tcw = tc.find(TC_W)
            if tcw is not None:
                tcw.set(q("w"), str(int(tcw.get(q("w"), "0") or 0) + delta))
    return take


def _shrink(tbl: etree._Element, col: int, ratio: float, room: Room) -> None:
    """Numbers of one column set smaller, so they fit what width there is."""
    for c, tc in _cells(tbl, room):
        if c != col or not NUMBER.fullmatch(_text(tc)):
            continue
        for p in tc.iter(q("p")):
            for r in p.iter(q("r")):
                size, _ = room.font(r, p)
                half = max(int(MIN_SIZE * 2), int(size * ratio * 2))
                rpr = r.find(q("rPr"))
                if rpr is None:
                    rpr = etree.Element(q("rPr"))
                    r.insert(0, rpr)
                _set_size(rpr, half)


# Run properties that come after w:sz in the schema's order (Word refuses a file with them out of order).
_AFTER_SIZE = (
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
)


def _set_size(rpr: etree._Element, half: int) -> None:
    for tag in ("szCs", "sz"):  # szCs first, so sz lands before it
        el = rpr.find(q(tag))
        if el is None:
            el = etree.Element(q(tag))
            later = [c for c in rpr if c.tag in {q(t) for t in ("szCs", *_AFTER_SIZE)}]
            if later:
                later[0].addprevious(el)
            else:
                rpr.append(el)
        el.set(q("val"), str(half))
