"""report.json: the Report as data, the same shape from ``build`` and from ``check --json``."""

from __future__ import annotations

from typing import Any

from ..core.model import budget_of
from ..core.records import SCHEMA_VERSION, profile_to_json, to_jsonable
from ..core.summary import summarise
from ..rules import RULES
from ..rules.runner import Report


def _revision_json(report: Report) -> dict[str, Any] | None:
    d = report.revision
    if d is None:
        return None

    def item(p) -> dict[str, Any]:
        return {
            "name": p.name,
            "kind": p.kind,
            "budget": None if p.budget is None else f"{p.budget:.2f}",
            **to_jsonable(p.source),
        }

    return {
        "previous_revision": d.previous_revision,
        "added": [item(p) for p in d.added],
        "changed": [
            {"old": item(c.old), "new": item(c.new), "fields": list(c.fields), "score": round(c.score, 1)} for c in d.changed
        ],
        "cancelled": [item(p) for p in d.cancelled],
        "budget_before": f"{d.previous_budget:.2f}",
        "budget_after": f"{d.budget:.2f}",
    }


def to_json(report: Report, applied: list[tuple[str, str, int]] | None = None) -> dict[str, Any]:
    """report.json: the same shape from ``build`` and from ``--json``;
    ``applied`` lists the word corrections put into the documents."""
    plan, s = report.plan, report.plan.stats
    summ = summarise(plan)
    return {
        "schema_version": SCHEMA_VERSION,
        "verdict": {"ok": report.ok, "errors": report.errors, "warnings": report.warnings, "exit_code": report.exit_code},
        "profile": profile_to_json(plan.profile),
        "stats": to_jsonable(s)
        | {
            "projects": len(plan.of_kind("project")),
            "equipment": len(plan.of_kind("equipment")),
            "budget": f"{budget_of(plan.projects):.2f}",
        },
        "summary": to_jsonable(summ),
        "rules": [
            {"code": c, "severity": RULES[c].severity, "title": RULES[c].title, "gloss": RULES[c].gloss} for c in report.rules
        ],
        "findings": [
            {
                "code": f.code,
                "severity": f.severity,
                "message": f.message,
                "file": f.source.file,
                "table": f.source.table,
                "row": f.source.row,
                "column": f.source.column,
                "paragraph": f.source.paragraph,
                "value": f.value,
                "suggestion": f.suggestion,
                "hint": f.hint,
            }
            for f in report.findings
        ],
        "skipped_files": [{"file": p, "note": n} for p, n in report.notes],
        "revision": _revision_json(report),
        "corrections_applied": [{"original": w, "correction": r, "times": n} for w, r, n in applied or []],
    }
