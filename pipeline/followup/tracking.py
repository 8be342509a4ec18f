"""Status forms for the follow-up (``python -m pipeline track-forms``): one
per หน่วยงาน, listing its projects and equipment from the plan with the
planned budget, the four status columns to tick, the amount disbursed and a
note, for a quarter or up to an as-of date."""

from __future__ import annotations

from pathlib import Path

from ..core.domain import UNASSIGNED
from ..core.model import Plan, Project
from ..core.period import Period
from ..core.summary import group
from ..files.paths import file_name


def by_division(plan: Plan) -> dict[str, list[Project]]:
    """Each division's projects (in the order of ผด.02), then its equipment."""
    out: dict[str, list[Project]] = {}
    for kind in ("project", "equipment"):
        items = list(plan.of_kind(kind))
        for _, programs in group(plan, items):
            for _, projects in programs:
                for p in projects:
                    out.setdefault(p.unit or UNASSIGNED, []).append(p)
    return dict(sorted(out.items(), key=lambda kv: (kv[0] == UNASSIGNED, kv[0])))


def write_tracking_forms(plan: Plan, period: Period, outputs: Path, templates: Path | None = None) -> list[tuple[str, int, Path]]:
    from ..files.paths import template as template_in
    from ..render.context import tracking_context
    from ..render.docx import render_docx

    template = template_in(templates, "tracking.docx")
    written = []
    for unit, items in by_division(plan).items():
        target = outputs / "tracking" / f"{file_name(unit)}.docx"
        path = render_docx(template, tracking_context(plan, unit, items, period), target, plan.profile.thai_digits)
        written.append((unit, len(items), path))
    return written
