from pathlib import Path

from pipeline.check import run_checks

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
