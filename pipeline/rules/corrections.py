"""Word-level corrections go into the documents only when the user accepts
them: all suggestions with ``--accept-corrections``, or chosen ones listed in
``inputs/corrections.txt`` (one per line, ``ผิด => ถูก``, read by
``settings``). The inputs are never changed; the corrected text goes to the
rendered documents, and the report lists what was applied."""

from __future__ import annotations

from dataclasses import replace

from ..core.model import Plan
from .runner import Report

WORD_LEVEL = ("near-miss-term", "doubled-word")


def suggested(report: Report) -> dict[str, str]:
    """Every word-level suggestion of the report (original → correction)."""
    return {f.value: f.suggestion for f in report.findings if f.code in WORD_LEVEL and f.value and f.suggestion}


def apply(plan: Plan, mapping: dict[str, str]) -> tuple[Plan, list[tuple[str, str, int]]]:
    """The plan with corrections applied to its text, and (wrong, right, times)."""
    if not mapping:
        return plan, []
    counts = dict.fromkeys(mapping, 0)
    order = sorted(mapping, key=len, reverse=True)  # longer phrases first

    def fix(text: str) -> str:
        for wrong in order:
            n = text.count(wrong)
            if n:
                counts[wrong] += n
                text = text.replace(wrong, mapping[wrong])
        return text

    intro = tuple(replace(b, text=fix(b.text)) for b in plan.intro)
    projects = tuple(
        replace(p, name=fix(p.name), activity=fix(p.activity), location=fix(p.location), unit=fix(p.unit)) for p in plan.projects
    )
    return replace(plan, intro=intro, projects=projects), [(w, mapping[w], n) for w, n in counts.items() if n]
