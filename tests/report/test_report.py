"""The report, as a planning officer reads it: terminal text at a fixed width,
report.json and report.html. Expected texts live in tests/golden/ (the tests
only compare; `make golden` rewrites them and prints the diff)."""

from __future__ import annotations

import json
from pathlib import Path

from rich.cells import cell_len

from pipeline.report.html import to_html
from pipeline.report.json import to_json
from pipeline.report.terminal import render_text
from pipeline.rules.runner import run_checks

from ..conftest import plan_of, profile_rows, row, write_plan
from ..goldens import broken, fresh, stored


def test_sample_report_at_100_columns() -> None:
    assert fresh("report_sample.txt") == stored("report_sample.txt")


def test_report_with_findings_at_80_columns() -> None:
    text = fresh("report_broken.txt")
    assert text == stored("report_broken.txt")
    assert "\x1b[" not in text  # readable without colour
    assert max(cell_len(line) for line in text.splitlines()) <= 80


def test_report_json_has_schema_findings_and_stats(folder: Path) -> None:
    data = to_json(run_checks(plan_of(broken(folder))))
    assert data["schema_version"] == 1 and data["verdict"]["ok"] is False
    keys = {"code", "severity", "message", "file", "table", "row", "column", "value", "suggestion"}
    assert all(keys <= set(f) for f in data["findings"])
    codes = {(f["code"], f["file"], f["row"]) for f in data["findings"]}
    assert {
        ("over-ordinance", "a.docx", 2),
        ("bad-amount", "a.docx", 3),
        ("no-schedule", "a.docx", 4),
        ("deadline", "ref.docx", 6),
    } <= codes
    assert ("stated-total-mismatch", "a.docx", 5) in codes and ("fiscal-year-mismatch", "intro.docx", None) in codes
    assert data["stats"]["records"] == 3
    json.dumps(data, ensure_ascii=False)


def test_report_html_is_a_page_with_every_finding(folder: Path) -> None:
    report = run_checks(plan_of(broken(folder)))
    html = to_html(report)
    assert html.startswith("<!DOCTYPE html>") and "ไม่ผ่าน" in html
    assert all(f.code in html for f in report.findings)


def test_same_findings_are_grouped_and_capped_per_code_with_all_in_html(folder: Path) -> None:
    from io import StringIO

    from rich.console import Console

    from pipeline.report.terminal import print_report

    write_plan(folder, [row(str(i), f"ก่อสร้างถนนสายที่ {i}", "", set()) for i in range(1, 31)])
    report = run_checks(plan_of(folder))
    buf = StringIO()
    print_report(report, Console(file=buf, width=120, color_system=None, markup=False), cap=5)
    text = buf.getvalue()
    assert text.count("[no-schedule]") == 1  # one group for the 30 rows
    assert "ไม่ได้ระบุเดือนที่ดำเนินการ — 30 แห่ง" in text and "และอีก 25 แห่ง — ดูทั้งหมดใน report.html" in text
    assert 'ก่อสร้างถนนสายที่ 5"' in text and 'ก่อสร้างถนนสายที่ 6"' not in text
    assert "สรุปตามรหัส" in text and "วิธีแก้:" in text
    html = to_html(report)
    assert all(f"ก่อสร้างถนนสายที่ {i}&#34;" in html for i in range(1, 31))


def test_report_cap_setting(folder: Path) -> None:
    import pytest

    from pipeline.core import settings
    from pipeline.core.errors import UsageError

    assert settings.load(folder).report_cap == 20
    (folder / "pipeline.toml").write_text("[report]\ncap = 3\n", encoding="utf-8")
    assert settings.load(folder).report_cap == 3
    (folder / "pipeline.toml").write_text("[report]\ncap = 0\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"report\.cap"):
        settings.load(folder)


def test_a_municipality_reads_เทศบัญญัติ_in_the_header(folder: Path) -> None:
    profile = [["ชื่อหน่วยงาน", "เทศบาลตำบลท่าช้าง"] if k == "ชื่อหน่วยงาน" else [k, v] for k, v in profile_rows()]
    write_plan(folder, [row("1", "ถนน", "1,000")], profile=profile)
    text = render_text(run_checks(plan_of(folder)))
    assert "ประกาศใช้เทศบัญญัติ" in text and "ประกาศใช้ข้อบัญญัติ " not in text


def test_a_group_of_one_message_keeps_its_suggestion(folder: Path) -> None:
    """Grouped findings with one message show its "หมายถึง…" as report.html does."""
    from dataclasses import replace

    from pipeline.core.model import Finding, Source

    report = run_checks(plan_of(write_plan(folder, [row("1", "ถนน", "1,000")])))
    same = [
        Finding("unknown-strategy", "error", 'ไม่พบยุทธศาสตร์ "ก"', Source("a.docx", t, 2), "ก", 'หมายถึง "ข" ใช่หรือไม่')
        for t in (1, 2)
    ]
    text = render_text(replace(report, findings=tuple(same)), width=100)
    assert 'หมายถึง "ข" ใช่หรือไม่' in text and "2 แห่ง" in text
