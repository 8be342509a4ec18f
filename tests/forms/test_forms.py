"""Blank division forms (``forms``): one ready-to-fill ผด.02 per division
named in the ordinance or the development plan, its ordinance lines filled
in; filled by code the way staff fill them, a form reads back exactly."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from pipeline.app import forms
from pipeline.cli import main
from pipeline.render.linebreak import plain as unmark
from pipeline.rules.runner import run_checks

from ..conftest import Doc, R, plan_of, profile_rows

STRATEGIES = [
    ("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน", "แผนงานเคหะและชุมชน"),
    ("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน", "แผนงานอุตสาหกรรมและการโยธา"),
    ("ยุทธศาสตร์ที่ 2 การพัฒนาด้านคุณภาพชีวิต", "แผนงานการศึกษา"),
]
ORDINANCE = [
    ("แผนงานเคหะและชุมชน", "โครงการก่อสร้างถนน คสล. สายบ้านโนน - บ้านนา", "498,000", "กองช่าง"),
    ("แผนงานอุตสาหกรรมและการโยธา", "โครงการวางท่อระบายน้ำ หมู่ที่ 3", "250,000", "กองช่าง"),
    ("แผนงานการศึกษา", "โครงการอาหารกลางวันเด็กเล็ก", "1,250,000.50", "กองการศึกษา"),
    ("แผนงานการศึกษา", "เงินเดือนพนักงาน", "900,000", "กองการศึกษา"),  # personnel: not a project line
    ("แผนงานเคหะและชุมชน", "โครงการซ่อมแซมศาลาประชาคม", "40,000", ""),  # nobody named: the division of its แผนงาน's projects
]


def reference(folder: Path) -> Path:
    ref = Doc().table(profile_rows())
    ref.p("ความเชื่อมโยงยุทธศาสตร์").table([R(["ยุทธศาสตร์", "แผนงาน"], header=True), *[list(x) for x in STRATEGIES]])
    ref.p("บัญชีตามข้อบัญญัติงบประมาณรายจ่ายประจำปี พ.ศ. 2564")
    ref.table([R(["แผนงาน", "โครงการ", "จำนวนเงิน (บาท)", "หน่วยงานรับผิดชอบ"], header=True), *[list(o) for o in ORDINANCE]])
    ref.p("แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565)")
    head = [R(["ที่", "โครงการ", "2564 (บาท)", "หน่วยงานรับผิดชอบหลัก"], header=True)]
    plan = [
        ["1", "โครงการก่อสร้างถนน คสล. สายบ้านโนน - บ้านนา", "498,000", "อบต.ทดสอบ"],
        ["2", "โครงการรณรงค์ลดขยะ", "20,000", "สำนักปลัด"],
    ]
    ref.table([*head, *plan]).save(folder / "ref.docx")
    return folder


def test_a_form_per_division_with_its_ordinance_lines(folder: Path, tmp_path: Path) -> None:
    made = forms(reference(folder), tmp_path / "out")
    assert [(unit, lines, path.name) for unit, lines, path in made] == [
        ("กองการศึกษา", 1, "กองการศึกษา.docx"),
        ("กองช่าง", 2, "กองช่าง.docx"),
        ("สำนักปลัด", 0, "สำนักปลัด.docx"),  # named in the development plan: a form with empty rows
        ("ไม่ระบุหน่วยงาน", 1, "ไม่ระบุหน่วยงาน.docx"),
    ]
    form = docx.Document(str(tmp_path / "out" / "forms" / "กองช่าง.docx"))
    header = unmark("\n".join(p.text for p in form.sections[0].header.paragraphs))
    assert "คำชี้แจง" in header and "กองช่าง" in header and "ทำเครื่องหมาย ✓" in header
    body = unmark("\n".join(p.text for p in form.paragraphs))
    assert "พ.ศ.\u00a02564" in body or "พ.ศ. 2564" in body
    (table,) = form.tables
    texts = [[unmark(c.text) for c in row.cells] for row in table.rows]
    assert texts[0][:2] == ["ที่", "โครงการ"] and "ต.ค." in texts[1]
    flat = ["|".join(dict.fromkeys(r)) for r in texts]
    assert any(t.startswith("1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน") for t in flat)
    assert any(t.startswith("1.2 แผนงานอุตสาหกรรมและการโยธา") for t in flat)
    assert any(t.startswith("2. ยุทธศาสตร์การพัฒนาด้านคุณภาพชีวิต") for t in flat)  # every heading of the map
    road = next(r for r in texts if "สายบ้านโนน" in r[1])
    assert road[3] == "498,000.00" and road[5] == "กองช่าง" and not any(road[6:])


def fill(path: Path, rows: dict[str, tuple[str, str, set[int]]], new: tuple[str, str, str, str, set[int]]) -> None:
    """As a division fills its form in Word: activity, place and ticks on the
    pre-filled rows; a project of its own in the first empty row."""
    form = docx.Document(str(path))
    (table,) = form.tables
    for row in table.rows:
        cells = row.cells
        name = " ".join(unmark(cells[1].text).split())  # the renderer joins "หมู่ที่ 3" with a no-break space
        if name in rows:
            activity, place, months = rows[name]
            cells[2].text, cells[4].text = activity, place
            for m in months:
                cells[5 + m].text = "✓"
        elif new and len(cells) == 18 and not any(c.text for c in cells) and cells[0].text == "":
            seq, name, budget, place, months = new
            cells[0].text, cells[1].text, cells[3].text, cells[4].text, cells[5].text = seq, name, budget, place, "กองช่าง"
            for m in months:
                cells[5 + m].text = "✓"
            new = ()
    form.save(str(path))


def test_a_filled_form_reads_back_exactly(folder: Path, tmp_path: Path) -> None:
    forms(reference(folder), tmp_path / "out")
    form = folder / "กองช่าง.docx"
    form.write_bytes((tmp_path / "out" / "forms" / "กองช่าง.docx").read_bytes())
    fill(
        form,
        {
            "โครงการก่อสร้างถนน คสล. สายบ้านโนน - บ้านนา": ("ผิวจราจรกว้าง 4 เมตร ยาว 200 เมตร", "หมู่ที่ 2", {3, 4, 5}),
            "โครงการวางท่อระบายน้ำ หมู่ที่ 3": ("ท่อ คสล. ขนาด 0.40 เมตร", "หมู่ที่ 3", {7}),
        },
        ("3", "โครงการขุดลอกคลองสาธารณะ", "60,000", "หมู่ที่ 5", {9, 10}),
    )
    plan = plan_of(folder)
    got = [(p.seq, p.name, p.budget, p.activity, p.location, p.unit, p.strategy, p.program, p.months) for p in plan.projects]
    assert got == [
        (
            "1",
            "โครงการก่อสร้างถนน คสล. สายบ้านโนน - บ้านนา",
            Decimal("498000.00"),
            "ผิวจราจรกว้าง 4 เมตร ยาว 200 เมตร",
            "หมู่ที่ 2",
            "กองช่าง",
            "การพัฒนาด้านโครงสร้างพื้นฐาน",
            "แผนงานเคหะและชุมชน",
            (3, 4, 5),
        ),
        (
            "3",
            "โครงการขุดลอกคลองสาธารณะ",
            Decimal("60000.00"),
            "",
            "หมู่ที่ 5",
            "กองช่าง",
            "การพัฒนาด้านโครงสร้างพื้นฐาน",
            "แผนงานเคหะและชุมชน",
            (9, 10),
        ),
        (
            "1",
            "โครงการวางท่อระบายน้ำ หมู่ที่ 3",
            Decimal("250000.00"),
            "ท่อ คสล. ขนาด 0.40 เมตร",
            "หมู่ที่ 3",
            "กองช่าง",
            "การพัฒนาด้านโครงสร้างพื้นฐาน",
            "แผนงานอุตสาหกรรมและการโยธา",
            (7,),
        ),
    ]
    report = run_checks(plan)
    noisy = {
        "missing-field",
        "no-schedule",
        "skipped-row",
        "unknown-strategy",
        "unknown-program",
        "fiscal-year-mismatch",
        "bad-amount",
    }
    assert not [f for f in report.findings if f.code in noisy]
    assert "ordinance-line-unplanned" in {f.code for f in report.findings}  # the other divisions' lines are still missing


def test_forms_command_and_refusals(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forms", str(reference(folder)), str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "กองช่าง.docx" in out and "ไม่ระบุหน่วยงาน.docx" in out
    assert main(["forms", str(folder), str(folder / "forms")]) == 2  # never into the drafts' folder
    empty = tmp_path / "only-profile"
    empty.mkdir()
    Doc().table(profile_rows()).save(empty / "ref.docx")
    assert main(["forms", str(empty), str(tmp_path / "out2")]) == 2
    assert "ไม่พบบัญชีข้อบัญญัติงบประมาณหรือแผนพัฒนาท้องถิ่น" in capsys.readouterr().err


PREFIXED = "ค่าใช้จ่ายโครงการรณรงค์ลดขยะ"  # the ordinance's wording of the development plan's โครงการรณรงค์ลดขยะ
UNKNOWN = "ค่าใช้จ่ายโครงการจัดงานวันเด็ก"  # no such project in the development plan or the drafts


def test_an_ordinance_line_is_the_same_project_for_forms_and_check(folder: Path, tmp_path: Path) -> None:
    """ "ค่าใช้จ่ายโครงการ X" in the ordinance is the project "โครงการ X": the
    forms give the line to X's division exactly when the ordinance check finds X for it."""
    from pipeline.core.domain import UNASSIGNED
    from pipeline.core.match import same_project
    from pipeline.forms.blank import divisions

    from ..conftest import PROGRAM, STRATEGY, project_table, row

    ref = Doc().table(profile_rows())
    ref.p("ความเชื่อมโยงยุทธศาสตร์").table([R(["ยุทธศาสตร์", "แผนงาน"], header=True), *[list(x) for x in STRATEGIES]])
    ref.p("บัญชีตามข้อบัญญัติงบประมาณรายจ่ายประจำปี พ.ศ. 2564")
    head = R(["แผนงาน", "โครงการ", "จำนวนเงิน (บาท)", "หน่วยงานรับผิดชอบ"], header=True)
    ref.table([head, ["แผนงานเคหะและชุมชน", PREFIXED, "20,000", ""], ["แผนงานเคหะและชุมชน", UNKNOWN, "30,000", ""]])
    ref.p("แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565)")
    head = R(["ที่", "โครงการ", "2564 (บาท)", "หน่วยงานรับผิดชอบหลัก"], header=True)
    ref.table([head, ["1", "โครงการรณรงค์ลดขยะ", "20,000", "สำนักปลัด"]]).save(folder / "ref.docx")

    made = {unit: count for unit, count, _ in forms(folder, tmp_path / "out")}
    assert made == {"สำนักปลัด": 1, UNASSIGNED: 1}
    assert {f.unit: [line.name for line in f.lines] for f in divisions(plan_of(folder))} == {
        "สำนักปลัด": [PREFIXED],
        UNASSIGNED: [UNKNOWN],
    }

    # สำนักปลัด returns its draft with the project under its own name: check pairs it with the same line.
    draft = Doc().p(STRATEGY).p(PROGRAM)
    draft.table(project_table([row("1", "โครงการรณรงค์ลดขยะ", "20,000", unit="สำนักปลัด")])).save(folder / "สำนักปลัด.docx")
    report = run_checks(plan_of(folder))
    assert [f.value for f in report.findings if f.code == "ordinance-line-unplanned"] == [UNKNOWN]
    assert not [f for f in report.findings if f.code in ("not-in-ordinance", "not-in-development-plan")]
    assert same_project(PREFIXED, "โครงการรณรงค์ลดขยะ") and not same_project(UNKNOWN, "โครงการรณรงค์ลดขยะ")


def test_a_line_goes_to_the_division_the_plan_gives_its_project(folder: Path, tmp_path: Path) -> None:
    """The ordinance names no division for the ศาลา line; the drafts' project
    carrying it belongs to สำนักปลัด (by its title), so its form is
    สำนักปลัด's — not กองช่าง's, which has most projects of its แผนงาน."""
    reference(folder)
    head = R(["ที่", "โครงการ", "งบประมาณ (บาท)", "ต.ค."], header=True)
    doc = Doc().p("แผนการดำเนินงาน").p("สำนักปลัด องค์การบริหารส่วนตำบลทดสอบ").p("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน")
    doc.p("แผนงานเคหะและชุมชน").table([head, ["1", "โครงการซ่อมแซมศาลาประชาคม", "40,000", "✓"]]).save(folder / "b.docx")
    other = Doc().p("แผนการดำเนินงาน").p("กองช่าง องค์การบริหารส่วนตำบลทดสอบ").p("แผนงานเคหะและชุมชน")
    other.table([head, ["1", "โครงการขุดลอกคลอง", "10,000", "✓"], ["2", "โครงการวางท่อ", "10,000", "✓"]]).save(folder / "c.docx")
    made = {unit: lines for unit, lines, _ in forms(folder, tmp_path / "out")}
    assert made["สำนักปลัด"] == 1 and made["กองช่าง"] == 2 and "ไม่ระบุหน่วยงาน" not in made
    assert [p.unit for p in plan_of(folder).projects] == ["สำนักปลัด", "กองช่าง", "กองช่าง"]
