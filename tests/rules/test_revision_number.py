from pathlib import Path

from pipeline.revision.compare import difference
from pipeline.rules import Env
from pipeline.rules.runner import run_checks

from ..conftest import plan_of, profile_rows, row, write_plan


def revised(folder: Path, number: str) -> object:
    write_plan(folder, [row("1", "ถนน", "1,000")], profile=[*profile_rows(), ["ครั้งที่แก้ไข", number]])
    return plan_of(folder)


def codes(plan, previous) -> list[tuple]:
    report = run_checks(plan, ["revision-number"], env=Env(revision=difference(previous, plan)))
    return [(f.code, f.source.row, f.suggestion) for f in report.findings]


def test_fires_when_the_number_skips_or_repeats(folder: Path) -> None:
    first = revised(folder, "-")
    assert codes(revised(folder, "2/2564"), first) == [("revision-number", 9, "1/2564")]
    one = revised(folder, "1/2564")
    assert codes(revised(folder, "1/2564"), one) == [("revision-number", 9, "2/2564")]


def test_quiet_when_it_follows(folder: Path) -> None:
    first = revised(folder, "-")
    assert codes(revised(folder, "1/2564"), first) == []
    assert codes(revised(folder, "2/2564"), revised(folder, "1/2564")) == []
