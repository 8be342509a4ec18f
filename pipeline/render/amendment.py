"""The amendment document's context (แผนการดำเนินงาน แก้ไข/เพิ่มเติม): what a
revision adds, changes and cancels, for projects (ผด.02) and equipment
(ผด.02/1), and the counts and budget before and after per ยุทธศาสตร์ and
แผนงาน. Like ``context``, the only place these template variables live."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..core.diff import COMPARED, Diff
from ..core.domain import strategy_title
from ..core.model import Plan, Project, budget_of
from ..core.summary import summarise
from ..core.thai import format_amount, thai_date
from .context import DOTS, NO_SHADE, SHADE, clean_block, common, grouped, revision_long

CHANGED = "FFF2CC"  # the colour of a changed cell in the "แก้ไขใหม่" row


def _row(p: Project) -> dict[str, Any]:
    return {
        "name": clean_block(p.name),
        "activity": clean_block(p.activity),
        "budget": "-" if p.no_budget else format_amount(p.budget),
        "location": clean_block(p.location),
        "unit": clean_block(p.unit),
        "fill": [SHADE if m in p.months else NO_SHADE for m in range(1, 13)],
    }


def _changes(diff: Diff, kind: str) -> list[dict[str, Any]]:
    out = []
    for n, c in enumerate((c for c in diff.changed if c.new.kind == kind), start=1):
        mark = {name: CHANGED if name in c.fields else NO_SHADE for name, _ in COMPARED}
        what = ", ".join(label for name, label in COMPARED if name in c.fields) or "ชื่อ"
        out.append({"no": str(n), "old": _row(c.old), "new": _row(c.new), "mark": mark, "what": what})
    return out


def _part(plan: Plan, diff: Diff, kind: str, title: str) -> dict[str, Any]:
    added = [p for p in diff.added if p.kind == kind]
    cancelled = [p for p in diff.cancelled if p.kind == kind]
    return {
        "title": title,
        "added": grouped(plan, added),
        "added_total": format_amount(budget_of(added)),
        "changed": _changes(diff, kind),
        "cancelled": grouped(diff.previous, cancelled),
        "cancelled_total": format_amount(budget_of(cancelled)),
    }


def _summary(plan: Plan, diff: Diff) -> list[dict[str, str]]:
    """Counts and budget per ยุทธศาสตร์/แผนงาน before and after, projects and equipment."""
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for when, version in (("before", diff.previous), ("after", plan)):
        for kind in ("project", "equipment"):
            for s in summarise(version, kind).strategies:  # type: ignore[arg-type]
                for p in s.programs:
                    row = rows.setdefault(
                        (strategy_title(s.name), p.program), {"before": [0, Decimal(0)], "after": [0, Decimal(0)]}
                    )
                    row[when][0] += p.count
                    row[when][1] += p.budget
    out = []
    for (strategy, program), r in rows.items():
        out.append(
            {
                "strategy": strategy,
                "program": program,
                "count_before": str(r["before"][0]),
                "budget_before": format_amount(r["before"][1]),
                "count_after": str(r["after"][0]),
                "budget_after": format_amount(r["after"][1]),
                "change": format_amount(r["after"][1] - r["before"][1]),
            }
        )
    return out


def amendment_context(plan: Plan, diff: Diff, draft: bool = False) -> dict[str, Any]:
    due_event = {
        "supplementary_date": "ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม",
        "accumulated_date": "อนุมัติจ่ายขาดเงินสะสม",
        "notified_date": "ได้รับแจ้งแผนงานและโครงการจากหน่วยงานอื่น",
    }
    prof = plan.profile
    events = [f"{label} เมื่อวันที่ {thai_date(getattr(prof, name))}" for name, label in due_event.items() if getattr(prof, name)]
    return {
        **common(plan, draft),
        "revision_long": revision_long(plan),
        "previous_revision": diff.previous_revision if diff.previous_revision not in ("", "-") else "ฉบับแรก",
        "events": ", ".join(events) or DOTS,
        "parts": [
            _part(plan, diff, "project", "โครงการ/กิจกรรม (แบบ ผด.02)"),
            _part(plan, diff, "equipment", "ครุภัณฑ์ (แบบ ผด.02/1)"),
        ],
        "summary": _summary(plan, diff),
        "budget_before": format_amount(diff.previous_budget),
        "budget_after": format_amount(diff.budget),
        "budget_change": format_amount(diff.budget - diff.previous_budget),
        "count_added": str(len(diff.added)),
        "count_changed": str(len(diff.changed)),
        "count_cancelled": str(len(diff.cancelled)),
    }
