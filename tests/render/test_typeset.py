"""Thai on paper: where lines may end, numbers whole, page numbers in Thai
digits — marked in the .docx, measured on LibreOffice's PDFs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pipeline.app import build
from pipeline.render import columns
from pipeline.render.linebreak import WJ, ZWSP, Breaker, plain, width
from pipeline.render.measure import Room
from pipeline.render.thaipages import NATIVE, thai_pages
from tools import typeset

from ..conftest import ROOT, row, write_plan

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"), reason="LibreOffice not installed (CI installs it)"
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def breaks(marked: str) -> list[str]:
    """The pieces between the offered breaks."""
    return marked.replace(WJ, "").split(ZWSP)


def test_names_stay_whole_and_words_are_offered_breaks_between_them() -> None:
    b = Breaker({"หนองฉิม", "กองสาธารณสุขฯ"})
    marked = b.mark("ซ่อมแซมถนนภายในตำบลหนองฉิม กองสาธารณสุขฯ", room=300, size=14)
    assert plain(marked) == "ซ่อมแซมถนนภายในตำบลหนองฉิม กองสาธารณสุขฯ"
    pieces = [p for chunk in breaks(marked) for p in chunk.split(" ")]
    assert "หนองฉิม" in pieces and "กองสาธารณสุขฯ" in pieces and "ซ่อมแซม" in pieces
    assert WJ in marked  # inside a word a break is refused


def test_a_word_wider_than_its_cell_breaks_between_syllables_never_inside_one() -> None:
    b = Breaker({"องค์การบริหารส่วนตำบลหนองฉิม"})
    marked = b.mark("องค์การบริหารส่วนตำบลหนองฉิม", room=40, size=14)
    pieces = breaks(marked)
    assert len(pieces) > 2 and all(width(p, 14) <= 40 for p in pieces)
    assert "".join(pieces) == "องค์การบริหารส่วนตำบลหนองฉิม"
    assert not any(p in {"หน", "องฉิม", "ธารณ"} for p in pieces)
    assert "อาทิตย์" in breaks(Breaker().mark("พลังงานแสงอาทิตย์", room=45, size=14))  # "ย์" stays with its syllable


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("กขงนมยรลวสหอะัาำิีึืุูเแโใไ่้๊๋์ ฯๆ.(<1"), max_size=30), st.sampled_from([None, 20.0, 80.0]))
def test_marks_never_change_the_text(text: str, room: float | None) -> None:
    assert plain(Breaker({"หนองฉิม"}, {"กองช่าง"}).mark(text, room, 14)) == text


def test_no_mark_ever_stands_before_a_vowel_or_tone_mark() -> None:
    marked = Breaker().mark("เพื่อแสดงรายละเอียดของโครงการที่ดำเนินการจริงทั้งหมด", room=120, size=14)
    assert not re.search(f"[{WJ}{ZWSP}][\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", marked)


def test_abbreviations_are_one_word() -> None:
    marked = Breaker().mark("ที่ทำการ อบต.หนองฉิม ศพด.บ้านโนนทอง", room=200, size=14)
    assert "อบต." in breaks(marked)[0].split(" ")[-1] or any(p.startswith("อบต.") or p == "อบต." for p in breaks(marked))
    assert all(p != "อบ" for p in breaks(marked))


def test_a_numeric_column_is_widened_to_its_widest_number() -> None:
    def cell(text: str, w: int) -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>'

    amount = "๑๒,๘๕๒,๐๐๐.๐๐"
    xml = (
        f'<w:body xmlns:w="{W}"><w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="8000"/><w:gridCol w:w="1200"/></w:tblGrid>'
        f"<w:tr>{cell('โครงการซ่อมแซมถนน', 8000)}{cell(amount, 1200)}</w:tr></w:tbl></w:body>"
    )
    root = etree.fromstring(xml)
    columns.fit(root, Room({}, (14.0, False)))
    grid = [int(c.get(f"{{{W}}}w")) for c in root.iter(f"{{{W}}}gridCol")]
    assert sum(grid) == 9200 and grid[1] >= width(amount, 14) * 20 + 2 * 108
    assert [int(c.get(f"{{{W}}}w")) for c in root.iter(f"{{{W}}}tcW")] == grid


def test_page_styles_and_contents_references_get_native_numbering() -> None:
    fodt = (
        '<style:page-layout-properties fo:page-width="8in" style:num-format="1"/>'
        "<style:page-layout-properties/>"
        '<style:page-layout-properties style:num-format="ก, ข, ค, ..."/>'
        '<text:bookmark-ref text:reference-format="page" text:ref-name="x">1</text:bookmark-ref>'
    )
    out = thai_pages(fodt)
    assert out.count(f'style:num-format="{NATIVE}"') == 2 and "ก, ข, ค" in out
    assert 'reference-format="page"' not in out


def test_the_docx_text_reads_plain_and_back_without_marks(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ซ่อมแซมถนนลูกรังภายในตำบลหนองฉิม", "1,000", location="บ้านหนองฉิม หมู่ที่ 3")])
    build(folder, tmp_path / "out")
    with zipfile.ZipFile(tmp_path / "out" / "plan.docx") as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert WJ in body and ZWSP in body
    assert "ซ่อมแซมถนนลูกรังภายในตำบลหนองฉิม" in plain(body)


def pdf_text(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdftotext", *args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def thai_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample plan with ตัวเลขไทย: ใช้, built to PDF."""
    root = tmp_path_factory.mktemp("thai")
    inputs = root / "inputs"
    shutil.copytree(ROOT / "samples", inputs)
    profile = inputs / "00_ข้อมูลทั่วไป.docx"
    with zipfile.ZipFile(profile) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    thai, n = re.subn("(ตัวเลขไทย.*?)ไม่ใช้", r"\1ใช้", xml, count=1, flags=re.S)
    assert n == 1
    parts["word/document.xml"] = thai.encode("utf-8")
    with zipfile.ZipFile(profile, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    build(inputs, root / "out", pdf=True)
    return root / "out"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample built to PDF, as ``make pdf`` builds it."""
    out = tmp_path_factory.mktemp("sample") / "out"
    build(ROOT / "samples", out, pdf=True)
    return out


@needs_office
def test_the_sample_on_paper_has_no_break_inside_a_syllable_and_no_broken_number(pdfs: Path) -> None:
    amounts = typeset.amounts_of(str(pdfs / "records.json"))
    for name in ("plan.pdf", "announcement.pdf"):
        found = typeset.measure(str(pdfs / name), amounts if name == "plan.pdf" else set())
        assert found.syllables == [] and found.numbers == [] and found.junk == [], (name, found)
        assert found.missing == set(), found.missing


@needs_office
def test_thai_digits_hold_on_paper_page_numbers_and_contents_included(thai_pdfs: Path) -> None:
    pages = pdf_text(thai_pdfs / "plan.pdf", "-layout").split("\f")
    footers = [lines[-1].strip() for lines in ([ln for ln in p.splitlines() if ln.strip()] for p in pages) if lines]
    assert footers[1:6] == ["ก", "ข", "๑", "๒", "๓"]  # the front matter keeps its letters
    assert not re.search("[0-9]", "".join(pages))  # no Arabic digit anywhere, contents included
    contents = next(p for p in pages if "สารบัญ" in p)
    assert re.search(r"\.{5,}\s*[๐-๙]+\s*$", contents, re.M)
    found = typeset.measure(str(thai_pdfs / "plan.pdf"), typeset.amounts_of(str(thai_pdfs / "records.json")))
    assert found.syllables == [] and found.numbers == [] and found.missing == set(), found
