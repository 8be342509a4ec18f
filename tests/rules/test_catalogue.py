"""The rule catalogue is the only home of a finding's severity and words."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from pipeline.app import build
from pipeline.core.errors import InternalError
from pipeline.core.model import Notice, Plan, Source
from pipeline.read import REFUSED
from pipeline.rules import RULES
from pipeline.rules.runner import run_checks

from ..conftest import ROOT, C, plan_of, row, write_plan

STAGES = [ROOT / "pipeline" / "read", ROOT / "pipeline" / "extract"]


def _emitted() -> tuple[set[str], set[str]]:
    """Notice codes (out.notice / Notice) and ReadError kinds the reader and
    extractor can emit, read from their source."""
    codes: set[str] = set()
    kinds: set[str] = set()
    for folder in STAGES:
        for path in folder.glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                first = node.args[0] if node.args else None
                if name in ("notice", "Notice"):
                    if path.name == "collect.py" and isinstance(first, ast.Name):
                        continue  # Collector.notice itself, passing its argument on
                    assert isinstance(first, ast.Constant), f"{path.name}:{node.lineno}: a notice code must be a literal"
                    codes.add(first.value)
                    for kw in node.keywords:
                        if kw.arg == "kind" and isinstance(kw.value, ast.Constant):
                            kinds.add(f"{first.value}:{kw.value.value}")
                elif name == "ReadError":
                    if path.name == "__init__.py" and isinstance(first, ast.Name):
                        continue  # a refused file's kind, from REFUSED (checked below)
                    assert isinstance(first, ast.Constant), f"{path.name}:{node.lineno}: a read error kind must be a literal"
                    kinds.add(f"unreadable-file:{first.value}")
    kinds |= {f"unreadable-file:{kind}" for kind in REFUSED.values()}
    return codes, kinds


def test_every_code_the_reader_and_extractor_emit_is_declared() -> None:
    codes, kinds = _emitted()
    assert {"unreadable-file", "skipped-row", "unknown-table", "empty-table", "bad-date", "bad-amount"} <= codes
    assert codes <= set(RULES)
    for item in kinds:
        code, kind = item.split(":")
        assert kind in RULES[code].messages, f"{code} declares no message for kind {kind}"
    # The reader turns unexpected exceptions into this kind (read/__init__.py).
    assert "open-failed" in RULES["unreadable-file"].messages


def test_the_reader_and_extractor_carry_no_severity_or_hint() -> None:
    for folder in STAGES:
        for path in folder.glob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert '"error"' not in text and '"warning"' not in text and "hint=" not in text, path.name


def test_an_undeclared_notice_code_fails_loudly() -> None:
    plan = Plan(notices=(Notice("no-such-rule", Source("a.docx")),))
    with pytest.raises(InternalError, match="no-such-rule"):
        run_checks(plan)


def test_a_read_error_kind_without_words_fails_loudly() -> None:
    plan = Plan(notices=(Notice("unreadable-file", Source("a.docx"), facts=(("kind", "no-such-kind"),)),))
    with pytest.raises(InternalError, match="no-such-kind"):
        run_checks(plan, ["unreadable-file"])


def test_records_and_report_agree_on_every_severity(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000"), row("", "", ""), row("2", "ถนน", "abc")])
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    out = tmp_path / "out"
    build(folder, out)
    records = json.loads((out / "records.json").read_text(encoding="utf-8"))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert records["notices"], "the fixture must make the reader notice something"
    found = {(f["code"], f["file"], f["table"], f["row"]): f["severity"] for f in report["findings"]}
    for n in records["notices"]:
        s = n["source"]
        place = (n["code"], s["file"], s["table"], s["row"])
        assert found[place] == RULES[n["code"]].severity
        assert "severity" not in n


def test_a_notice_message_is_filled_from_its_facts(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000"), [C("x" * 1600), *[""] * 17]])
    from ..conftest import findings, plan_of

    assert findings(folder, "long-cell") == [("a.docx", 1, 3)]
    (f,) = run_checks(plan_of(folder), ["long-cell"]).findings
    assert "1,600" in f.message and f.hint


def test_per_object_works_once_per_object_and_never_answers_for_another() -> None:
    from pipeline.rules import per_object

    calls: list[int] = []

    @per_object
    def length(items: list[int]) -> int:
        calls.append(1)
        return len(items)

    a, b = [1, 2], [1, 2, 3]
    assert (length(a), length(a), length(b)) == (2, 2, 3) and len(calls) == 2
    for _ in range(20):  # objects made and dropped: their ids come back for new ones
        assert length([0] * 5) == 5
    assert length(a) == 2


def test_the_follow_up_runs_the_rules_declared_follow_up_and_a_check_hears_none_of_them(folder: Path) -> None:
    from pipeline.core.followup import Forms
    from pipeline.core.period import quarter
    from pipeline.followup.progress import match
    from pipeline.rules.progress import follow_up_codes
    from pipeline.rules.runner import run_progress

    codes = follow_up_codes()
    follow_up = {"progress-unknown-project", "status-conflict", "over-disbursed", "progress-missing"}
    assert follow_up | {"behind-schedule", "done-without-disbursement"} == set(codes)
    write_plan(folder, [row("1", "โครงการก่อสร้างถนน", "500,000", {2})])
    plan = plan_of(folder)
    assert not set(codes) & {f.code for f in run_checks(plan).findings}
    progress = match(plan, Forms())
    progress.period = quarter(1, 2564)
    assert list(run_progress(plan, progress).rules) == codes
    assert {f.code for f in run_progress(plan, progress).findings} == {"progress-missing"}  # the road is not reported
