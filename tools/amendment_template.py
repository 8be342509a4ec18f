"""templates/amendment.docx (python -m tools.templates writes it with
the others): แผนการดำเนินงาน แก้ไข/เพิ่มเติม as published amendments are set
out — the reason, the lists that have items in the ผด.02 shape, the counts and
budgets before and after. Built on make_templates' styles and tables."""

from __future__ import annotations

from pathlib import Path

from docx.shared import Cm

from tools.docxkit import C, Doc, R, p_xml
from tools.make_templates import (
    LANDSCAPE_WIDTH,
    MONTH_LABEL_HEIGHT,
    MONTH_PAD,
    MONTH_W,
    NBSP,
    footer,
    form02_table,
    header,
    month_header,
    styles,
    table,
)


def changed_table(s: dict[str, str]) -> str:
    """Changed items in the ผด.02 shape: under each ยุทธศาสตร์ and แผนงาน, a
    pair of rows per item, "เดิม" and "แก้ไขใหม่" (kept on one page), then the
    totals of both."""
    lead = ["ที่", "ฉบับ", "โครงการ", "รายละเอียด\n\nของกิจกรรม", "งบประมาณ\n\n(บาท)", "สถานที่\n\nดำเนินการ", "หน่วยงาน\n\nรับผิดชอบ"]
    # ฉบับ as narrow as "แก้ไข" ("แก้ไขใหม่" on two lines), so the activity is as wide as the plan's (2440):
    # narrower, its rows grew taller than a page and left the headings alone on one.
    widths = [450, 780, 2350, 2470, 1750, 1450, 1400] + [MONTH_W] * 12
    assert sum(widths) == LANDSCAPE_WIDTH
    top, bottom = month_header(s, lead)

    def version(which: str, label: str, first: bool) -> R:
        def cell(field: str, style: str) -> C:
            return C(f"{{{{ c.{which}.{field} }}}}", style=s[style], keep=first)

        cells = [C("{{ c.no }}" if first else "", style=s["tdc"], keep=first), C(label, style=s["tdb"], keep=first)]
        cells += [cell("name", "td"), cell("activity", "td"), cell("budget", "tdr"), cell("location", "td"), cell("unit", "td")]
        cells += [C(f"{{% cellbg c.{which}.fill[{i}] %}}", style=s["month"], margin=MONTH_PAD) for i in range(12)]
        return R(cells, cant_split=True)

    def total(label: str, var: str) -> R:
        return R([C(label, span=4, style=s["tdb"]), C(f"{{{{ {var} }}}}", style=s["tdbr"]), C("", span=14)], cant_split=True)

    rows = [
        R(top, header=True),
        R(bottom, header=True, height=MONTH_LABEL_HEIGHT),
        [C("{%tr for s in sec.groups %}", span=19)],
        R([C("{{ s.number }}. {{ s.title }}", span=19, style=s["tdb"], keep=True)], cant_split=True),
        [C("{%tr for g in s.programs %}", span=19)],
        R([C("{{ g.number }} {{ g.name }}", span=19, style=s["tdb"], keep=True)], cant_split=True),
        [C("{%tr for c in g.changes %}", span=19)],
        version("old", "เดิม", True),
        version("new", "แก้ไขใหม่", False),
        [C("{%tr endfor %}", span=19)],
        [C("{%tr endfor %}", span=19)],
        [C("{%tr endfor %}", span=19)],
        total("รวม (เดิม)", "sec.old_total"),
        total("รวม (แก้ไขใหม่)", "sec.new_total"),
    ]
    return table(rows, widths)


def summary_table(s: dict[str, str]) -> str:
    """Counts and budgets before and after, per ยุทธศาสตร์ and แผนงาน (numbered as in the plan)."""
    head = [
        "ยุทธศาสตร์ / แผนงาน",
        "ก่อนแก้ไข\n\n({{ sm.unit }})",
        "ก่อนแก้ไข\n\n(บาท)",
        "หลังแก้ไข\n\n({{ sm.unit }})",
        "หลังแก้ไข\n\n(บาท)",
        "เพิ่ม/ลด\n\n(บาท)",
    ]
    widths = [5650, 1600, 2100, 1600, 2100, 1800]
    assert sum(widths) == LANDSCAPE_WIDTH

    def figures(var: str, bold: bool) -> list[C]:
        keys = ("count_before", "budget_before", "count_after", "budget_after", "change")
        return [C(f"{{{{ {var}.{k} }}}}", style=s["tdbr" if bold else "tdr"]) for k in keys]

    rows = [
        R([C(h, style=s["th"]) for h in head], header=True),
        [C("{%tr for st in sm.strategies %}", span=6)],
        R([C("{{ st.title }}", span=6, style=s["tdb"], keep=True)], cant_split=True),
        [C("{%tr for r in st.programs %}", span=6)],
        R([C("{{ r.label }}", style=s["td"]), *figures("r", False)], cant_split=True),
        [C("{%tr endfor %}", span=6)],
        [C("{%tr endfor %}", span=6)],
        R([C("{{ sm.total.label }}", style=s["tdb"]), *figures("sm.total", True)], cant_split=True),
    ]
    return table(rows, widths)


AMENDMENT_REASON = [
    f"ตาม{{{{ regulation }}}} หมวด{NBSP}5 ข้อ{NBSP}26 และข้อ{NBSP}27 กำหนดให้องค์กรปกครองส่วนท้องถิ่นจัดทำแผนการดำเนินงาน"
    "ให้แล้วเสร็จภายในสามสิบวันนับแต่วันที่ประกาศใช้งบประมาณรายจ่ายประจำปี งบประมาณรายจ่ายเพิ่มเติม งบประมาณจากเงินสะสม "
    "หรือได้รับแจ้งแผนงานและโครงการจากหน่วยงานราชการอื่น และการแก้ไขแผนการดำเนินงานเป็นอำนาจของผู้บริหารท้องถิ่น",
    "{{ org_name }} ได้{{ events }} จึงจัดทำแผนการดำเนินงาน ประจำปีงบประมาณ "
    f"พ.ศ.{NBSP}{{{{ year }}}} {{{{ revision_long }}}}{{% if changes_text %}} โดย{{{{ changes_text }}}}{{% endif %}} "
    "รวมงบประมาณตามแผนการดำเนินงานเป็น {{ budget_after }} บาท (เดิม {{ budget_before }} บาท) รายละเอียดดังนี้",
]


def amendment_template(out: Path) -> Path:
    """แผนการดำเนินงาน แก้ไข/เพิ่มเติม as published: the reason, then the
    lists that have items — changed (เดิม / แก้ไขใหม่), added, cancelled — in
    the ผด.02 shape, then the counts and budgets before and after."""
    doc = Doc(landscape=True)
    s = styles(doc)
    sec = doc.doc.sections[0]
    sec.left_margin, sec.right_margin = Cm(2), Cm(1.5)
    sec.top_margin, sec.bottom_margin, sec.header_distance, sec.footer_distance = Cm(2.8), Cm(1.1), Cm(0.7), Cm(0.4)
    header(
        sec,
        s,
        None,
        [
            f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ.{NBSP}{{{{ year }}}} {{{{ revision_long }}}}",
            "{{ org_name }} อำเภอ{{ district }} จังหวัด{{ province }}",
        ],
    )
    footer(sec, numbered=True)
    doc.xml(p_xml("1. หลักการและเหตุผล", style=s["sub"]))
    for text in AMENDMENT_REASON:
        doc.xml(p_xml(text, style=s["body"]))
    doc.xml(p_xml("2. รายละเอียดการแก้ไข/เพิ่มเติม", style=s["sub"]))
    doc.xml(p_xml("{%p for sec in sections %}"))
    doc.xml(p_xml("{{ sec.number }} {{ sec.heading }}", style=s["sub"]))
    doc.xml(p_xml("{%p if sec.kind == 'changed' %}"))
    doc.xml(changed_table(s))
    doc.xml(p_xml("{%p else %}"))
    doc.xml(form02_table(s, "โครงการ", "รายละเอียดของ\n\nกิจกรรม", "sec.groups", "sec.total"))
    doc.xml(p_xml("{%p endif %}"))
    doc.xml(p_xml("{%p endfor %}"))
    doc.xml(p_xml("3. สรุปจำนวนและงบประมาณ ก่อนและหลังแก้ไข/เพิ่มเติม", style=s["sub"]))
    doc.xml(p_xml("{%p for sm in summary %}"))
    doc.xml(p_xml("{{ sm.title }}", style=s["sub"]))
    doc.xml(summary_table(s))
    doc.xml(p_xml("{%p endfor %}"))
    return doc.save(out / "amendment.docx")
