from pathlib import Path

from pipeline.check import run_checks

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
