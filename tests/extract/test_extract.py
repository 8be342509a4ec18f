"""Blocks → records: every convention of SPEC §2, on real .docx files."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..conftest import MONTHS, PROGRAM, STRATEGY, C, Doc, R, plan_of, profile_rows, project_table

NO_MONTHS = [""] * 12


def marks(months: set[int], mark: str = "✓") -> list[str]:
    return [mark if m in months else "" for m in range(1, 13)]


def test_heading_paragraphs_set_strategy_and_program_for_the_tables_below(folder: Path) -> None:
    (
        Doc()
        .p("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน")
        .p("1.1 แผนงานเคหะและชุมชน")
        .table(project_table([["1", "ถนน คสล.", "กว้าง 4 ม.", "100,000", "หมู่ที่ 1", "กองช่าง", *marks({2})]]))
        .p("1.2 แผนงานรักษาความสงบภายใน")
        .table(project_table([["1", "ตั้งจุดตรวจ", "", "5,000", "หมู่ที่ 2", "สำนักปลัด", *marks({4})]]))
        .save(folder / "a.docx")
    )
    plan = plan_of(folder)
    got = [(p.name, p.strategy, p.program, p.months, p.budget) for p in plan.projects]
    assert got == [
        ("ถนน คสล.", "การพัฒนาด้านโครงสร้างพื้นฐาน", "แผนงานเคหะและชุมชน", (2,), Decimal("100000.00")),
        ("ตั้งจุดตรวจ", "การพัฒนาด้านโครงสร้างพื้นฐาน", "แผนงานการรักษาความสงบภายใน", (4,), Decimal("5000.00")),
    ]
    assert [(p.source.table, p.source.row) for p in plan.projects] == [(1, 2), (2, 2)]


def test_merged_full_width_rows_are_headings_inside_the_table(folder: Path) -> None:
    rows = [
        [C("ยุทธศาสตร์ที่ 2 การพัฒนาด้านเศรษฐกิจ", span=18)],
        [C("2.1 แผนงานการเกษตร", span=18)],
        ["1", "ส่งเสริมการปลูกผัก", "", "10,000", "หมู่ที่ 3", "สำนักปลัด", *marks({1, 2}, "/")],
        [C("แผนงานสร้างความเข้มแข็งของชุมชน", span=18)],
        ["1", "ฝึกอาชีพ", "", "20,000", "หมู่ที่ 4", "สำนักปลัด", *marks({3}, "x")],
    ]
    Doc().table(project_table(rows)).save(folder / "a.docx")
    plan = plan_of(folder)
    assert [(p.program, p.strategy, p.months) for p in plan.projects] == [
        ("แผนงานการเกษตร", "การพัฒนาด้านเศรษฐกิจ", (1, 2)),
        ("แผนงานสร้างความเข้มแข็งของชุมชน", "การพัฒนาด้านเศรษฐกิจ", (3,)),
    ]
    assert plan.stats.headings == 3 and plan.stats.records == 2


def test_vertically_merged_strategy_and_program_columns_apply_to_every_row(folder: Path) -> None:
    head = ["ที่", "ยุทธศาสตร์", "แผนงาน", "โครงการ", "งบประมาณ", *MONTHS]
    rows = [
        R(head, header=True),
        ["1", C("3. ยุทธศาสตร์การพัฒนาคน", vmerge="restart"), C("แผนงานการศึกษา", vmerge="restart"), "อาหารเสริม", "500", *marks({1})],
        ["2", C(vmerge="continue"), C(vmerge="continue"), "อาหารกลางวัน", "600", *marks({2})],
        ["3", C(vmerge="continue"), C("แผนงานสาธารณสุข"), "ไข้เลือดออก", "700", *marks({3})],
    ]
    Doc().table(rows).save(folder / "a.docx")
    plan = plan_of(folder)
    assert [(p.strategy, p.program) for p in plan.projects] == [
        ("การพัฒนาคน", "แผนงานการศึกษา"),
        ("การพัฒนาคน", "แผนงานการศึกษา"),
        ("การพัฒนาคน", "แผนงานสาธารณสุข"),
    ]


def test_months_marked_by_shading_only(folder: Path) -> None:
    row = ["1", "ขุดลอกคลอง", "", "50,000", "หมู่ที่ 1", "กองช่าง"] + [
        C(fill="8DB3E2") if m in (5, 6, 7) else C() for m in range(1, 13)
    ]
    Doc().table(project_table([row])).save(folder / "a.docx")
    (p,) = plan_of(folder).projects
    assert p.months == (5, 6, 7)


def test_marks_of_every_kind_and_a_bar_merged_across_months(folder: Path) -> None:
    row = ["1", "ก", "", "1", "", "", "●", "*", "->", "x", C("→", span=3), "", "", "", "", ""]
    Doc().table(project_table([row])).save(folder / "a.docx")
    (p,) = plan_of(folder).projects
    assert p.months == (1, 2, 3, 4, 5, 6, 7)


def test_two_row_header_with_buddhist_years_over_full_month_names(folder: Path) -> None:
    full = [
        "ตุลาคม",
        "พฤศจิกายน",
        "ธันวาคม",
        "มกราคม",
        "กุมภาพันธ์",
        "มีนาคม",
        "เมษายน",
        "พฤษภาคม",
        "มิถุนายน",
        "กรกฎาคม",
        "สิงหาคม",
        "กันยายน",
    ]
    lead = ["ลำดับที่", "ชื่อโครงการ", "งบประมาณ\n(บาท)"]
    rows = [
        R([C(h, vmerge="restart") for h in lead] + [C("พ.ศ. ๒๕๖๓", span=3), C("พ.ศ. ๒๕๖๔", span=9)], header=True),
        R([C(vmerge="continue")] * 3 + full, header=True),
        ["1", "โครงการวันเด็ก", "๓๐,๐๐๐", *marks({4}, "✓")],
    ]
    Doc().table(rows).save(folder / "a.docx")
    plan = plan_of(folder)
    (p,) = plan.projects
    assert (p.budget, p.months, p.source.row) == (Decimal("30000.00"), (4,), 3)
    assert [(y.year, y.source.row) for y in plan.years] == [(2564, 2)]
    assert plan.stats.header == 2


def test_period_column_instead_of_months(folder: Path) -> None:
    head = R(["ที่", "โครงการ", "งบประมาณ", "ระยะเวลาดำเนินการ"], header=True)
    rows = [
        head,
        ["1", "ก", "1", "ต.ค. 63 – ก.ย. 64"],
        ["2", "ข", "1", "ไตรมาสที่ 2"],
        ["3", "ค", "1", "ธ.ค. 2563"],
        ["4", "ง", "1", "ตลอดปีงบประมาณ"],
    ]
    Doc().table(rows).save(folder / "a.docx")
    got = [(p.months, p.period) for p in plan_of(folder).projects]
    assert got == [
        (tuple(range(1, 13)), "ต.ค. 63 – ก.ย. 64"),
        ((4, 5, 6), "ไตรมาสที่ 2"),
        ((3,), "ธ.ค. 2563"),
        (tuple(range(1, 13)), "ตลอดปีงบประมาณ"),
    ]


def test_continuation_rows_join_the_project_above_and_total_rows_are_kept(folder: Path) -> None:
    rows = [
        ["1", "ก่อสร้างถนน", "กว้าง 4 เมตร ยาว 200 เมตร", "498,000", "หมู่ที่ 1", "กองช่าง", *marks({3})],
        ["", "สายบ้านหนองฉิม", "พร้อมป้ายโครงการ", "", "", "", *marks({4})],
        ["2", "วางท่อ", "", "2,000", "หมู่ที่ 2", "กองช่าง", *marks({5})],
        [C("รวม", span=3), "500,000", C(span=14)],
    ]
    Doc().table(project_table(rows)).save(folder / "a.docx")
    plan = plan_of(folder)
    first = plan.projects[0]
    assert first.name == "ก่อสร้างถนน\nสายบ้านหนองฉิม"
    assert first.activity == "กว้าง 4 เมตร ยาว 200 เมตร\nพร้อมป้ายโครงการ"
    assert first.months == (3, 4)
    (total,) = plan.totals
    assert (total.amount, total.rows, total.source.row) == (Decimal("500000.00"), ((1, 2), (1, 4)), 5)
    s = plan.stats
    assert (s.records, s.continuations, s.totals, s.header) == (2, 1, 1, 1)


def test_every_row_is_accounted_for(folder: Path) -> None:
    rows = [
        [C("แผนงานการศึกษา", span=18)],
        ["1", "ก", "", "1", "", "", *NO_MONTHS],
        ["", "", "", "", "", "", *NO_MONTHS],  # empty rows are not counted
        ["", "", "", "", "", "", *marks({2})],  # a stray mark continues the project above
        R(["9", "ลบแล้ว", "", "5", "", "", *NO_MONTHS], deleted=True),
        [C("รวมทั้งสิ้น", span=3), "1", C(span=14)],
    ]
    Doc().table(project_table(rows)).table(project_table([["", "", "ลอย", "", "", "", *NO_MONTHS]])).save(folder / "a.docx")
    plan = plan_of(folder)
    s = plan.stats
    assert s.rows == s.header + s.records + s.references + s.continuations + s.headings + s.totals + s.skipped
    assert (s.records, s.continuations, s.headings, s.totals, s.skipped, s.deleted) == (1, 1, 1, 1, 1, 1)
    assert [(f.code, f.source.table, f.source.row) for f in plan.notices] == [("skipped-row", 2, 2)]


def test_tracked_changes_in_a_budget_cell(folder: Path) -> None:
    row = ["1", "โครงการ[ins: ใหม่]", "", "[del:100,000][ins:250,000]", "", "", *marks({1})]
    Doc().table(project_table([row])).save(folder / "a.docx")
    plan = plan_of(folder)
    (p,) = plan.projects
    assert (p.name, p.budget) == ("โครงการ ใหม่", Decimal("250000.00"))
    assert plan.files[0].tracked_changes == 3


def test_equipment_tables_are_recognised_by_their_header(folder: Path) -> None:
    head = R(["ที่", "ครุภัณฑ์", "รายละเอียดของครุภัณฑ์", "งบประมาณ (บาท)", *MONTHS], header=True)
    Doc().p("แผนงานบริหารงานทั่วไป").table([head, ["1", "เก้าอี้", "5 ตัว", "12,500", *marks({3})]]).save(folder / "a.docx")
    (p,) = plan_of(folder).projects
    assert (p.kind, p.name, p.activity, p.program) == ("equipment", "เก้าอี้", "5 ตัว", "แผนงานบริหารงานทั่วไป")


def test_header_variants_are_matched_tolerantly(folder: Path) -> None:
    head = R(
        [
            "ลำดับ",
            "โครงการ/กิจกรรม",
            "รายละเอียดกิจกรรม",
            "จำนวนเงิน",
            "สถานที่",
            "หน่วยดำเนินการ",
            "แหล่งที่มา",
            *[m.replace(".", "") for m in MONTHS],
        ]
    )
    Doc().table([head, ["๑", "ก", "ข", "1,000.50", "ค", "ง", "อบจ.", *marks({12})]]).save(folder / "a.docx")
    (p,) = plan_of(folder).projects
    assert (p.seq, p.name, p.activity, p.budget, p.location, p.unit, p.source_of_funds, p.months) == (
        "1",
        "ก",
        "ข",
        Decimal("1000.50"),
        "ค",
        "ง",
        "อบจ.",
        (12,),
    )


def test_reference_tables_profile_strategy_map_ordinance_devplan(folder: Path) -> None:
    from ..conftest import profile_rows

    (
        Doc()
        .table(profile_rows())
        .table(
            [
                R(["ยุทธศาสตร์", "แผนงาน"]),
                [C("ยุทธศาสตร์ที่ 1 โครงสร้าง", vmerge="restart"), "แผนงานเคหะและชุมชน\nแผนงานอุตสาหกรรมและการโยธา"],
            ]
        )
        .p("บัญชีตามข้อบัญญัติงบประมาณรายจ่าย พ.ศ. 2564")
        .table([R(["แผนงาน", "โครงการ", "จำนวนเงิน"]), ["แผนงานเคหะและชุมชน", "ถนน", "100,000"], [C("รวม", span=2), "100,000"]])
        .p("แผนพัฒนาท้องถิ่น")
        .table([R(["ที่", "โครงการ", C("งบประมาณ", span=2)]), R(["", "", "2564", "2565"]), ["1", "ถนน", "100,000", "-"]])
        .save(folder / "ref.docx")
    )
    plan = plan_of(folder)
    assert plan.profile.org_name == "องค์การบริหารส่วนตำบลทดสอบ" and plan.profile.fiscal_year == 2564
    assert [(s.strategy, s.program) for s in plan.strategies] == [
        ("โครงสร้าง", "แผนงานเคหะและชุมชน"),
        ("โครงสร้าง", "แผนงานอุตสาหกรรมและการโยธา"),
    ]
    assert [(o.program, o.name, o.amount) for o in plan.ordinance] == [("แผนงานเคหะและชุมชน", "ถนน", Decimal("100000.00"))]
    assert [(d.name, d.budgets) for d in plan.devplan] == [("ถนน", (("2564", Decimal("100000.00")), ("2565", Decimal("0.00"))))]
    assert plan.has_ordinance and plan.has_devplan and plan.has_strategy_map and not plan.projects


def test_introduction_paragraphs_are_collected_until_part_two(folder: Path) -> None:
    Doc().p("ส่วนที่ 1").p("บทนำ").p("ย่อหน้าแรก").p("").p("ย่อหน้าสอง").p("ส่วนที่ 2").p("ไม่ใช่บทนำ").save(folder / "a.docx")
    plan = plan_of(folder)
    assert [(b.text, b.source.paragraph) for b in plan.intro] == [("ย่อหน้าแรก", 3), ("ย่อหน้าสอง", 5)]


def test_unknown_and_empty_tables_get_a_finding(folder: Path) -> None:
    Doc().table([["ก", "ข"], ["ค", "ง"]]).table([["", ""]]).table(project_table([])).save(folder / "a.docx")
    plan = plan_of(folder)
    assert [(f.code, f.source.table) for f in plan.notices] == [("unknown-table", 1), ("empty-table", 2), ("empty-table", 3)]


def test_a_layout_table_around_the_real_table_is_looked_through(folder: Path) -> None:
    from tools.docxkit import tbl_xml

    inner = tbl_xml(project_table([["1", "ก", "", "1,000", "", "", *marks({1})]]))
    inner = inner.replace(' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', "")
    Doc().table([[C("", nested=inner)]]).save(folder / "a.docx")
    (p,) = plan_of(folder).projects
    assert (p.name, p.source.table, p.source.row) == ("ก", 1, 2)


def test_ticks_from_insert_symbol_and_drawn_arrows_mark_months(folder: Path) -> None:
    row = ["1", "ก", "", "1", "", "", "[sym:F0FC]", "", "[pict:]", *[""] * 9]
    Doc().table(project_table([row])).save(folder / "a.docx")
    (p,) = plan_of(folder).projects
    assert p.months == (1, 3)


def test_month_headers_with_years_and_quarter_columns(folder: Path) -> None:
    head = R(["ที่", "โครงการ", "งบประมาณ", "ต.ค. 63", "พ.ย.63", "ธ.ค. ๖๓"], header=True)
    Doc().table([head, ["1", "ก", "1", "", "/", "/"]]).save(folder / "a.docx")
    quarters = R(["ที่", "โครงการ", "งบประมาณ", "ไตรมาสที่ 1", "ไตรมาสที่ 2", "ไตรมาสที่ 3", "ไตรมาสที่ 4"], header=True)
    Doc().table([quarters, ["1", "ข", "1", "", "✓", "", "✓"]]).save(folder / "b.docx")
    assert [p.months for p in plan_of(folder).projects] == [(2, 3), (4, 5, 6, 10, 11, 12)]


def test_a_title_row_above_the_header_and_the_header_typed_again(folder: Path) -> None:
    rows = [
        [C("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564 กองช่าง", span=18)],
        *project_table([["1", "ก", "", "1", "", "", *marks({1})]]),
        R(["ที่", "โครงการ", "รายละเอียดของกิจกรรม", "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก", *MONTHS]),
        ["2", "ข", "", "2", "", "", *marks({2})],
    ]
    Doc().table(rows).save(folder / "a.docx")
    plan = plan_of(folder)
    assert [(p.name, p.source.row) for p in plan.projects] == [("ก", 3), ("ข", 5)]
    s = plan.stats
    assert (s.rows, s.header, s.headings, s.records, s.skipped) == (5, 2, 1, 2, 0)


def test_profile_with_a_numbered_first_column_and_program_codes(folder: Path) -> None:
    from ..conftest import profile_rows

    numbered = [[str(i), k, v] for i, (k, v) in enumerate(profile_rows(), 1)]
    Doc().table(numbered).p("แผนงานเคหะและชุมชน (00240)").table(project_table([["1", "ก", "", "1", "", "", *marks({1})]])).save(
        folder / "a.docx"
    )
    plan = plan_of(folder)
    assert plan.profile.org_name == "องค์การบริหารส่วนตำบลทดสอบ" and plan.profile.fiscal_year == 2564
    assert plan.projects[0].program == "แผนงานเคหะและชุมชน"


def test_a_table_split_in_two_without_a_second_header_continues(folder: Path) -> None:
    first = project_table([["1", "ก", "", "1,000", "", "", *marks({1})]])
    Doc().p("แผนงานการศึกษา").table(first).p("").table([["2", "ข", "", "2,000", "", "", *marks({2})]]).save(folder / "a.docx")
    plan = plan_of(folder)
    assert [(p.name, p.program, p.source.table, p.source.row) for p in plan.projects] == [
        ("ก", "แผนงานการศึกษา", 1, 2),
        ("ข", "แผนงานการศึกษา", 2, 1),
    ]
    assert plan.notices == () and plan.stats.header == 1


def test_a_strategy_heading_with_only_its_number_takes_the_name_from_the_map(folder: Path) -> None:
    from ..conftest import write_plan

    write_plan(folder, [["1", "ถนน", "", "100", "", "", *marks({1})]], headings=("ยุทธศาสตร์ที่ ๑", "แผนงานเคหะและชุมชน"))
    (p,) = plan_of(folder).projects
    assert p.strategy == "การพัฒนาด้านโครงสร้างพื้นฐาน"


def test_equipment_table_grouped_by_type(folder: Path) -> None:
    head = R(["แผนงาน", "หมวด", "ประเภท", "เป้าหมาย (ผลผลิตของครุภัณฑ์)", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบหลัก", *MONTHS], header=True)
    rows = [head, ["แผนงานบริหารงานทั่วไป", "ค่าครุภัณฑ์", "ครุภัณฑ์สำนักงาน", "เก้าอี้ 5 ตัว", "12,500", "กองคลัง", *marks({3})]]
    Doc().table(rows).save(folder / "a.docx")
    (p,) = plan_of(folder).projects
    assert (p.kind, p.name, p.activity, p.program, p.budget, p.months) == (
        "equipment",
        "ครุภัณฑ์สำนักงาน",
        "เก้าอี้ 5 ตัว",
        "แผนงานบริหารงานทั่วไป",
        Decimal("12500.00"),
        (3,),
    )


def test_a_list_split_into_tables_keeps_the_documents_title(folder: Path) -> None:
    head = R(["ที่", "โครงการ", "งบประมาณ (บาท)"], header=True)
    doc = Doc().p("แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565)").p("ยุทธศาสตร์ที่ 1").table([head, ["1", "ถนน", "1,000"]])
    doc.p("ยุทธศาสตร์ที่ 2").table([head, ["1", "ฝาย", "2,000"]]).save(folder / "a.docx")
    plan = plan_of(folder)
    assert [d.name for d in plan.devplan] == ["ถนน", "ฝาย"] and plan.projects == ()


def test_introduction_headings_written_differently(folder: Path) -> None:
    for i, heading in enumerate(["1. บทนำ", "บทที่ 1 บทนำ", "ส่วนที่ ๑"]):
        Doc().p(heading).p(f"ข้อความ {i}").save(folder / f"{i}.docx")
    assert [b.text for b in plan_of(folder).intro] == ["ข้อความ 0", "ข้อความ 1", "ข้อความ 2"]


def test_profile_with_two_pairs_on_a_row(folder: Path) -> None:
    rows = [
        ["ชื่อหน่วยงาน", "องค์การบริหารส่วนตำบลทดสอบ", "ปีงบประมาณ", "2565"],
        ["อำเภอ", "เมือง", "จังหวัด", "ชัยภูมิ"],
        ["วันที่ประกาศใช้ข้อบัญญัติงบประมาณ", "15 กันยายน 2564", "วันที่ประกาศแผนการดำเนินงาน", "1 ตุลาคม 2564"],
    ]
    Doc().table(rows).save(folder / "a.docx")
    prof = plan_of(folder).profile
    assert (prof.org_name, prof.fiscal_year, prof.district, prof.province) == ("องค์การบริหารส่วนตำบลทดสอบ", 2565, "เมือง", "ชัยภูมิ")
    assert (prof.ordinance_date.isoformat(), prof.announcement_date.isoformat()) == ("2021-09-15", "2021-10-01")


def test_row_counts_cannot_lose_a_misspelt_key() -> None:
    import pytest

    from pipeline.extract.collect import Tally

    tally = Tally()
    with pytest.raises(AttributeError):
        tally.recrods += 1


def test_other_words_for_place_and_responsible_unit_are_read(folder: Path) -> None:
    from pipeline.extract.columns import label_field

    assert label_field("พื้นที่ดำเนินการ") == "location"
    assert label_field("ส่วนราชการที่รับผิดชอบ") == "unit"
    assert label_field("กอง/ฝ่ายที่รับผิดชอบ") == "unit"
    assert label_field("หน่วยงานรับผิดชอบหลัก") == "unit"
    head = R(["ลำดับ", "ชื่อโครงการ/กิจกรรม", "งบประมาณ (บาท)", "พื้นที่ดำเนินการ", "ส่วนราชการที่รับผิดชอบ", *MONTHS], header=True)
    Doc().table(profile_rows()).save(folder / "ref.docx")
    Doc().p(STRATEGY).p(PROGRAM).table([head, ["1", "ซ่อมถนน", "5,000", "ชุมชนท่าช้าง", "กองช่าง", "✓", *[""] * 11]]).save(
        folder / "a.docx"
    )
    (p,) = plan_of(folder).projects
    assert (p.location, p.unit, p.months) == ("ชุมชนท่าช้าง", "กองช่าง", (1,))


def test_quarter_headers_that_name_their_months(folder: Path) -> None:
    """ "ไตรมาส 1 (ต.ค. – ธ.ค. 69)": the months in brackets only name the quarter (an อบต.'s published ผด.02)."""
    head = ["ที่", "โครงการ", "งบประมาณ", "ไตรมาส 1 (ต.ค. – ธ.ค. 69)", "ไตรมาส 2 (ม.ค. – มี.ค. 70)", "ไตรมาส 3 (เม.ย.-มิ.ย. 70)"]
    Doc().table([R([*head, "ไตรมาส 4 (ก.ค. - ก.ย. 2570)"], header=True), ["1", "ก", "1", "✓", "", "", "✓"]]).save(
        folder / "a.docx"
    )
    assert [p.months for p in plan_of(folder).projects] == [(1, 2, 3, 10, 11, 12)]


def test_equipment_priced_per_unit_in_tables_under_each_strategy(folder: Path) -> None:
    """จำนวน × ราคาต่อหน่วย = รวม (บาท): the total is the budget; the second table, under another strategy
    heading without the word ครุภัณฑ์, is the same ผด.02/1 (its header says so)."""
    head = R(["แผนงาน", "ประเภท", "รายการ", "จำนวน", "หน่วยนับ", "ราคาต่อหน่วย (บาท)", "รวม (บาท)", *MONTHS], header=True)
    doc = Doc().p("บัญชีครุภัณฑ์ แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564").p(STRATEGY)
    doc.table([head, ["แผนงานเคหะและชุมชน", "ครุภัณฑ์ยานพาหนะ", "รถบรรทุกขยะ", "1", "คัน", "2,500,000", "2,500,000", *marks({7})]])
    doc.p("ยุทธศาสตร์ที่ 2 การพัฒนาคุณภาพชีวิต")
    doc.table([head, ["แผนงานบริหารงานทั่วไป", "ครุภัณฑ์สำนักงาน", "เครื่องปรับอากาศ", "2", "เครื่อง", "30,000", "60,000", *marks({6})]])
    doc.save(folder / "a.docx")
    got = [(p.kind, p.name, p.budget, dict(p.extra).get("หน่วยนับ")) for p in plan_of(folder).projects]
    assert got == [
        ("equipment", "รถบรรทุกขยะ", Decimal("2500000.00"), "คัน"),
        ("equipment", "เครื่องปรับอากาศ", Decimal("60000.00"), "เครื่อง"),
    ]


def test_a_strategy_map_headed_with_the_organisations_name_and_the_provinces_strategies(folder: Path) -> None:
    head = R(["ยุทธศาสตร์การพัฒนาจังหวัด", "ยุทธศาสตร์การพัฒนาเทศบาลเมืองบ้านดู่", "แผนงาน"], header=True)
    Doc().table([head, ["การพัฒนาเศรษฐกิจ", "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน", "แผนงานเคหะและชุมชน"]]).save(folder / "map.docx")
    (link,) = plan_of(folder).strategies
    assert (link.strategy, link.program) == ("การพัฒนาด้านโครงสร้างพื้นฐาน", "แผนงานเคหะและชุมชน")
