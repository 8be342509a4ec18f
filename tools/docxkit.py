"""Build real Word documents from code, the way staff drafts look.

Used by tools/make_samples.py (the shipped sample inputs) and by the tests'
fixtures. Text accepts a small markup so fixtures can show Word features:

    "[del:100,000][ins:250,000] บาท"   tracked deletion and insertion
    "[sdt:ตำบลหนองฉิม]"                 a content control
    "[fld:2564]"                        a simple field (its result is read)
    "[sym:F0FC]"                        Insert › Symbol (a Wingdings tick)
    "[pict:]"                           a drawn shape anchored in the text
    "[arrow:wps,300,2400]"              an arrow drawn from 300 to 2,700 twips right
                                        of the cell's text (Word 2010+: a wps shape
                                        in mc:AlternateContent with a VML fallback);
                                        "vml" for a plain VML line; a fourth value
                                        "margin"/"page" measures from there; a fifth
                                        is the offset down from the paragraph

Cells are given as ``C(text, fill=, span=, vmerge=)`` or plain strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

FONT = "TH Sarabun New"
W_NS = nsdecls("w")
_MARK = re.compile(r"\[(del|ins|sdt|fld|sym|pict|arrow):([^\]]*)\]")
NS_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
NS_V = "urn:schemas-microsoft-com:vml"
NS_O = "urn:schemas-microsoft-com:office:office"


def arrow_xml(spec: str, shape_id: int = 1) -> str:
    """A drawn arrow as Word writes it (see the module docstring)."""
    parts = spec.split(",")
    form, x, width = parts[0], int(parts[1]), int(parts[2])
    relative = parts[3] if len(parts) > 3 and parts[3] else "column"
    y = int(parts[4]) if len(parts) > 4 else 120
    vml_relative = {"column": "text", "margin": "margin", "page": "page"}[relative]
    style = (
        f"position:absolute;margin-left:{x / 20}pt;margin-top:{y / 20}pt;width:{width / 20}pt;height:0;z-index:{shape_id};"
        f"mso-position-horizontal-relative:{vml_relative};mso-position-vertical-relative:text"
    )
    fallback = (
        f'<w:pict><v:shape xmlns:v="{NS_V}" xmlns:o="{NS_O}" id="Arrow{shape_id}" o:spid="_x0000_s{1025 + shape_id}" '
        f'type="#_x0000_t32" style="{style}" o:connectortype="straight" strokeweight="1.5pt">'
        '<v:stroke endarrow="block"/></v:shape></w:pict>'
    )
    if form == "vml":
        return (
            f'<w:r><w:pict><v:line xmlns:v="{NS_V}" id="Line{shape_id}" '
            f'style="position:absolute;z-index:{shape_id};mso-position-horizontal-relative:{vml_relative};'
            f'mso-position-vertical-relative:text" from="{x / 20}pt,{y / 20}pt" to="{(x + width) / 20}pt,{y / 20}pt" '
            'strokeweight="1.5pt"><v:stroke endarrow="block"/></v:line></w:pict></w:r>'
        )
    emu = 635
    anchor = (
        f'<wp:anchor xmlns:wp="{NS_WP}" distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{251659264 + shape_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="{relative}"><wp:posOffset>{x * emu}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y * emu}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width * emu}" cy="0"/><wp:effectExtent l="0" t="57150" r="0" b="95250"/><wp:wrapNone/>'
        f'<wp:docPr id="{shape_id}" name="Straight Arrow Connector {shape_id}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic xmlns:a="{NS_A}"><a:graphicData uri="{NS_WPS}"><wps:wsp xmlns:wps="{NS_WPS}"><wps:cNvCnPr/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{width * emu}" cy="0"/></a:xfrm>'
        '<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>'
        '<a:ln w="19050"><a:solidFill><a:srgbClr val="000000"/></a:solidFill><a:tailEnd type="triangle"/></a:ln>'
        "</wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
    )
    return (
        f'<w:r><mc:AlternateContent xmlns:mc="{NS_MC}"><mc:Choice Requires="wps"><w:drawing>{anchor}</w:drawing></mc:Choice>'
        f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>"
    )


_DATE = 'w:author="ผู้จัดทำ" w:date="2020-10-01T09:00:00Z"'


def rpr_xml(size: float, bold: bool = False, color: str | None = None) -> str:
    """Run properties in schema order, set for complex script too: Thai text
    takes w:cs, w:szCs and w:bCs, not the Latin ones."""
    return (
        f"<w:rPr {W_NS}>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
        + ("<w:b/><w:bCs/>" if bold else "")
        + (f'<w:color w:val="{color}"/>' if color else "")
        + f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>'
        + '<w:lang w:val="th-TH" w:eastAsia="en-US" w:bidi="th-TH"/></w:rPr>'
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run(text: str, bold: bool = False, deleted: bool = False) -> str:
    rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    tag = "w:delText" if deleted else "w:t"
    parts = text.split("\n")
    body = "<w:br/>".join(f'<{tag} xml:space="preserve">{_esc(p)}</{tag}>' for p in parts)
    return f"<w:r>{rpr}{body}</w:r>"


def runs(text: str, bold: bool = False) -> str:
    """Markup text → run XML (with w:ins/w:del/w:sdt/w:fldSimple)."""
    out, pos = [], 0
    for rid, m in enumerate(_MARK.finditer(text), start=1):
        if m.start() > pos:
            out.append(_run(text[pos : m.start()], bold))
        kind, inner = m.groups()
        if kind == "del":
            out.append(f'<w:del w:id="{rid}" {_DATE}>{_run(inner, bold, deleted=True)}</w:del>')
        elif kind == "ins":
            out.append(f'<w:ins w:id="{rid}" {_DATE}>{_run(inner, bold)}</w:ins>')
        elif kind == "sdt":
            out.append(
                f'<w:sdt><w:sdtPr><w:alias w:val="ช่องกรอก"/></w:sdtPr><w:sdtContent>{_run(inner, bold)}</w:sdtContent></w:sdt>'
            )
        elif kind == "sym":
            out.append(f'<w:r><w:sym w:font="Wingdings" w:char="{inner}"/></w:r>')
        elif kind == "pict":
            out.append("<w:r><w:pict/></w:r>")
        elif kind == "arrow":
            out.append(arrow_xml(inner, rid))
        else:
            out.append(f'<w:fldSimple w:instr=" QUOTE {_esc(inner)} ">{_run(inner, bold)}</w:fldSimple>')
        pos = m.end()
    if pos < len(text):
        out.append(_run(text[pos:], bold))
    return "".join(out)


def p_xml(
    text: str,
    bold: bool = False,
    align: str | None = None,
    style: str | None = None,
    shade: str | None = None,
    keep: bool = False,
) -> str:
    ppr = ""
    if style or align or keep:
        ppr = (
            "<w:pPr>"
            + (f'<w:pStyle w:val="{style}"/>' if style else "")
            + ("<w:keepNext/>" if keep else "")
            + (f'<w:jc w:val="{align}"/>' if align else "")
            + "</w:pPr>"
        )
    body = runs(text, bold) if text else ""
    if shade:
        body = body.replace("<w:r>", f'<w:r><w:rPr><w:highlight w:val="{shade}"/></w:rPr>')
    return f"<w:p>{ppr}{body}</w:p>"


@dataclass
class C:
    """A table cell: text (markup allowed), shading colour, horizontal span,
    vertical merge ("restart"/"continue"), bold, and nested tables."""

    text: str = ""
    fill: str | None = None
    span: int = 1
    vmerge: str | None = None
    bold: bool = False
    align: str | None = None
    nested: str = ""  # table XML placed inside the cell
    highlight: str | None = None
    style: str | None = None  # paragraph style id of the cell's text
    borders: str = ""  # raw w:tcBorders children, e.g. '<w:bottom w:val="nil"/>'
    margin: int | None = None  # twips left and right inside this cell (w:tcMar)
    keep: bool = False  # keep with the next row (a heading row kept with its first rows)


def tc_xml(cell: C | str, width: int) -> str:
    """A cell ``width`` twips wide (the sum of the grid columns it spans)."""
    c = C(cell) if isinstance(cell, str) else cell
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if c.span > 1:
        pr += f'<w:gridSpan w:val="{c.span}"/>'
    if c.vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif c.vmerge == "continue":
        pr += "<w:vMerge/>"
    if c.borders:
        pr += f"<w:tcBorders>{c.borders}</w:tcBorders>"
    if c.fill:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{c.fill}"/>'
    if c.margin is not None:
        pr += f'<w:tcMar><w:left w:w="{c.margin}" w:type="dxa"/><w:right w:w="{c.margin}" w:type="dxa"/></w:tcMar>'
    lines = c.text.split("\n\n") if c.text else [""]
    paras = "".join(p_xml(line, c.bold, c.align, c.style, c.highlight, c.keep) for line in lines)

    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{c.nested}{paras}</w:tc>"


@dataclass
class R:
    """A table row: cells, repeat-as-header, a tracked deletion of the row,
    or the whole row wrapped in a content control."""

    cells: list
    header: bool = False
    deleted: bool = False
    sdt: bool = False
    cant_split: bool = False
    height: int | None = None  # twips, set exactly


def tbl_xml(rows: list, widths: list[int] | None = None, style: str | None = None, margin: int | None = None) -> str:
    ncols = max(sum((C(c) if isinstance(c, str) else c).span for c in (r.cells if isinstance(r, R) else r)) for r in rows)
    widths = widths or [1200] * ncols
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = []
    for r in rows:
        row = r if isinstance(r, R) else R(r)
        col, tcs = 0, []
        for cell in row.cells:
            c = C(cell) if isinstance(cell, str) else cell
            tcs.append(tc_xml(c, sum(widths[min(i, len(widths) - 1)] for i in range(col, col + c.span))))
            col += c.span
        trpr = ""
        if row.header or row.deleted or row.cant_split or row.height:
            trpr = (
                "<w:trPr>"
                + ("<w:cantSplit/>" if row.cant_split or row.header else "")
                + (f'<w:trHeight w:val="{row.height}" w:hRule="exact"/>' if row.height else "")
                + ("<w:tblHeader/>" if row.header else "")
                + (f'<w:del w:id="99" {_DATE}/>' if row.deleted else "")
                + "</w:trPr>"
            )
        tr = f"<w:tr>{trpr}{''.join(tcs)}</w:tr>"
        if row.sdt:
            tr = f"<w:sdt><w:sdtPr/><w:sdtContent>{tr}</w:sdtContent></w:sdt>"
        out.append(tr)
    tbl_style = f'<w:tblStyle w:val="{style}"/>' if style else ""
    cell_mar = (
        f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
        if margin is not None
        else ""
    )
    borders = "".join(
        f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for b in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:tbl {W_NS}><w:tblPr>{tbl_style}<w:tblW w:w="0" w:type="auto"/><w:tblBorders>{borders}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/>{cell_mar}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(out)}</w:tbl>'
    )


class Doc:
    """A python-docx document with Thai defaults and raw-XML helpers."""

    def __init__(self, landscape: bool = False) -> None:
        self.doc = docx.Document()
        styles = self.doc.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        defaults.getparent().remove(defaults)
        styles.insert(
            0,
            parse_xml(
                f"<w:docDefaults {W_NS}><w:rPrDefault>{rpr_xml(16)}</w:rPrDefault>"
                '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
            ),
        )
        normal = self.doc.styles["Normal"].element
        old = normal.find(qn("w:rPr"))
        if old is not None:
            normal.remove(old)
        normal.append(parse_xml(rpr_xml(16)))
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        if landscape:
            sec.orientation = WD_ORIENT.LANDSCAPE
            sec.page_width, sec.page_height = Cm(29.7), Cm(21)
        sec.left_margin, sec.right_margin = Cm(2), Cm(1.5)
        self.body = self.doc.element.body

    def _append(self, xml: str) -> None:
        first_tag_end = xml.index(">")
        if "xmlns:w" not in xml[:first_tag_end]:
            xml = f"{xml[:first_tag_end]} {W_NS}{xml[first_tag_end:]}"
        el = parse_xml(xml)
        self.body.insert(len(self.body) - 1, el)  # before sectPr

    def p(self, text: str = "", bold: bool = False, align: str | None = None, style: str | None = None) -> Doc:
        if style:
            self.doc.styles[style]
            style = self.doc.styles[style].style_id
        self._append(p_xml(text, bold, align, style))
        return self

    def heading(self, text: str, level: int = 1) -> Doc:
        return self.p(text, style=f"Heading {level}")

    def table(self, rows: list, widths: list[int] | None = None) -> Doc:
        self._append(tbl_xml(rows, widths))
        return self

    def xml(self, xml: str) -> Doc:
        """Append raw body XML (a paragraph or table)."""
        self._append(xml)
        return self

    def sdt_table(self, rows: list, widths: list[int] | None = None) -> Doc:
        """A whole table inside a content control."""
        self._append(
            f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent>{tbl_xml(rows, widths).replace(f'<w:tbl {W_NS}>', '<w:tbl>')}</w:sdtContent></w:sdt>"
        )
        return self

    def comment(self, text: str) -> Doc:
        par = self.doc.add_paragraph("หมายเหตุผู้ตรวจ")
        self.doc.add_comment(par.runs, text=text, author="ผู้ตรวจ")
        return self

    def save(self, path: Path | str) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.core_properties.author = "อบต."
        self.doc.save(str(path))
        return path
