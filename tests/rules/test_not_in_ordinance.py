from pathlib import Path

from ..conftest import MONTHS, R, findings, row, write_plan

H = "แผนงานเคหะและชุมชน"


def test_fires_for_an_ordinance_funded_project_with_no_line(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100,000"), row("2", "ท่อระบายน้ำ", "5,000")], ordinance=[(H, "ถนน", "100,000")])
    assert findings(folder, "not-in-ordinance") == [("a.docx", 1, 3)]


def test_quiet_for_other_funding_sources(folder: Path) -> None:
    from tools.docxkit import Doc

    write_plan(folder, [row("1", "ถนน", "100,000")], ordinance=[(H, "ถนน", "100,000")])
    head = R(["ที่", "โครงการ", "งบประมาณ", "แหล่งงบประมาณ", *MONTHS], header=True)
    rows = [
        ["1", "ถนนลาดยาง", "2,000,000", "อบจ.ชัยภูมิ", "✓", *[""] * 11],
        ["2", "ขุดลอก", "300,000", "จ่ายขาดเงินสะสม", "✓", *[""] * 11],
    ]
    Doc().p("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน").p("แผนงานเคหะและชุมชน").table([head, *rows]).save(folder / "b.docx")
    assert findings(folder, "not-in-ordinance") == []


def test_quiet_when_the_ordinance_words_the_name_differently(folder: Path) -> None:
    ordinance = [(H, "ค่าใช้จ่ายโครงการก่อสร้างถนนคอนกรีต", "100,000"), (H, "ท่อระบายน้ำ", "5,000")]
    write_plan(folder, [row("1", "ก่อสร้างถนนคอนกรีต", "100,000"), row("2", "โครงการท่อระบายน้ำ", "5,000")], ordinance=ordinance)
    assert findings(folder, "not-in-ordinance") == []


def test_funding_sources_are_told_apart() -> None:
    from pipeline.core.domain import funding_kind

    got = {
        s: funding_kind(s)
        for s in ["", "ข้อบัญญัติ", "อบต.หนองฉิม", "จ่ายขาดเงินสะสม อบต.", "โอนงบประมาณ", "อบจ.ชัยภูมิ", "กรมทางหลวงชนบท"]
    }
    assert got == {
        "": "ordinance",
        "ข้อบัญญัติ": "ordinance",
        "อบต.หนองฉิม": "ordinance",
        "จ่ายขาดเงินสะสม อบต.": "accumulated",
        "โอนงบประมาณ": "transfer",
        "อบจ.ชัยภูมิ": "other",
        "กรมทางหลวงชนบท": "other",
    }
