"""Drawn shapes (arrows and lines over the month columns of a ผด.02) and
where they lie, in twips, so the extractor can tell which months they cross.

Word anchors a shape in one paragraph — a month cell, the name cell, or a
paragraph beside the table — and stores its position apart from it: DrawingML
``wp:anchor`` (``wp:positionH`` relative to the column, the margin or the page,
an offset in EMU, ``wp:extent`` for the size) or ``wp:inline``; older files
and the fallback of ``mc:AlternateContent`` use VML (``v:line`` from/to, or a
shape's CSS-like style: margin-left, width, mso-position-horizontal-relative).
A shape whose position cannot be read has ``x`` None; the extractor says so.
Pictures (photos, logos) are not month marks and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
V = "urn:schemas-microsoft-com:vml"

EMU_PER_TWIP = 635
_UNITS = {"pt": 20.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54, "px": 15.0, "pc": 240.0, "emu": 1 / 635}
# Where a horizontal position is measured from; "column" is the cell's text
# area inside a table and the text column outside one.
_RELATIVE = {
    "column": "column",
    "character": "column",
    "text": "column",
    "char": "column",
    "margin": "margin",
    "leftMargin": "page",
    "page": "page",
}


@dataclass(frozen=True)
class Shape:
    """A drawn shape: left edge ``x`` and ``width`` in twips from ``relative``
    ("column", "margin", "page" or "inline"); ``y`` from its paragraph when
    known. ``x`` or ``width`` None: the position could not be read."""

    x: int | None
    width: int | None
    relative: str = "column"
    y: int | None = None


def _length(text: str | None) -> float | None:
    """A VML/CSS length ("12.5pt", "1in", "-3px", "0") in twips."""
    if not text:
        return None
    m = re.fullmatch(r"\s*(-?[\d.]+)\s*([a-z]*)\s*", text)
    if not m:
        return None
    try:
        return float(m.group(1)) * _UNITS.get(m.group(2) or "px", 15.0)
    except ValueError:
        return None


def _drawing(drawing: etree._Element) -> Shape | None:
    if drawing.find(f".//{{{PIC}}}pic") is not None:
        return None  # a picture, not a drawn mark
    inline = drawing.find(f"{{{WP}}}inline")
    anchor = drawing.find(f"{{{WP}}}anchor")
    frame = inline if inline is not None else anchor
    if frame is None:
        return Shape(None, None)
    extent = frame.find(f"{{{WP}}}extent")
    width = int(extent.get("cx", "0")) // EMU_PER_TWIP if extent is not None else None
    height = int(extent.get("cy", "0")) // EMU_PER_TWIP if extent is not None else 0
    if width is not None and height > width:
        return None  # tall and narrow: a picture or a box, not an arrow across months
    if inline is not None:
        return Shape(0, width, "inline")
    pos_h, pos_v = anchor.find(f"{{{WP}}}positionH"), anchor.find(f"{{{WP}}}positionV")
    relative = _RELATIVE.get(pos_h.get("relativeFrom", "")) if pos_h is not None else None
    offset = pos_h.findtext(f"{{{WP}}}posOffset") if pos_h is not None else None
    y_text = pos_v.findtext(f"{{{WP}}}posOffset") if pos_v is not None and pos_v.get("relativeFrom") == "paragraph" else None
    y = int(y_text) // EMU_PER_TWIP if y_text and y_text.strip().lstrip("-").isdigit() else None
    if relative is None or offset is None or not offset.strip().lstrip("-").isdigit():
        return Shape(None, width, relative or "column", y)
    return Shape(int(offset) // EMU_PER_TWIP, width, relative, y)


def _style(el: etree._Element) -> dict[str, str]:
    return {k.strip(): v.strip() for k, _, v in (part.partition(":") for part in (el.get("style") or "").split(";")) if k.strip()}


def _vml(pict: etree._Element) -> Shape | None:
    for el in pict.iter(f"{{{V}}}line", f"{{{V}}}shape", f"{{{V}}}rect", f"{{{V}}}polyline"):
        if el.find(f"{{{V}}}imagedata") is not None:
            return None  # a picture
        style = _style(el)
        relative = _RELATIVE.get(style.get("mso-position-horizontal-relative", "text"), "column")
        if style.get("position") != "absolute":
            relative = "inline"
        left = _length(style.get("margin-left")) or _length(style.get("left")) or 0.0
        y = _length(style.get("margin-top"))
        if el.tag == f"{{{V}}}line":
            a, b = (el.get("from") or "0,0").split(",")[0], (el.get("to") or "0,0").split(",")[0]
            x1, x2 = _length(a), _length(b)
            if x1 is None or x2 is None:
                return Shape(None, None, relative)
            return Shape(round(left + min(x1, x2)), round(abs(x2 - x1)), relative, None if y is None else round(y))
        width, height = _length(style.get("width")), _length(style.get("height")) or 0.0
        if width is None:
            return Shape(None, None, relative)
        if height > width:
            return None
        return Shape(0 if relative == "inline" else round(left), round(width), relative, None if y is None else round(y))
    return Shape(None, None)


def shapes_in(el: etree._Element) -> list[Shape]:
    """The drawn shapes in a cell or paragraph, once each: of an
    ``mc:AlternateContent`` the DrawingML choice, else its VML fallback."""
    out: list[Shape | None] = []
    for node in el.iter(f"{{{W}}}drawing", f"{{{W}}}pict"):
        alternate = next((a for a in node.iterancestors(f"{{{MC}}}AlternateContent")), None)
        if alternate is not None:
            in_fallback = any(a.tag == f"{{{MC}}}Fallback" for a in node.iterancestors())
            has_choice = (
                alternate.find(f"{{{MC}}}Choice/{{{W}}}drawing") is not None
                or alternate.find(f".//{{{MC}}}Choice//{{{W}}}drawing") is not None
            )
            if in_fallback and has_choice:
                continue
        out.append(_drawing(node) if node.tag == f"{{{W}}}drawing" else _vml(node))
    return [s for s in out if s is not None]
