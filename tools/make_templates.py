"""Write templates/plan.docx and templates/announcement.docx (the starting
point; users then restyle them in Word). python tools/make_templates.py [DIR]

Every title, column heading and fixed sentence of the forms lives in these
documents, not in code: SPEC marks them *(verify)*, so a planning officer must
be able to change them in Word. Thai bold is set with w:b *and* w:bCs, sizes
with w:sz *and* w:szCs, fonts with w:cs, or Word renders Thai regular-weight.
"""

from __future__ import annotations

import struct
import sys
import tempfile
import zlib
from pathlib import Path

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from tools.docxkit import C, Doc, R, p_xml, rpr_xml, tbl_xml

MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
ALIGN = {
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "both": WD_ALIGN_PARAGRAPH.THAI_JUSTIFY,  # กระจายแบบไทย: spreads between letters, not only at spaces
}


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
) -> str:
    """A paragraph (or character) style with Thai-correct font, size and bold."""
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
    old = st.element.find(qn("w:rPr"))
    if old is not None:
        st.element.remove(old)
    st.element.append(parse_xml(rpr_xml(size, bold, color)))
    return st.style_id


def styles(doc: Doc) -> dict[str, str]:
    return {
        "cover": style(doc, "PlanCover", 28, bold=True, align="center", after=12),
        "part": style(doc, "PlanPart", 20, bold=True, align="center", after=6),
        "sub": style(doc, "PlanSubheading", 16, bold=True, before=6, keep=True),
        "body": style(doc, "PlanBody", 16, align="both", indent=2.5),
        "item": style(doc, "PlanItem", 16, indent=1.25),
        "code": style(doc, "FormCode", 16, bold=True, align="right"),
        "title": style(doc, "FormTitle", 16, bold=True, align="center"),
        "th": style(doc, "TableHead", 14, bold=True, align="center"),
        "td": style(doc, "TableText", 14),
        "tdr": style(doc, "TableNumber", 14, align="right"),
        "tdb": style(doc, "TableBold", 14, bold=True),
        "tdbr": style(doc, "TableBoldNumber", 14, bold=True, align="right"),
        "month": style(doc, "TableMonth", 9, align="center"),
        "year": style(doc, "TableYear", 12, bold=True, align="center"),
        "draft": style(doc, "DraftMark", 16, bold=True, align="center", color="C00000"),
        "strong": style(doc, "ThaiBold", 16, bold=True, char=True),
    }


def header(section, s: dict[str, str], code: str | None, titles: list[str]) -> None:
    """Draft mark, the form code top-right and the three centred title lines:
    in the page header, so every page of the form carries them."""
    section.header.is_linked_to_previous = False
    hdr = section.header._element
    for child in list(hdr):
        hdr.remove(child)
    xml = p_xml("{%p if draft %}") + p_xml("{{ draft_mark }}", style=s["draft"]) + p_xml("{%p endif %}")
    if code:
        xml += p_xml(code, style=s["code"])
    xml += "".join(p_xml(t, style=s["title"]) for t in titles)
    for el in parse_xml(f"<w:hdr {nsdecls('w')}>{xml}</w:hdr>"):
        hdr.append(el)


def footer_page_number(section) -> None:
    section.footer.is_linked_to_previous = False
    ftr = section.footer._element
    for child in list(ftr):
        ftr.remove(child)
    ftr.append(
        parse_xml(
            f'<w:p {nsdecls("w")}><w:pPr><w:jc w:val="center"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'
        )
    )


def landscape(doc: Doc, top: float = 4.6):
    sec = doc.doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    sec.top_margin, sec.bottom_margin, sec.header_distance = Cm(top), Cm(1.5), Cm(0.8)
    return sec


def titles(first: str) -> list[str]:
    return [
        first,
        "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {{ year }}{% if revision %} ({{ revision }}){% endif %}",
        "{{ org_name }} อำเภอ{{ district }} จังหวัด{{ province }}",
    ]


def form02_table(s: dict[str, str], item: str, detail: str) -> str:
    lead = ["ที่", item, detail, "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก"]
    widths = [400, 2200, 2250, 1850, 1210, 1050] + [420] * 12
    # Not vMerge: LibreOffice clips vertically merged cells in repeated header
    # rows. A hidden border between the two rows looks the same on paper.
    top = [C(h.replace("\n", "\n\n"), style=s["th"], borders='<w:bottom w:val="nil"/>') for h in lead]
    top += [C("พ.ศ. {{ prev_year_num }}", span=3, style=s["year"]), C("พ.ศ. {{ year_num }}", span=9, style=s["year"])]
    bottom = [C("", style=s["th"], borders='<w:top w:val="nil"/>') for _ in lead] + [C(m, style=s["month"]) for m in MONTHS]
    row = [
        C("{{ p.no }}", style=s["td"]),
        C("{{ p.name }}", style=s["td"]),
        C("{{ p.activity }}", style=s["td"]),
        C("{{ p.budget }}", style=s["tdr"]),
        C("{{ p.location }}", style=s["td"]),
        C("{{ p.unit }}", style=s["td"]),
    ]
    row += [C(f"{{% cellbg p.fill[{i}] %}}", style=s["td"]) for i in range(12)]
    rows = [
        R(top, header=True),
        R(bottom, header=True),
        [C("{%tr for p in g.projects %}", span=18)],
        R(row, cant_split=True),
        [C("{%tr endfor %}", span=18)],
    ]
    return tbl_xml(rows, widths, margin=20)


def form02(doc: Doc, s: dict[str, str], var: str, item: str, detail: str, empty: str) -> None:
    doc.xml(p_xml(f"{{%p for s in {var} %}}"))
    doc.xml(p_xml("{{ s.number }}. {{ s.title }}", style=s["sub"]))
    doc.xml(p_xml("{%p for g in s.programs %}"))
    doc.xml(p_xml("{{ g.number }} {{ g.name }}", style=s["sub"]))
    doc.xml(form02_table(s, item, detail))
    doc.xml(p_xml("{%p endfor %}"))
    doc.xml(p_xml("{%p endfor %}"))
    doc.xml(p_xml(f"{{%p if not {var} %}}"))
    doc.xml(p_xml(empty, style=s["title"]))
    doc.xml(p_xml("{%p endif %}"))


def form01(doc: Doc, s: dict[str, str]) -> None:
    head = [
        "ยุทธศาสตร์ / แผนงาน",
        "จำนวนโครงการ\n\nที่ดำเนินการ",
        "คิดเป็นร้อยละ\n\nของโครงการทั้งหมด",
        "จำนวน\n\nงบประมาณ (บาท)",
        "คิดเป็นร้อยละ\n\nของงบประมาณทั้งหมด",
        "หน่วยดำเนินการ",
    ]
    widths = [4700, 1400, 1600, 2200, 1600, 2500]

    def nums(prefix: str, bold: bool = False) -> list[C]:
        st = s["tdbr"] if bold else s["tdr"]
        return [C(f"{{{{ {prefix}.{k} }}}}", style=st) for k in ("count", "count_pct", "budget", "budget_pct")]

    rows = [
        R([C(h, style=s["th"]) for h in head], header=True),
        [C("{%tr for s in pd01.strategies %}", span=6)],
        R([C("{{ s.number }}. {{ s.title }}", span=6, style=s["tdb"])], cant_split=True),
        [C("{%tr for p in s.programs %}", span=6)],
        R([C("    {{ p.name }}", style=s["td"]), *nums("p"), C("{{ p.units }}", style=s["td"])], cant_split=True),
        [C("{%tr endfor %}", span=6)],
        R([C("รวม", style=s["tdb"]), *nums("s", True), C("", style=s["td"])], cant_split=True),
        [C("{%tr endfor %}", span=6)],
        R([C("รวมทั้งสิ้น", style=s["tdb"]), *nums("pd01", True), C("", style=s["td"])], cant_split=True),
    ]
    doc.xml(tbl_xml(rows, widths, margin=80))


def portrait(top: float) -> tuple[Doc, dict[str, str], object]:
    """A new A4 portrait document with the styles and a draft-mark header."""
    doc = Doc()
    s = styles(doc)
    sec = doc.doc.sections[0]
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(3), Cm(2), Cm(top), Cm(2)
    header(sec, s, None, [])
    return doc, s, sec


def plan_template(out: Path) -> Path:
    doc, s, sec = portrait(2.5)
    doc.xml('<w:p><w:pPr><w:spacing w:before="3600"/></w:pPr></w:p>')
    doc.xml(p_xml("แผนการดำเนินงาน", style=s["cover"]))
    doc.xml(p_xml("ประจำปีงบประมาณ พ.ศ. {{ year }}", style=s["cover"]))
    doc.xml(p_xml("{%p if revision %}"))
    doc.xml(p_xml("({{ revision }})", style=s["part"]))
    doc.xml(p_xml("{%p endif %}"))
    doc.xml('<w:p><w:pPr><w:spacing w:before="2400"/></w:pPr></w:p>')
    doc.xml(p_xml("{{ org_name }}", style=s["part"]))
    doc.xml(p_xml("อำเภอ{{ district }} จังหวัด{{ province }}", style=s["part"]))
    doc.xml(p_xml("ส่วนที่ 1", style=s["part"]).replace("</w:pPr>", "<w:pageBreakBefore/></w:pPr>", 1))
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
    footer_page_number(sec)

    sec = landscape(doc)
    header(sec, s, "แบบ ผด.01", titles("บัญชีสรุปจำนวนโครงการและงบประมาณ"))
    doc.xml(p_xml("ส่วนที่ 2 บัญชีโครงการ/กิจกรรม/งบประมาณ", style=s["sub"]))
    form01(doc, s)

    sec = landscape(doc)
    header(sec, s, "แบบ ผด.02", titles("บัญชีโครงการ/กิจกรรม/งบประมาณ"))
    form02(doc, s, "pd02", "โครงการ", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", "- ไม่มีโครงการ -")

    sec = landscape(doc)
    header(sec, s, "แบบ ผด.02/1", titles("บัญชีจำนวนครุภัณฑ์สำหรับที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น"))
    form02(doc, s, "pd021", "ครุภัณฑ์", "รายละเอียดของครุภัณฑ์", "- ไม่มีรายการครุภัณฑ์ -")
    return doc.save(out / "plan.docx")


def placeholder_png(size: int = 240) -> bytes:
    """A grey disc on white: where the Garuda emblem goes (replace it in Word,
    or put templates/garuda.png beside the template)."""
    rows = []
    c, r2 = size / 2, (size / 2 - 4) ** 2
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            d = (x - c) ** 2 + (y - c) ** 2
            row.append(150 if d <= r2 and d >= r2 * 0.85 else (225 if d < r2 else 255))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", raw)
        + chunk(b"IEND", b"")
    )


def announcement_template(out: Path) -> Path:
    doc, s, _ = portrait(1.5)
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "garuda.png"
        png.write_bytes(placeholder_png())
        para = doc.doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run().add_picture(str(png), width=Cm(3))
    doc.xml(p_xml("ประกาศ{{ org_name }}", style=s["title"]))
    doc.xml(
        p_xml(
            "เรื่อง ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {{ year }}{% if revision %} ({{ revision }}){% endif %}",
            style=s["title"],
        )
    )
    doc.xml(p_xml("-------------------------------------", style=s["title"]))
    body = [
        "ตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 และที่แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2559 "
        "และ (ฉบับที่ 3) พ.ศ. 2561 หมวด 5 ข้อ 26 และข้อ 27 กำหนดให้องค์กรปกครองส่วนท้องถิ่นจัดทำแผนการดำเนินงาน "
        "ให้แล้วเสร็จภายในสามสิบวันนับแต่วันที่ประกาศใช้งบประมาณรายจ่ายประจำปี และให้ประกาศให้ประชาชนในท้องถิ่นทราบโดยทั่วกัน",
        "{{ org_name }} จึงได้จัดทำแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {{ year }} (ตั้งแต่วันที่ 1 ตุลาคม {{ prev_year }} "
        "ถึงวันที่ 30 กันยายน {{ year }}) จำนวน {{ project_count }} โครงการ{% if equipment_count != '0' %} "
        "และครุภัณฑ์ {{ equipment_count }} รายการ{% endif %} งบประมาณรวมทั้งสิ้น {{ total_budget }} บาท ({{ total_budget_text }}) "
        "เพื่อใช้เป็นแนวทางในการดำเนินงานในปีงบประมาณดังกล่าว รายละเอียดปรากฏตามแผนการดำเนินงานแนบท้ายประกาศนี้",
    ]
    for text in body:
        doc.xml(p_xml(text, style=s["body"]))
    doc.xml(p_xml("จึงประกาศให้ทราบโดยทั่วกัน", style=s["body"]))
    doc.p("")
    doc.xml(p_xml("ประกาศ ณ วันที่ {{ announce.day }} เดือน {{ announce.month }} พ.ศ. {{ announce.be_year }}", style=s["title"]))
    sign = style(doc, "Signature", 16, align="center", keep=True)
    doc.xml(p_xml("", style=sign))
    doc.xml(p_xml("", style=sign))
    doc.xml(p_xml("({{ signatory }})", style=sign))
    doc.xml(p_xml("{{ position }}", style=sign))
    return doc.save(out / "announcement.docx")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    plan_template(out)
    announcement_template(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "templates")
