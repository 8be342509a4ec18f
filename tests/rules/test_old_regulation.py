from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import Doc, plan_of, profile_rows, row, write_plan

REPEALED = "ตามระเบียบกระทรวงมหาดไทย ว่าด้วยการจัดทำและประสานแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 กำหนดให้"
OLDER = "ตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 และที่แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2559 กำหนดให้"
CURRENT = "ตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 แก้ไขเพิ่มเติมถึง (ฉบับที่ 3) พ.ศ. 2561 กำหนดให้"


def intro(folder: Path, *lines: str) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    doc = Doc().p("บทนำ")
    for line in lines:
        doc.p(line)
    doc.save(folder / "intro.docx")


def test_fires_for_the_repealed_regulation_and_an_amendment_short_of_the_third(folder: Path) -> None:
    intro(folder, REPEALED, OLDER)
    got = run_checks(plan_of(folder), ["old-regulation"]).findings
    assert [(f.source.file, f.source.paragraph) for f in got] == [("intro.docx", 2), ("intro.docx", 3)]
    assert all("(ฉบับที่ 3) พ.ศ. 2561" in f.suggestion for f in got)


def test_quiet_for_the_current_citation(folder: Path) -> None:
    intro(folder, CURRENT)
    assert run_checks(plan_of(folder), ["old-regulation"]).findings == ()


def dated(folder: Path, announce: str, *lines: str) -> None:
    """A plan for fiscal 2561 announced on ``announce``, its บทนำ ``lines``."""
    write_plan(folder, [row("1", "ถนน", "1,000")], profile=profile_rows("2561", "15 กันยายน 2560", announce))
    doc = Doc().p("บทนำ")
    for line in lines:
        doc.p(line)
    doc.save(folder / "intro.docx")


def test_a_plan_announced_before_the_third_amendment_cites_the_second(folder: Path) -> None:
    """Announced 9 October 2560: the third amendment (in force 4 October 2561) is not yet law."""
    dated(folder, "9 ตุลาคม 2560", OLDER)
    assert run_checks(plan_of(folder), ["old-regulation"]).findings == ()


def test_citing_an_amendment_not_yet_in_force_is_a_finding_that_suggests_the_one_in_force(folder: Path) -> None:
    dated(folder, "9 ตุลาคม 2560", CURRENT)
    (got,) = run_checks(plan_of(folder), ["old-regulation"]).findings
    assert "ยังไม่มีผลใช้บังคับ" in got.message and got.value.startswith("ฉบับที่ 3")
    assert got.suggestion.endswith("แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2559")
