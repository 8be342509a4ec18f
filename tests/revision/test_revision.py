"""A revision: the previous announced plan read back (its plan.docx or its
records.json), the difference found by meaning, and the amendment written."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from pipeline.app import build
from pipeline.files.paths import TEMPLATES
from pipeline.render.linebreak import plain as unmark
from pipeline.revision.compare import difference, load_previous

from ..conftest import MONTHS, C, Doc, R, plan_of, profile_rows, project_table, row, write_plan

STRATEGY = "ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน"
V1 = [
    row("1", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโนนทอง", "400,000", {3, 4}, "หมู่ที่ 3"),
    row("2", "วางท่อระบายน้ำ คสล. บ้านหนองบัว", "250,000", {5}, "หมู่ที่ 5"),
    row("3", "ขยายเขตไฟฟ้าแรงต่ำ บ้านโนนเสลา", "180,000", {6}, "หมู่ที่ 7"),
    row("4", "ซ่อมแซมถนนลูกรังภายในตำบล", "200,000", {2}, "หมู่ที่ 1 - 12"),
    row("5", "ติดตั้งไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์", "150,000", {7}, "หมู่ที่ 9"),
]
EQUIPMENT = ["ที่", "ครุภัณฑ์", "รายละเอียดของครุภัณฑ์", "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก"]


def drafts(folder: Path, rows: list, revision: str, announce: str, extra: list | None = None, chair: str = "5,000") -> Path:
    prof = [*profile_rows(announce=announce), ["ครั้งที่แก้ไข", revision], *(extra or [])]
    write_plan(folder, rows, profile=prof)
    eq_head = R([C(h, bold=True) for h in [*EQUIPMENT, *MONTHS]], header=True)
    Doc().p("แผนงานเคหะและชุมชน").p("แบบ ผด.02/1 บัญชีครุภัณฑ์").table(
        [eq_head, ["1", "เก้าอี้สำนักงาน", "จำนวน 2 ตัว", chair, "กองช่าง", "กองช่าง", *["✓"] + [""] * 11]]
    ).save(folder / "equipment.docx")
    return folder


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    v1 = drafts(tmp_path / "v1", V1, "-", "9 ตุลาคม 2563")
    out1 = tmp_path / "out1"
    assert build(v1, out1).official
    v2_rows = [
        row("1", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก  สายบ้านโนนทอง", "450,000", {3, 4}, "หมู่ที่ 3"),  # raised, spacing changed
        row("2", "วางท่อระบายน้ำ คสล. บ้านหนองบัว", "200,000", {5}, "หมู่ที่ 5"),  # lowered
        row("3", "ขยายเขตไฟฟ้าแรงต่ำ บ้านโนนเสลา", "180,000", {6}, "หมู่ที่ 7"),  # unchanged
        row("4", "ก่อสร้างรางระบายน้ำ บ้านหนองฉิม", "300,000", {8, 9}, "หมู่ที่ 2"),  # added
    ]
    event = [["วันที่ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม", "1 มีนาคม 2564"]]
    v2 = drafts(tmp_path / "v2", v2_rows, "1/2564", "10 มีนาคม 2564", event, chair="6,500")
    # moved to another division's file, unchanged otherwise
    Doc().p(STRATEGY).p("1.1 แผนงานเคหะและชุมชน").table(
        project_table([row("1", "ติดตั้งไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์", "150,000", {7}, "หมู่ที่ 9")])
    ).save(v2 / "b_อีกกอง.docx")
    return out1, v2


def test_projects_are_matched_by_meaning_and_the_difference_is_exact(versions: tuple[Path, Path]) -> None:
    out1, v2 = versions
    before, after = load_previous(out1 / "plan.docx"), plan_of(v2)
    d = difference(before, after)
    assert [p.name for p in d.added] == ["ก่อสร้างรางระบายน้ำ บ้านหนองฉิม"]
    assert [p.name for p in d.cancelled] == ["ซ่อมแซมถนนลูกรังภายในตำบล"]
    changed = {c.new.name: c.fields for c in d.changed}
    assert changed["ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโนนทอง"] == ("budget",)
    assert changed["วางท่อระบายน้ำ คสล. บ้านหนองบัว"] == ("budget",)
    assert changed["เก้าอี้สำนักงาน"] == ("budget",)
    assert "ติดตั้งไฟฟ้าส่องสว่างพลังงานแสงอาทิตย์" not in changed  # moved to another file: the same project
    assert "ขยายเขตไฟฟ้าแรงต่ำ บ้านโนนเสลา" not in changed
    # records.json of the previous version gives the same difference
    same = difference(load_previous(out1 / "records.json"), after)
    assert (len(same.added), len(same.changed), len(same.cancelled)) == (1, 3, 1)


def test_build_with_previous_writes_the_amendment_and_the_revised_announcement(
    versions: tuple[Path, Path], tmp_path: Path
) -> None:
    out1, v2 = versions
    out2 = tmp_path / "out2"
    result = build(v2, out2, previous=out1 / "plan.docx")
    assert result.official, [f.code for f in result.report.findings if f.severity == "error"]
    assert [f.code for f in result.report.findings if f.code.startswith(("revision", "deadline"))] == []
    with zipfile.ZipFile(out2 / "amendment.docx") as z:
        text = unmark(re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode("utf-8"))).replace("\u00a0", " ")
        head = unmark("".join(re.sub(r"<[^>]+>", "", z.read(n).decode("utf-8")) for n in z.namelist() if "header" in n))
    assert "แก้ไข/เพิ่มเติม ครั้งที่ 1/2564" in head.replace("\u00a0", " ")
    for part in ("ก่อสร้างรางระบายน้ำ บ้านหนองฉิม", "ซ่อมแซมถนนลูกรังภายในตำบล", "เดิม", "แก้ไขใหม่", "400,000.00", "450,000.00"):
        assert part in text, part
    assert "ขยายเขตไฟฟ้าแรงต่ำ บ้านโนนเสลา" not in text  # unchanged projects are not listed
    with zipfile.ZipFile(out2 / "announcement.docx") as z:
        ann = unmark(re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode("utf-8"))).replace("\u00a0", " ")
    assert "เรื่อง ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564 แก้ไข/เพิ่มเติม ครั้งที่ 1/2564" in ann
    assert "ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม เมื่อวันที่ 1 มีนาคม 2564" in ann
    report = json.loads((out2 / "report.json").read_text(encoding="utf-8"))
    assert len(report["revision"]["added"]) == 1 and len(report["revision"]["cancelled"]) == 1


def test_the_revision_number_must_follow_the_previous_one(versions: tuple[Path, Path], tmp_path: Path) -> None:
    out1, v2 = versions
    prof = v2 / "ref.docx"
    drafts(v2, [row("1", "ก่อสร้างรางระบายน้ำ บ้านหนองฉิม", "300,000", {8}, "หมู่ที่ 2")], "3/2564", "10 มีนาคม 2564")
    assert prof.exists()
    result = build(v2, tmp_path / "out3", previous=out1 / "plan.docx")
    assert [f.code for f in result.report.findings if f.code == "revision-number"] == ["revision-number"]
    assert not result.official


def test_a_revision_without_a_difference_is_a_warning(tmp_path: Path) -> None:
    v1 = drafts(tmp_path / "v1", V1, "-", "9 ตุลาคม 2563")
    build(v1, tmp_path / "out1")
    v2 = drafts(tmp_path / "v2", V1, "1/2564", "9 ตุลาคม 2563")
    result = build(v2, tmp_path / "out2", previous=tmp_path / "out1" / "records.json")
    assert [f.code for f in result.report.findings if f.code.startswith("revision")] == ["revision-unchanged"]


def test_the_rendered_plan_reads_back_after_a_user_edits_it_in_word(versions: tuple[Path, Path], tmp_path: Path) -> None:
    """A planning officer fixes a typo in the announced plan.docx in Word: it still reads back."""
    out1, _ = versions
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(out1 / "plan.docx") as src, zipfile.ZipFile(edited, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = unmark(data.decode("utf-8")).replace("บ้านหนองบัว", "บ้านหนองบัวทอง").encode("utf-8")
            dst.writestr(item, data)
    before = load_previous(edited)
    assert len(before.of_kind("project")) == 5 and len(before.of_kind("equipment")) == 1
    assert "วางท่อระบายน้ำ คสล. บ้านหนองบัวทอง" in [p.name for p in before.projects]


def test_the_amendment_reads_as_a_published_one(versions: tuple[Path, Path], tmp_path: Path) -> None:
    """Issue 23: the reason, then ผด.02-form lists grouped by ยุทธศาสตร์/แผนงาน with totals; no screen
    text; no empty sections; one title wording; counts that agree with ผด.01, projects and equipment apart."""
    out1, v2 = versions
    out2 = tmp_path / "out2"
    assert build(v2, out2, previous=out1 / "plan.docx").official

    def plain(name: str, parts: str = "document") -> str:
        with zipfile.ZipFile(out2 / name) as z:
            xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if re.fullmatch(rf"word/{parts}\d*\.xml", n))
        return unmark(re.sub(r"<[^>]+>", "", xml.replace("</w:p>", "\n"))).replace("\u00a0", " ")

    text = plain("amendment.docx")
    for screen in ("·", "→", "แก้ไขจากฉบับ", "ฉบับแรก", "ไม่มี -", "แผนแก้ไข"):
        assert screen not in text + plain("amendment.docx", "header"), screen
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines.index("1. หลักการและเหตุผล") < lines.index("2. รายละเอียดการแก้ไข/เพิ่มเติม")
    assert lines.index("2. รายละเอียดการแก้ไข/เพิ่มเติม") < lines.index("3. สรุปจำนวนและงบประมาณ ก่อนและหลังแก้ไข/เพิ่มเติม")
    # changed projects, added, cancelled, changed equipment; no list for equipment added or cancelled
    assert [h.split(" (")[0] for h in lines if re.match(r"^2\.\d ", h)] == [
        "2.1 บัญชีโครงการ/กิจกรรม/งบประมาณ ที่แก้ไข",
        "2.2 บัญชีโครงการ/กิจกรรม/งบประมาณ ที่เพิ่มเติม",
        "2.3 บัญชีโครงการ/กิจกรรม/งบประมาณ ที่ยกเลิก",
        "2.4 บัญชีครุภัณฑ์สำหรับที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น ที่แก้ไข",
    ]
    reason = next(line for line in lines if "จึงจัดทำแผนการดำเนินงาน" in line)
    assert "ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม เมื่อวันที่ 1 มีนาคม 2564" in reason
    assert "แก้ไขโครงการ 2 โครงการ เพิ่มเติมโครงการ 1 โครงการ ยกเลิกโครงการ 1 โครงการ และแก้ไขครุภัณฑ์ 1 รายการ" in reason
    assert "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน" in lines and "1.1 แผนงานเคหะและชุมชน" in lines
    assert "รวม (เดิม)" in lines and "รวม (แก้ไขใหม่)" in lines and "650,000.00" in lines and "650,000.00" in lines
    # the summaries count as ผด.01 and ผด.02/1 do: projects and equipment apart, before and after
    after = plan_of(v2)
    doc = docx.Document(str(out2 / "amendment.docx"))
    projects, equipment = doc.tables[-2], doc.tables[-1]
    assert "(โครงการ)" in unmark(projects.rows[0].cells[1].text) and "(รายการ)" in unmark(equipment.rows[0].cells[1].text)
    assert [c.text for c in projects.rows[-1].cells][1:4:2] == ["5", str(len(after.of_kind("project")))]
    assert [c.text for c in equipment.rows[-1].cells][1:4:2] == ["1", str(len(after.of_kind("equipment")))]
    assert projects.rows[-1].cells[4].text == "1,280,000.00"  # 450,000 + 200,000 + 180,000 + 300,000 + 150,000 (ผด.02)
    # one wording on the cover, the forms' titles, the announcement and the amendment
    wording = "แก้ไข/เพิ่มเติม ครั้งที่ 1/2564"
    assert wording in plain("plan.docx") and wording in plain("plan.docx", "header") and wording in plain("announcement.docx")
    assert "แก้ไขครั้งที่" not in plain("plan.docx") + plain("plan.docx", "header") + plain("announcement.docx")


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"), reason="LibreOffice not installed")
def test_the_revised_announcement_with_an_emblem_and_every_event_fits_one_page(tmp_path: Path) -> None:
    from PIL import Image

    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    Image.new("RGB", (300, 300), "black").save(templates / "garuda.png")  # 30 mm tall on the page
    v1 = drafts(tmp_path / "v1", V1, "-", "9 ตุลาคม 2563")
    assert build(v1, tmp_path / "out1", templates=templates).official
    events = [
        ["วันที่ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม", "1 มีนาคม 2564"],
        ["วันที่อนุมัติจ่ายขาดเงินสะสม", "3 มีนาคม 2564"],
        ["วันที่คณะกรรมการพัฒนาพิจารณา", "5 มีนาคม 2564"],
    ]
    v2 = drafts(tmp_path / "v2", V1[:4], "1/2564", "10 มีนาคม 2564", events)
    out = tmp_path / "out2"
    assert build(v2, out, previous=tmp_path / "out1" / "plan.docx", pdf=True, templates=templates, draft=True).report
    info = subprocess.run(["pdfinfo", str(out / "announcement.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+1\n", info), info
    text = subprocess.run(["pdftotext", str(out / "announcement.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "นายกองค์การบริหารส่วนตำบลทดสอบ" in text and "10 เดือน มีนาคม" in text
