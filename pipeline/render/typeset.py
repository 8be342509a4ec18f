"""The last pass over a rendered document's XML (body, headers, footers):
what a reviewer checks on paper and a template cannot express.

- Digits: with the profile's ตัวเลขไทย every digit printed is Thai — the
  template's own text ("พ.ศ. 2548", "ข้อ 26"), page numbers (thaiNumbers) and
  all data; without it none is (a Thai digit typed in a draft prints Arabic).
- Words kept together: a non-breaking space joins "พ.ศ. 2564", "หมู่ที่ 1",
  "ข้อ 26" and the like. (Word joiners inside Thai names were tried and made
  LibreOffice break names worse: its Thai line breaking ignores them and falls
  back to breaking letters; names break at dictionary words when a column is
  too narrow, so the columns are made wide enough instead.)
- Numbers whole: LibreOffice breaks a number inside ("80|0", "2,500,000|.00")
  when it sits in Thai text, whatever joiner it carries; a number set in a run
  of its own marked as not Thai (w:lang) is never broken.
- Totals kept with the row above them, so "รวม" never opens a page alone.
- Month arrows: an arrow marker left by the context becomes a drawn arrow
  anchored in the first active month cell, as wide as the month columns it
  spans in this table (so a user who widens the columns in Word still gets
  arrows that fit).
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from ..core.thai import JOINED_BEFORE_NUMBER, abbr_months, arabic_digits, full_months, thai_digits
from . import columns, rows
from .linebreak import SAFETY, Breaker, width
from .measure import Room, margin

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NBSP = "\u00a0"
EMU = 635  # per twip
_JOIN = re.compile("(" + "|".join(re.escape(w) for w in JOINED_BEFORE_NUMBER) + ") (?=[0-9๐-๙])")
_ARROW = re.compile("\ue000(\\d+)\ue001")
TWIP = 20  # per point


def _date_pattern() -> re.Pattern[str]:
    months = "|".join(re.escape(m) for m in sorted({*full_months(), *abbr_months()}, key=len, reverse=True))
    return re.compile(f"(?<![0-9๐-๙])([0-9๐-๙]{{1,2}}) ({months}) ((?:พ\\.ศ\\. ?)?[0-9๐-๙]{{2,4}})(?![0-9๐-๙])")


_DATE = _date_pattern()


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def set_text(text: str, thai: bool) -> str:
    """Digits as the plan asks, and the joins that keep a number with the words
    before it: a date, "พ.ศ. 2564" (``_loosen`` undoes one wider than its cell).
    Not "41 โครงการ": after a no-break space LibreOffice breaks the Thai word
    that follows inside a syllable ("41 โค|รงการ"), as it does after "(" (measured)."""
    text = thai_digits(text) if thai else arabic_digits(text)
    text = _DATE.sub(lambda m: NBSP.join(m.groups()).replace(" ", NBSP), text)  # "15 กันยายน 2563" on one line
    return _JOIN.sub(lambda m: m.group(1) + NBSP, text)


def arrow_run(width: int, shape_id: int) -> etree._Element:
    """A double-headed arrow ``width`` twips long from the cell's text start,
    half a line down, as Word writes a drawn connector."""
    cx = max(width, 60) * EMU
    xml = (
        f'<w:r xmlns:w="{W}"><mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor xmlns:wp="{WP}" distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{251659264 + shape_id}" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{90 * EMU}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="0"/><wp:effectExtent l="0" t="38100" r="0" b="38100"/><wp:wrapNone/>'
        f'<wp:docPr id="{shape_id}" name="เดือน {shape_id}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{A}"><a:graphicData uri="{WPS}"><wps:wsp xmlns:wps="{WPS}"><wps:cNvCnPr/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>'
        '<a:ln w="15875"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
        '<a:headEnd type="triangle" w="sm" len="sm"/><a:tailEnd type="triangle" w="sm" len="sm"/></a:ln>'
        "</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback/></mc:AlternateContent></w:r>"
    )
    return etree.fromstring(xml)


def _arrows(root: etree._Element, room: Room) -> None:
    shape_id = 1000
    for t in [t for t in root.iter(q("t")) if t.text and "\ue000" in t.text]:
        m = _ARROW.fullmatch(t.text)
        if not m:
            continue
        run = t.getparent()
        tc = next(run.iterancestors(q("tc")), None)
        tbl = next(run.iterancestors(q("tbl")), None)
        if tc is None or tbl is None:
            run.getparent().remove(run)
            continue
        grid, margins = room.table(tbl)
        col = room.place(tc)[0]
        months = int(m.group(1))
        width = sum(grid[col : col + months]) - margin(tc, margins, "left") - margin(tc, margins, "right")
        shape_id += 1
        run.addprevious(arrow_run(width, shape_id))
        run.getparent().remove(run)


# A number, or a word in Latin letters ("LED", "Network"): in a run whose language is Thai, LibreOffice
# breaks it with its Thai rules — "2|00", "L|ED" — so each gets a run of its own, its language not Thai.
_NUMBER = re.compile(r"[0-9๐-๙](?:[0-9๐-๙.,]*[0-9๐-๙])?|[A-Za-z](?:[A-Za-z0-9.\-/]*[A-Za-z0-9])?")
_DIGIT = re.compile("[0-9๐-๙A-Za-z]")
_CUTTABLE = frozenset(f"{{{W}}}{tag}" for tag in ("t", "br", "tab", "cr"))  # what a run of text may hold besides rPr


def _not_thai(rpr: etree._Element) -> None:
    lang = rpr.find(q("lang"))
    if lang is None:
        lang = etree.SubElement(rpr, q("lang"))
    lang.set(q("val"), "en-US")
    lang.set(q("bidi"), "en-US")


def _number_runs(root: etree._Element) -> None:
    """Each number (and Latin word) in a run of its own, its language not Thai. A run that is
    only a number (an amount cell) keeps its element; the new runs are copies of
    two made once per set of run properties (``_piece_runs``). A run of several
    lines (text, break, text: an activity typed on two lines) is cut too, its
    breaks and tabs each in a run of their own: left whole, its numbers broke in
    the amendment's narrower column ("ยาว 2|00 เมตร")."""
    # Only a run whose text holds a digit can change: those found from their texts, in document order.
    candidates = dict.fromkeys(t.getparent() for t in root.iter(q("t")) if t.text and _DIGIT.search(t.text))
    # A plan's runs share a few sets of properties: each set's two runs made once and copied.
    shapes: dict[bytes | None, tuple[etree._Element, etree._Element]] = {}
    for run in candidates:
        if run.tag != q("r"):
            continue
        texts = run.findall(q("t"))
        if not any(t.text and _NUMBER.search(t.text) for t in texts):
            continue
        if run.getparent().tag == q("fldSimple"):
            continue  # a PAGE field: LibreOffice numbers it in its run's language (Thai: Thai digits)
        rpr = run.find(q("rPr"))
        rest = [child for child in run if child is not rpr]
        if any(child.tag not in _CUTTABLE for child in rest):
            continue
        if len(rest) == 1 and _NUMBER.fullmatch(texts[0].text):
            if rpr is None:
                rpr = run.makeelement(q("rPr"))
                run.insert(0, rpr)
            _not_thai(rpr)
            continue
        key = etree.tostring(rpr) if rpr is not None else None
        if key not in shapes:
            shapes[key] = _piece_runs(run, rpr)
        for child in rest:
            if child.tag != q("t"):  # a break or a tab: a run of its own, the run's properties kept
                made = copy.deepcopy(shapes[key][False])
                made.replace(made[-1], child)
                run.addprevious(made)
                continue
            text = child.text or ""
            parts = _NUMBER.split(text)
            pieces = [(parts[0], False)]
            for number, after in zip(_NUMBER.findall(text), parts[1:], strict=True):
                pieces += [(number, True), (after, False)]
            for piece, is_number in pieces:
                if piece:
                    made = copy.deepcopy(shapes[key][is_number])
                    made[-1].text = piece
                    run.addprevious(made)
        run.getparent().remove(run)


def _piece_runs(run: etree._Element, rpr: etree._Element | None) -> tuple[etree._Element, etree._Element]:
    """The run a piece of a split text is copied from, and the one a number is:
    ``rpr``'s properties (the number's not Thai), an empty text kept as is."""
    made = []
    for is_number in (False, True):
        new = run.makeelement(q("r"))
        new_rpr = copy.deepcopy(rpr) if rpr is not None else run.makeelement(q("rPr"))
        if is_number:
            _not_thai(new_rpr)
        if len(new_rpr):
            new.append(new_rpr)
        t = etree.SubElement(new, q("t"))
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        made.append(new)
    return made[0], made[1]


def _keep_totals(root: etree._Element) -> None:
    """A "รวม" row never stands alone at the top of a page: the row above it
    is kept with it."""
    for tr in root.iter(q("tr")):
        first = tr.find(f"{q('tc')}//{q('t')}")
        prev = tr.getprevious()
        if first is None or not (first.text or "").startswith("รวม") or prev is None or prev.tag != q("tr"):
            continue
        for p in prev.iter(q("p")):
            ppr = p.find(q("pPr"))
            if ppr is None:
                ppr = etree.SubElement(p, q("pPr"))
                p.insert(0, ppr)
            if ppr.find(q("keepNext")) is None:
                keep = etree.Element(q("keepNext"))
                style = ppr.find(q("pStyle"))
                if style is not None:
                    style.addnext(keep)
                else:
                    ppr.insert(0, keep)


def _mark_breaks(root: etree._Element, breaker: Breaker, room: Room) -> None:
    """Every text marked where its lines may end, sized against its cell."""
    for t in root.iter(q("t")):
        if not t.text or not breaker.marks(t.text):
            continue
        run = t.getparent()
        para = run.getparent()
        while para is not None and para.tag != q("p"):
            para = para.getparent()
        tc = next(t.iterancestors(q("tc")), None)
        size, bold = room.font(run, para)
        cell = room.width(tc)
        if cell is not None and NBSP in t.text:
            t.text = _loosen(t.text, cell, size, bold)
        t.text = breaker.mark(t.text, cell, size, bold)


def _loosen(text: str, cell: float, size: float, bold: bool) -> str:
    """A joined phrase wider than its cell ("พ.ศ. ๒๕๖๓" over three month
    columns, in Thai digits) breaks at its join rather than inside its number."""
    return " ".join(
        part.replace(NBSP, " ") if NBSP in part and width(part, size, bold) * SAFETY > cell else part for part in text.split(" ")
    )


def finish(
    xml: bytes | etree._Element, thai: bool, body: bool, breaker: Breaker | None = None, room: Room | None = None
) -> bytes:
    """One part (document, header or footer) made ready for paper: its XML, or
    its tree (changed in place, not parsed again from a saved file)."""
    root = etree.fromstring(xml) if isinstance(xml, bytes) else xml
    room = room or Room({})
    if body:
        _arrows(root, room)
        _keep_totals(root)
    done: dict[str, str] = {}  # plans repeat their texts (units, places, months): each set once
    for t in root.iter(q("t")):
        text = t.text
        if text:
            new = done.get(text)
            if new is None:
                new = done[text] = set_text(text, thai)
            if new != text:
                t.text = new
    if breaker is not None:
        columns.fit(root, room, breaker.widest)
        if body:
            rows.split_tall(root, room)
        _mark_breaks(root, breaker, room)
    _number_runs(root)
    if body and thai:
        for sect in root.iter(q("sectPr")):
            num = sect.find(q("pgNumType"))
            if num is None:
                num = etree.SubElement(sect, q("pgNumType"))
                # pgNumType sits before cols/docGrid etc.; Word tolerates order here only after pgMar.
                pgmar = sect.find(q("pgMar"))
                if pgmar is not None:
                    pgmar.addnext(num)
            if num.get(q("fmt")) != "thaiLetters":  # the front matter's ก, ข, ค stay letters
                num.set(q("fmt"), "thaiNumbers")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
