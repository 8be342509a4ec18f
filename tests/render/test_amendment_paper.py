"""The amendment on paper (issue 23.2 and 23.6): its section headings stay
with the first rows of their table, and its numbers are whole."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipeline.app import build
from tools import typeset

from ..conftest import row
from ..revision.test_revision import V1, drafts

LONG = (
    "ผิวจราจรกว้าง 4.00 เมตร ยาว 200 เมตร หนา 0.15 เมตร หรือมีพื้นที่ไม่น้อยกว่า 800 ตารางเมตร "
    "ดำเนินการตามแบบแปลนขององค์การบริหารส่วนตำบลทดสอบ พร้อมติดตั้งป้ายประชาสัมพันธ์โครงการ "
    "และไหล่ทางลูกรังกว้างข้างละ 0.50 เมตร ตามแบบมาตรฐานงานทาง "
) * 2


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"), reason="LibreOffice not installed")
def test_a_change_taller_than_a_page_stays_under_its_headings_and_keeps_its_numbers_whole(tmp_path: Path) -> None:
    """Its เดิม row was taller than what a page had left under "2." and "2.1":
    the headings, the table's header and its ยุทธศาสตร์/แผนงาน rows stood alone
    on a page, and "ยาว 2|00 เมตร" broke in the narrower activity column."""
    v1_rows = [list(r) for r in V1]
    v1_rows[0][2] = LONG
    v1 = drafts(tmp_path / "v1", v1_rows, "-", "9 ตุลาคม 2563")
    assert build(v1, tmp_path / "out1").official
    v2_rows = [list(r) for r in V1]
    v2_rows[0][2] = LONG
    v2_rows[0][3] = "450,000"
    v2_rows[3] = row("4", "ซ่อมแซมถนนลูกรังภายในตำบล", "250,000", {2}, "หมู่ที่ 1 - 12")
    event = [["วันที่ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม", "1 มีนาคม 2564"]]
    v2 = drafts(tmp_path / "v2", v2_rows, "1/2564", "10 มีนาคม 2564", event)
    out = tmp_path / "out2"
    assert build(v2, out, previous=tmp_path / "out1" / "plan.docx", pdf=True).official
    pages = [page for page in typeset.blocks(str(out / "amendment.pdf"))]
    texts = ["".join(w for block in page for line in block for w in line.words) for page in pages]
    (first,) = [i for i, t in enumerate(texts) if "2.1บัญชีโครงการ" in t]
    assert "เดิม" in texts[first] and "400,000.00" in texts[first], texts[first]  # the first row, its old budget
    found = typeset.measure(str(out / "amendment.pdf"), set())
    assert found.numbers == [] and found.syllables == [], found
