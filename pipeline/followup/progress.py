"""The follow-up summed (``python -m pipeline progress``): the filled status
forms (``status_forms``) matched to the plan's projects by meaning, summed per
ยุทธศาสตร์ and แผนงาน, and written as progress.json and progress.docx."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ..core.domain import STATUS_TH, strategy_label
from ..core.followup import STATUSES, Forms, Progress, Reported, Status
from ..core.match import ProjectIndex, closest, project_key
from ..core.model import Plan, Project
from ..core.summary import numbered, share
from .status_forms import read_forms, status_of

__all__ = ["STATUSES", "Forms", "Progress", "Reported", "Status", "match", "read_forms", "status_of", "summary", "to_json"]


def nearest(name: str, items: list[Project]) -> str:
    """The plan project most like ``name``, however far: the person decides."""
    hit = closest(name, (p.name for p in items), project_key, cutoff=0)
    return f'โครงการในแผนที่ใกล้ที่สุด: "{hit[0]}"' if hit else ""


def match(plan: Plan, forms: Forms) -> Progress:
    """Each plan item with the form row that reports it: the same name (and,
    among same-named items, the same planned budget), else the most similar."""
    items = list(plan.projects)
    index = ProjectIndex([p.name for p in items])
    same: dict[str, list[int]] = {}
    for i, k in enumerate(index.keys):
        same.setdefault(k, []).append(i)
    found: dict[int, Reported] = {}
    unknown: list[tuple[Reported, str]] = []
    again: list[tuple[Reported, int]] = []
    for r in forms.rows:
        named = same.get(project_key(r.name), [])
        free = [i for i in named if i not in found]
        if free:
            budget = [i for i in free if items[i].budget == r.planned]
            found[(budget or free)[0]] = r
            continue
        hit = (named[0], 100.0) if named else index.same(r.name)
        if hit is None:
            unknown.append((r, nearest(r.name, items)))
        elif hit[0] in found:
            if r.statuses and not found[hit[0]].statuses:  # a blank row says nothing: the filled one counts
                r, found[hit[0]] = found[hit[0]], r
            again.append((r, hit[0]))
        else:
            found[hit[0]] = r
    statuses = [Status(p, found.get(i)) for i, p in enumerate(items)]
    return Progress(plan, statuses, unknown, forms, again=[(r, statuses[i]) for r, i in again])


def counts(statuses: list[Status]) -> dict[str, int]:
    out = {s: 0 for s in STATUSES}
    out["unreported"] = 0
    for st in statuses:
        out[st.status or "unreported"] += 1
    return out


def _sums(statuses: list[Status]) -> dict[str, object]:
    planned = sum((s.project.budget or Decimal(0) for s in statuses), Decimal(0))
    disbursed = sum((s.disbursed for s in statuses), Decimal(0))
    c = counts(statuses)
    return {
        "projects": len(statuses),
        "counts": c,
        "planned": f"{planned:.2f}",
        "disbursed": f"{disbursed:.2f}",
        "done_share": f"{share(c['done'], len(statuses)):.2f}",
        "disbursed_share": f"{share(disbursed, planned):.2f}",
    }


def summary(progress: Progress) -> list[dict[str, object]]:
    """Per ยุทธศาสตร์ (development-plan numbers) and its แผนงาน: counts by status, planned and disbursed budget, shares."""
    plan = progress.plan
    of = {id(s.project): s for s in progress.items}
    out = []
    for number, name, programs in numbered(plan, list(plan.projects)):
        rows = []
        everything: list[Status] = []
        for program_no, program, projects in programs:
            mine = [of[id(p)] for p in projects]
            everything += mine
            rows.append({"number": program_no, "program": program, **_sums(mine)})
        out.append({"number": number, "strategy": name, **_sums(everything), "programs": rows})
    return out


def to_json(progress: Progress) -> dict[str, object]:
    from ..core.records import SCHEMA_VERSION, to_jsonable

    totals = _sums(progress.items)
    prof = progress.plan.profile
    return {
        "schema_version": SCHEMA_VERSION,
        "organisation": prof.org_name,
        "fiscal_year": prof.fiscal_year,
        "period": progress.period.to_json() if progress.period is not None else None,
        "projects": [
            {
                "name": s.project.name,
                "kind": s.project.kind,
                "unit": s.project.unit,
                "strategy": s.project.strategy,
                "program": s.project.program,
                "planned": None if s.project.budget is None else f"{s.project.budget:.2f}",
                "status": s.status,
                "disbursed": f"{s.disbursed:.2f}",
                "note": s.row.note if s.row else "",
                "source": to_jsonable(s.row.source) if s.row else None,
            }
            for s in progress.items
        ],
        "unknown": [{"name": r.name, "suggestion": hint, "source": to_jsonable(r.source)} for r, hint in progress.unknown],
        "strategies": summary(progress),
        "totals": {**totals, "disbursed_total": totals["disbursed"]},
    }


def chart_png(data: dict[str, object]) -> bytes:
    from ..render.chart import completion_chart

    rows = []
    for r in data["strategies"]:  # type: ignore[union-attr]
        total = r["projects"] or 1
        rows.append((f"{r['number']}. {strategy_label(r['strategy'])}", {k: v * 100 / total for k, v in r["counts"].items()}))
    labels = {**STATUS_TH, "unreported": "ไม่มีรายงาน"}
    return completion_chart(rows, labels, "ความก้าวหน้าของโครงการ จำแนกตามยุทธศาสตร์ (ร้อยละของจำนวนโครงการ)")


def write_document(progress: Progress, data: dict[str, object], outputs: Path, templates: Path | None = None) -> Path:
    """progress.docx for the council: figures from ``data`` (progress.json), the chart, the lists."""
    from ..files.paths import template as template_in
    from ..render.context import progress_context
    from ..render.docx import render_docx

    template = template_in(templates, "progress.docx")
    context = progress_context(data, progress.plan, progress.behind(), progress.of_status("cancelled"))
    return render_docx(
        template, context, outputs / "progress.docx", progress.plan.profile.thai_digits, images={"chart": (chart_png(data), 230)}
    )
