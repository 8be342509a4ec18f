"""The follow-up end to end: status forms per division, filled by code,
read back into progress.json, progress.docx and findings."""

from __future__ import annotations

import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from pipeline import app
from pipeline.cli import main
from pipeline.core import period
from pipeline.followup.progress import status_of
from pipeline.render.linebreak import plain as unmark

from .helpers import HALL, KIDS, PIPE, ROAD, TRAINING, announced_plan, fill, generated_forms, staff_form


@pytest.fixture
def filled(folder: Path, tmp_path: Path) -> Path:
    """Both divisions' forms for quarter 2, filled: ticks, amounts, a typo, a stranger, an over-disbursement."""
    forms = generated_forms(announced_plan(folder), tmp_path / "out")
    returned = tmp_path / "returned"
    returned.mkdir()
    fill(
        shutil.copy(forms["กองช่าง"], returned / "กองช่าง.docx"),
        {ROAD: ("done", "498,500.00", ""), PIPE: ("not_started", "-", "รอผู้รับจ้าง"), HALL: ("in_progress", "๖๐,๐๐๐", "")},
        extra=[("โครงการก่อสร้างสะพานข้ามห้วย", "done", "10,000")],
        rename={ROAD: "โครงการก่อสร้างถนน คสล.หมู่ที่ 1", PIPE: "โครงการวางท่อระบายนำ หมู่ที่ 2"},  # a space lost, a tone mark missed
    )
    fill(shutil.copy(forms["สำนักปลัด"], returned / "สำนักปลัด.docx"), {TRAINING: ("cancelled", "0", "ไม่มีผู้สมัคร")})
    return returned


def test_track_forms_one_per_division_with_the_period(folder: Path, tmp_path: Path) -> None:
    forms = generated_forms(announced_plan(folder), tmp_path / "out")
    assert sorted(forms) == ["กองช่าง", "สำนักปลัด"]
    doc = docx.Document(str(forms["กองช่าง"]))
    body = unmark("\n".join(p.text for p in doc.paragraphs)).replace("\xa0", " ")  # the renderer joins "ไตรมาสที่ 2"
    assert "ไตรมาสที่ 2 (มกราคม – มีนาคม 2564)" in body and "องค์การบริหารส่วนตำบลทดสอบ" in body
    (table,) = doc.tables
    head = [unmark(c.text).replace("\n", "") for c in table.rows[0].cells]
    assert head == [
        "ที่",
        "โครงการ",
        "งบประมาณตามแผน (บาท)",
        "ดำเนินการแล้วเสร็จ",
        "อยู่ระหว่างดำเนินการ",
        "ยังไม่ได้ดำเนินการ",
        "ยกเลิก",
        "เบิกจ่าย (บาท)",
        "หมายเหตุ",
    ]
    rows = [[unmark(c.text) for c in r.cells] for r in table.rows[1:]]
    assert [r[2] for r in rows] == ["500,000.00", "200,000.00", "50,000.00"]
    assert all(not any(r[3:]) for r in rows)


def test_filled_forms_read_back_into_statuses_sums_and_findings(folder: Path, filled: Path, tmp_path: Path) -> None:
    result = app.progress(folder, filled, tmp_path / "report")
    data = json.loads((tmp_path / "report" / "progress.json").read_text(encoding="utf-8"))
    got = {p["name"]: (p["status"], p["disbursed"]) for p in data["projects"]}
    assert got == {
        ROAD: ("done", "498500.00"),  # matched although retyped
        PIPE: ("not_started", "0.00"),  # matched despite the typo
        HALL: ("in_progress", "60000.00"),  # Thai digits
        TRAINING: ("cancelled", "0.00"),
        KIDS: (None, "0.00"),  # its row was left empty
    }
    assert data["projects"][0]["source"] == {"file": "กองช่าง.docx", "table": 1, "row": 2, "column": None, "paragraph": None}
    totals = data["totals"]
    assert totals["disbursed_total"] == "558500.00" and totals["planned"] == "820000.00"
    assert totals["counts"] == {"done": 1, "in_progress": 1, "not_started": 1, "cancelled": 1, "unreported": 1}
    assert totals["done_share"] == "20.00" and totals["disbursed_share"] == "68.11"
    (strategy,) = data["strategies"]
    assert strategy["number"] == 1 and strategy["counts"]["done"] == 1 and strategy["programs"][0]["disbursed"] == "558500.00"
    codes = sorted((f.code, f.source.file, f.source.row) for f in result.report.findings)
    assert codes == [
        ("behind-schedule", "กองช่าง.docx", 3),  # ม.ค.–ก.พ. are over by 31 March, not started
        ("over-disbursed", "กองช่าง.docx", 4),  # 60,000 of 50,000
        ("progress-missing", "สำนักปลัด.docx", 3),  # วันเด็ก: its row has no status
        ("progress-unknown-project", "กองช่าง.docx", 5),
    ]
    unknown = next(f for f in result.report.findings if f.code == "progress-unknown-project")
    assert "สะพาน" in unknown.message and unknown.suggestion.startswith('โครงการในแผนที่ใกล้ที่สุด: "โครงการ')
    assert result.report.exit_code == 1


def test_progress_docx_has_the_summary_the_chart_and_the_lists(folder: Path, filled: Path, tmp_path: Path) -> None:
    app.progress(folder, filled, tmp_path / "report")
    doc = docx.Document(str(tmp_path / "report" / "progress.docx"))
    text = unmark("\n".join(p.text for p in doc.paragraphs)).replace("\xa0", " ")
    assert "ไตรมาสที่ 2" in text and "เบิกจ่ายแล้ว 558,500.00 บาท" in text
    signed = [unmark(p.text) for p in doc.paragraphs if unmark(p.text).startswith("\tลงชื่อ")]  # words joined (issue 23.1)
    assert len(signed) == 1 and signed[0].rstrip().endswith("ผู้ตรวจ") and "ผู้รายงาน\tลงชื่อ" in signed[0]
    summary, behind, cancelled = doc.tables
    total = [unmark(c.text) for c in summary.rows[-1].cells]
    assert total[0] == "รวมทั้งสิ้น" and total[1:7] == ["5", "1", "1", "1", "1", "1"] and total[8] == "558,500.00"
    assert [unmark(c.text).replace("\xa0", " ") for c in behind.rows[1].cells][1:4] == [PIPE, "กองช่าง", "ม.ค.–ก.พ."]
    assert (
        unmark(cancelled.rows[1].cells[1].text).replace("\xa0", " ") == TRAINING
        and unmark(cancelled.rows[1].cells[4].text) == "ไม่มีผู้สมัคร"
    )
    (image,) = [r for r in doc.part.rels.values() if "image" in r.reltype]
    png = image.target_part.blob
    check_chart(png)


def check_chart(png: bytes) -> None:
    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("RGB")
    assert img.size[0] >= 1200 and img.size[1] >= 400
    colours = img.getcolors(maxcolors=1 << 20)
    assert colours is not None
    non_white = sum(n for n, c in colours if c != (255, 255, 255))
    assert non_white > img.size[0] * img.size[1] * 0.05  # bars and Thai labels drawn
    assert any(abs(c[0] - 0x2E) < 8 and abs(c[1] - 0x7D) < 8 and abs(c[2] - 0x32) < 8 for _, c in colours)  # the "done" green


def test_a_form_typed_by_staff_with_words_and_the_period_it_states(folder: Path, tmp_path: Path) -> None:
    announced_plan(folder)
    returned = tmp_path / "typed"
    returned.mkdir()
    staff_form(
        returned / "กองช่าง ไตรมาส 2.docx",
        [
            (ROAD, "500,000", "เสร็จแล้ว", "500,000.-"),
            (PIPE, "200,000", "กำลังดำเนินการ", "50000 บาท"),
            (HALL, "50,000", "ยังไม่ดำเนินการ", ""),
            (TRAINING, "30,000", "ยกเลิก", "-"),
            (KIDS, "40,000", "ดำเนินการเรียบร้อยแล้ว", "๓๙,๕๐๐"),
        ],
    )
    result = app.progress(folder, returned, tmp_path / "report")
    got = {s.project.name: (s.status, s.disbursed) for s in result.progress.items}
    assert got == {
        ROAD: ("done", Decimal("500000.00")),
        PIPE: ("in_progress", Decimal("50000.00")),
        HALL: ("not_started", Decimal(0)),
        TRAINING: ("cancelled", Decimal("0.00")),
        KIDS: ("done", Decimal("39500.00")),
    }
    assert result.progress.period.quarter == 2  # read from the form's own heading
    assert [f.code for f in result.report.findings] == []  # ศาลา (ก.ค.) is not due yet


def test_status_words() -> None:
    assert status_of("เสร็จแล้ว") == status_of("ดำเนินการแล้วเสร็จ") == status_of("ดำเนินการแล้ว") == "done"
    assert status_of("กำลังดำเนินการ") == status_of("อยู่ระหว่างดำเนินการ") == "in_progress"
    assert status_of("ยังไม่ดำเนินการ") == status_of("ยังไม่ได้ดำเนินการ") == "not_started"
    assert status_of("ยกเลิก") == status_of("ยกเลิกโครงการ") == "cancelled"
    assert status_of("✓") is None and status_of("") is None


def test_periods() -> None:
    q1 = period.quarter(1, 2564)
    assert (q1.start.isoformat(), q1.end.isoformat()) == ("2020-10-01", "2020-12-31")
    assert q1.month_ended(3, 2564) and not q1.month_ended(4, 2564)
    assert period.from_text("ข้อมูล ณ วันที่ 15 กุมภาพันธ์ 2564", 2564).end.isoformat() == "2021-02-15"


def test_command_line(folder: Path, filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli"
    assert main(["progress", str(folder), str(filled), str(out), "--as-of", "31/03/2564"]) == 1
    text = capsys.readouterr().out
    assert "สรุปตามยุทธศาสตร์และแผนงาน" in text and "[over-disbursed]" in text and "ผลการตรวจ: ไม่ผ่าน" in text
    assert {p.name for p in out.iterdir()} >= {"progress.json", "progress.docx", "report.json"}
    records = tmp_path / "records.json"
    assert main(["build", str(folder), str(tmp_path / "plan")]) == 0
    shutil.copy(tmp_path / "plan" / "records.json", records)
    assert (
        main(["progress", str(tmp_path / "none"), str(filled), str(tmp_path / "cli2"), "--plan", str(records), "--quarter", "2"])
        == 1
    )
    assert (
        json.loads((tmp_path / "cli2" / "progress.json").read_text(encoding="utf-8"))["totals"]["disbursed_total"] == "558500.00"
    )
    # the announced plan.docx itself: its titles give the fiscal year, its cover the organisation
    plan_docx = str(tmp_path / "plan" / "plan.docx")
    assert main(["progress", str(tmp_path / "none"), str(filled), str(tmp_path / "cli3"), "--plan", plan_docx]) == 1
    data = json.loads((tmp_path / "cli3" / "progress.json").read_text(encoding="utf-8"))
    assert data["totals"]["disbursed_total"] == "558500.00" and data["organisation"] == "องค์การบริหารส่วนตำบลทดสอบ"
    assert data["fiscal_year"] == 2564 and data["period"]["quarter"] == 2  # the period from the forms' heading
    assert main(["track-forms", str(folder), str(tmp_path / "t")]) == 2  # no period given
    assert main(["track-forms", str(folder), str(tmp_path / "t"), "--quarter", "5"]) == 2


def test_a_typed_form_with_the_name_first_and_heading_rows_across(folder: Path, tmp_path: Path) -> None:
    """A division's own layout: the project name in the first column, a
    ยุทธศาสตร์ heading merged across the table — a heading, never a project."""
    from ..conftest import C, Doc, R

    announced_plan(folder)
    returned = tmp_path / "typed"
    returned.mkdir()
    rows = [
        R(["โครงการ", "สถานะ", "เบิกจ่าย"], header=True),
        [C("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน", span=3)],
        [ROAD, "เสร็จแล้ว", "500,000"],
    ]
    Doc().p("ข้อมูล ณ วันที่ 31 มีนาคม 2564").table(rows).save(returned / "กองช่าง.docx")
    result = app.progress(folder, returned, tmp_path / "report")
    assert [(r.name, r.statuses) for r in result.progress.forms.rows] == [(ROAD, ("done",))]
    assert not [f for f in result.report.findings if f.code == "progress-unknown-project"]
