from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import findings, plan_of, row, seed_docx, write_plan


def test_fires_for_a_draft_title_and_a_month_header_of_another_year(folder: Path) -> None:
    write_plan(
        folder,
        [row("1", "ถนน", "100")],
        headings=("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2563", "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน", "แผนงานเคหะและชุมชน"),
    )
    plan = plan_of(folder)
    got = [(f.source.file, f.source.paragraph) for f in run_checks(plan, ["fiscal-year-mismatch"]).findings]
    assert got == [("a.docx", 1)]


def test_fires_at_the_seed_sentence_that_says_2563(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    seed_docx(folder / "intro.docx")
    report = run_checks(plan_of(folder), ["fiscal-year-mismatch"])
    assert [(f.source.file, f.source.paragraph, f.value) for f in report.findings] == [("intro.docx", 5, "ประจำปี พ.ศ. 2563")]


def test_quiet_for_regulation_years_and_the_right_year(folder: Path) -> None:
    write_plan(
        folder,
        [row("1", "ถนน", "100")],
        headings=(
            "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564 (ระเบียบ พ.ศ. 2548)",
            "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน",
            "แผนงานเคหะและชุมชน",
        ),
    )
    assert findings(folder, "fiscal-year-mismatch") == []
