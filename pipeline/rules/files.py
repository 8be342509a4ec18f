"""Files and what the reader/extractor noticed: unreadable files, unfinished
drafts (tracked changes, comments), rows and tables it could not use."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.model import Plan, Source
from . import Env, Hit, notice, rule

RESAVE = "เปิดไฟล์ใน Word (ตารางคำนวณ: Excel) แล้วบันทึกใหม่"
SAVE_DOCX = "เปิดใน Word แล้วบันทึกเป็น .docx (ตารางคำนวณ: เปิดใน Excel แล้วบันทึกเป็น .xlsx)"
FROM_SOURCE = "เปิดต้นฉบับใน Word แล้วบันทึกเป็น .docx (แฟ้ม › บันทึกเป็น › เอกสาร Word) วางแทนไฟล์นี้ หรือย้ายไฟล์นี้ออกจาก inputs"

notice(
    "unreadable-file",
    "error",
    "อ่านไฟล์ไม่ได้",
    "a draft that cannot be read: corrupt, encrypted, too large, or a PDF, spreadsheet, slide or image file",
    "เปิดไฟล์ใน Word แล้วบันทึกใหม่เป็น .docx (ไม่ตั้งรหัสผ่าน)",
    messages={
        "legacy-doc": "ไฟล์ .doc แบบเก่า อ่านไม่ได้",
        "no-office": "ไฟล์ {suffix} อ่านไม่ได้โดยตรง และไม่พบ LibreOffice สำหรับแปลงไฟล์",
        "convert-timeout": "แปลงไฟล์ {suffix} ไม่สำเร็จ (ใช้เวลานานเกินไป)",
        "convert-failed": "แปลงไฟล์ {suffix} ด้วย LibreOffice ไม่สำเร็จ",
        "pdf": "ไฟล์ PDF อ่านเป็นร่างไม่ได้ (โครงการในไฟล์นี้ยังไม่อยู่ในแผน)",
        "spreadsheet": "ไฟล์ CSV อ่านเป็นร่างไม่ได้ (โครงการในไฟล์นี้ยังไม่อยู่ในแผน)",
        "slides": "ไฟล์งานนำเสนอ (PowerPoint) อ่านเป็นร่างไม่ได้",
        "image": "ไฟล์รูปภาพ อ่านเป็นร่างไม่ได้",
        "encrypted": "ไฟล์ถูกเข้ารหัส (ตั้งรหัสผ่าน) อ่านไม่ได้",
        "not-zip": "ไฟล์เสียหาย ไม่ใช่เอกสาร Word (.docx) ที่สมบูรณ์",
        "bad-zip": "ไฟล์เสียหาย (zip ไม่สมบูรณ์)",
        "too-large": "ไฟล์ใหญ่ผิดปกติ (ขยายแล้วเกินขนาดที่อ่านได้อย่างปลอดภัย)",
        "no-document": "ไฟล์เสียหาย ไม่มีเนื้อหาเอกสาร (word/document.xml)",
        "entity": "ไฟล์มีการประกาศ entity ใน XML ซึ่งไม่ปลอดภัย",
        "open-failed": "เปิดไฟล์ไม่ได้ ({error})",
    },
    hints={
        "legacy-doc": SAVE_DOCX,
        "no-office": SAVE_DOCX,
        "convert-timeout": SAVE_DOCX,
        "convert-failed": SAVE_DOCX,
        "open-failed": SAVE_DOCX,
        "pdf": FROM_SOURCE,
        "spreadsheet": "เปิดไฟล์ใน Excel แล้วบันทึกเป็น .xlsx วางแทนไฟล์นี้ (หรือย้ายไฟล์นี้ออกจาก inputs)",
        "slides": FROM_SOURCE,
        "image": FROM_SOURCE,
        "encrypted": "เอารหัสผ่านออกใน Word แล้วบันทึกใหม่",
        "not-zip": RESAVE,
        "bad-zip": RESAVE,
        "no-document": RESAVE,
        "entity": RESAVE,
        "too-large": "ตรวจสอบไฟล์ หรือแยกเป็นหลายไฟล์",
    },
)
notice(
    "skipped-row",
    "warning",
    "แถวที่ไม่ได้อ่านเป็นโครงการ",
    "a table row that is neither a project, a continuation, a heading nor a total",
    "ใส่ชื่อโครงการและงบประมาณในแถวนี้ หรือลบแถวที่ไม่ใช้",
    messages={
        "": "แถวนี้ไม่มีลำดับ ชื่อโครงการ หรืองบประมาณ และไม่มีโครงการก่อนหน้าให้ต่อท้าย จึงไม่ได้อ่านเป็นโครงการ",
    },
    hints={"": "ใส่ชื่อโครงการและงบประมาณในแถวนี้ หรือย้ายข้อความไปไว้ในแถวของโครงการ"},
)
notice(
    "unknown-table",
    "warning",
    "ไม่รู้จักตาราง",
    "a table whose header matches no known kind, so it was not read",
    "ตรวจหัวตาราง: ต้องมีคอลัมน์ โครงการ และ งบประมาณ และคอลัมน์เดือนหรือระยะเวลา",
    messages={"": "ไม่รู้จักตารางนี้ (ไม่พบหัวตาราง โครงการ/งบประมาณ/เดือน หรือข้อมูลทั่วไป) จึงไม่ได้อ่าน"},
)
notice(
    "unknown-column",
    "warning",
    "ไม่รู้จักคอลัมน์",
    "a column of a project or equipment table whose header the reader does not know: its values are kept in records.json and report.html, not printed in the forms",
    "ถ้าเป็นข้อมูลที่ต้องพิมพ์ในแบบ ผด.02 ให้ใช้ชื่อหัวคอลัมน์ตามแบบ (เช่น สถานที่ดำเนินการ หน่วยงานรับผิดชอบหลัก) ถ้าเป็นข้อมูลประกอบ (หมายเหตุ ตัวชี้วัด) ไม่ต้องแก้",
    messages={
        "": 'ไม่รู้จักคอลัมน์ "{value}" (ทุกตารางในไฟล์นี้ที่มีคอลัมน์นี้): ค่าในคอลัมน์เก็บไว้ใน records.json และรายงาน แต่ไม่ได้พิมพ์ในแบบ ผด.01/ผด.02',
    },
)
notice(
    "empty-table",
    "warning",
    "ตารางว่าง",
    "an empty table, or one with only a header",
    "ลบตารางที่ไม่ใช้ออก",
    messages={"empty": "ตารางว่าง ไม่มีข้อความ", "header-only": "ตารางมีแต่หัวตาราง ไม่มีโครงการ"},
    hints={"header-only": "เพิ่มโครงการ หรือลบตารางออก"},
)
notice(
    "nested-table",
    "warning",
    "ตารางซ้อนในเซลล์",
    "a table nested inside a cell of a project table; its text is not read",
    "ย้ายข้อความออกจากตารางซ้อนมาไว้ในเซลล์โดยตรง",
    messages={"": "มีตารางซ้อนอยู่ในเซลล์ ข้อความในตารางซ้อนไม่ได้อ่าน"},
)
notice(
    "long-cell",
    "warning",
    "ข้อความในเซลล์ยาวผิดปกติ",
    "a very long cell in a project table, usually text pasted into the wrong place",
    "ตรวจว่าข้อความอยู่ถูกช่อง",
    messages={"": "ข้อความในเซลล์ยาวผิดปกติ ({length} ตัวอักษร) อาจวางข้อความผิดช่อง"},
    hints={"": "ตรวจว่าข้อความอยู่ถูกช่อง หรือย่อรายละเอียดให้สั้นลง"},
)
notice(
    "bad-date",
    "error",
    "อ่านวันที่ไม่ได้",
    "a profile date that does not parse",
    "เขียนวันที่แบบ 16 กันยายน 2567 หรือ 16/09/2567",
    messages={"": 'อ่านวันที่ "{value}" ไม่ได้'},
)


@rule(
    "unaccepted-changes",
    "warning",
    "เอกสารยังมีการติดตามการแก้ไขหรือข้อคิดเห็น",
    "a draft still has tracked changes or comments",
    "ใน Word: รีวิว › ยอมรับการเปลี่ยนแปลงทั้งหมด และลบข้อคิดเห็น แล้วบันทึก",
)
def unaccepted_changes(plan: Plan, env: Env) -> Iterable[Hit]:
    for f in plan.files:
        if f.tracked_changes or f.comments:
            parts = []
            if f.tracked_changes:
                parts.append(f"การแก้ไขที่ยังไม่ยอมรับ {f.tracked_changes} จุด")
            if f.comments:
                parts.append(f"ข้อคิดเห็น {f.comments} รายการ")
            yield Hit(Source(f.path), "ผู้จัดทำอาจยังแก้ไขไม่เสร็จ: มี" + " และ".join(parts), value=", ".join(parts))
