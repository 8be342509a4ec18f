"""The reader walks Word's XML itself: what python-docx's .text would miss."""

from __future__ import annotations

import os
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from pipeline.extract import extract
from pipeline.read import Paragraph, Table, discover, read_inputs
from pipeline.read.docx import read_docx
from pipeline.rules.runner import run_checks

from ..conftest import C, Doc, R


def blocks(path: Path):
    return read_docx(path, path.name).blocks


def test_tracked_changes_read_inserted_text_and_skip_deleted(tmp_path: Path) -> None:
    path = Doc().p("งบประมาณ [del:100,000][ins:250,000] บาท").save(tmp_path / "d.docx")
    # python-docx drops both the deletion and the insertion: the trap the reader avoids.
    assert docx.Document(str(path)).paragraphs[0].text == "งบประมาณ  บาท"
    (para,) = blocks(path)
    assert isinstance(para, Paragraph) and para.text == "งบประมาณ 250,000 บาท"
    assert read_docx(path, "d.docx").tracked_changes == 2


def test_content_controls_and_simple_fields_are_read(tmp_path: Path) -> None:
    path = Doc().p("ตำบล[sdt:หนองฉิม] ปี [fld:2564]").save(tmp_path / "d.docx")
    assert blocks(path)[0].text == "ตำบลหนองฉิม ปี 2564"


def test_cells_know_their_grid_column_span_and_vertical_merge(tmp_path: Path) -> None:
    path = (
        Doc()
        .table(
            [
                [C("ยุทธศาสตร์ A", vmerge="restart"), C("หัว", span=2)],
                [C(vmerge="continue"), "x", C("", fill="FF0000")],
            ]
        )
        .save(tmp_path / "d.docx")
    )
    (table,) = blocks(path)
    assert isinstance(table, Table) and table.width == 3
    top, bottom = table.rows
    assert [(c.col, c.span, c.vmerge) for c in top.cells] == [(0, 1, "restart"), (1, 2, None)]
    assert bottom.cells[0].vmerge == "continue" and bottom.cells[0].text == ""
    assert bottom.cell_at(2).fill and not bottom.cell_at(1).fill
    assert top.cell_at(2).text == "หัว"


def test_deleted_rows_are_marked_and_rows_inside_content_controls_are_read(tmp_path: Path) -> None:
    path = Doc().table([["a", "1"], R(["b", "2"], deleted=True), R(["c", "3"], sdt=True)]).save(tmp_path / "d.docx")
    (table,) = blocks(path)
    assert [(r.index, r.texts, r.deleted) for r in table.rows] == [
        (1, ["a", "1"], False),
        (2, ["b", "2"], True),
        (3, ["c", "3"], False),
    ]


def test_nested_tables_stay_inside_their_cell(tmp_path: Path) -> None:
    from tools.docxkit import tbl_xml

    inner = tbl_xml([["ใน", "ตาราง"]]).replace(' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', "")
    path = Doc().table([[C("นอก", nested=inner)]]).save(tmp_path / "d.docx")
    (table,) = blocks(path)
    cell = table.rows[0].cells[0]
    assert cell.text == "นอก" and cell.tables[0].rows[0].texts == ["ใน", "ตาราง"]


def test_whole_table_inside_a_content_control_counts_as_a_table(tmp_path: Path) -> None:
    path = Doc().p("ก่อน").sdt_table([["a", "b"]]).table([["c", "d"]]).save(tmp_path / "d.docx")
    kinds = [(type(b).__name__, getattr(b, "index", None)) for b in blocks(path)]
    assert kinds == [("Paragraph", 1), ("Table", 1), ("Table", 2)]


def test_lock_hidden_and_other_files_are_skipped_with_a_note(folder: Path) -> None:
    Doc().p("x").save(folder / "a.docx")
    Doc().p("x").save(folder / "sub" / "b.docx")
    (folder / "~$a.docx").write_bytes(b"lock")
    (folder / ".hidden.docx").write_bytes(b"x")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    found = discover(folder)
    assert [f.relative_to(folder).as_posix() for f in found.drafts] == ["a.docx", "sub/b.docx"]
    assert sorted(s[0] for s in found.skipped) == [".hidden.docx", "notes.txt", "~$a.docx"]
    assert found.refused == [("notes.pdf", "pdf")]  # a PDF is a draft we cannot read: an error, not a note


def test_bad_files_are_reported_and_the_others_still_read(folder: Path) -> None:
    Doc().p("ดี").save(folder / "good.docx")
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "locked.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with zipfile.ZipFile(folder / "nobody.docx", "w") as z:
        z.writestr("[Content_Types].xml", "<x/>")
    result = read_inputs(folder)
    assert [d.path for d in result.docs] == ["good.docx"]
    report = run_checks(extract(result), ["unreadable-file"])
    reasons = {f.source.file: f.message for f in report.findings}
    assert set(reasons) == {"corrupt.docx", "locked.docx", "old.doc", "nobody.docx"}
    assert "รหัสผ่าน" in reasons["locked.docx"] and ".doc" in reasons["old.doc"]


def test_a_legacy_doc_is_converted_with_libreoffice_and_read(folder: Path, tmp_path: Path) -> None:
    """LibreOffice here writes .doc files without their tables, so the .doc is
    made from paragraphs: this checks the conversion path, not Word's tables."""
    import shutil
    import subprocess

    if shutil.which("soffice") is None and not os.environ.get("CI"):
        pytest.skip("LibreOffice not installed (CI installs it)")
    src = Doc().p("บทนำ").p("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564").save(tmp_path / "old.docx")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "doc", "--outdir", str(folder), str(src)], capture_output=True, check=True
    )
    result = read_inputs(folder)
    assert result.errors == [] and [d.path for d in result.docs] == ["old.doc"]
    assert [b.text for b in result.docs[0].blocks if b.text] == ["บทนำ", "แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564"]


def test_entity_declarations_are_refused_not_resolved(folder: Path) -> None:
    good = Doc().p("x").save(folder / "src.docx")
    evil = folder / "evil.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(evil, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY big "boom">]>', 1)
            dst.writestr(item, data)
    good.unlink()
    result = read_inputs(folder)
    assert [p for p, _ in result.errors] == ["evil.docx"]


def test_zip_bomb_is_refused_by_declared_size(folder: Path) -> None:
    path = folder / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w/>")
        z.writestr("word/media/big.bin", b"\0" * (210 * 1024 * 1024))
    result = read_inputs(folder)
    (finding,) = run_checks(extract(result), ["unreadable-file"]).findings
    assert [p for p, _ in result.errors] == ["bomb.docx"] and "ใหญ่" in finding.message


def test_an_odt_draft_is_converted_and_read_and_a_pdf_is_an_error(folder: Path, tmp_path: Path) -> None:
    import shutil
    import subprocess

    from pipeline.report.terminal import render_text

    from ..conftest import row, write_plan

    if shutil.which("soffice") is None and not os.environ.get("CI"):
        pytest.skip("LibreOffice not installed (CI installs it)")
    (tmp_path / "src").mkdir()
    src = write_plan(tmp_path / "src", [row("1", "ก่อสร้างถนนลูกรัง", "150,000", months={2, 3})])
    shutil.copy(src / "ref.docx", folder)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "odt", "--outdir", str(folder), str(src / "a.docx")],
        capture_output=True,
        check=True,
    )
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 scanned draft")
    plan = extract(read_inputs(folder))
    assert [(p.name, p.budget, p.months) for p in plan.projects] == [("ก่อสร้างถนนลูกรัง", Decimal("150000.00"), (2, 3))]
    assert [f.converted_from for f in plan.files if f.path == "a.odt"] == [".odt"]
    report = run_checks(plan)
    assert [(f.code, f.source.file) for f in report.findings if f.code == "unreadable-file"] == [("unreadable-file", "scan.pdf")]
    assert "a.odt (.odt)" in render_text(report)
