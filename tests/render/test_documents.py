"""The documents as a reviewer reads them: digits, numbering, arrows, and
templates that survive being saved again by LibreOffice."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from pipeline.app import build
from pipeline.files.paths import TEMPLATES
from pipeline.render.linebreak import plain
from pipeline.rules.runner import run_checks

from ..conftest import Doc, plan_of, profile_rows, row, write_plan

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"), reason="LibreOffice not installed (CI installs it)"
)


def texts(docx: Path) -> str:
    """Every text node of the body, headers and footers."""
    with zipfile.ZipFile(docx) as z:
        parts = [n for n in z.namelist() if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)]
        text = "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", z.read(n).decode("utf-8"))) for n in parts)
    return plain(text)


def test_thai_digits_hold_everywhere_or_nowhere(folder: Path, tmp_path: Path) -> None:
    rows = [row("1", "ถนน ๒ สาย", "๑,๐๐๐"), row("2", "ท่อ", "2,500")]
    write_plan(folder, rows, profile=[*profile_rows(), ["ตัวเลขไทย", "ใช้"]])
    build(folder, tmp_path / "thai")
    for name in ("plan.docx", "announcement.docx"):
        text = texts(tmp_path / "thai" / name)
        assert re.search("[๐-๙]", text) and not re.search("[0-9]", text), name
    with zipfile.ZipFile(tmp_path / "thai" / "plan.docx") as z:
        assert 'w:fmt="thaiNumbers"' in z.read("word/document.xml").decode("utf-8")  # page numbers in Word
    write_plan(folder, rows)
    build(folder, tmp_path / "arabic")
    for name in ("plan.docx", "announcement.docx"):
        text = texts(tmp_path / "arabic" / name)
        assert re.search("[0-9]", text) and not re.search("[๐-๙]", text), name


def test_strategies_keep_the_numbers_of_the_development_plan(folder: Path, tmp_path: Path) -> None:
    third = "ยุทธศาสตร์ที่ 3 การพัฒนาคุณภาพชีวิต"
    links = [("ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน", "แผนงานเคหะและชุมชน"), (third, "แผนงานการศึกษา"), (third, "แผนงานสาธารณสุข")]
    write_plan(folder, [row("1", "ฉีดวัคซีน", "1,000")], strategies=links, headings=(third, "แผนงานสาธารณสุข"))
    build(folder, tmp_path / "out")
    text = texts(tmp_path / "out" / "plan.docx").replace("\u00a0", " ")
    assert "3. ยุทธศาสตร์การพัฒนาคุณภาพชีวิต" in text and "3.2 แผนงานสาธารณสุข" in text
    assert "1. ยุทธศาสตร์การพัฒนาคุณภาพชีวิต" not in text


def test_months_drawn_as_arrows_read_back_as_the_same_months(folder: Path, tmp_path: Path) -> None:
    rows = [
        row("1", "ถนน", "1,000", months={2, 3, 4}),
        row("2", "ท่อ", "2,000", months={1, 6, 7}),
        row("3", "ไฟ", "500", months={12}),
    ]
    write_plan(folder, rows, profile=[*profile_rows(), ["เครื่องหมายเดือน", "ลูกศร"]])
    build(folder, tmp_path / "out")
    with zipfile.ZipFile(tmp_path / "out" / "plan.docx") as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert body.count("straightConnector1") == 4 and 'w:fill="A6A6A6"' not in body  # one arrow per run of months
    back = tmp_path / "back"
    back.mkdir()
    shutil.copy(tmp_path / "out" / "plan.docx", back)
    plan = plan_of(back)
    assert [(p.name, p.months) for p in plan.projects] == [("ถนน", (2, 3, 4)), ("ท่อ", (1, 6, 7)), ("ไฟ", (12,))]
    assert [f.code for f in run_checks(plan).findings if f.code not in ("missing-profile",)] == []


def test_the_rendered_plan_reads_back_without_typing_warnings(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ถนน หมู่ที่ 3", "1,000", location="หมู่ที่ 3 บ้านหนองฉิม")])
    build(folder, tmp_path / "out")
    back = tmp_path / "back"
    back.mkdir()
    shutil.copy(tmp_path / "out" / "plan.docx", back)
    assert [f for f in run_checks(plan_of(back)).findings if f.code in ("thai-typing", "unknown-table")] == []


@needs_office
def test_templates_saved_again_by_libreoffice_keep_their_headers_on_their_sections(folder: Path, tmp_path: Path) -> None:
    saved = tmp_path / "templates"
    saved.mkdir()
    for name in ("plan.docx", "announcement.docx"):
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "docx",
                "--outdir",
                str(saved),
                str(TEMPLATES / name),
            ],
            capture_output=True,
            check=True,
            timeout=180,
        )
    write_plan(folder, [row("1", "ถนน", "1,000")])
    result = build(folder, tmp_path / "out", pdf=True, templates=saved)
    assert result.official and (tmp_path / "out" / "plan.pdf").exists(), result.pdf_message
    pages = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "out" / "plan.pdf"), "-"], capture_output=True, text=True
    ).stdout
    pages = pages.split("\f")
    tops = [next((line.strip() for line in p.splitlines() if line.strip()), "") for p in pages if p.strip()]
    assert "ผด." not in tops[0] and "ผด." not in " ".join(pages[0].splitlines()[:3])  # the cover has no form header
    codes = [re.search(r"แบบ ผด\.\S+$", t).group(0) for t in tops if re.search(r"แบบ ผด\.\S+$", t)]
    assert codes and codes[0] == "แบบ ผด.01" and codes[-1] == "แบบ ผด.02/1"
    assert Doc  # fixtures come from conftest
