"""The one PDF to publish (build --publish): announcement then plan, PDF/A-2b,
bookmarks on the pages their parts start, and the document's properties —
all read back from the file. No PDF/A validator (veraPDF) can be installed
from the registries this project uses (PyPI, Debian, npm), so the test reads
the PDF/A identification, the output intent and the fonts itself."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf

from pipeline.app import build
from pipeline.files import pdf

from ..conftest import ROOT, row, write_plan
from ..revision.test_revision import versions  # noqa: F401  (a fixture)
from .test_documents import needs_office


def page_text(path: Path, page: int) -> str:
    """One page's text (1-based), its spaces and line breaks removed."""
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True, text=True, check=True
    )
    return "".join(out.stdout.split())


def published(outputs: Path) -> Path:
    (path,) = (outputs / "publish").glob("*.pdf")
    return path


@needs_office
def test_the_sample_is_one_pdfa_with_bookmarks_and_properties(tmp_path: Path) -> None:
    result = build(ROOT / "samples", tmp_path / "out", publish=True)
    path = published(tmp_path / "out")
    assert path.name == "องค์การบริหารส่วนตำบลหนองฉิม_แผนการดำเนินงาน_2564.pdf"
    assert any(str(path) in note for note in result.notes)
    got = pdf.facts(path.read_bytes())
    assert got.pdfa == "2B" and got.unembedded_fonts == [] and got.language == "th"
    titles = [title for _, title, _ in got.outline]
    assert [t.split()[0] for t in titles] == ["ประกาศ", "คำนำ", "สารบัญ", "ส่วนที่", "ส่วนที่", "ผด.01", "ผด.02", "ผด.02/1"]
    assert [depth for depth, _, _ in got.outline] == [0, 0, 0, 0, 0, 1, 1, 1]
    # each bookmark on the page its part starts
    expect = {
        "ประกาศ": "ประกาศองค์การบริหารส่วนตำบลหนองฉิม",
        "คำนำ": "คำนำ",
        "สารบัญ": "สารบัญ",
        "ผด.01": "แบบผด.01",
        "ผด.02": "แบบผด.02",
    }
    for _, title, page in got.outline:
        text = page_text(path, page + 1)
        word = title.split()[0]
        assert expect.get(word, "".join(title.split()[:2]) if word == "ส่วนที่" else "ผด.02/1") in text, title
    assert "หนองฉิม" in got.title and "2564" in got.title and "แผนการดำเนินงาน" in got.title
    assert got.subject.startswith("ประกาศองค์การบริหารส่วนตำบลหนองฉิม") and "ผด.02/1" in got.keywords
    with pikepdf.open(path) as doc:
        assert doc.Root.OutputIntents[0].S == "/GTS_PDFA1"  # the announcement's output intent kept
        assert "/StructTreeRoot" not in doc.Root  # the parts' tags cannot be joined: untagged, as PDF/A-2b allows
        pages = {p.obj.objgen for p in doc.pages}
        links = [a.Dest for p in doc.pages for a in p.get("/Annots", []) if "/Dest" in a]
        assert links and all(d[0].objgen in pages for d in links)  # the contents' links land on pages of this file


@needs_office
def test_a_revision_publishes_its_announcement_and_the_amendment(versions: tuple[Path, Path], tmp_path: Path) -> None:  # noqa: F811
    out1, v2 = versions
    result = build(v2, tmp_path / "out2", previous=out1 / "plan.docx", publish=True)
    path = published(tmp_path / "out2")
    assert path.name.endswith("_2564_แก้ไข-เพิ่มเติมครั้งที่1-2564.pdf"), result.notes
    got = pdf.facts(path.read_bytes())
    assert got.pdfa == "2B" and [t for _, t, _ in got.outline] == ["ประกาศ", "แผนการดำเนินงาน แก้ไข/เพิ่มเติม ครั้งที่ 1/2564"]
    start = got.outline[1][2]
    first = page_text(path, start + 1)  # pdftotext gives "ครั้ง" in glyph order: the words around it
    assert first.startswith("แผนการดำเนินงาน") and "แก้ไข/เพิ่มเติม" in first and "1/2564" in first
    assert page_text(path, 1).startswith("ประกาศ")
    assert "แก้ไข/เพิ่มเติม" in got.title


def test_no_pdf_to_publish_from_a_draft_with_errors_and_an_earlier_one_set_aside(folder: Path, tmp_path: Path) -> None:
    earlier = tmp_path / "out" / "publish" / "อบต_แผนการดำเนินงาน_2564.pdf"
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"%PDF-1.6 an earlier build's")
    write_plan(folder, [row("1", "ถนน", "หนึ่งแสน")])
    result = build(folder, tmp_path / "out", draft=True, publish=True)
    assert list((tmp_path / "out" / "publish").iterdir()) == []  # never a PDF to post that this build's documents do not match
    assert (tmp_path / "out" / "previous" / "publish" / earlier.name).exists() and f"publish/{earlier.name}" in result.moved
    assert any("ไม่ได้สร้าง PDF ที่จะเผยแพร่" in note for note in result.notes)
