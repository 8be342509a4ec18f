"""Blank division drafts (``python -m pipeline forms``): one ready-to-fill
ผด.02 per หน่วยงาน named in the development plan or the budget ordinance,
with that division's ordinance lines already in, so the drafts come back in
the layout the reader knows best.

Which division an ordinance line belongs to (a column naming the whole
organisation, "อบต.…", names none): the division of the plan's project that
carries it (so ``forms``, ``build`` and the tracking forms agree); the list's
own หน่วยงาน column;
else the development-plan project of the same name; else the division that
already carries most projects of its แผนงาน in the drafts; else none, and the
line goes to a form named ไม่ระบุหน่วยงาน (the planning officer decides).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..core.domain import UNASSIGNED, names_organisation, program_key, running_cost
from ..core.match import ProjectIndex
from ..core.model import OrdinanceLine, Plan
from ..files.paths import file_name


@dataclass(frozen=True)
class DivisionForm:
    unit: str
    lines: tuple[OrdinanceLine, ...]


def division(unit: str) -> bool:
    return bool(unit) and not names_organisation(unit)


def divisions(plan: Plan) -> list[DivisionForm]:
    """A form for every division named in the development plan or the
    ordinance (and one for lines nobody is named for), each with its own
    project lines of the ordinance (not personnel or running costs)."""
    named = {line.unit for line in plan.ordinance if division(line.unit)} | {d.unit for d in plan.devplan if division(d.unit)}
    devplan = [d for d in plan.devplan if division(d.unit)]
    index = ProjectIndex([d.name for d in devplan])  # the ordinance check's answer to "same project?"
    usual: dict[str, Counter[str]] = {}
    for p in plan.projects:
        if p.unit:
            usual.setdefault(program_key(p.program), Counter())[p.unit] += 1
    owned: dict[str, list[OrdinanceLine]] = {unit: [] for unit in named}
    lines = ProjectIndex([line.name for line in plan.ordinance])  # the ordinance check's own pairing of projects and lines
    carried = {id(plan.ordinance[hit[0]]): p.unit for p in plan.projects if division(p.unit) and (hit := lines.same(p.name))}
    for line in plan.ordinance:
        if running_cost(line.name):
            continue
        unit = carried.get(id(line)) or (line.unit if division(line.unit) else "")
        if not unit:
            hit = index.same(line.name) if devplan else None
            unit = devplan[hit[0]].unit if hit else ""
        if not unit and program_key(line.program) in usual:
            unit = usual[program_key(line.program)].most_common(1)[0][0]
        owned.setdefault(unit or UNASSIGNED, []).append(line)
    return [
        DivisionForm(unit, tuple(lines)) for unit, lines in sorted(owned.items(), key=lambda kv: (kv[0] == UNASSIGNED, kv[0]))
    ]


def write_forms(plan: Plan, outputs: Path, templates: Path | None = None) -> list[tuple[DivisionForm, Path]]:
    from ..files.paths import template as template_in
    from ..render.context import form_context
    from ..render.docx import render_docx

    folder = outputs / "forms"
    template = template_in(templates, "form.docx")
    written = []
    for form in divisions(plan):
        target = folder / f"{file_name(form.unit)}.docx"
        written.append((form, render_docx(template, form_context(plan, form.unit, form.lines), target, plan.profile.thai_digits)))
    return written
