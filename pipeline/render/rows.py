"""Rows too tall to keep whole.

A row is kept on one page (w:cantSplit) so a project never starts on one page
and ends on the next. A row taller than about half a page cannot keep that
promise and still sit under its headings: Word and LibreOffice move it to
the next page and leave the section heading, the table's header and its
ยุทธศาสตร์/แผนงาน rows alone on the page before (the amendment's เดิม row of a
long activity). Such a row may split; its height is estimated from its
cells' text (widths of the line breaker, lines at the style's size).
"""

from __future__ import annotations

import math

from lxml import etree

from .linebreak import width
from .measure import Room, q

SHARE = 0.45  # of the page's text height: a taller row may split
LEADING = 1.25  # a line's height for its font size (14 pt text on 17 pt lines)
PAD = 3.0  # points above and below a cell's text
ROUGH_EM = 16.0  # points: no letter of the tables' type is wider


_T, _BR, _P, _R = q("t"), q("br"), q("p"), q("r")


def text_height(tc: etree._Element, room: Room, below: float = 0.0) -> float:
    """Points the text of a cell takes: each line (paragraph, or a part of
    one between breaks) as many times its height as it is wider than the cell.
    When a rough upper bound (every letter an em wide at 16 pt) is already
    under ``below``, that bound: most cells need no font lookups."""
    chars = sum(len(t.text) for t in tc.iter(_T) if t.text)
    if not chars:
        return 2 * PAD  # a month cell, an empty one (a plan has twelve a row)
    cell = room.width(tc)
    if cell:
        breaks = sum(1 for _ in tc.iter(_P, _BR))
        rough = (breaks + chars * ROUGH_EM / cell) * ROUGH_EM * LEADING + 2 * PAD
        if rough < below:
            return rough
    total = 0.0
    for p in tc.iter(_P):
        size, lines = 0.0, [0.0]
        for run in p.iter(_R):
            run_size, bold = room.font(run, p)
            size = max(size, run_size)
            for child in run:
                if child.tag == _BR:
                    lines.append(0.0)
                elif child.tag == _T and child.text:
                    lines[-1] += width(child.text, run_size, bold)  # the marks weigh nothing in the table
        size = size or room.default[0]
        count = sum(max(1, math.ceil(w * 1.05 / cell)) if cell else 1 for w in lines)
        total += count * size * LEADING
    return total + 2 * PAD


def _page_height(root: etree._Element) -> float | None:
    """The text height of the body's (last) section in points."""
    sects = list(root.iter(q("sectPr")))
    if not sects:
        return None
    sect = sects[-1]
    size, mar = sect.find(q("pgSz")), sect.find(q("pgMar"))
    if size is None or mar is None:
        return None
    twips = int(size.get(q("h"), "0")) - abs(int(mar.get(q("top"), "0"))) - abs(int(mar.get(q("bottom"), "0")))
    return twips / 20 if twips > 0 else None


def split_tall(root: etree._Element, room: Room) -> None:
    """Rows estimated taller than SHARE of a page may split across pages."""
    page = _page_height(root)
    if page is None:
        return
    limit = page * SHARE
    for tr in root.iter(q("tr")):
        trpr = tr.find(q("trPr"))
        keep = trpr.find(q("cantSplit")) if trpr is not None else None
        if keep is None:
            continue
        if max((text_height(tc, room, limit) for tc in tr.iterchildren(q("tc"))), default=0.0) > limit:
            trpr.remove(keep)
