from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import findings, plan_of, profile_rows, row, write_plan

# Keys as staff write them (SPEC §2): words added, qualifiers, brackets, a colon.
REAL_KEYS = [
    ["ชื่อ อปท.", "องค์การบริหารส่วนตำบลทดสอบ"],
    ["(อำเภอ) :", "เมือง"],
    ["จังหวัด:", "ชัยภูมิ"],
    ["ปีงบประมาณที่จัดทำแผน", "พ.ศ. 2564"],
    ["วันประกาศใช้เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2564", "15 กันยายน 2563"],
    ["วันที่ประกาศใช้แผนการดำเนินงาน (ข้อ 27)", "9 ตุลาคม 2563"],
    ["วันที่คณะกรรมการพัฒนาท้องถิ่นพิจารณาร่างแผน", "1 ตุลาคม 2563"],
    ["ผู้ลงนามประกาศ", "นายสมชาย ใจดี"],
    ["ตำแหน่งผู้ลงนาม", "นายกองค์การบริหารส่วนตำบลทดสอบ"],
]


def test_keys_with_added_words_are_placed_by_meaning(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")], profile=REAL_KEYS)
    plan = plan_of(folder)
    report = run_checks(plan)
    assert [f.code for f in report.findings if f.code in ("missing-profile", "unknown-profile-key")] == []
    prof = plan.profile
    assert (prof.org_name, prof.district, prof.province, prof.fiscal_year) == ("องค์การบริหารส่วนตำบลทดสอบ", "เมือง", "ชัยภูมิ", 2564)
    assert prof.ordinance_date is not None and prof.announcement_date is not None and prof.committee_date is not None
    assert prof.signatory == "นายสมชาย ใจดี"


def test_a_key_that_cannot_be_placed_warns_with_the_nearest_key(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")], profile=[*profile_rows(), ["ชื่อผู้ลงนม", "นายสมชาย ใจดี"], ["หมายเหตุ", "-"]])
    assert findings(folder, "unknown-profile-key") == [("ref.docx", 1, 9), ("ref.docx", 1, 10)]
    first = run_checks(plan_of(folder), ["unknown-profile-key"]).findings[0]
    assert "ผู้ลงนาม" in first.suggestion


def test_the_tables_own_header_row_is_no_key(folder: Path) -> None:
    """A header row "หัวข้อ | ข้อมูล" (as the README shows) or "รายการ | รายละเอียด" names the columns."""
    for header in (["หัวข้อ", "ข้อมูล"], ["รายการ", "รายละเอียด"]):
        write_plan(folder, [row("1", "ถนน", "1,000")], profile=[header, *REAL_KEYS])
        plan = plan_of(folder)
        assert [f.code for f in run_checks(plan).findings if f.code == "unknown-profile-key"] == []
        assert plan.profile.org_name == "องค์การบริหารส่วนตำบลทดสอบ"
