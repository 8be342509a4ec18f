"""Layouts the shipped samples do not use (issue 24): strategy maps with more
columns, equipment sections, units named only in titles, extra columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import MONTHS, C, Doc, R, plan_of, profile_rows, project_table


def marks(months: set[int]) -> list[str]:
    return ["✓" if m in months else "" for m in range(1, 13)]


@pytest.mark.parametrize(
    "head",
    [
        ["ยุทธศาสตร์การพัฒนาของเทศบาล", "ด้าน", "แผนงาน"],
        ["ยุทธศาสตร์การพัฒนา อปท.", "ด้าน", "แผนงาน"],
        ["ยุทธศาสตร์การพัฒนา อบจ.", "กลยุทธ์", "แผนงาน", "หน่วยงานรับผิดชอบ"],
    ],
)
def test_a_strategy_map_with_more_columns_is_loaded(folder: Path, head: list[str]) -> None:
    extra = [""] * (len(head) - 2)
    rows = [R(head, header=True), ["1. การพัฒนาโครงสร้างพื้นฐาน", *extra[:1], "แผนงานเคหะและชุมชน", *extra[1:]]]
    rows.append([C("", vmerge="continue"), *extra[:1], "แผนงานอุตสาหกรรมและการโยธา", *extra[1:]])
    Doc().table(profile_rows()).p("ความเชื่อมโยง").table(rows).save(folder / "ref.docx")
    plan = plan_of(folder)
    assert plan.has_strategy_map and [n.code for n in plan.notices] == []
    assert [(s.strategy, s.program, s.number) for s in plan.strategies] == [
        ("การพัฒนาโครงสร้างพื้นฐาน", "แผนงานเคหะและชุมชน", 1),
        ("การพัฒนาโครงสร้างพื้นฐาน", "แผนงานอุตสาหกรรมและการโยธา", 1),
    ]


def test_a_strategy_heading_naming_the_development_plan_loses_its_whole_prefix(folder: Path) -> None:
    doc = Doc().p("ยุทธศาสตร์การพัฒนาที่ 3 : การพัฒนาด้านคน สังคม และคุณภาพชีวิต").p("3.1 แผนงานสาธารณสุข")
    doc.table(project_table([["1", "พ่นยุง", "", "1,000", "", "สำนักปลัด", *marks({2})]])).save(folder / "a.docx")
    (p,) = plan_of(folder).projects
    assert p.strategy == "การพัฒนาด้านคน สังคม และคุณภาพชีวิต"


EQUIPMENT_HEAD = ["ที่", "ประเภท", "รายการครุภัณฑ์", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ", *MONTHS]


def equipment(*items: str) -> list:
    rows = [R(EQUIPMENT_HEAD, header=True)]
    return rows + [[str(i), "ครุภัณฑ์สำนักงาน", name, "5,000", "กองการศึกษา", *marks({3})] for i, name in enumerate(items, 1)]


@pytest.mark.parametrize(
    ("heading", "program"),
    [
        ("บัญชีครุภัณฑ์ 3.1 แผนงานการศึกษา", "แผนงานการศึกษา"),
        ("รายการครุภัณฑ์ (แบบ ผด.02/1) แผนงานบริหารงานทั่วไป", "แผนงานบริหารงานทั่วไป"),
        ("บัญชีครุภัณฑ์ (แบบ ผด.๐๒/๑) ๒.๑ แผนงานรักษาความสงบภายใน", "แผนงานการรักษาความสงบภายใน"),
        ("ครุภัณฑ์ 2.1 การศึกษา", "แผนงานการศึกษา"),
        ("3.2 สาธารณสุข", "แผนงานสาธารณสุข"),
    ],
)
def test_an_equipment_heading_names_its_program_wherever_it_stands(folder: Path, heading: str, program: str) -> None:
    Doc().p("3.2 แผนงานการศาสนาวัฒนธรรมและนันทนาการ").p(heading).table(equipment("ตู้เหล็ก")).save(folder / "a.docx")
    (p,) = plan_of(folder).projects
    assert (p.kind, p.program, p.program_source.paragraph if p.program_source else None) == ("equipment", program, 2)


@pytest.mark.parametrize(
    "text",
    [
        "ความเชื่อมโยงยุทธศาสตร์การพัฒนาของเทศบาลกับแผนงานตามเทศบัญญัติงบประมาณ",
        "หมายเหตุ โครงการที่ 3 ย้ายไปแผนงานการศึกษา",
        "กองสาธารณสุข",
        "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569",
    ],
)
def test_a_paragraph_that_only_mentions_a_program_is_no_heading(text: str) -> None:
    from pipeline.extract.headings import heading_of, program_in

    assert heading_of(text, bare=True) is None or heading_of(text, bare=True)[0] != "program"
    assert program_in("การศึกษา") is None  # a wrapped cell, not a heading


def _plan_with_map(folder: Path, links: list[tuple[str, str]]) -> None:
    rows = [R(["ยุทธศาสตร์", "แผนงาน"], header=True), *[[s, p] for s, p in links]]
    Doc().table(profile_rows()).p("ความเชื่อมโยง").table(rows).save(folder / "ref.docx")


def test_equipment_after_a_project_table_takes_its_strategy_from_the_map(folder: Path) -> None:
    _plan_with_map(folder, [("ยุทธศาสตร์ที่ 1 การพัฒนาคน", "แผนงานสาธารณสุข"), ("ยุทธศาสตร์ที่ 2 การศึกษา", "แผนงานการศึกษา")])
    doc = Doc().p("ยุทธศาสตร์ที่ 1 การพัฒนาคน").p("1.1 แผนงานสาธารณสุข")
    doc.table(project_table([["1", "พ่นยุง", "", "1,000", "", "กองสาธารณสุข", *marks({2})]]))
    doc.p("บัญชีครุภัณฑ์ แผนงานการศึกษา").table(equipment("ตู้เหล็ก")).save(folder / "a.docx")
    project, item = plan_of(folder).projects
    assert (project.strategy, project.program) == ("การพัฒนาคน", "แผนงานสาธารณสุข")
    assert (item.strategy, item.program, item.strategy_source) == ("การศึกษา", "แผนงานการศึกษา", None)


def test_equipment_under_no_heading_of_its_own_asks_for_one(folder: Path) -> None:
    from pipeline.rules.runner import run_checks

    _plan_with_map(folder, [("ยุทธศาสตร์ที่ 1 การพัฒนาคน", "แผนงานสาธารณสุข")])
    doc = Doc().p("ยุทธศาสตร์ที่ 1 การพัฒนาคน").p("1.1 แผนงานสาธารณสุข")
    doc.table(project_table([["1", "พ่นยุง", "", "1,000", "", "กองสาธารณสุข", *marks({2})]]))
    doc.p("บัญชีครุภัณฑ์").table(equipment("ตู้เหล็ก", "โต๊ะ")).save(folder / "a.docx")
    plan = plan_of(folder)
    assert [(p.strategy, p.program) for p in plan.of_kind("equipment")] == [("", ""), ("", "")]
    found = run_checks(plan, ["unknown-program", "unknown-strategy"]).findings
    assert [(f.code, f.source.table, f.source.row) for f in found] == [("unknown-program", 2, 2), ("unknown-program", 2, 3)]
    assert all("แผนงาน" in f.hint for f in found)  # the map gives the strategy once the แผนงาน is known: not asked twice


def test_equipment_right_under_its_own_headings_keeps_them(folder: Path) -> None:
    _plan_with_map(folder, [("ยุทธศาสตร์ที่ 1 การพัฒนาคน", "แผนงานสาธารณสุข")])
    doc = Doc().p("ยุทธศาสตร์ที่ 1 การพัฒนาคน").p("1.1 แผนงานสาธารณสุข").table(equipment("ตู้เหล็ก"))
    doc.table(equipment("โต๊ะ")).save(folder / "a.docx")  # split at a page break: same header again
    assert [(p.strategy, p.program) for p in plan_of(folder).projects] == [("การพัฒนาคน", "แผนงานสาธารณสุข")] * 2


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("กองช่าง องค์การบริหารส่วนตำบลท่าข้าม อำเภอพุนพิน จังหวัดสุราษฎร์ธานี", "กองช่าง"),
        ("กองการศึกษา ศาสนาและวัฒนธรรม องค์การบริหารส่วนจังหวัดลำปาง", "กองการศึกษา ศาสนาและวัฒนธรรม"),
        ("สำนักปลัดเทศบาล", "สำนักปลัดเทศบาล"),
        ("สำนักปลัด อบต.ท่าข้าม", "สำนักปลัด"),
        ("ส่วนที่ 1 บทนำ", ""),
        ("สำนักงานเทศบาลตำบลบ้านแฮด", ""),
        ("เทศบาลตำบลบ้านแฮด อำเภอบ้านแฮด จังหวัดขอนแก่น", ""),
        ("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2569", ""),
    ],
)
def test_the_division_a_title_line_names(text: str, unit: str) -> None:
    from pipeline.extract.units import division_in

    assert division_in(text) == unit


@pytest.mark.parametrize(
    ("path", "unit"),
    [
        ("แผนดำเนินงาน กองช่าง.docx", "กองช่าง"),
        ("กองการศึกษาฯ อบจ.docx", "กองการศึกษาฯ"),
        ("sub/02_กองคลัง_2564.docx", "กองคลัง"),
        ("02_ข้อบัญญัติงบประมาณ_2564.docx", ""),
        ("ส่วนที่ 1 บทนำ.docx", ""),
    ],
)
def test_the_division_a_file_name_names(path: str, unit: str) -> None:
    from pipeline.extract.units import file_division

    assert file_division(path) == unit


def test_a_unit_column_wins_over_the_title(folder: Path) -> None:
    doc = Doc().p("กองช่าง องค์การบริหารส่วนตำบลทดสอบ").p("แผนงานเคหะและชุมชน")
    doc.table(
        project_table([["1", "ถนน", "", "1,000", "", "สำนักปลัด", *marks({2})], ["2", "ท่อ", "", "1,000", "", "", *marks({2})]])
    )
    doc.save(folder / "a.docx")
    assert [p.unit for p in plan_of(folder).projects] == ["สำนักปลัด", ""]  # a blank cell is asked for (missing-unit), not guessed


def test_an_ordinance_header_that_says_more_in_brackets_is_read(folder: Path) -> None:
    # Typed from a เทศบัญญัติ summary: the item column qualified "(โครงการ/ครุภัณฑ์)" was unknown-table,
    # and every ordinance check was silently off.
    rows = [
        R(["ที่", "แผนงาน", "รายการ (โครงการ/ครุภัณฑ์)", "จำนวนเงิน (บาท)"], header=True),
        ["1", "แผนงานบริหารงานทั่วไป", "โครงการจัดทำแผนพัฒนาท้องถิ่น", "25,000"],
        ["2", "แผนงานการศึกษา", "ครุภัณฑ์คอมพิวเตอร์ เครื่องพิมพ์", "8,900"],
    ]
    Doc().p("สรุปเทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2569").table(rows).save(folder / "เทศบัญญัติ.docx")
    plan = plan_of(folder)
    assert [n.code for n in plan.notices] == [] and plan.has_ordinance
    assert [(o.program, o.name, int(o.amount)) for o in plan.ordinance] == [
        ("แผนงานบริหารงานทั่วไป", "โครงการจัดทำแผนพัฒนาท้องถิ่น", 25_000),
        ("แผนงานการศึกษา", "ครุภัณฑ์คอมพิวเตอร์ เครื่องพิมพ์", 8_900),
    ]


@pytest.mark.parametrize(
    "years",
    [
        ["ประมาณการปี 2569 (บาท)", "ประมาณการปี 2570 (บาท)"],
        ["ปี 2568", "ปี 2569", "ปี 2570"],  # under one "ประมาณการ (บาท)"
        ["งบประมาณ พ.ศ. 2569 (บาท)", "งบประมาณ พ.ศ. 2570 (บาท)"],
    ],
)
def test_an_ordinance_listing_last_years_estimate_beside_this_years_is_read_at_this_year(folder: Path, years: list[str]) -> None:
    # A ข้อบัญญัติ prints the year before beside the year enacted: the newest column is the ordinance.
    if years[0].startswith("ปี"):
        top = R(
            [C("แผนงาน", vmerge="restart"), C("รายการ", vmerge="restart"), C("ประมาณการ (บาท)", span=len(years))], header=True
        )
        rows = [top, R([C("", vmerge="continue"), C("", vmerge="continue"), *years], header=True)]
    else:
        rows = [R(["แผนงาน", "รายการ", *years], header=True)]
    rows.append(["แผนงานบริหารงานทั่วไป", "โครงการจัดทำแผนพัฒนาท้องถิ่น", *(["-"] * (len(years) - 1)), "25,000"])
    rows.append(["แผนงานการศึกษา", "โครงการแข่งขันกีฬาเยาวชน", *(["15,000"] * (len(years) - 1)), "80,000"])
    Doc().p("ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2570").table(rows).save(folder / "ข้อบัญญัติ.docx")
    plan = plan_of(folder)
    assert [n.code for n in plan.notices] == [] and plan.has_ordinance
    assert [(o.program, o.name, int(o.amount)) for o in plan.ordinance] == [
        ("แผนงานบริหารงานทั่วไป", "โครงการจัดทำแผนพัฒนาท้องถิ่น", 25_000),
        ("แผนงานการศึกษา", "โครงการแข่งขันกีฬาเยาวชน", 80_000),
    ]
    assert plan.devplan == ()


def test_an_ordinance_item_column_headed_by_alternatives_and_names_numbered_in_place_of_a_seq_column(folder: Path) -> None:
    # Typed from an อบต. set (issue 23's unseen drafts): the ข้อบัญญัติ's "รายการ/โครงการ" column was unknown-table,
    # and a กองช่าง draft without a ที่ column numbered its names "1.1.1 โครงการ…", so they missed their ordinance lines.
    ordinance = [
        R(["แผนงาน", "งบ", "หมวด", "รายการ/โครงการ", "จำนวนเงิน (บาท)"], header=True),
        ["แผนงานเคหะและชุมชน", "งบลงทุน", "ค่าที่ดินและสิ่งก่อสร้าง", "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3", "498,000"],
        ["แผนงานเคหะและชุมชน", "งบลงทุน", "ค่าที่ดินและสิ่งก่อสร้าง", "โครงการขยายเขตไฟฟ้าสาธารณะ", "120,000"],
    ]
    Doc().table(profile_rows()).p("ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2564").table(ordinance).save(folder / "ref.docx")
    head = R(["โครงการ", "รายละเอียดของกิจกรรม", "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก", *MONTHS], header=True)
    rows = [
        ["1.1.1 โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3", "กว้าง 4 เมตร", "498,000", "หมู่ที่ 3", "กองช่าง", *marks({3, 4})],
        ["1.2.1 โครงการขยายเขตไฟฟ้าสาธารณะ", "ระยะทาง 500 เมตร", "120,000", "หมู่ที่ 5", "กองช่าง", *marks({5})],
    ]
    Doc().p("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน").p("1.1 แผนงานเคหะและชุมชน").table([head, *rows]).save(folder / "a.docx")
    plan = plan_of(folder)
    assert plan.has_ordinance and "unknown-table" not in [n.code for n in plan.notices]
    assert [(o.name, int(o.amount)) for o in plan.ordinance] == [
        ("โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3", 498_000),
        ("โครงการขยายเขตไฟฟ้าสาธารณะ", 120_000),
    ]
    assert [p.name for p in plan.projects] == ["โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3", "โครงการขยายเขตไฟฟ้าสาธารณะ"]
