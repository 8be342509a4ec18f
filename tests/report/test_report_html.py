"""report.html as a document: built from data by an autoescaping template,
every finding a table row, filtered offline, and opened in real headless
Chromium (the filter script must run under the page's own CSP)."""

from __future__ import annotations

import json
import os
import re
import struct
from pathlib import Path

import pytest
from markupsafe import escape

from pipeline.app import build

from ..conftest import CHROMIUM, PROGRAM, STRATEGY, Doc, headless, profile_rows, project_table, row, write_plan

NEEDS_BROWSER = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="headless Chromium not installed (CI installs it)"
)


def two_files(folder: Path) -> Path:
    """Errors and warnings in two files: rows without budget or months, a doubled word."""
    rows = [
        row(str(i), f"ซ่อมแซมถนน & ท่อ <สาย {i}>", "" if i % 3 == 0 else "10,000", set() if i % 4 == 0 else {1, 2})
        for i in range(1, 13)
    ]
    write_plan(folder, rows, profile=profile_rows())
    Doc().p(STRATEGY).p(PROGRAM).table(project_table([row("1", "", "5,000"), row("2", "ซ่อมแซมแซมท่อ", "")])).save(
        folder / "b.docx"
    )
    return folder


def found(out: Path) -> list[dict[str, str]]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))["findings"]


def finding_rows(dom: str) -> list[str]:
    return re.findall(r'<tr class="finding"[^>]*>', dom)


def test_every_finding_is_a_row_grouped_by_file(folder: Path, tmp_path: Path) -> None:
    build(two_files(folder), tmp_path / "out")
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    findings = found(tmp_path / "out")
    rows = finding_rows(page)
    assert len(rows) == len(findings) > 5
    assert page.count('<tbody class="file">') == len({f["file"] for f in findings}) >= 2
    for f in findings:
        assert f'data-code="{f["code"]}" data-severity="{f["severity"]}"' in page
        assert str(escape(f["message"])) in page
    assert "&lt;สาย 3&gt;" in page and "<สาย" not in page  # draft text is data
    assert "ข้อผิดพลาด" in page and "คำเตือน" in page  # severities in Thai
    assert "<pre" not in page  # a document, not the terminal's export
    assert "@page { size: A4" in page and "Laksaman" in page  # prints on A4, Thai fonts with fallbacks
    assert "http://" not in page.replace("http-equiv", "") and "https://" not in page  # nothing from the network


@NEEDS_BROWSER
def test_filter_works_offline_in_headless_chromium(folder: Path, tmp_path: Path) -> None:
    build(two_files(folder), tmp_path / "out")
    uri = (tmp_path / "out" / "report.html").as_uri()
    findings = found(tmp_path / "out")
    warnings = sum(1 for f in findings if f["severity"] == "warning")
    assert 0 < warnings < len(findings)
    dom = headless(tmp_path, "--dump-dom", uri + "#severity=warning").stdout
    rows = finding_rows(dom)
    assert len(rows) == len(findings)  # every finding is a row ...
    assert sum(1 for r in rows if "hidden" not in r) == warnings  # ... and the filter (our script, allowed by the CSP) ran
    assert f'<span id="f-shown">{warnings}</span>' in dom
    code = findings[0]["code"]
    dom = headless(tmp_path, "--dump-dom", f"{uri}#code={code}").stdout
    visible = [r for r in finding_rows(dom) if "hidden" not in r]
    assert len(visible) == sum(1 for f in findings if f["code"] == code) and all(code in r for r in visible)


@NEEDS_BROWSER
def test_screenshot_has_the_window_size_and_a_print_is_a4(folder: Path, tmp_path: Path) -> None:
    build(two_files(folder), tmp_path / "out")
    uri = (tmp_path / "out" / "report.html").as_uri()
    shot = tmp_path / "shot.png"
    headless(tmp_path, f"--screenshot={shot}", "--window-size=1280,1800", uri)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 1800)
    assert len(data) > 50_000  # tables and Thai text drawn, not a blank page
    pdf = tmp_path / "report.pdf"
    headless(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", uri)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf.read_bytes())
    assert boxes and all(sorted((round(float(w)), round(float(h)))) == [595, 842] for w, h in boxes)  # A4
