"""Excel in and out: drafts saved as .xlsx are read by a second reader into
the same blocks as Word drafts, and every build writes records.xlsx."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline.app import build, check
from pipeline.core.records import plan_to_json
from pipeline.core.thai import arabic_digits, clean
from pipeline.extract import extract
from pipeline.read import Cell, Table, read_inputs
from tools.xlsxkit import Sheet, X, from_docx, save

from ..conftest import MONTHS, PROGRAM, SAMPLES, STRATEGY, codes_at, plan_of, profile_rows, row, write_plan


def as_xlsx(src: Path, dst: Path) -> Path:
    """Every Word draft of ``src`` typed into a workbook; other files copied."""
    dst.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.rglob("*")):
        if f.suffix == ".docx":
            from_docx(f, dst / f"{f.stem}.xlsx")
        elif f.is_file():
            shutil.copy(f, dst / f.name)
    return dst


WHERE = {"source", "program_source", "file", "row", "rows", "paragraph", "table", "budget_raw", "raw", "path"}


def without_places(x: object) -> object:
    """Records without where they came from and how amounts were typed (Excel keeps numbers, not their commas)."""
    if isinstance(x, dict):
        return {k: without_places(v) for k, v in x.items() if k not in WHERE}
    if isinstance(x, list):
        return [without_places(v) for v in x]
    return x


@pytest.fixture(scope="module")
def samples_xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return as_xlsx(SAMPLES, tmp_path_factory.mktemp("xlsx") / "inputs")


def test_samples_as_xlsx_give_the_same_plan(samples_xlsx: Path) -> None:
    word = plan_to_json(extract(read_inputs(SAMPLES)))
    excel = plan_to_json(extract(read_inputs(samples_xlsx)))
    assert len(excel["projects"]) == len(word["projects"]) == 46
    for key in word:
        if key != "files":
            assert without_places(excel[key]) == without_places(word[key]), key
    assert [p["budget"] for p in excel["projects"]] == [p["budget"] for p in word["projects"]]
    assert excel["projects"][0]["source"]["file"].endswith(".xlsx")


def cells(table: Table) -> list[list[tuple]]:
    def text(t: str) -> str:
        t = arabic_digits(clean(t)).replace(",", "")
        return t.removesuffix(".00")

    def vmerge(i: int, c: Cell) -> str | None:
        below = table.rows[i + 1].cell_at(c.col) if i + 1 < len(table.rows) else None
        alone = c.vmerge == "restart" and (below is None or below.vmerge != "continue")
        return None if alone else c.vmerge  # Word can "merge" one cell down; Excel cannot

    return [
        [(c.col, c.span, vmerge(i, c), c.fill, text(c.text) if c.vmerge != "continue" else "") for c in r.cells]
        for i, r in enumerate(table.rows)
    ]


def test_xlsx_reader_gives_the_word_readers_blocks(samples_xlsx: Path) -> None:
    word = {d.path.removesuffix(".docx"): d for d in read_inputs(SAMPLES).docs}
    excel = {d.path.removesuffix(".xlsx"): d for d in read_inputs(samples_xlsx).docs}
    assert word.keys() == excel.keys()
    for name, doc in word.items():
        w_tables = [cells(b) for b in doc.blocks if isinstance(b, Table)]
        x_tables = [cells(b) for b in excel[name].blocks if isinstance(b, Table)]
        assert x_tables == w_tables, name
        w_text = [b.text for b in doc.blocks if not isinstance(b, Table) and b.text]
        x_text = [b.text for b in excel[name].blocks if not isinstance(b, Table) and b.text]
        assert x_text == w_text, name


def test_samples_as_xlsx_pass_the_checks_and_build(samples_xlsx: Path, tmp_path: Path) -> None:
    result = build(samples_xlsx, tmp_path / "out")
    assert result.report.ok and (tmp_path / "out" / "plan.docx").exists()
    word = check(SAMPLES)
    assert sorted(f.code for f in result.report.findings) == sorted(f.code for f in word.findings)


def head() -> list[list]:
    return [
        [
            X("ที่", down=2),
            X("โครงการ", down=2),
            X("งบประมาณ (บาท)", down=2),
            X("หน่วยงานรับผิดชอบหลัก", down=2),
            X("พ.ศ. 2563", span=3),
            X("พ.ศ. 2564", span=9),
        ],
        MONTHS,  # the first four columns are merged down from the row above
    ]


def test_a_workbook_typed_by_hand(folder: Path) -> None:
    """Excel dates (Gregorian inside, as Excel keeps them) in the profile,
    amounts as numbers with satang, shaded and ticked months, a merged
    แผนงาน heading row, and findings that name the row Excel shows."""
    write_plan(folder, [row("1", "ถนนลูกรัง", "10,000")])
    (folder / "a.docx").unlink()
    (folder / "ref.docx").unlink()
    profile = [[k, v] for k, v in profile_rows()]
    profile[[k for k, _ in profile].index("วันที่ประกาศใช้ข้อบัญญัติงบประมาณ")][1] = dt.datetime(2020, 9, 15)
    sheet = Sheet("ข้อมูล").table(profile)
    sheet.p("ความเชื่อมโยงยุทธศาสตร์").table([["ยุทธศาสตร์", "แผนงาน"], [STRATEGY, "แผนงานเคหะและชุมชน"]])
    work = Sheet("กองช่าง").p("บัญชีโครงการพัฒนา กองช่าง", bold=True).p(STRATEGY)
    body = [
        X(PROGRAM, span=16),
        ["1", "ก่อสร้างถนน คสล. หมู่ 2", 1250000.5, "กองช่าง", *[X("", fill=m in (3, 4, 5)) for m in range(1, 13)]],
        ["2", "ขุดลอกคลอง", Decimal("48000"), "กองช่าง", *["✓" if m == 7 else "" for m in range(1, 13)]],
        ["3", "ซ่อมท่อ", "หนึ่งแสน", "กองช่าง", *["✓"] + [""] * 11],
    ]
    work.table([*head(), [body[0]], *body[1:]])
    save([sheet, work], folder / "ร่าง.xlsx")
    plan = plan_of(folder)
    assert plan.profile.ordinance_date == dt.date(2020, 9, 15)
    projects = {p.name: p for p in plan.projects}
    road = projects["ก่อสร้างถนน คสล. หมู่ 2"]
    assert road.budget == Decimal("1250000.50") and road.months == (3, 4, 5) and road.program == "แผนงานเคหะและชุมชน"
    assert projects["ขุดลอกคลอง"].months == (7,)
    # sheet กองช่าง: row 1 title, 2 strategy, 3-4 header, 5 แผนงาน, 6 road, 7 canal, 8 pipe; tables 1-2 are on sheet ข้อมูล
    assert codes_at(plan, "bad-amount") == [("ร่าง.xlsx", 3, 8)]


def test_records_xlsx(tmp_path: Path, folder: Path) -> None:
    rows = [row("1", '=HYPERLINK("http://x","ถนน")', "1,250,000.50", {2, 3}), row("2", "ท่อ", "20,000", {12})]
    write_plan(folder, rows)
    build(folder, tmp_path / "out")
    wb = load_workbook(tmp_path / "out" / "records.xlsx")
    assert wb.sheetnames == ["ผด.01", "ผด.02", "ผด.02-1"]
    ws = wb["ผด.02"]
    header = [c.value for c in ws[1]]
    assert header[:6] == ["ที่", "ยุทธศาสตร์", "แผนงาน", "โครงการ", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", "งบประมาณ (บาท)"]
    assert header[9:21] == [f"{m} {63 if i < 3 else 64}" for i, m in enumerate(MONTHS)]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    first, second = [c.value for c in ws[2]], [c.value for c in ws[3]]
    assert first[3] == '=HYPERLINK("http://x","ถนน")' and ws.cell(2, 4).data_type == "s"  # text, never a formula
    assert first[5] == Decimal("1250000.50") or first[5] == 1250000.5
    assert ws.cell(2, 6).number_format == "#,##0.00" and isinstance(ws.cell(2, 6).value, int | float | Decimal)
    assert [i for i, v in enumerate(first[9:21], 1) if v == "✓"] == [2, 3]
    assert [i for i, v in enumerate(second[9:21], 1) if v == "✓"] == [12]
    assert first[-1] == "a.docx › ตารางที่ 1 › แถวที่ 2"
    summary = wb["ผด.01"]
    total = [c.value for c in summary[summary.max_row]]
    assert total[0] == "รวมทั้งสิ้น" and total[1] == 2 and Decimal(str(total[3])) == Decimal("1270000.5")
    with zipfile.ZipFile(tmp_path / "out" / "records.xlsx") as z:
        assert "<f>" not in z.read("xl/worksheets/sheet2.xml").decode()


def test_a_workbook_with_entity_declarations_is_refused(folder: Path, tmp_path: Path) -> None:
    path = save([Sheet().p("x")], tmp_path / "bad.xlsx")
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    body = sheet.split(b"?>", 1)[1] if sheet.startswith(b"<?xml") else sheet
    parts["xl/worksheets/sheet1.xml"] = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + body
    with zipfile.ZipFile(folder / "ร่าง.xlsx", "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    (folder / "เสีย.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    result = read_inputs(folder)
    assert {(rel, e.kind) for rel, e in result.errors} == {("ร่าง.xlsx", "entity"), ("เสีย.xlsx", "not-zip")}


CALC = Path("/usr/lib/libreoffice/program/libsclo.so").exists()


@pytest.mark.skipif(not CALC and not os.environ.get("CI"), reason="LibreOffice Calc not installed (CI installs it)")
def test_legacy_xls_is_converted_with_libreoffice(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ถนนลูกรัง", "10,000", {1})])
    xlsx = from_docx(folder / "a.docx", tmp_path / "a.xlsx")
    (folder / "a.docx").unlink()
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(folder), str(xlsx)],
        capture_output=True,
        timeout=120,
        check=True,
    )
    plan = plan_of(folder)
    assert [(p.name, p.budget, p.months) for p in plan.projects] == [("ถนนลูกรัง", Decimal("10000"), (1,))]
    assert any(f.converted_from == ".xls" for f in plan.files)
    assert json.dumps(plan_to_json(plan), ensure_ascii=False)


def test_hostile_workbooks_are_refused_with_their_reason(folder: Path) -> None:
    """An encrypted workbook (an OLE container), and one whose sheet would not
    fit in memory once openpyxl holds every cell, are refused — the run goes on."""
    (folder / "รหัสผ่าน.xlsx").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le")
    )
    big = folder / "ใหญ่.xlsx"
    save([Sheet().p("x")], big)
    with zipfile.ZipFile(big) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    line = b'<row r="9"><c r="A9" t="inlineStr"><is><t>' + b"x" * 1000 + b"</t></is></c></row>"
    sheet = parts["xl/worksheets/sheet1.xml"]
    assert b"</sheetData>" in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"</sheetData>", line * 45_000 + b"</sheetData>")
    with zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)
    assert big.stat().st_size < 2 * 1024 * 1024  # small on disk, 45 MB inside
    write_plan(folder, [row("1", "ถนน", "1,000", {1})])
    result = read_inputs(folder)
    assert dict((rel, e.kind) for rel, e in result.errors) == {"รหัสผ่าน.xlsx": "encrypted", "ใหญ่.xlsx": "too-large"}
    assert len(result.docs) == 2  # the Word drafts are still read


def test_a_workbook_over_the_memory_limit_is_too_large(tmp_path: Path) -> None:
    """Not a bomb (it compresses like text), just more than openpyxl should hold: the workbook limit, far below the .docx one."""
    from pipeline.read.safe import MAX_UNCOMPRESSED, MAX_WORKBOOK, ReadError, check_package

    data = save([Sheet().p("x")], tmp_path / "a.xlsx").read_bytes()
    check_package(data, ".xlsx", main="xl/workbook.xml", limit=MAX_WORKBOOK)
    with pytest.raises(ReadError, match="too-large"):
        check_package(data, ".xlsx", main="xl/workbook.xml", limit=1000)
    assert MAX_WORKBOOK < MAX_UNCOMPRESSED / 4


def test_a_cell_filled_white_is_not_a_shaded_month(tmp_path: Path) -> None:
    """Staff "clear" a month by filling it White, Background 1; a grey from the theme still marks it."""
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill
    from openpyxl.styles.colors import Color

    from pipeline.files.spreadsheet import read_workbook

    wb = Workbook()
    ws = wb.active
    ws["A1"].fill = PatternFill("solid", fgColor=Color(theme=0))
    ws["A2"].fill = PatternFill("solid", fgColor=Color(theme=0, tint=-0.25))
    ws["A3"].fill = PatternFill("solid", fgColor=Color(indexed=9))
    ws["A4"].fill = PatternFill("solid", fgColor=Color(indexed=22))
    ws["A5"].fill = PatternFill("solid", fgColor="FFFFFFFF")
    ws["A6"].fill = PatternFill("solid", fgColor="FFA6A6A6")
    wb.save(tmp_path / "a.xlsx")
    (sheet,) = read_workbook((tmp_path / "a.xlsx").read_bytes())
    assert sorted(r for (r, _), c in sheet.cells.items() if c.fill) == [2, 4, 6]
