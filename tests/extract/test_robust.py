"""Drafts nobody planned for: random tables made of real header words, marks,
amounts, merges and junk never crash the run, and every non-empty row is
accounted for (SPEC §3 "nothing is lost", §7 "never crashes")."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.rules.runner import run_checks

from ..conftest import MONTHS, C, Doc, plan_of

WORDS = [
    "ที่", "โครงการ", "งบประมาณ", "รายละเอียดกิจกรรม", "สถานที่", "หน่วยงาน", "แผนงาน", "ยุทธศาสตร์", "ระยะเวลา",
    "รวม", "รวมทั้งสิ้น", "แผนงานการศึกษา", "ยุทธศาสตร์ที่ 1 การพัฒนา", "พ.ศ. 2563", "พ.ศ. 2564", "ครุภัณฑ์",
    "1", "๒", "1,000", "๕๐,๐๐๐", "-", "ไม่ใช้งบประมาณ", "หนึ่งแสน", "✓", "/", "x", "ถนน & <ท่อ>", "{{ x }}", "",
    "ต.ค. 63 – ก.ย. 64", "ไตรมาสที่ 2", "ชื่อหน่วยงาน", "ปีงบประมาณ", "2564", *MONTHS,
]  # fmt: skip

cell = st.builds(
    C,
    text=st.sampled_from(WORDS),
    fill=st.sampled_from([None, None, "A6A6A6"]),
    span=st.sampled_from([1, 1, 1, 2, 3]),
    vmerge=st.sampled_from([None, None, None, "restart", "continue"]),
)
table = st.lists(st.lists(cell, min_size=1, max_size=8), min_size=1, max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(table, min_size=1, max_size=3), st.lists(st.sampled_from(WORDS), max_size=3))
def test_random_tables_never_crash_and_every_row_is_accounted_for(tmp_path: Path, tables: list, paragraphs: list) -> None:
    folder = tmp_path / "in"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    doc = Doc()
    for text in paragraphs:
        doc.p(text)
    for rows in tables:
        doc.table(rows)
    doc.save(folder / "a.docx")
    plan = plan_of(folder)
    s = plan.stats
    assert s.rows == s.header + s.records + s.references + s.continuations + s.headings + s.totals + s.skipped
    for p in plan.projects:
        assert p.source.file == "a.docx" and 1 <= p.source.row <= len(tables[p.source.table - 1])
    run_checks(plan)  # every rule copes with whatever was read
