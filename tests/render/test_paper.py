"""What a provincial reviewer checks at first sight (issue 23): the regulation
as in force on the plan's date, and the layout the templates ask of paper."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from pipeline.app import build
from pipeline.render.linebreak import plain as unmark

from ..conftest import plan_of, profile_rows, row, write_plan
from .test_documents import texts


def test_a_plan_announced_in_2560_cites_the_regulation_as_amended_by_then(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")], profile=profile_rows("2561", "15 กันยายน 2560", "9 ตุลาคม 2560"))
    build(folder, tmp_path / "out")
    for name in ("plan.docx", "announcement.docx"):
        text = texts(tmp_path / "out" / name).replace("\u00a0", " ")
        assert "พ.ศ. 2548 แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2559 หมวด 5" in text, name
        assert "ฉบับที่ 3" not in text and "2561 หมวด" not in text, name
    assert plan_of(folder).profile.fiscal_year == 2561


def test_a_plan_announced_after_the_third_amendment_cites_it(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])  # 9 ตุลาคม 2563
    build(folder, tmp_path / "out")
    for name in ("plan.docx", "announcement.docx"):
        assert "แก้ไขเพิ่มเติมถึง (ฉบับที่ 3) พ.ศ. 2561" in texts(tmp_path / "out" / name).replace("\u00a0", " "), name


def document(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_long_strategy_names_wrap_between_words_in_the_progress_chart() -> None:
    from pipeline.render.chart import _wrapped

    name = "3. ยุทธศาสตร์การพัฒนาด้านการบริหารจัดการบ้านเมืองที่ดีตามหลักธรรมาภิบาล"
    lines = _wrapped(name, 34).split("\n")
    assert len(lines) > 1 and "".join(lines).replace(" ", "") == name.replace(" ", "")
    assert all(len(line) <= 34 + 6 for line in lines) and all(len(line) >= 6 for line in lines)
    assert "ธรรมาภิบาล" in lines[-1]  # a word is never cut


def test_the_templates_set_type_a_reviewer_can_read(tmp_path: Path) -> None:
    """Marks clear of borders, upright month labels as large as the text, no letter-spaced lines."""
    from pipeline.files.paths import TEMPLATES

    for name in ("plan.docx", "announcement.docx", "amendment.docx", "progress.docx"):
        with zipfile.ZipFile(TEMPLATES / name) as z:
            body, styles = z.read("word/document.xml").decode(), z.read("word/styles.xml").decode()
        for tbl in re.findall(r"<w:tblPr>.*?</w:tblPr>", body):
            assert re.search(r'<w:top w:w="(\d+)"', tbl) and int(re.search(r'<w:top w:w="(\d+)"', tbl)[1]) >= 20, name
            assert int(re.search(r'<w:bottom w:w="(\d+)"', tbl)[1]) >= 20, name
        assert 'w:val="both"' not in styles and 'w:val="distribute"' not in styles, name
    with zipfile.ZipFile(TEMPLATES / "plan.docx") as z:
        body, styles = z.read("word/document.xml").decode(), z.read("word/styles.xml").decode()
    label = re.search(r'w:styleId="TableMonthLabel".*?</w:style>', styles, re.S)[0]
    assert '<w:szCs w:val="28"/>' in label  # 14 pt, as the table text
    assert body.count('<w:textDirection w:val="btLr"/>') == 12 * 2  # ผด.02 and ผด.02/1
    # ผด.01: every แผนงาน row keeps with the next, so a strategy moves to the next page whole with its รวม
    pd01 = body[body.index("{%tr for p in s.programs %}") :]
    row = pd01[pd01.index("<w:tr>") :]
    row = row[: row.index("</w:tr>")]
    assert row.count("<w:keepNext/>") == 6


def test_form_02_continuation_pages_carry_their_strategy_and_program(tmp_path: Path) -> None:
    """Each แผนงาน is a table whose repeated header rows end with its ยุทธศาสตร์ and แผนงาน."""
    rows = [row(str(i), f"ก่อสร้างถนนสายที่ {i}", "1,000", {i % 12 + 1}) for i in range(1, 61)]
    folder = tmp_path / "in"
    folder.mkdir()
    write_plan(folder, rows)
    build(folder, tmp_path / "out")
    xml = document(tmp_path / "out" / "plan.docx")
    headers = re.findall(r"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>(.*?)</w:tr>", xml)
    texts = [unmark("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", h))).replace("\u00a0", " ") for h in headers]
    assert "1. ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน" in texts and "1.1 แผนงานเคหะและชุมชน" in texts
