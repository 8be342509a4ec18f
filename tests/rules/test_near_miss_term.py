from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import Doc, plan_of, row, write_plan


def near(folder: Path) -> list[tuple]:
    report = run_checks(plan_of(folder), ["near-miss-term"])
    return [(f.source.file, f.source.paragraph or f.source.row, f.value, f.suggestion) for f in report.findings]


def intro(folder: Path, *paragraphs: str) -> None:
    doc = Doc().p("บทนำ")
    for p in paragraphs:
        doc.p(p)
    doc.save(folder / "intro.docx")


def test_fires_for_the_seed_mistakes_with_the_official_term(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    intro(folder, "ทำให้ง่ายต่อการติดตามและประเมินผมการดำเนินงาน", "เพื่อให้เป็นไปตามยุทธศาสตร์กี่พัฒนาที่ได้วางไว้แล้ว")
    assert near(folder) == [("intro.docx", 2, "ประเมินผม", "ประเมินผล"), ("intro.docx", 3, "ยุทธศาสตร์กี่", "ยุทธศาสตร์ที่")]


def test_fires_for_the_organisations_own_names_and_user_terms(folder: Path) -> None:
    from ..conftest import profile_rows

    prof = [["ชื่อหน่วยงาน", "องค์การบริหารส่วนตำบลหนองฉิม"], *profile_rows()[1:]]
    write_plan(folder, [row("1", "ถนนสายหนองฉิน", "100"), row("2", "ซ่อมฝายน้ำล้นห้วยชีลองง", "100", location="2")], profile=prof)
    (folder / "glossary.txt").write_text("# ชื่อในท้องถิ่น\nฝายน้ำล้นห้วยชีลอง\n", encoding="utf-8")
    from pipeline.app import check

    got = [(f.source.row, f.value, f.suggestion) for f in check(folder, select=["near-miss-term"]).findings]
    assert got == [(2, "หนองฉิน", "หนองฉิม"), (3, "ฝายน้ำล้นห้วยชีลองง", "ฝายน้ำล้นห้วยชีลอง")]


def test_quiet_on_correct_official_text(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    intro(
        folder,
        "ทำให้ง่ายต่อการติดตามและประเมินผลการดำเนินงานตามแผนงาน",
        "เพื่อให้เป็นไปตามยุทธศาสตร์การพัฒนาที่ได้วางไว้แล้วในแผนการดำเนินงาน ยุทธศาสตร์ที่ 1",
        "องค์การบริหารส่วนตำบลจัดทำข้อบัญญัติงบประมาณรายจ่ายประจำปี",
    )
    assert near(folder) == []


def test_tone_marks_vowels_and_loanwords_of_plans(folder: Path) -> None:
    from pipeline.rules.runner import run_checks

    from ..conftest import plan_of

    rows = [
        row("1", "ซ่อมแซมถนนในหมูบ้าน", "1,000", location="หมู่ที่ 1"),
        row("2", "ส่งเสริมสุขภาพผู้สูงอายู", "1,000", location="หมู่ที่ 2"),
        row("3", "ก่อสร้างถนนคอนกรีดเสริมเหล็ก", "1,000", location="หมู่ที่ 3"),
        row("4", "ปูผิวแอสฟัลติก", "1,000", location="หมู่ที่ 4"),
        row("5", "ติดตั้งหลังคาอลูมิเนียม", "1,000", location="หมู่ที่ 5"),
        row("6", "โครงการรก่อสร้างรางระบายน้ำ", "1,000", location="หมู่ที่ 6"),
    ]
    write_plan(folder, rows)
    got = [
        (f.source.row, f.source.column, f.value, f.suggestion) for f in run_checks(plan_of(folder), ["near-miss-term"]).findings
    ]
    assert got == [
        (2, "โครงการ", "หมูบ้าน", "หมู่บ้าน"),
        (3, "โครงการ", "ผู้สูงอายู", "ผู้สูงอายุ"),
        (4, "โครงการ", "คอนกรีด", "คอนกรีต"),
        (5, "โครงการ", "แอสฟัลติก", "แอสฟัลท์ติก"),
        (6, "โครงการ", "อลูมิเนียม", "อะลูมิเนียม"),
        (7, "โครงการ", "โครงการร", "โครงการ"),
    ]


def test_quiet_on_names_of_villages_people_roads_and_sois(folder: Path) -> None:
    from ..conftest import findings

    rows = [
        row("1", "ก่อสร้างถนนซอยบ้านนายสมปอง", "1,000", location="บ้านหนองบัวแดง หมู่ที่ 1"),
        row("2", "ซ่อมถนนสายบ้านโนนสำราญ - บ้านนาดี", "1,000", location="บ้านโนนสำราญ"),
        row("3", "ปรับปรุงศาลาประชาคมบ้านหนองบัวแดงใต้", "1,000", location="บ้านหนองบัวแดงใต้ หมู่ที่ 4"),
    ]
    write_plan(folder, rows)
    assert findings(folder, "near-miss-term") == []


def test_a_village_typed_one_letter_off_in_the_location_is_caught(folder: Path) -> None:
    from pipeline.rules.runner import run_checks

    from ..conftest import plan_of

    rows = [
        row("1", "ถนน", "1,000", location="บ้านหนองบัวแดง"),
        row("2", "ไฟ", "1,000", location="บ้านหนองบัวแดง หมู่ที่ 2"),
        row("3", "ท่อ", "1,000", location="บ้านหนองบัวแดฃ"),
    ]
    write_plan(folder, rows)
    got = [
        (f.source.row, f.source.column, f.value, f.suggestion) for f in run_checks(plan_of(folder), ["near-miss-term"]).findings
    ]
    assert got == [(4, "สถานที่", "หนองบัวแดฃ", "หนองบัวแดง")]


def test_a_word_wrong_only_where_it_stands(folder: Path) -> None:
    """ "หมูที่ 5" (a real published typo): หมู is a word, but before ที่ and a number it is หมู่ที่."""
    write_plan(
        folder, [row("1", "ก่อสร้างถนน คสล.", "100", location="หมูที่ 5 บ้านหนองฉิม"), row("2", "ซ่อมท่อ", "100", location="หมู่ที่ 6")]
    )
    intro(folder, "จัดซื้อหมูพันธุ์ดีให้กลุ่มเกษตรกร")
    assert near(folder) == [("a.docx", 2, "หมู", "หมู่")]
