from pathlib import Path

from pipeline.revision.compare import difference
from pipeline.rules import Env
from pipeline.rules.runner import run_checks

from ..conftest import plan_of, row, write_plan


def test_fires_for_a_revision_that_changes_nothing(folder: Path) -> None:
    plan = plan_of(write_plan(folder, [row("1", "ถนน", "1,000")]))
    report = run_checks(plan, ["revision-unchanged"], env=Env(revision=difference(plan, plan)))
    assert [f.code for f in report.findings] == ["revision-unchanged"]


def test_quiet_when_a_project_changed(folder: Path) -> None:
    before = plan_of(write_plan(folder, [row("1", "ถนน", "1,000")]))
    after = plan_of(write_plan(folder, [row("1", "ถนน", "2,000")]))
    assert run_checks(after, ["revision-unchanged"], env=Env(revision=difference(before, after))).findings == ()
