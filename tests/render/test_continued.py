"""ผด.02 pages that continue a แผนงาน say "(ต่อ)" in the PDF (issue 23.6)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from pipeline.app import build
from pipeline.files import pdf as pdffile
from pipeline.render.continued import PREFIX, _same_pages, cuts

from ..conftest import ROOT

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"), reason="LibreOffice not installed (CI installs it)"
)
PROGRAM = re.compile(r"^\s*(\d+\.\d+ แผนงาน\S*)( \(ต่อ\))?", re.M)


def test_a_table_is_cut_where_its_rows_change_page() -> None:
    pages = {f"{PREFIX}0x0": 8, f"{PREFIX}0x1": 8, f"{PREFIX}0x2": 9, f"{PREFIX}0x3": 10, f"{PREFIX}1x0": 10, "plan5Fpd02": 8}
    assert cuts(pages) == {0: [2, 3]}  # table 1 stays on one page; the template's own bookmark is not a row
    assert cuts({f"{PREFIX}0x0": 3, f"{PREFIX}0x2": 4}) == {}  # a row not found: the table is left whole


def test_the_second_pass_is_kept_only_when_every_row_stays_on_its_page() -> None:
    before = {f"{PREFIX}0x0": 8, f"{PREFIX}0x1": 9, "plan5Fpd02": 8}
    assert _same_pages(before, {f"{PREFIX}0x0": 8, f"{PREFIX}0x1": 9})
    assert not _same_pages(before, {f"{PREFIX}0x0": 8, f"{PREFIX}0x1": 10})
    assert not _same_pages({}, {})


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


@needs_office
def test_pages_that_continue_a_program_say_so_and_no_other_does(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(ROOT / "samples", out, pdf=True)
    seen: set[tuple[str, str]] = set()
    continued = 0
    for page in _pages(out / "plan.pdf"):
        form = "ผด.02/1" if "แบบ ผด.02/1" in page else "ผด.02" if "แบบ ผด.02" in page else None
        for name, more in PROGRAM.findall(page) if form else ():
            # "(ต่อ)" exactly where the แผนงาน was begun on a page before, in the same form
            assert bool(more) == ((form, name) in seen), (form, name, more)
            continued += bool(more)
            seen.add((form, name))
    assert continued >= 3 and len(seen) >= 10
    data = (out / "plan.pdf").read_bytes()
    assert not any(n.startswith(PREFIX) for n in pdffile.destinations(data))  # the row marks are gone
    assert "plan5Fpd02" in pdffile.destinations(data)  # the template's bookmarks stay (publish reads them)
    with zipfile.ZipFile(out / "plan.docx") as z:
        assert "(ต่อ)" not in z.read("word/document.xml").decode("utf-8")  # Word lays out its own pages
    # the same pages as the .docx converted as it is: the cut moved no row
    plain = tmp_path / "plain"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(plain), str(out / "plan.docx")],
        check=True,
        capture_output=True,
    )
    assert len(_pages(plain / "plan.pdf")) == len(_pages(out / "plan.pdf"))
