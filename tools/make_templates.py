"""Write templates/plan.docx and templates/announcement.docx (the starting
point; users then restyle them in Word). python -m tools.templates [DIR]

Every title, column heading and fixed sentence of the forms lives in these
documents, not in code: SPEC marks them *(verify)*, so a planning officer must
be able to change them in Word. Thai bold is set with w:b *and* w:bCs, sizes
with w:sz *and* w:szCs, fonts with w:cs, or Word renders Thai regular-weight.

Layout (SPEC §5): a cover without a page number; คำนำ, สารบัญ and ส่วนที่ 1
บทนำ in A4 portrait; ส่วนที่ 2 with ผด.01, ผด.02 and ผด.02/1 in A4 landscape
over the full width. Each form is one table that flows from page to page: its
header rows repeat, ยุทธศาสตร์ and แผนงาน are heading rows kept with the rows
after them, and rows never split. Every section has its own header and
footer, so a template saved again by Word or LibreOffice keeps them apart.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from tools.docxkit import C, Doc, R, p_xml, rpr_xml, tbl_xml

MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
NBSP = "\u00a0"
ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    # Plain justification: Word and LibreOffice both honour it (LibreOffice
    # ignores Word's Thai distributed justification and sets it ragged).
    "both": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
# A4 landscape, margins 2 cm (binding side) and 1.5 cm: 26.2 cm = 14,850 twips of table.
LANDSCAPE_WIDTH = 14850
PAD = 60  # twips (0.11 cm) of padding left and right in every text cell
MONTH_PAD = 10  # month columns are narrow: the label needs the width
MONTH_W = 350
# Table cells: 1.5 pt above and below the text, so the marks of a 14 pt line set
# on exact 17 pt lines never touch a border (and rows stay as dense as printed plans).
CELL_PAD = 30


def table(rows: list, widths: list[int]) -> str:
    """A form table: fixed columns, ``PAD`` left and right and ``CELL_PAD``
    above and below the text of every cell."""
    xml = _upright_months(tbl_xml(rows, widths, margin=PAD))
    # CT_TblCellMar is a sequence: top, left, bottom, right.
    return xml.replace(
        "<w:tblCellMar><w:left",
        f'<w:tblCellMar><w:top w:w="{CELL_PAD}" w:type="dxa"/><w:left',
        1,
    ).replace(
        '<w:right w:w="' + str(PAD) + '" w:type="dxa"/></w:tblCellMar>',
        f'<w:bottom w:w="{CELL_PAD}" w:type="dxa"/><w:right w:w="{PAD}" w:type="dxa"/></w:tblCellMar>',
        1,
    )


def style(
    doc: Doc,
    name: str,
    size: float = 16,
    bold: bool = False,
    align: str | None = None,
    indent: float | None = None,
    color: str | None = None,
    before: float = 0,
    after: float = 0,
    char: bool = False,
    keep: bool = False,
    line: float | None = None,
    rule: str = "exact",
) -> str:
    """A paragraph (or character) style with Thai-correct font, size and bold;
    ``line`` an exact line height in points (Thai fonts' single spacing is
    half again their size: exact spacing is what fits rows on a page)."""
    st = doc.doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER if char else WD_STYLE_TYPE.PARAGRAPH)
    if not char:
        st.base_style = doc.doc.styles["Normal"]
        pf = st.paragraph_format
        pf.space_before, pf.space_after = Pt(before), Pt(after)
        if align:
            pf.alignment = ALIGN[align]
        if indent:
            pf.first_line_indent = Cm(indent)
        pf.keep_with_next = keep or None
        if line:
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY if rule == "exact" else WD_LINE_SPACING.AT_LEAST
            pf.line_spacing = Pt(line)
    old = st.element.find(qn("w:rPr"))
    if old is not None:
        st.element.remove(old)
    st.element.append(parse_xml(rpr_xml(size, bold, color)))
    return st.style_id


def styles(doc: Doc) -> dict[str, str]:
    s = {
        "cover": style(doc, "PlanCover", 28, bold=True, align="center", after=12),
        "part": style(doc, "PlanPart", 20, bold=True, align="center", after=6, keep=True),
        "sub": style(doc, "PlanSubheading", 16, bold=True, before=6, keep=True),
        # Left, not justified: LibreOffice stretches a Thai line without spaces letter by letter ("ร า ย ก า ร").
        "body": style(doc, "PlanBody", 16, align="left", indent=2.5),
        # The announcement: lines a little closer than single (which Thai fonts set at 1.7 times their
        # size), still above the marks' reach, so text, date and signature fit one A4 page.
        "notice": style(doc, "AnnounceBody", 16, align="left", indent=2.5, line=22),
        "item": style(doc, "PlanItem", 16, indent=1.25),
        "toc": style(doc, "PlanContents", 16),
        "code": style(doc, "FormCode", 16, bold=True, align="right", line=18),
        "title": style(doc, "FormTitle", 16, bold=True, align="center", line=18),
        "th": style(doc, "TableHead", 14, bold=True, align="center", line=17),
        "td": style(doc, "TableText", 14, line=17),
        "tdr": style(doc, "TableNumber", 14, align="right", line=17),
        "tdc": style(doc, "TableCentre", 14, align="center", line=17),
        "tdb": style(doc, "TableBold", 14, bold=True, line=17),
        "tdbr": style(doc, "TableBoldNumber", 14, bold=True, align="right", line=17),
        "month": style(doc, "TableMonth", 8, align="center", line=11),
        # Month labels stand upright in their narrow columns (text turned to read upwards), as large as the text.
        "monthlabel": style(doc, "TableMonthLabel", 14, align="center", line=16),
        "year": style(doc, "TableYear", 11, bold=True, align="center", line=13),
        "draft": style(doc, "DraftMark", 16, bold=True, align="center", color="C00000"),
        "sign": style(doc, "Signature", 16, align="center", keep=True, line=22),
        "signgap": style(doc, "SignatureSpace", 16, align="center", keep=True, before=24, line=22),
        "dated": style(doc, "AnnounceDate", 16, align="center", before=8, keep=True, line=22),
        # A section must open with a paragraph, not a table, or LibreOffice keeps
        # the page header of the section before: this one is 1 pt high.
        "gap": style(doc, "SectionStart", 1, line=1),
        "strong": style(doc, "ThaiBold", 16, bold=True, char=True),
    }
    # The table of contents: page numbers at the right margin after a dotted leader.
    toc = doc.doc.styles["PlanContents"].element
    ppr = toc.find(qn("w:pPr"))
    ppr.append(parse_xml(f'<w:tabs {nsdecls("w")}><w:tab w:val="right" w:leader="dot" w:pos="9000"/></w:tabs>'))
    return s


def _clear(part) -> None:
    el = part._element
    for child in list(el):
        el.remove(child)


def header(section, s: dict[str, str], code: str | None = None, titles: list[str] | None = None) -> None:
    """Draft mark, the form code top-right and the three centred title lines:
    in the page header, so every page of the form carries them."""
    section.header.is_linked_to_previous = False
    _clear(section.header)
    xml = p_xml("{%p if draft %}") + p_xml("{{ draft_mark }}", style=s["draft"]) + p_xml("{%p endif %}")
    titles = list(titles or [])
    if code and titles:
        # The form code at the right margin on the first title's line: one line less above every form page.
        first = titles.pop(0)
        xml += (
            f'<w:p><w:pPr><w:pStyle w:val="{s["title"]}"/><w:tabs><w:tab w:val="center" w:pos="{LANDSCAPE_WIDTH // 2}"/>'
            f'<w:tab w:val="right" w:pos="{LANDSCAPE_WIDTH}"/></w:tabs><w:jc w:val="left"/></w:pPr>'
            f'<w:r><w:tab/><w:t xml:space="preserve">{first}</w:t><w:tab/><w:t xml:space="preserve">{code}</w:t></w:r></w:p>'
        )
    elif code:
        xml += p_xml(code, style=s["code"])
    xml += "".join(p_xml(t, style=s["title"]) for t in titles)
    if not code and not titles:
        xml += p_xml("", style=s["gap"])  # 1 pt: an empty header takes no room from the page
    for el in parse_xml(f"<w:hdr {nsdecls('w')}>{xml}</w:hdr>"):
        section.header._element.append(el)


def footer(section, numbered: bool) -> None:
    section.footer.is_linked_to_previous = False
    _clear(section.footer)
    field = '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>' if numbered else ""
    # Without a page number the footer is 1 pt high: it takes no room from the page.
    tiny = "" if numbered else '<w:spacing w:line="20" w:lineRule="exact"/>'
    rpr = "" if numbered else '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'
    section.footer._element.append(
        parse_xml(f'<w:p {nsdecls("w")}><w:pPr>{tiny}<w:jc w:val="center"/>{rpr}</w:pPr>{field}</w:p>')
    )


def restart_numbering(section, fmt: str | None = None) -> None:
    """Page numbers from 1 in this section; ``fmt`` "thaiLetters" numbers front matter ก, ข, ค
    (Word and LibreOffice both print it)."""
    sect = section._sectPr
    kind = f' w:fmt="{fmt}"' if fmt else ""
    num = parse_xml(f'<w:pgNumType {nsdecls("w")}{kind} w:start="1"/>')
    margins = sect.find(qn("w:pgMar"))
    if margins is not None:
        margins.addnext(num)  # CT_SectPr's order: pgSz, pgMar, …, pgNumType, cols, …, docGrid
    else:
        sect.append(num)


def new_section(doc: Doc, landscape: bool, top: float):
    sec = doc.doc.add_section(WD_SECTION.NEW_PAGE)
    for num in sec._sectPr.findall(qn("w:pgNumType")):  # copied from the section before: numbering continues
        sec._sectPr.remove(num)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21)
        sec.left_margin, sec.right_margin = Cm(2), Cm(1.5)
        sec.top_margin, sec.bottom_margin, sec.header_distance, sec.footer_distance = Cm(top), Cm(1.1), Cm(0.7), Cm(0.4)
    else:
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(3), Cm(2), Cm(top), Cm(2)
    return sec


def titles(first: str) -> list[str]:
    return [
        first,
        f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ.{NBSP}{{{{ year }}}}{{% if revision %}} {{{{ revision }}}}{{% endif %}}",
        "{{ org_name }} อำเภอ{{ district }} จังหวัด{{ province }}",
    ]


def bookmarked(xml: str, name: str, n: int) -> str:
    """A paragraph carrying a bookmark (the table of contents refers to it)."""
    start = xml.index("</w:pPr>") + len("</w:pPr>") if "</w:pPr>" in xml else xml.index("<w:p>") + len("<w:p>")
    return f'{xml[:start]}<w:bookmarkStart w:id="{n}" w:name="{name}"/>{xml[start:-6]}<w:bookmarkEnd w:id="{n}"/></w:p>'


def toc_line(text: str, bookmark: str, s: dict[str, str], fixed: str | None = None) -> str:
    """ "ส่วนที่ 1 บทนำ ……… 3": the page number is a PAGEREF field, which Word
    and LibreOffice fill in from where the bookmark falls on paper (or ``fixed``)."""
    line = (
        f'<w:p><w:pPr><w:pStyle w:val="{s["toc"]}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r><w:r><w:tab/></w:r>'
    )
    if fixed:
        return f"{line}<w:r><w:t>{fixed}</w:t></w:r></w:p>"
    return (
        line + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> PAGEREF {bookmark} \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def month_header(s: dict[str, str], lead: list[str]) -> tuple[list[C], list[C]]:
    """The two header rows of a month form: ``lead`` columns over both rows,
    then the two fiscal-year halves over the twelve months."""
    # Not vMerge: LibreOffice clips vertically merged cells in repeated header
    # rows. A hidden border between the two rows looks the same on paper.
    top = [C(h, style=s["th"], borders='<w:bottom w:val="nil"/>') for h in lead]
    top += [
        C(f"พ.ศ.{NBSP}{{{{ prev_year_num }}}}", span=3, style=s["year"], margin=MONTH_PAD),
        C(f"พ.ศ.{NBSP}{{{{ year_num }}}}", span=9, style=s["year"], margin=MONTH_PAD),
    ]
    bottom = [C("", style=s["th"], borders='<w:top w:val="nil"/>') for _ in lead]
    bottom += [C(m, style=s["monthlabel"], margin=MONTH_PAD) for m in MONTHS]
    return top, bottom


MONTH_LABEL_HEIGHT = 640  # twips: "เม.ย." at 14 pt (27 pt) turned upright, with room


def _upright_months(xml: str) -> str:
    """Month label cells read upwards (w:textDirection btLr), centred, in a row as tall as the longest label."""
    xml = xml.replace(
        '</w:tcPr><w:p><w:pPr><w:pStyle w:val="TableMonthLabel"/>',
        '<w:textDirection w:val="btLr"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableMonthLabel"/>',
    )
    # At least as tall as the upright labels, taller when a heading's other lines need it.
    return xml.replace(
        f'<w:trHeight w:val="{MONTH_LABEL_HEIGHT}" w:hRule="exact"/>',
        f'<w:trHeight w:val="{MONTH_LABEL_HEIGHT}" w:hRule="atLeast"/>',
    )


def form02_columns(s: dict[str, str], item: str, detail: str) -> tuple[list[str], list[C]]:
    """ผด.02's headings before the months, and a project's row with its twelve month cells."""
    lead = ["ที่", item, detail, "งบประมาณ\n\n(บาท)", "สถานที่\n\nดำเนินการ", "หน่วยงาน\n\nรับผิดชอบ\n\nหลัก"]
    row = [
        C("{{ p.no }}", style=s["tdc"]),
        C("{{ p.name }}", style=s["td"]),
        C("{{ p.activity }}", style=s["td"]),
        C("{{ p.budget }}", style=s["tdr"]),
        C("{{ p.location }}", style=s["td"]),
        C("{{ p.unit }}", style=s["td"]),
    ]
    row += [C(f"{{% cellbg p.fill[{i}] %}}{{{{ p.arrow[{i}] }}}}", style=s["month"], margin=MONTH_PAD) for i in range(12)]
    return lead, row


def form02_table(s: dict[str, str], item: str, detail: str, var: str, total: str) -> str:
    """One table for the whole form: header rows repeat on every page, a
    ยุทธศาสตร์ and a แผนงาน are heading rows kept with the rows below."""
    lead, row = form02_columns(s, item, detail)
    closing = R([C("รวมทั้งสิ้น", span=3, style=s["tdb"]), C(f"{{{{ {total} }}}}", style=s["tdbr"]), C("", span=14)], cant_split=True)
    return month_form_table(s, lead, row, var, "g.projects", closing)


def month_form_table(s: dict[str, str], lead: list[str], row: list[C], var: str, items: str, closing: R | None = None) -> str:
    """The ผด.02 shape: ``lead`` columns and the twelve months under the two
    fiscal-year halves, ยุทธศาสตร์ and แผนงาน heading rows from ``var``, one
    ``row`` for each of ``items``, and an optional ``closing`` row."""
    widths = [560, 2600, 2440, 2000, 1600, 1450] + [MONTH_W] * 12
    assert sum(widths) == LANDSCAPE_WIDTH
    top, bottom = month_header(s, lead)
    rows = [
        R(top, header=True),
        R(bottom, header=True, height=MONTH_LABEL_HEIGHT),
        [C(f"{{%tr for s in {var} %}}", span=18)],
        R([C("{{ s.number }}. {{ s.title }}", span=18, style=s["tdb"], keep=True)], cant_split=True),
        [C("{%tr for g in s.programs %}", span=18)],
        R([C("{{ g.number }} {{ g.name }}", span=18, style=s["tdb"], keep=True)], cant_split=True),
        [C(f"{{%tr for p in {items} %}}", span=18)],
        R(row, cant_split=True),
        [C("{%tr endfor %}", span=18)],
        [C("{%tr endfor %}", span=18)],
        [C("{%tr endfor %}", span=18)],
    ]
    return table([*rows, closing] if closing is not None else rows, widths)


def form02(doc: Doc, s: dict[str, str], var: str, total: str, item: str, detail: str, empty: str, mark: tuple[str, int]) -> None:
    """The form's tables, or one line saying there is nothing to list."""
    doc.xml(opening(s, *mark))
    doc.xml(p_xml(f"{{%p if {var} %}}"))
    program_tables(doc, s, item, detail, var, total)
    doc.xml(p_xml("{%p else %}"))
    doc.xml(p_xml(empty, style=s["title"]))
    doc.xml(p_xml("{%p endif %}"))


def program_tables(doc: Doc, s: dict[str, str], item: str, detail: str, var: str, total: str) -> None:
    """ผด.02 as a table per แผนงาน whose repeated header carries its ยุทธศาสตร์
    and แผนงาน: a page that continues a แผนงาน says which one it is. The
    grand total is the last table's last row."""
    lead, row = form02_columns(s, item, detail)
    widths = [560, 2600, 2440, 2000, 1600, 1450] + [MONTH_W] * 12
    top, bottom = month_header(s, lead)
    rows = [
        R(top, header=True),
        R(bottom, header=True, height=MONTH_LABEL_HEIGHT),
        R([C("{{ s.number }}. {{ s.title }}", span=18, style=s["tdb"], keep=True)], header=True),
        R([C("{{ g.number }} {{ g.name }}", span=18, style=s["tdb"], keep=True)], header=True),
        [C("{%tr for p in g.projects %}", span=18)],
        R(row, cant_split=True),
        [C("{%tr endfor %}", span=18)],
        # The grand total closes the last แผนงาน's table: a table of its own fell alone on a last page.
        [C(f"{{%tr if loop.last and s is sameas {var}[-1] %}}", span=18)],
        R([C("รวมทั้งสิ้น", span=3, style=s["tdb"]), C(f"{{{{ {total} }}}}", style=s["tdbr"]), C("", span=14)], cant_split=True),
        [C("{%tr endif %}", span=18)],
    ]
    doc.xml(p_xml(f"{{%p for s in {var} %}}"))
    doc.xml(p_xml("{%p for g in s.programs %}"))
    doc.xml(table(rows, widths))
    doc.xml(p_xml("", style=s["gap"]))  # tables side by side would be one table to Word
    doc.xml(p_xml("{%p endfor %}"))
    doc.xml(p_xml("{%p endfor %}"))


def form01(doc: Doc, s: dict[str, str], mark: tuple[str, int]) -> None:
    head = [
        "ยุทธศาสตร์ / แผนงาน",
        "จำนวน\n\nโครงการ",
        "คิดเป็นร้อยละของ\n\nโครงการทั้งหมด",
        "จำนวนงบประมาณ\n\n(บาท)",
        "คิดเป็นร้อยละของ\n\nงบประมาณทั้งหมด",
        "หน่วย\n\nดำเนินการ",
    ]
    widths = [4500, 1650, 2350, 2000, 2350, 2000]
    assert sum(widths) == LANDSCAPE_WIDTH

    def nums(prefix: str, bold: bool = False, keep: bool = False) -> list[C]:
        st = s["tdbr"] if bold else s["tdr"]
        return [C(f"{{{{ {prefix}.{k} }}}}", style=st, keep=keep) for k in ("count", "count_pct", "budget", "budget_pct")]

    rows = [
        R([C(h, style=s["th"]) for h in head], header=True),
        [C("{%tr for s in pd01.strategies %}", span=6)],
        R([C("{{ s.number }}. {{ s.title }}", span=6, style=s["tdb"], keep=True)], cant_split=True),
        [C("{%tr for p in s.programs %}", span=6)],
        # A strategy's rows are kept with its heading and its รวม: a strategy moves to the next page whole.
        R(
            [
                C("{{ p.number }} {{ p.name }}", style=s["td"], keep=True),
                *nums("p", keep=True),
                C("{{ p.units }}", style=s["td"], keep=True),
            ],
            cant_split=True,
        ),
        [C("{%tr endfor %}", span=6)],
        R([C("รวม", style=s["tdb"]), *nums("s", True), C("", style=s["td"])], cant_split=True),
        [C("{%tr endfor %}", span=6)],
        R([C("รวมทั้งสิ้น", style=s["tdb"]), *nums("pd01", True), C("", style=s["td"])], cant_split=True),
    ]
    doc.xml(opening(s, *mark))
    doc.xml(table(rows, widths))


def table_or(doc: Doc, var: str, table: str, empty: str) -> None:
    """``table`` when the list ``var`` has rows, else the paragraph ``empty`` ("- ไม่มี -")."""
    doc.xml(p_xml(f"{{%p if {var} %}}"))
    doc.xml(table)
    doc.xml(p_xml("{%p else %}"))
    doc.xml(empty)
    doc.xml(p_xml("{%p endif %}"))


def opening(s: dict[str, str], name: str, n: int) -> str:
    """The section's first paragraph (1 pt high), carrying the contents' bookmark."""
    return bookmarked(p_xml("", style=s["gap"]), name, n)


def portrait(top: float) -> tuple[Doc, dict[str, str], object]:
    """A new A4 portrait document with the styles and a draft-mark header."""
    doc = Doc()
    s = styles(doc)
    sec = doc.doc.sections[0]
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(3), Cm(2), Cm(top), Cm(2)
    header(sec, s)
    return doc, s, sec


PREFACE = [
    f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ.{NBSP}{{{{ year }}}} ของ{{{{ org_name }}}} จัดทำขึ้นตาม{{{{ regulation }}}} "
    f"หมวด{NBSP}5 ข้อ{NBSP}26 และข้อ{NBSP}27 เพื่อแสดงรายละเอียดโครงการ/กิจกรรมการพัฒนาที่ดำเนินการจริงทั้งหมดในพื้นที่"
    "ในปีงบประมาณนั้น ทำให้การดำเนินงานมีความชัดเจน มีการประสานและบูรณาการการทำงานกับหน่วยงานอื่น "
    "และเป็นเครื่องมือสำคัญในการติดตามและประเมินผล",
    "{{ org_name }} หวังเป็นอย่างยิ่งว่าแผนการดำเนินงานฉบับนี้จะเป็นประโยชน์ต่อการพัฒนาท้องถิ่น และต่อผู้ที่เกี่ยวข้องทุกฝ่ายต่อไป",
]


def plan_template(out: Path) -> Path:
    doc, s, sec = portrait(2.5)
    footer(sec, numbered=False)  # the cover carries no page number
    doc.xml('<w:p><w:pPr><w:spacing w:before="3600"/></w:pPr></w:p>')
    doc.xml(p_xml("แผนการดำเนินงาน", style=s["cover"]))
    doc.xml(p_xml(f"ประจำปีงบประมาณ พ.ศ.{NBSP}{{{{ year }}}}", style=s["cover"]))
    doc.xml(p_xml("{%p if revision %}"))
    doc.xml(p_xml("({{ revision }})", style=s["part"]))
    doc.xml(p_xml("{%p endif %}"))
    doc.xml('<w:p><w:pPr><w:spacing w:before="2400"/></w:pPr></w:p>')
    doc.xml(p_xml("{{ org_name }}", style=s["part"]))
    doc.xml(p_xml("อำเภอ{{ district }} จังหวัด{{ province }}", style=s["part"]))

    sec = new_section(doc, landscape=False, top=2.5)
    header(sec, s)
    footer(sec, numbered=True)
    restart_numbering(sec, "thaiLetters")
    doc.xml(bookmarked(p_xml("คำนำ", style=s["part"]), "plan_preface", 1))
    for text in PREFACE:
        doc.xml(p_xml(text, style=s["body"]))
    doc.p("")
    doc.xml(p_xml("{{ org_name }}", style=s["sign"]))
    doc.xml(p_xml("สารบัญ", style=s["part"]).replace("</w:pPr>", "<w:pageBreakBefore/></w:pPr>", 1))
    contents = [
        ("คำนำ", "plan_preface"),
        ("ส่วนที่ 1 บทนำ", "plan_intro"),
        ("ส่วนที่ 2 บัญชีโครงการ/กิจกรรม/งบประมาณ", "plan_part2"),
        (f"{NBSP * 6}แบบ ผด.01 บัญชีสรุปจำนวนโครงการและงบประมาณ", "plan_pd01"),
        (f"{NBSP * 6}แบบ ผด.02 บัญชีโครงการ/กิจกรรม/งบประมาณ", "plan_pd02"),
        (f"{NBSP * 6}แบบ ผด.02/1 บัญชีจำนวนครุภัณฑ์", "plan_pd021"),
    ]
    for text, mark in contents:
        # คำนำ opens the front matter: page ก (LibreOffice prints a page reference to a lettered page as "1").
        doc.xml(toc_line(text, mark, s, fixed="ก" if mark == "plan_preface" else None))
    sec = new_section(doc, landscape=False, top=2.5)
    header(sec, s)
    footer(sec, numbered=True)
    restart_numbering(sec)
    doc.xml(bookmarked(p_xml("ส่วนที่ 1", style=s["part"]), "plan_intro", 2))
    doc.xml(p_xml("บทนำ", style=s["part"]))
    doc.xml(p_xml("{%p for b in intro %}"))
    doc.xml(p_xml("{%p if b.kind == 'heading' %}"))
    doc.xml(p_xml("{{ b.text }}", style=s["sub"]))
    doc.xml(p_xml("{%p elif b.kind == 'item' %}"))
    doc.xml(p_xml("{{ b.text }}", style=s["item"]))
    doc.xml(p_xml("{%p else %}"))
    doc.xml(p_xml("{{ b.text }}", style=s["body"]))
    doc.xml(p_xml("{%p endif %}"))
    doc.xml(p_xml("{%p endfor %}"))

    # ส่วนที่ 2 opens on a page of its own, as printed plans divide their parts.
    sec = new_section(doc, landscape=False, top=2.5)
    header(sec, s)
    footer(sec, numbered=True)
    doc.xml('<w:p><w:pPr><w:spacing w:before="4800"/></w:pPr></w:p>')
    doc.xml(bookmarked(p_xml("ส่วนที่ 2", style=s["cover"]), "plan_part2", 3))
    doc.xml(p_xml("บัญชีโครงการ/กิจกรรม/งบประมาณ", style=s["part"]))
    doc.xml(p_xml("แบบ ผด.01 แบบ ผด.02 และแบบ ผด.02/1", style=s["title"]))

    sec = new_section(doc, landscape=True, top=2.8)
    header(sec, s, "แบบ ผด.01", titles("บัญชีสรุปจำนวนโครงการและงบประมาณ"))
    footer(sec, numbered=True)
    form01(doc, s, ("plan_pd01", 4))

    sec = new_section(doc, landscape=True, top=2.8)
    header(sec, s, "แบบ ผด.02", titles("บัญชีโครงการ/กิจกรรม/งบประมาณ"))
    footer(sec, numbered=True)
    form02(
        doc, s, "pd02", "pd02_total", "โครงการ", "รายละเอียดของ\n\nกิจกรรมที่เกิดขึ้น\n\nจากโครงการ", "- ไม่มีโครงการ -", ("plan_pd02", 5)
    )

    sec = new_section(doc, landscape=True, top=2.8)
    header(sec, s, "แบบ ผด.02/1", titles("บัญชีจำนวนครุภัณฑ์สำหรับที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น"))
    footer(sec, numbered=True)
    form02(doc, s, "pd021", "pd021_total", "ครุภัณฑ์", "รายละเอียดของครุภัณฑ์", "- ไม่มีรายการครุภัณฑ์ -", ("plan_pd021", 6))
    return doc.save(out / "plan.docx")


ANNOUNCEMENT = [
    f"ตาม{{{{ regulation }}}} หมวด{NBSP}5 ข้อ{NBSP}26 และข้อ{NBSP}27 "
    "กำหนดให้องค์กรปกครองส่วนท้องถิ่นจัดทำแผนการดำเนินงานให้แล้วเสร็จภายในสามสิบวันนับแต่วันที่ประกาศใช้งบประมาณรายจ่ายประจำปี "
    "งบประมาณรายจ่ายเพิ่มเติม งบประมาณจากเงินสะสม หรือได้รับแจ้งแผนงานและโครงการจากหน่วยงานราชการอื่น "
    "และประกาศให้ประชาชนในท้องถิ่นทราบโดยทั่วกัน",
    "{{ org_name }} ได้ประกาศใช้{{ ordinance_word }}งบประมาณรายจ่ายประจำปีงบประมาณ "
    f"พ.ศ.{NBSP}{{{{ year }}}} เมื่อวันที่ {{{{ ordinance_date }}}}"
    "{% if event_text %} และ{{ event_text }}{% endif %}"
    "{% if committee_date %} และคณะกรรมการพัฒนาท้องถิ่นได้พิจารณาร่างแผนการดำเนินงานแล้ว เมื่อวันที่ {{ committee_date }}{% endif %} "
    f"จึงประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ.{NBSP}{{{{ year }}}}{{% if revision_long %}} {{{{ revision_long }}}}{{% endif %}} "
    "(ตั้งแต่วันที่ 1 ตุลาคม {{ prev_year }} ถึงวันที่ 30 กันยายน {{ year }}) "
    "ประกอบด้วยโครงการ/กิจกรรม จำนวน {{ project_count }} โครงการ งบประมาณ {{ project_budget }} บาท"
    "{% if equipment_count != '0' %} และครุภัณฑ์ที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น จำนวน {{ equipment_count }} รายการ "
    "งบประมาณ {{ equipment_budget }} บาท{% endif %} รวมงบประมาณทั้งสิ้น {{ total_budget }} บาท ({{ total_budget_text }}) "
    "รายละเอียดปรากฏตามแผนการดำเนินงานแนบท้ายประกาศนี้",
]


def announcement_template(out: Path) -> Path:
    doc, s, sec = portrait(1.2)
    sec.bottom_margin = Cm(1.5)  # one A4 page: the emblem, the text, the date and the signature
    sec.header_distance, sec.footer_distance = Cm(0.6), Cm(0.6)
    footer(sec, numbered=False)
    # The emblem: the organisation's own image (templates/garuda.png) is put
    # here by the renderer; without one the slot stays empty (missing-emblem).
    doc.xml(p_xml("{%p if emblem %}"))
    doc.xml(p_xml("{{ emblem }}", align="center"))
    doc.xml(p_xml("{%p endif %}"))
    doc.xml(p_xml("ประกาศ{{ org_name }}", style=s["title"]))
    doc.xml(
        p_xml(
            f"เรื่อง ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ.{NBSP}{{{{ year }}}}{{% if revision_long %}} {{{{ revision_long }}}}{{% endif %}}",
            style=s["title"],
        )
    )
    doc.xml(p_xml("-------------------------------------", style=s["title"]))
    for text in ANNOUNCEMENT:
        doc.xml(p_xml(text, style=s["notice"]))
    doc.xml(p_xml("จึงประกาศให้ทราบโดยทั่วกัน", style=s["notice"]))
    doc.xml(p_xml("ประกาศ ณ วันที่ {{ announce.day }} เดือน {{ announce.month }} พ.ศ. {{ announce.be_year }}", style=s["dated"]))
    doc.xml(p_xml("", style=s["signgap"]))  # room to sign
    doc.xml(p_xml("{{ signature_name }}", style=s["sign"]))
    doc.xml(p_xml("{{ signature_position }}", style=s["sign"]))
    return doc.save(out / "announcement.docx")


FORM_STEPS = [
    "คำชี้แจง (แบบร่างสำหรับ{{ unit }}): ชื่อโครงการและงบประมาณที่กรอกไว้แล้วมาจาก{{ ordinance_word }}งบประมาณ — "
    "อย่าแก้ชื่อหรือเพิ่มงบประมาณเกินที่ตั้งไว้",
    "1) กรอกรายละเอียดกิจกรรม สถานที่ดำเนินการ และทำเครื่องหมาย ✓ หรือแรเงาช่องเดือนที่ดำเนินการ (หรือวาดลูกศรคร่อมเดือน)  "
    "2) โครงการอื่นที่อยู่ในแผนพัฒนาท้องถิ่น กรอกในแถวว่างใต้แผนงานที่ถูกต้อง (แทรกแถวเพิ่มได้)  "
    "3) อย่าแก้หัวตารางและแถวยุทธศาสตร์/แผนงาน  4) บันทึกเป็น .docx ส่งคืนงานนโยบายและแผน",
]


def form_template(out: Path) -> Path:
    """A blank ผด.02 draft for one division (``python -m pipeline forms``):
    the plan's own ผด.02 columns and month header, ยุทธศาสตร์/แผนงาน heading
    rows, the division's ordinance lines filled in, the steps in the page
    header (the reader reads only the body, so they never reach a record)."""
    doc, s, sec = landscape_document(3.7)
    noted_header(sec, s, "แบบร่าง ผด.02 — {{ unit }}", FORM_STEPS)
    footer(sec, numbered=True)
    doc.xml(p_xml("บัญชีโครงการ/กิจกรรม/งบประมาณ", style=s["title"]))
    doc.xml(p_xml(f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ.{NBSP}{{{{ year }}}}", style=s["title"]))
    doc.xml(p_xml("{{ org_name }} อำเภอ{{ district }} จังหวัด{{ province }}", style=s["title"]))
    doc.xml(p_xml("หน่วยงานรับผิดชอบ: {{ unit }}", style=s["title"]))
    lead = [
        "ที่",
        "โครงการ",
        "รายละเอียดของกิจกรรม\n\nที่เกิดขึ้นจากโครงการ",
        "งบประมาณ\n\n(บาท)",
        "สถานที่\n\nดำเนินการ",
        "หน่วยงาน\n\nรับผิดชอบ\n\nหลัก",
    ]
    row = [
        C("{{ p.no }}", style=s["tdc"]),
        C("{{ p.name }}", style=s["td"]),
        C("", style=s["td"]),
        C("{{ p.budget }}", style=s["tdr"]),
        C("", style=s["td"]),
        C("{{ p.unit }}", style=s["td"]),
    ] + [C("", style=s["month"], margin=MONTH_PAD) for _ in range(12)]
    doc.xml(month_form_table(s, lead, row, "strategies", "g.rows"))
    return doc.save(out / "form.docx")


TRACK_STEPS = [
    "คำชี้แจง (แบบติดตามสำหรับ{{ unit }}): ทำเครื่องหมาย ✓ ในช่องสถานะช่องเดียวต่อโครงการ กรอกจำนวนเงินที่เบิกจ่ายแล้ว (บาท) "
    "และเหตุผลในช่องหมายเหตุเมื่อยกเลิกหรือยังไม่ได้ดำเนินการ — อย่าแก้ชื่อโครงการหรือหัวตาราง บันทึกเป็น .docx ส่งคืนงานนโยบายและแผน",
]
TRACK_HEAD = [
    "ที่",
    "โครงการ",
    "งบประมาณ\n\nตามแผน (บาท)",
    "ดำเนินการ\n\nแล้วเสร็จ",
    "อยู่ระหว่าง\n\nดำเนินการ",
    "ยังไม่ได้\n\nดำเนินการ",
    "ยกเลิก",
    "เบิกจ่าย (บาท)",
    "หมายเหตุ",
]


def landscape_document(top: float) -> tuple[Doc, dict[str, str], object]:
    doc = Doc()
    s = styles(doc)
    s["note"] = style(doc, "FormNote", 12, line=14)
    sec = doc.doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21)
    sec.left_margin, sec.right_margin = Cm(2), Cm(1.5)
    sec.top_margin, sec.bottom_margin, sec.header_distance, sec.footer_distance = Cm(top), Cm(1.1), Cm(0.6), Cm(0.4)
    return doc, s, sec


def noted_header(sec, s: dict[str, str], code: str, notes: list[str]) -> None:
    sec.header.is_linked_to_previous = False
    _clear(sec.header)
    xml = p_xml(code, style=s["code"]) + "".join(p_xml(t, style=s["note"]) for t in notes)
    for el in parse_xml(f"<w:hdr {nsdecls('w')}>{xml}</w:hdr>"):
        sec.header._element.append(el)


def tracking_template(out: Path) -> Path:
    """A status form for one division (``python -m pipeline track-forms``):
    its projects and equipment with the planned budget, four status columns
    to tick, the amount disbursed and a note."""
    doc, s, sec = landscape_document(3.0)
    noted_header(sec, s, "แบบติดตามผลการดำเนินงาน — {{ unit }}", TRACK_STEPS)
    footer(sec, numbered=True)
    doc.xml(p_xml(f"แบบติดตามผลการดำเนินงานตามแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ.{NBSP}{{{{ year }}}}", style=s["title"]))
    doc.xml(p_xml("{{ org_name }} อำเภอ{{ district }} จังหวัด{{ province }}", style=s["title"]))
    doc.xml(p_xml("หน่วยงานรับผิดชอบ: {{ unit }}", style=s["title"]))
    doc.xml(p_xml("ช่วงที่รายงาน: {{ period }}", style=s["title"]))
    widths = [560, 3990, 1700, 1350, 1350, 1350, 1350, 1650, 1550]
    assert sum(widths) == LANDSCAPE_WIDTH
    row = [
        C("{{ p.no }}", style=s["tdc"]),
        C("{{ p.name }}", style=s["td"]),
        C("{{ p.budget }}", style=s["tdr"]),
        *[C("", style=s["tdc"]) for _ in range(4)],
        C("", style=s["tdr"]),
        C("", style=s["td"]),
    ]
    rows = [
        R([C(h, style=s["th"]) for h in TRACK_HEAD], header=True),
        [C("{%tr for p in rows %}", span=9)],
        R(row, cant_split=True),
        [C("{%tr endfor %}", span=9)],
    ]
    doc.xml(table(rows, widths))
    return doc.save(out / "tracking.docx")


PROGRESS_HEAD = [
    "ยุทธศาสตร์ / แผนงาน",
    "จำนวน",
    "แล้วเสร็จ",
    "อยู่ระหว่าง",
    "ยังไม่ได้",
    "ยกเลิก",
    "ไม่มี\n\nรายงาน",
    "งบประมาณ\n\nตามแผน (บาท)",
    "เบิกจ่าย\n\n(บาท)",
    "ร้อยละ\n\nเบิกจ่าย",
]
PROGRESS_COUNTS = ("projects", "done", "in_progress", "not_started", "cancelled", "unreported")


def progress_template(out: Path) -> Path:
    """The follow-up report for the council and the monitoring committee
    (``python -m pipeline progress``): the totals in words, the summary per
    ยุทธศาสตร์ and แผนงาน, the completion chart, the projects behind schedule
    and those cancelled."""
    doc, s, sec = landscape_document(2.0)
    header(sec, s)
    footer(sec, numbered=True)
    for line in (
        f"รายงานผลการติดตามและประเมินผลแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ.{NBSP}{{{{ year }}}}",
        "{{ org_name }} อำเภอ{{ district }} จังหวัด{{ province }}",
        "ช่วงที่รายงาน: {{ period }}",
    ):
        doc.xml(p_xml(line, style=s["title"]))
    doc.xml(
        p_xml(
            "โครงการและครุภัณฑ์ตามแผนทั้งหมด {{ total.projects }} รายการ งบประมาณ {{ total.planned }} บาท "
            "เบิกจ่ายแล้ว {{ total.disbursed }} บาท (ร้อยละ {{ total.disbursed_share }}) — ดำเนินการแล้วเสร็จ {{ total.done }} "
            "(ร้อยละ {{ total.done_share }}) อยู่ระหว่างดำเนินการ {{ total.in_progress }} ยังไม่ได้ดำเนินการ {{ total.not_started }} "
            "ยกเลิก {{ total.cancelled }} และไม่มีรายงาน {{ total.unreported }} รายการ",
            style=s["body"],
        )
    )
    doc.xml(p_xml("1. สรุปผลการดำเนินงาน จำแนกตามยุทธศาสตร์และแผนงาน", style=s["sub"]))
    widths = [3450, 1050, 1050, 1050, 1050, 1050, 1050, 1850, 1850, 1400]
    assert sum(widths) == LANDSCAPE_WIDTH

    def numbers(var: str, bold: bool) -> list[C]:
        num = s["tdbr"] if bold else s["tdr"]
        return [C(f"{{{{ {var}.{k} }}}}", style=num) for k in (*PROGRESS_COUNTS, "planned", "disbursed", "disbursed_share")]

    rows = [
        R([C(h, style=s["th"]) for h in PROGRESS_HEAD], header=True),
        [C("{%tr for r in strategies %}", span=10)],
        R([C("{{ r.number }}. {{ r.title }}", style=s["tdb"], keep=True), *numbers("r", True)], cant_split=True),
        [C("{%tr for g in r.programs %}", span=10)],
        R([C("{{ g.number }} {{ g.name }}", style=s["td"]), *numbers("g", False)], cant_split=True),
        [C("{%tr endfor %}", span=10)],
        [C("{%tr endfor %}", span=10)],
        R([C("รวมทั้งสิ้น", style=s["tdb"]), *numbers("total", True)], cant_split=True),
    ]
    doc.xml(table(rows, widths))
    doc.xml(p_xml("2. ความก้าวหน้าของโครงการ จำแนกตามยุทธศาสตร์", style=s["sub"]))
    doc.xml(p_xml("{{ chart }}", align="center"))

    def listing(title: str, var: str, head: list[str], fields: list[str], widths: list[int], empty: str) -> None:
        assert sum(widths) == LANDSCAPE_WIDTH
        doc.xml(p_xml(title, style=s["sub"]))
        cells = [C(f"{{{{ x.{f} }}}}", style=s["tdr"] if f == "budget" else s["td"]) for f in fields]
        rows = [
            R([C(h, style=s["th"]) for h in head], header=True),
            [C(f"{{%tr for x in {var} %}}", span=len(head))],
            R(cells, cant_split=True),
            [C("{%tr endfor %}", span=len(head))],
        ]
        table_or(doc, var, table(rows, widths), p_xml(empty, style=s["body"]))

    listing(
        "3. โครงการที่ล่าช้ากว่าแผน (กำหนดดำเนินการพ้นแล้ว แต่ยังไม่ได้ดำเนินการ)",
        "behind",
        ["ที่", "โครงการ", "หน่วยงาน", "เดือนที่กำหนด", "งบประมาณ (บาท)", "หมายเหตุ"],
        ["no", "name", "unit", "months", "budget", "note"],
        [560, 5490, 2100, 1800, 1900, 3000],
        "- ไม่มีโครงการที่ล่าช้ากว่าแผน -",
    )
    listing(
        "4. โครงการที่ยกเลิก",
        "cancelled",
        ["ที่", "โครงการ", "หน่วยงาน", "งบประมาณ (บาท)", "หมายเหตุ"],
        ["no", "name", "unit", "budget", "note"],
        [560, 6590, 2600, 2000, 3100],
        "- ไม่มีโครงการที่ยกเลิก -",
    )
    signatures(doc, s, ("ผู้รายงาน", "ผู้ตรวจ"))
    return doc.save(out / "progress.docx")


def signatures(doc: Doc, s: dict[str, str], roles: tuple[str, str]) -> None:
    """Two signature blocks side by side ("ลงชื่อ …… ผู้รายงาน", the name, the position), dotted to sign by hand."""
    dots = "." * 40
    tabs = f'<w:tabs><w:tab w:val="center" w:pos="{LANDSCAPE_WIDTH // 4}"/><w:tab w:val="center" w:pos="{LANDSCAPE_WIDTH * 3 // 4}"/></w:tabs>'
    lines = [
        [f"ลงชื่อ {dots} {role}" for role in roles],
        [f"({dots})"] * 2,
        [f"ตำแหน่ง {dots}"] * 2,
    ]
    for n, (left, right) in enumerate(lines):
        before = '<w:spacing w:before="360"/>' if n == 0 else ""
        keep = "<w:keepNext/>" if n < len(lines) - 1 else ""
        doc.xml(
            f'<w:p><w:pPr><w:pStyle w:val="{s["sign"]}"/>{keep}{tabs}{before}<w:jc w:val="left"/></w:pPr>'
            f'<w:r><w:tab/><w:t xml:space="preserve">{left}</w:t><w:tab/><w:t xml:space="preserve">{right}</w:t></w:r></w:p>'
        )
