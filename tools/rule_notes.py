"""What the README used to say about each rule, beyond its catalogue entry:
the cases it covers, in Thai with an English gloss. tools/docs.py puts each
note under its rule in docs/rules.md; a test fails when a rule has no note
or a note names no rule."""

from __future__ import annotations

NOTES: dict[str, str] = {
    "missing-field": ("โครงการไม่มีชื่อหรือไม่มีงบประมาณ · a project has no name or no budget cell"),
    "bad-amount": (
        'จำนวนเงินอ่านไม่ได้ ติดลบ หรือใช้จุด/จุลภาคผิดที่จนค่าเปลี่ยน ("120.000", "1.200.000", "12,00,000", ตัว O/l แทนเลข) — เสนอค่าที่น่าจะหมายถึง (รวมแถวรวมและข้อบัญญัติ); จำนวนเงินเบิกจ่ายที่อ่านไม่ได้ในแบบติดตามก็เป็นข้อนี้ · unreadable, negative, or separators that change the value; an unreadable disbursed amount in a status form too'
    ),
    "unknown-strategy": (
        "ยุทธศาสตร์ไม่อยู่ในตารางความเชื่อมโยง หรือโครงการไม่อยู่ใต้ยุทธศาสตร์ใด (รายการที่ระบุแต่แผนงาน — เช่นครุภัณฑ์ — ได้ยุทธศาสตร์จากตารางความเชื่อมโยงเมื่อแผนงานนั้นอยู่ใต้ยุทธศาสตร์เดียว; ถ้าอยู่ใต้หลายยุทธศาสตร์จะถามครั้งเดียวต่อตาราง; ชื่อผิดแบบเดียวกันหลายแถวในตารางเดียวเป็นรายการเดียวที่บอกทุกแถว) · strategy not in the map; one wrong name repeated in a table is one finding listing its rows"
    ),
    "unknown-program": (
        "ไม่ใช่แผนงานมาตรฐาน หรือไม่อยู่ใต้ยุทธศาสตร์นั้น (ที่หัวข้อแผนงาน หนึ่งข้อต่อหัวข้อ); ไม่มีหัวข้อแผนงานแต่ข้อบัญญัติระบุแผนงานไว้: หนึ่งข้อต่อตารางพร้อมชื่อที่ควรใส่ · not a standard แผนงาน, or not mapped under the strategy"
    ),
    "not-in-development-plan": ("โครงการ (ของ อปท. เอง) ไม่อยู่ในแผนพัฒนาท้องถิ่น · own project not in the development plan"),
    "over-ordinance": ("งบประมาณโครงการเกินข้อบัญญัติ · budget exceeds its ordinance line"),
    "not-in-ordinance": ("โครงการที่ใช้งบข้อบัญญัติแต่ไม่พบในข้อบัญญัติ · ordinance-funded project with no line"),
    "program-over-ordinance": (
        'ยอดรวมแผนงานเกินข้อบัญญัติ: "รวม X บาท เกินข้อบัญญัติ (Y บาท) อยู่ Z บาท" ที่หัวข้อหรือคอลัมน์ที่กำหนดแผนงาน — ไม่แจ้งซ้ำเมื่อส่วนที่เกินมาจากโครงการที่แจ้ง over-ordinance แล้วทั้งหมด; ในแผนแก้ไขที่เพิ่มโครงการ บอกหัวข้อที่ต้องใส่ถ้าใช้เงินสะสม/งบเพิ่มเติม · a แผนงาน\'s total exceeds the ordinance (not repeated when over-ordinance projects explain it all)'
    ),
    "stated-total-mismatch": (
        'แถว "รวม" ไม่ตรงกับผลรวม (เสนอยอดที่ถูก; ตารางที่แบ่งข้ามหน้ารวมทั้งสองส่วน; ถ้ามีงบที่อ่านไม่ได้ในกลุ่มจะบอกว่าตรวจไม่ได้แทน) · a stated total differs from the sum'
    ),
    "no-schedule": ("ไม่ได้ระบุเดือนหรือระยะเวลา · no month marked and no period"),
    "duplicate-project": (
        "โครงการซ้ำ (ชื่อ สถานที่ และแหล่งงบประมาณเดียวกัน — ชื่อเดียวกันแต่คนละแหล่งเงินหรือคนละที่ไม่ถือว่าซ้ำ) · the same project twice"
    ),
    "fiscal-year-mismatch": ("ร่าง หัวข้อ หัวตาราง หรือประโยคในบทนำระบุปีงบประมาณอื่น · another fiscal year named"),
    "deadline": (
        "ประกาศแผนเกิน 30 วันนับแต่เหตุ (ข้อ 27 แก้ไขถึงฉบับที่ 3): แผนฉบับแรกนับจากวันประกาศใช้ข้อบัญญัติประจำปี แผนแก้ไขนับจากเหตุล่าสุดก่อนวันประกาศ (ข้อบัญญัติเพิ่มเติม เงินสะสม ได้รับแจ้งโครงการ) หรือเกินวันที่ขยายเวลา — แสดงเหตุและวันสุดท้าย · too late after its event"
    ),
    "deadline-before-event": ("วันประกาศแผนอยู่ก่อนเหตุที่นับ 30 วัน · announced before its event"),
    "revision-number": ("ครั้งที่แก้ไขไม่ต่อจากแผนฉบับก่อน (`--previous`) · the revision number does not follow"),
    "revision-unchanged": ("แผนแก้ไขไม่มีโครงการที่เพิ่ม แก้ หรือยกเลิก · a revision with no difference"),
    "revision-unsure-match": ("จับคู่โครงการกับฉบับก่อนจากชื่อที่คล้ายกันเท่านั้น (แสดงทั้งสองชื่อ) · matched by a similar name only"),
    "missing-profile": ("ไม่มีตารางข้อมูลทั่วไป หรือขาดหัวข้อที่ต้องมี · no profile or a required key missing"),
    "bad-date": ("อ่านวันที่ในข้อมูลทั่วไปไม่ได้ · a profile date does not parse"),
    "thai-typing": (
        'พิมพ์อักษรไทยผิดรูป: "เเ" แทน "แ", ํ + า แทน ำ, วรรณยุกต์ซ้ำหรือสลับที่, อักขระความกว้างศูนย์, ช่องว่างพิเศษ, "พ.ศ.2564" ไม่เว้นวรรค · character-level typing problems'
    ),
    "near-miss-term": (
        'คำหรือวลีที่ต่างจากคำทางการหรือคำที่ใช้บ่อยในแผน 1–2 ตัวอักษร: "ประเมินผม" → "ประเมินผล", วรรณยุกต์/สระหาย เกิน ผิดที่ ("หมูบ้าน", "ผู้สูงอายู", "โครงการร"), คำทับศัพท์สะกดผิด ("คอนกรีด", "แอสฟัลติก", "อลูมิเนียม") — ไม่ตรวจชื่อหมู่บ้าน คน ถนน ซอย (หลัง บ้าน/ซอย/สาย/นาย/นาง และในช่องสถานที่ เทียบเฉพาะกับชื่อหมู่บ้านของ อปท. เอง); คำที่ผิดเฉพาะที่ ("หมูที่ 5" → "หมู่ที่") · close to, but not, an official term or a common word; names are left alone'
    ),
    "doubled-word": (
        'พิมพ์คำซ้ำ ("แผนแผนการดำเนินงาน") หรือพิมพ์ท้ายคำซ้ำ ("งบประมาณมาณ", "ดำเนินงานงาน", "พัฒนานา") หรือพิมพ์พยางค์ท้ายซ้ำเป็นคำ ("รายจ่ายจ่ายประจำปี", "ดำเนินการการ") — ไม่เตือน ๆ, ชื่อหลัง เทศบาล/องค์การบริหารส่วน, และคำที่อ่านต่อได้ ("พื้นที่ที่", "บูรณาการการปฏิบัติงาน") · a word, its tail or its last syllable typed twice'
    ),
    "old-regulation": (
        'อ้างระเบียบ พ.ศ. 2546 ที่ยกเลิกแล้ว ("ว่าด้วยการจัดทำและประสานแผนพัฒนา…") หรืออ้างระเบียบ พ.ศ. 2548 ถึงฉบับแก้ไขเก่า (ไม่มี ฉบับที่ 3 พ.ศ. 2561) · the repealed regulation, or an older amendment'
    ),
    "unreadable-file": (
        "ไฟล์เสีย ถูกตั้งรหัสผ่าน ใหญ่ผิดปกติ แปลงไม่ได้ หรือเป็น PDF/Excel/PowerPoint/รูปภาพ (ไฟล์อื่นยังอ่านต่อ); แบบติดตามที่เปิดไม่ได้ก็เป็นข้อนี้ · corrupt, encrypted, oversized, or not a draft we read; a status form that cannot be opened too"
    ),
    "unaccepted-changes": ("ร่างยังมีการติดตามการแก้ไขหรือข้อคิดเห็น · tracked changes or comments left"),
    "skipped-row": ("แถวที่ไม่ใช่โครงการ แถวต่อเนื่อง หัวข้อ หรือแถวรวม จึงไม่ได้อ่าน · a row that could not be used"),
    "unknown-table": ("ตารางที่ไม่รู้จักหัวตาราง จึงไม่ได้อ่าน · a table of no known kind"),
    "nested-table": ("ตารางซ้อนในเซลล์ของตารางโครงการ (ข้อความข้างในไม่ได้อ่าน) · a nested table whose text is not read"),
    "long-cell": ("เซลล์ยาวเกิน 1,500 ตัวอักษร มักเป็นข้อความที่วางผิดช่อง · a very long cell"),
    "empty-table": ("ตารางว่าง หรือมีแต่หัวตาราง · an empty or header-only table"),
    "missing-signatory": ('ข้อมูลทั่วไปไม่มีผู้ลงนาม (ประกาศพิมพ์เส้นจุดให้ลงชื่อด้วยมือ ไม่พิมพ์ "()" ว่าง) · no signatory in the profile'),
    "missing-emblem": ("ไม่มีรูปตราใน `templates/` (ประกาศเว้นที่ว่าง ไม่ใส่รูปแทน) · the announcement would have no emblem"),
    "unreadable-arrow": (
        "รูปลูกศร/เส้นในแถวที่อ่านตำแหน่งไม่ได้ (นับเฉพาะเดือนของช่องที่ยึดรูป) หรือวาดนอกตารางจนระบุแถวไม่ได้ · an arrow whose months cannot be read"
    ),
    "ordinance-line-unplanned": (
        "รายการโครงการในข้อบัญญัติที่ไม่มีโครงการใดในแผน (ไม่นับเงินเดือน ค่าจ้าง ค่าตอบแทน ค่าสาธารณูปโภค วัสดุ ฯลฯ) — ที่แถวของข้อบัญญัติ พร้อมโครงการที่ใกล้ที่สุด; ในแผนแก้ไข โครงการที่ยกเลิกไม่ถูกถามกลับ (แสดงเป็นยกเลิกในเอกสารแก้ไข) · an ordinance project line no plan record carries (not a project the revision cancels)"
    ),
    "conflicting-profile": ("ข้อมูลทั่วไปสองชุดระบุหน่วยงานหรือปีงบประมาณต่างกัน (มีร่างของแผนอื่นปน) · two profiles disagree"),
    "unknown-profile-key": (
        "หัวข้อในตารางข้อมูลทั่วไปที่จับคู่ไม่ได้ (บอกหัวข้อที่ใกล้ที่สุด; แถวหัวตาราง เช่น 'หัวข้อ | ข้อมูล' ไม่นับเป็นหัวข้อ) · a profile key that cannot be placed (a header row is not a key)"
    ),
    "progress-unknown-project": (
        "โครงการในแบบติดตามไม่อยู่ในแผน (เสนอโครงการในแผนที่ใกล้ที่สุด) · a project in a form that is not in the plan"
    ),
    "status-conflict": (
        "ทำเครื่องหมายสถานะมากกว่าหนึ่งช่องในแถวเดียว หรือรายงานโครงการเดียวกันซ้ำด้วยสถานะต่างกัน (นับแถวแรก; แถวที่ไม่ได้ระบุสถานะไม่ขัดกับแถวที่ระบุ และแถวที่ระบุจะถูกนับ) · two statuses in one row, or one project reported twice with different statuses"
    ),
    "over-disbursed": ("เบิกจ่ายเกินงบประมาณตามแผน · disbursed more than the planned budget"),
    "progress-missing": (
        "โครงการในแผนที่ไม่มีแบบติดตามใดรายงาน (ที่แถวในร่างแผน) หรือแถวที่ไม่ได้ระบุสถานะ (ที่แถวในแบบติดตาม) · no form reports it, or a row without a status"
    ),
    "behind-schedule": (
        "ทุกเดือนที่กำหนดในแผนพ้นวันสิ้นสุดช่วงที่รายงานแล้ว แต่ยังไม่ได้ดำเนินการ · all its months are past and it has not started"
    ),
    "done-without-disbursement": ("ดำเนินการแล้วเสร็จแต่ไม่มีเงินเบิกจ่าย (โครงการที่มีงบประมาณ) · done with nothing disbursed"),
    "period-outside-year": (
        'เดือนที่ระบุพร้อมปี (ในช่องระยะเวลา วันที่ หรือหัวคอลัมน์เดือน เช่น "ต.ค. 69 – ธ.ค. 69" ในแผนปี 2569, หัวคอลัมน์ "ต.ค. 68" ในแผนปี 2570) อยู่นอกปีงบประมาณ — ไม่ย้ายเข้าปีให้เอง; ช่องระยะเวลาหนึ่งข้อต่อแถว หัวคอลัมน์หนึ่งข้อต่อตารางพร้อมแถวที่ทำเครื่องหมาย · a month named with a year outside the fiscal year'
    ),
    "unknown-column": (
        "คอลัมน์ในตารางโครงการ/ครุภัณฑ์ที่ไม่รู้จักหัวคอลัมน์ (หนึ่งข้อต่อหัวคอลัมน์ต่อไฟล์ ที่แถวหัวตาราง พร้อมหัวคอลัมน์ที่ใกล้ที่สุด) — ค่าเก็บไว้ใน `extra` ของ records.json และแสดงใน report.html แต่ไม่พิมพ์ในแบบ · a column the reader does not know: its values are kept, not printed"
    ),
    "missing-unit": (
        "รายการที่ไม่รู้หน่วยงานรับผิดชอบ — หนึ่งข้อต่อร่าง บอกตารางและแถว (ตารางที่ไม่มีคอลัมน์หน่วยงานใช้ชื่อกอง/สำนักจากหัวเอกสาร ชื่อไฟล์ หรือแผนพัฒนาท้องถิ่นก่อน) · records of a draft with no หน่วยงาน that neither its title, its file name nor the development plan gives"
    ),
}
