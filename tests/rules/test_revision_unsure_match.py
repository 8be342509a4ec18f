from pathlib import Path

from pipeline.revision.compare import difference
from pipeline.rules import Env
from pipeline.rules.runner import run_checks

from ..conftest import plan_of, row, write_plan


def test_names_both_projects_when_the_match_is_only_likely(folder: Path) -> None:
    before = plan_of(write_plan(folder, [row("1", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโนนทอง", "1,000")]))
    after = plan_of(write_plan(folder, [row("1", "ก่อสร้างถนนคอนกรีต สายบ้านโนนทอง", "1,000")]))
    diff = difference(before, after)
    report = run_checks(after, ["revision-unsure-match"], env=Env(revision=diff))
    assert [(f.source.row, f.suggestion) for f in report.findings] == [(2, "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโนนทอง")]


def test_quiet_for_a_spacing_or_typo_fix(folder: Path) -> None:
    before = plan_of(write_plan(folder, [row("1", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก สายบ้านโนนทอง", "1,000")]))
    after = plan_of(write_plan(folder, [row("1", "ก่อสร้างถนน คอนกรีตเสริมเหล็ก  สายบ้านโนนทอง", "1,000")]))
    report = run_checks(after, ["revision-unsure-match"], env=Env(revision=difference(before, after)))
    assert report.findings == ()
