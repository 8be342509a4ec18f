"""The shipped sample inputs: golden records, and a clean check.

The tests only compare with tests/golden/; after a reviewed change ``make golden``
rewrites the golden files and prints the diff.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.core.records import plan_from_json, plan_to_json
from pipeline.rules.runner import run_checks
from tools.make_samples import main as make_samples

from .conftest import SAMPLES, plan_of
from .goldens import fresh, stored


def test_sample_records_match_the_golden_file() -> None:
    assert json.loads(fresh("sample_records.json")) == json.loads(stored("sample_records.json"))


def test_the_generator_still_makes_the_shipped_samples(tmp_path: Path) -> None:
    make_samples(tmp_path)
    assert plan_to_json(plan_of(tmp_path)) == plan_to_json(plan_of(SAMPLES))


def test_sample_is_realistic_and_passes_its_checks() -> None:
    plan = plan_of(SAMPLES)
    projects = [p for p in plan.projects if p.kind == "project"]
    assert len(projects) >= 40 and len({p.program for p in projects}) >= 8
    assert any(p.kind == "equipment" for p in plan.projects)
    assert len({s.strategy for s in plan.strategies}) >= 5
    assert plan.stats.skipped == 0 and plan.stats.continuations >= 3
    report = run_checks(plan)
    assert report.errors == 0, [(f.code, f.source.where()) for f in report.findings]


def test_records_json_round_trips_through_the_model() -> None:
    plan = plan_of(SAMPLES)
    data = plan_to_json(plan)
    assert plan_from_json(json.loads(json.dumps(data, ensure_ascii=False))) == plan


def test_copies_of_the_samples_leave_inputs_and_the_users_drafts_stay(tmp_path: Path) -> None:
    from tools.make_samples import aside

    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for shipped in SAMPLES.glob("*.docx"):
        shutil.copy(shipped, inputs / shipped.name)
    (inputs / "กองช่างของเรา.docx").write_bytes(b"mine")
    (inputs / "กองคลัง.docx").write_bytes(b"edited by the user")  # a sample's name, the user's content
    removed, kept = aside(inputs, SAMPLES)
    assert len(removed) == 7 and kept == ["กองคลัง.docx"]
    assert sorted(p.name for p in inputs.iterdir()) == ["กองคลัง.docx", "กองช่างของเรา.docx"]
    assert len(list(SAMPLES.glob("*.docx"))) == 8  # the originals are never touched


def test_make_golden_rewrites_a_stale_file_and_prints_the_diff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tools.golden import regenerate

    from .goldens import GOLDEN

    shutil.copy(GOLDEN / "report_sample.txt", tmp_path / "report_sample.txt")
    stale = stored("report_sample.txt").replace("ผ่าน", "ไม่ผ่าน", 1)
    assert stale != stored("report_sample.txt")
    (tmp_path / "report_sample.txt").write_text(stale, encoding="utf-8")
    assert regenerate(["report_sample.txt"], tmp_path) == 1
    out = capsys.readouterr().out
    changed = next(line for line in stale.splitlines() if "ไม่ผ่าน" in line)
    assert "--- a/tests/golden/report_sample.txt" in out and f"\n-{changed}\n" in out
    assert (tmp_path / "report_sample.txt").read_text(encoding="utf-8") == stored("report_sample.txt")
    assert regenerate(["report_sample.txt"], tmp_path) == 0  # a second run finds nothing to change
