from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import Doc, plan_of, row, write_plan


def doubled(folder: Path) -> list[tuple]:
    report = run_checks(plan_of(folder), ["doubled-word"])
    return [(f.source.file, f.source.paragraph, f.source.row, f.value, f.suggestion) for f in report.findings]


def test_fires_for_the_seed_doubled_word_and_a_repeated_word(folder: Path) -> None:
    write_plan(folder, [row("1", "ซ่อมแซมซ่อมแซมถนน", "100")])
    Doc().p("บทนำ").p("ขั้นตอนที่ 2 การจัดทำร่างแผนแผนการดำเนินงาน").save(folder / "intro.docx")
    assert doubled(folder) == [("a.docx", None, 2, "ซ่อมแซมซ่อมแซม", "ซ่อมแซม"), ("intro.docx", 2, None, "แผนแผนการ", "แผนการ")]


def test_quiet_for_official_names_that_repeat_letters(folder: Path) -> None:
    write_plan(folder, [row("1", "โครงการเลือกตั้งตามที่คณะกรรมการการเลือกตั้งกำหนด", "100")])
    Doc().p("บทนำ").p("คณะกรรมการสนับสนุนการจัดทำแผนพัฒนา จัดทำร่างแผนการดำเนินงาน ต่าง ๆ").save(folder / "intro.docx")
    assert doubled(folder) == []


def test_the_tail_of_a_word_typed_again(folder: Path) -> None:
    from pipeline.rules.runner import run_checks

    from ..conftest import plan_of, row, write_plan

    rows = [
        row("1", "จัดสรรงบประมาณมาณเพื่อซ่อมถนน", "1,000", location="1"),
        row("2", "สรุปผลการดำเนินงานงาน ประจำปี", "1,000", location="2"),
        row("3", "ส่งเสริมการพัฒนานา ศักยภาพสตรี", "1,000", location="3"),
        row("4", "คณะกรรมการการเลือกตั้งประจำตำบล", "1,000", location="4"),
    ]
    write_plan(folder, rows)
    got = [(f.source.row, f.value, f.suggestion) for f in run_checks(plan_of(folder), ["doubled-word"]).findings]
    assert got == [(2, "งบประมาณมาณ", "งบประมาณ"), (3, "ผลการดำเนินงานงาน", "ผลการดำเนินงาน"), (4, "การพัฒนานา", "การพัฒนา")]
