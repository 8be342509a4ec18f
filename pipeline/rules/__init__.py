"""The rule catalogue: each rule is a small declared unit.

A rule has a stable kebab-case ``code``, a ``severity`` (error | warning), a
Thai title with an English gloss, a default fix hint, and a function that
looks at the Plan and yields Hits. Rules never raise for bad data.
Importing this package registers every rule module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Finding, Plan, Source


@dataclass(frozen=True)
class Hit:
    source: Source
    message: str
    value: str = ""
    suggestion: str = ""
    hint: str = ""


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    title: str  # Thai
    gloss: str  # English
    hint: str
    run: Callable[[Plan], Iterable[Hit]]

    def findings(self, plan: Plan) -> list[Finding]:
        return [
            Finding(
                self.code, self.severity, h.message, h.source, value=h.value, suggestion=h.suggestion, hint=h.hint or self.hint
            )
            for h in self.run(plan)
        ]


RULES: dict[str, Rule] = {}


def rule(code: str, severity: str, title: str, gloss: str, hint: str = "") -> Callable:
    def register(fn: Callable[[Plan], Iterable[Hit]]) -> Callable[[Plan], Iterable[Hit]]:
        RULES[code] = Rule(code, severity, title, gloss, hint, fn)
        return fn

    return register


def passthrough(code: str, severity: str, title: str, gloss: str, hint: str = "") -> None:
    """A rule whose findings the reader/extractor already made (kept in plan.findings)."""

    def run(plan: Plan) -> Iterable[Hit]:
        for f in plan.findings:
            if f.code == code:
                yield Hit(f.source, f.message, f.value, f.suggestion, f.hint)

    RULES[code] = Rule(code, severity, title, gloss, hint, run)


from . import budget, dates, fields, files, strategy, text  # noqa: E402, F401  (registration)
