"""The rule catalogue: the only place a finding's code, severity, Thai title,
message and fix hint are declared.

A rule looks at the Plan and yields Hits, or turns the reader's and
extractor's notices of its code into findings through its message templates
(``messages``/``hints``, chosen by the notice's ``kind`` fact) — as ruff
treats a read failure as one more rule. A notice whose code no rule declares
is a bug: ``check`` raises rather than drop it. Rules never raise for bad data.
Importing this package registers every rule module.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..core.diff import Diff
from ..core.errors import InternalError
from ..core.followup import Progress
from ..core.model import Finding, Notice, Plan, Severity, Source


@dataclass(frozen=True)
class Env:
    """What the checks get besides the plan: the user's settings."""

    glossary: tuple[str, ...] = ()  # the user's extra official terms (glossary.txt)
    emblem: bool | None = None  # the templates hold the organisation's emblem (None: not known)
    revision: Diff | None = None  # against the previous version (build --previous)
    progress: Progress | None = None  # the follow-up's forms matched to the plan (``progress``)


@dataclass(frozen=True)
class Hit:
    source: Source
    message: str
    value: str = ""
    suggestion: str = ""
    hint: str = ""


Check = Callable[[Plan, Env], Iterable[Hit]]
T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    title: str  # Thai
    gloss: str  # English
    hint: str
    run: Check | None = None
    messages: Mapping[str, str] = field(default_factory=dict)  # notice kind → message template
    hints: Mapping[str, str] = field(default_factory=dict)  # notice kind → fix hint
    suggestion: str = 'หมายถึง "{suggest}" ใช่หรือไม่'  # for a notice with a "suggest" fact

    def from_notice(self, n: Notice) -> Hit:
        facts = dict(n.facts)
        kind = facts.get("kind", "")
        template = self.messages.get(kind, self.messages.get(""))
        if template is None:
            raise InternalError(f'rule "{self.code}" declares no message for notices of kind "{kind}"')
        message = template.format(value=n.value, **facts)
        suggestion = self.suggestion.format(**facts) if facts.get("suggest") else ""
        return Hit(n.source, message, n.value, suggestion, self.hints.get(kind, ""))

    def findings(self, plan: Plan, env: Env) -> list[Finding]:
        hits = list(self.run(plan, env)) if self.run else []
        return self.as_findings(hits) + self.notice_findings(plan.notices)

    def notice_findings(self, notices: Iterable[Notice]) -> list[Finding]:
        return self.as_findings([self.from_notice(n) for n in notices if n.code == self.code])

    def as_findings(self, hits: list[Hit]) -> list[Finding]:
        return [
            Finding(
                self.code, self.severity, h.message, h.source, value=h.value, suggestion=h.suggestion, hint=h.hint or self.hint
            )
            for h in hits
        ]


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    severity: Severity,
    title: str,
    gloss: str,
    hint: str = "",
    messages: Mapping[str, str] | None = None,
    hints: Mapping[str, str] | None = None,
) -> Callable[[Check], Check]:
    """Declare a rule that looks at the plan (and, with ``messages``, also
    reports the reader's notices of its code)."""

    def register(fn: Check) -> Check:
        RULES[code] = Rule(code, severity, title, gloss, hint, fn, messages or {}, hints or {})
        return fn

    return register


def per_object(fn: Callable[[Any], T]) -> Callable[[Any], T]:
    """``fn(obj)`` worked out once per object, for as long as it lives: the
    rules of one check share the plan's texts and the ordinance's name index.
    By identity, not value — hashing a whole plan would cost more than the work."""
    seen: dict[int, tuple[Any, T]] = {}

    @functools.wraps(fn)
    def once(obj: Any) -> T:
        hit = seen.get(id(obj))
        if hit is None or hit[0] is not obj:  # a new object may reuse a dead one's id
            if len(seen) > 8:
                seen.clear()
            hit = seen[id(obj)] = (obj, fn(obj))
        return hit[1]

    return once


def notice(
    code: str,
    severity: Severity,
    title: str,
    gloss: str,
    hint: str,
    messages: Mapping[str, str],
    hints: Mapping[str, str] | None = None,
) -> None:
    """Declare a rule whose findings are the reader's or extractor's notices."""
    RULES[code] = Rule(code, severity, title, gloss, hint, None, messages, hints or {})


from . import budget, dates, fields, files, progress, revisions, strategy, text  # noqa: E402, F401  (registration)
