"""Run the rule catalogue over a Plan and give a Report (data, no presentation).

Rules are selected or skipped by code, on the command line or in
``pipeline.toml`` next to the drafts:

    [rules]
    skip = ["duplicate-project"]
    # select = ["missing-field", "bad-amount"]   # only these
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..core.diff import Diff
from ..core.errors import InternalError, UsageError
from ..core.model import Finding, Notice, Plan
from . import RULES, Env
from .progress import follow_up_codes

SEVERITY_ORDER = {"error": 0, "warning": 1}


@dataclass(frozen=True)
class Report:
    plan: Plan
    findings: tuple[Finding, ...]
    rules: tuple[str, ...]
    notes: tuple[tuple[str, str], ...] = field(default=())
    revision: Diff | None = None  # when the plan is checked against its previous version

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


def selected(select: Iterable[str] = (), skip: Iterable[str] = ()) -> list[str]:
    """Rule codes to run; unknown codes are a usage error with a suggestion."""
    from ..core.match import did_you_mean

    select, skip = list(select), list(skip)
    for code in select + skip:
        if code not in RULES:
            raise UsageError(f'ไม่รู้จักรหัสกฎ "{code}" {did_you_mean(code, RULES)}'.strip())
    codes = select or list(RULES)
    return [c for c in codes if c not in set(skip)]


def location_key(f: Finding) -> tuple:
    s = f.source
    return (s.file, s.table or 0, s.row or 0, s.paragraph or 0, SEVERITY_ORDER.get(f.severity, 9), f.code)


def undeclared_notices(plan: Plan) -> set[str]:
    """Codes the reader or extractor used that the catalogue does not declare."""
    return {n.code for n in plan.notices} - set(RULES)


def run_checks(
    plan: Plan,
    codes: list[str] | None = None,
    notes: list[tuple[str, str]] | None = None,
    env: Env | None = None,
) -> Report:
    missing = undeclared_notices(plan)
    if missing:
        raise InternalError(f"notices with codes the rule catalogue does not declare: {', '.join(sorted(missing))}")
    codes = codes if codes is not None else list(RULES)
    env = env or Env()
    findings: list[Finding] = []
    for code in codes:
        findings.extend(RULES[code].findings(plan, env))
    return Report(plan, tuple(sorted(findings, key=location_key)), tuple(codes), tuple(notes or ()), env.revision)


def run_progress(
    plan: Plan, progress: object, notices: Iterable[Notice] = (), notes: list[tuple[str, str]] | None = None
) -> Report:
    """The follow-up's findings: the progress rules, and what the reader noticed in the forms."""
    env = Env(progress=progress)
    notices = list(notices)
    findings: list[Finding] = []
    codes = follow_up_codes()
    for code in codes:
        rule = RULES[code]
        findings.extend(rule.as_findings(list(rule.run(plan, env))) if rule.run else [])
    for code in dict.fromkeys(n.code for n in notices):
        if code not in RULES:
            raise InternalError(f"notice with a code the rule catalogue does not declare: {code}")
        findings.extend(RULES[code].notice_findings(notices))
        codes.append(code)
    return Report(plan, tuple(sorted(findings, key=location_key)), tuple(codes), tuple(notes or ()))
