"""What a provincial reviewer checks at first sight (issue 23): the regulation
as in force on the plan's date, and the layout the templates ask of paper."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.app import build

from ..conftest import plan_of, profile_rows, row, write_plan
from .test_documents import texts


def test_a_plan_announced_in_2560_cites_the_regulation_as_amended_by_then(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")], profile=profile_rows("2561", "15 กันยายน 2560", "9 ตุลาคม 2560"))
    build(folder, tmp_path)
    for name in ("plan.docx", "announcement.docx"):
        text = texts(tmp_path / name).replace("\u00a0", " ")
        assert "พ.ศ. 2548 แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2559 หมวด 5" in text, name
        assert "ฉบับที่ 3" not in text and "2561 หมวด" not in text, name
    assert plan_of(folder).profile.fiscal_year == 2561


def test_a_plan_announced_after_the_third_amendment_cites_it(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])  # 9 ตุลาคม 2563
    build(folder, tmp_path)
    for name in ("plan.docx", "announcement.docx"):
        assert "แก้ไขเพิ่มเติมถึง (ฉบับที่ 3) พ.ศ. 2561" in texts(tmp_path / name).replace("\u00a0", " "), name


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
