"""Run the rule catalogue over a Plan and give a Report (data, no presentation).

Rules are selected or skipped by code, on the command line or in
``pipeline.toml`` next to the drafts:

    [rules]
    skip = ["duplicate-project"]
    # select = ["missing-field", "bad-amount"]   # only these
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .model import Finding, Plan
from .read import inputs_dir
from .rules import RULES

SEVERITY_ORDER = {"error": 0, "warning": 1}
CONFIG_NAME = "pipeline.toml"


class UsageError(Exception):
    """Bad arguments or settings: the run cannot proceed (exit 2)."""


@dataclass(frozen=True)
class Report:
    plan: Plan
    findings: tuple[Finding, ...]
    rules: tuple[str, ...]
    notes: tuple[tuple[str, str], ...] = field(default=())

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    @property
    def ok(self) -> bool:
        return self.errors == 0

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


def load_config(inputs: Path) -> dict[str, list[str]]:
    """``[rules] select/skip`` from inputs/pipeline.toml, if the user keeps one."""
    path = inputs_dir(inputs) / CONFIG_NAME
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"อ่าน {path.name} ไม่ได้: {exc}") from exc
    rules = data.get("rules", {})
    return {k: list(rules.get(k, [])) for k in ("select", "skip") if k in rules}


def selected(select: list[str] | None = None, skip: list[str] | None = None) -> list[str]:
    """Rule codes to run; unknown codes are a usage error with a suggestion."""
    from .match import did_you_mean

    for code in (select or []) + (skip or []):
        if code not in RULES:
            raise UsageError(f'ไม่รู้จักรหัสกฎ "{code}" {did_you_mean(code, RULES)}'.strip())
    codes = list(select) if select else list(RULES)
    return [c for c in codes if c not in set(skip or [])]


def location_key(f: Finding) -> tuple:
    s = f.source
    return (s.file, s.table or 0, s.row or 0, s.paragraph or 0, SEVERITY_ORDER.get(f.severity, 9), f.code)


def run_checks(plan: Plan, codes: list[str] | None = None, notes: list[tuple[str, str]] | None = None) -> Report:
    codes = codes if codes is not None else list(RULES)
    findings: list[Finding] = []
    for code in codes:
        findings.extend(RULES[code].findings(plan))
    return Report(plan, tuple(sorted(findings, key=location_key)), tuple(codes), tuple(notes or ()))
