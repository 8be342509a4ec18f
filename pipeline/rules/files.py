"""Files and what the reader/extractor already found: unreadable files,
unfinished drafts (tracked changes, comments), rows and tables it could not use."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Plan, Source
from . import Hit, passthrough, rule

passthrough(
    "unreadable-file",
    "error",
    "อ่านไฟล์ไม่ได้",
    "a .docx that is corrupt, encrypted, or too large to open safely",
    "เปิดไฟล์ใน Word แล้วบันทึกใหม่เป็น .docx (ไม่ตั้งรหัสผ่าน)",
)
passthrough(
    "skipped-row",
    "warning",
    "แถวที่ไม่ได้อ่านเป็นโครงการ",
    "a table row that is neither a project, a continuation, a heading nor a total",
    "ใส่ชื่อโครงการและงบประมาณในแถวนี้ หรือลบแถวที่ไม่ใช้",
)
passthrough(
    "unknown-table",
    "warning",
    "ไม่รู้จักตาราง",
    "a table whose header matches no known kind, so it was not read",
    "ตรวจหัวตาราง: ต้องมีคอลัมน์ โครงการ และ งบประมาณ และคอลัมน์เดือนหรือระยะเวลา",
)
passthrough("empty-table", "warning", "ตารางว่าง", "an empty table, or one with only a header", "ลบตารางที่ไม่ใช้ออก")
passthrough(
    "nested-table",
    "warning",
    "ตารางซ้อนในเซลล์",
    "a table nested inside a cell of a project table; its text is not read",
    "ย้ายข้อความออกจากตารางซ้อนมาไว้ในเซลล์โดยตรง",
)
passthrough(
    "long-cell",
    "warning",
    "ข้อความในเซลล์ยาวผิดปกติ",
    "a very long cell in a project table, usually text pasted into the wrong place",
    "ตรวจว่าข้อความอยู่ถูกช่อง",
)
passthrough("bad-date", "error", "อ่านวันที่ไม่ได้", "a profile date that does not parse", "เขียนวันที่แบบ 16 กันยายน 2567 หรือ 16/09/2567")


@rule(
    "unaccepted-changes",
    "warning",
    "เอกสารยังมีการติดตามการแก้ไขหรือข้อคิดเห็น",
    "a draft still has tracked changes or comments",
    "ใน Word: รีวิว › ยอมรับการเปลี่ยนแปลงทั้งหมด และลบข้อคิดเห็น แล้วบันทึก",
)
def unaccepted_changes(plan: Plan) -> Iterable[Hit]:
    for f in plan.files:
        if f.tracked_changes or f.comments:
            parts = []
            if f.tracked_changes:
                parts.append(f"การแก้ไขที่ยังไม่ยอมรับ {f.tracked_changes} จุด")
            if f.comments:
                parts.append(f"ข้อคิดเห็น {f.comments} รายการ")
            yield Hit(Source(f.path), "ผู้จัดทำอาจยังแก้ไขไม่เสร็จ: มี" + " และ".join(parts), value=", ".join(parts))
