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


def test_a_column_of_short_texts_grows_to_its_widest_word_the_same_in_every_table_of_the_form() -> None:
    def cell(text: str, w: int) -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>'

    head = f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{cell('โครงการ', 4000)}{cell('หน่วยงานรับผิดชอบหลัก', 1330)}</w:tr>"
    name = "โครงการป้องกันและควบคุมโรคไข้เลือดออกในชุมชนทุกหมู่บ้าน"

    def table(unit: str) -> str:
        grid = '<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="1330"/></w:tblGrid>'
        return f"<w:tbl><w:tblPr/>{grid}{head}<w:tr>{cell(name, 4000)}{cell(unit, 1330)}</w:tr></w:tbl><w:p/>"

    root = etree.fromstring(f'<w:body xmlns:w="{W}">{table("กองสาธารณสุขฯ")}{table("กองช่าง")}</w:body>')
    breaker = Breaker({"กองสาธารณสุขฯ"})
    columns.fit(root, Room({}, (14.0, False)), breaker.widest)
    grids = [[int(c.get(f"{{{W}}}w")) for c in t.iter(f"{{{W}}}gridCol")] for t in root.iter(f"{{{W}}}tbl")]
    assert grids[0] == grids[1] and sum(grids[0]) == 5330  # one form, one set of widths; the name column gave
    assert grids[0][1] >= (width("สาธารณสุขฯ", 14) * 1.03) * 20 + 2 * 108 > 1330
    # the header's title is the template's, not measured: "หน่วยงานรับผิดชอบหลัก" would have asked far more
    assert grids[0][1] < 1330 * columns.WORD_GROWTH


def test_an_amount_in_words_breaks_only_after_a_magnitude() -> None:
    # The announcement printed "(ยี่ / สิบหกล้าน…)": a broken number to a reader.
    marked = Breaker().mark("(ยี่สิบหกล้านแปดแสนแปดพันห้าร้อยบาทถ้วน)")
    assert breaks(marked) == ["(ยี่สิบหกล้าน", "แปดแสน", "แปดพัน", "ห้าร้อยบาทถ้วน)"]
    satang = breaks(Breaker().mark("(สี่ล้านหนึ่งแสนสองร้อยสี่สิบห้าบาทหกสิบสตางค์)"))
    assert satang[-2:] == ["สองร้อยสี่สิบห้าบาท", "หกสิบสตางค์)"]
    assert "สอง" in breaks(Breaker().mark("จำนวนสองแห่ง"))  # a counted word is not an amount


def test_an_official_term_is_whole_where_the_segmenter_tied_the_other_way() -> None:
    # newmm cuts "ดำเนิน|การตาม", "โครง|การพัฒนา": the announcement printed "ไม่ได้ดำเนิน / การตาม…".
    b = Breaker(set(), {"ดำเนินการ", "โครงการ", "ดำเนินงาน"})
    pieces = breaks(b.mark("ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น"))
    assert "ดำเนินการ" in pieces and "โครงการ" in pieces and "ตาม" in pieces and "พัฒนา" in pieces
    assert "ดำเนินงาน" in breaks(b.mark("แผนการดำเนินงานประจำปี"))


def test_what_cannot_begin_a_line_is_measured_with_the_word_before_it() -> None:
    # "สาธารณสุข" fits 66 pt, "สาธารณสุขฯ" does not: LibreOffice broke the whole after its first letter.
    marked = Breaker({"กองสาธารณสุขฯ"}).mark("กองสาธารณสุขฯ", room=66.5, size=14)
    pieces = breaks(marked)
    assert all(width(p, 14) <= 66.5 for p in pieces) and pieces[-1].endswith("ฯ") and "ฯ" not in pieces
    assert not any(p in {"ส", "าธารณสุขฯ"} for p in pieces)


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
    assert any(re.search(r"^\s*[๐-๙]+\.[๐-๙]+ แผนงาน\S* \(ต่อ\)", p, re.M) for p in pages)  # the two passes of continued.py
    # "พ.ศ. ๒๕๖๓" over three month columns is wider than they are: it breaks after "พ.ศ.", never inside the year
    forms = [p for p in pages if re.search(r"^.*แบบ ผด\.๐๒\s*$", p, re.M)]  # the form pages, not the contents
    assert len(forms) > 5 and all("๒๕๖๓" in p and "๒๕๖๔" in p for p in forms)


@needs_office
def test_a_number_cut_across_two_lines_of_a_cell_is_counted(tmp_path: Path) -> None:
    """The amendment showed "ยาว 2|00 เมตร" and "หนา 0.1|5" while the counter found no
    broken number: it looked only at words within a line. Cut on purpose here with
    line breaks, in Arabic and Thai digits, beside cells that are whole."""
    import docx

    from pipeline.files.office import convert

    doc = docx.Document()
    table = doc.add_table(rows=3, cols=3)
    lines = [
        ["1", "ผิวจราจรกว้าง 4.00 เมตร ยาว 2", "00 เมตร หนา 0.1", "5 เมตร"],  # cut twice
        ["2", "ท่อ คสล. ยาว ๑", "๒๐ เมตร พร้อมบ่อพัก"],  # cut, Thai digits
        ["3", "ยาว 200 เมตร", "กว้าง 4 เมตร"],  # whole
    ]
    for cells, (no, *text) in zip(table.rows, lines, strict=True):
        cells.cells[0].text = no
        run = cells.cells[1].paragraphs[0].add_run(text[0])
        for more in text[1:]:
            run.add_break()
            run.add_text(more)
        cells.cells[2].text = "503,000.00"
    doc.save(str(tmp_path / "cut.docx"))
    convert([tmp_path / "cut.docx"], "pdf", tmp_path, timeout=120)
    found = typeset.measure(str(tmp_path / "cut.pdf"), set())
    cuts = [x.split(" ", 1)[1].removesuffix(" (across lines)") for x in found.numbers]
    assert [c[c.index("|") - 1 : c.index("|") + 3] for c in cuts] == ["2|00", "1|5เ", "๑|๒๐"], found.numbers
    assert typeset.number_split("12", "00") and typeset.number_split("1", "2,852,000.00")
    assert not typeset.number_split("1", "2") and not typeset.number_split("503,000.00", "498,000.00")
    assert not typeset.number_split("รวม 3", "4. ยุทธศาสตร์")


def test_a_number_in_a_run_of_several_lines_gets_a_run_of_its_own() -> None:
    """An activity typed on two lines is one run (text, break, text); left whole, its
    numbers broke in the amendment's narrower column ("ยาว 2|00 เมตร")."""
    from pipeline.render.typeset import finish

    xml = (
        f'<w:body xmlns:w="{W}"><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>กว้าง 4.00 เมตร ยาว 200 เมตร</w:t>'
        "<w:br/><w:t>หนา 0.15 เมตร</w:t></w:r></w:p></w:body>"
    )
    root = etree.fromstring(finish(xml.encode(), thai=False, body=True))
    runs = root.findall(f".//{{{W}}}r")
    numbers = ["".join(r.itertext()) for r in runs if r.find(f"{{{W}}}rPr/{{{W}}}lang") is not None]
    assert numbers == ["4.00", "200", "0.15"]
    assert all(r.find(f"{{{W}}}rPr/{{{W}}}b") is not None for r in runs)  # the run's own format kept
    assert [r.find(f"{{{W}}}br") is not None for r in runs].count(True) == 1
    assert "".join("".join(r.itertext()) for r in runs).replace("\u00a0", " ") == "กว้าง 4.00 เมตร ยาว 200 เมตรหนา 0.15 เมตร"


def test_a_latin_word_gets_a_run_of_its_own_not_thai() -> None:
    # In a Thai run LibreOffice broke "L|ED" and "N|etwork" in the ผด.02/1 item column (an unseen set).
    from pipeline.render.typeset import finish

    xml = f'<w:body xmlns:w="{W}"><w:p><w:r><w:t>เครื่องพิมพ์ชนิด LED ขาวดำ ชนิด Network แบบที่ 1</w:t></w:r></w:p></w:body>'
    root = etree.fromstring(finish(xml.encode(), thai=False, body=True))
    foreign = ["".join(r.itertext()) for r in root.iter(f"{{{W}}}r") if r.find(f"{{{W}}}rPr/{{{W}}}lang") is not None]
    assert foreign == ["LED", "Network", "1"]


def test_words_in_full_width_paragraphs_are_kept_whole() -> None:
    """The announcement broke "งบ|ประมาณ", "หน่วย|งาน" (LibreOffice's own dictionary cuts them)."""
    marked = Breaker({"หนองฉิม"}, {"งบประมาณ", "ดำเนินงาน"}).mark("ประกาศใช้งบประมาณจากหน่วยงานราชการอื่นเพื่อดำเนินงาน")
    pieces = {plain(chunk): chunk for chunk in marked.split(ZWSP)}
    for word in ("งบประมาณ", "หน่วยงานราชการ", "ดำเนินงาน"):
        assert WJ in pieces[word], (word, list(pieces))  # no break inside, whatever LibreOffice's dictionary says
    assert plain(marked) == "ประกาศใช้งบประมาณจากหน่วยงานราชการอื่นเพื่อดำเนินงาน"


@needs_office
def test_the_sample_announcement_keeps_its_words_whole_on_one_page(pdfs: Path) -> None:
    found = typeset.measure(str(pdfs / "announcement.pdf"), set())
    assert len(found.words) <= 1, found.words  # "แผนการดำเนินงาน|ประจำปี…": two terms, one newmm word "งานประจำ"
    info = subprocess.run(["pdfinfo", str(pdfs / "announcement.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"Pages:\s+1\n", info), info
