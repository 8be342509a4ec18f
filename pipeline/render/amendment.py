"""The amendment document's context (แผนการดำเนินงาน แก้ไข/เพิ่มเติม), in the
shape published amendments take: the reason, then for projects (ผด.02) and
equipment (ผด.02/1) the lists "แก้ไข" (each item's เดิม and แก้ไขใหม่ rows),
"เพิ่มเติม" and "ยกเลิก", grouped by ยุทธศาสตร์ and แผนงาน under the plan's
numbers and closed by their totals — a list with nothing in it is left out —
and the counts and budgets before and after, projects and equipment apart
(so they agree with ผด.01 and ผด.02/1). Like ``context``, the only place
these template variables live."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..core.diff import COMPARED, Change, Diff
from ..core.domain import EVENTS, ordinance_word, program_key, program_label, strategy_key, strategy_title
from ..core.model import Plan, Project, budget_of
from ..core.summary import Numbering, numbered, numbering, summarise
from ..core.thai import format_amount, thai_date
from .context import DOTS, NO_SHADE, SHADE, clean_block, common, grouped, revision_long

CHANGED = NO_SHADE  # a changed cell of the "แก้ไขใหม่" row: unshaded on paper (the pair of rows shows the change)
KINDS = (
    ("project", "บัญชีโครงการ/กิจกรรม/งบประมาณ", "แบบ ผด.02", "โครงการ"),
    ("equipment", "บัญชีครุภัณฑ์สำหรับที่ไม่ได้ดำเนินการตามโครงการพัฒนาท้องถิ่น", "แบบ ผด.02/1", "รายการ"),
)
WHAT = {"changed": "ที่แก้ไข", "added": "ที่เพิ่มเติม", "cancelled": "ที่ยกเลิก"}


def _row(p: Project) -> dict[str, Any]:
    return {
        "name": clean_block(p.name),
        "activity": clean_block(p.activity),
        "budget": "-" if p.no_budget else format_amount(p.budget),
        "location": clean_block(p.location),
        "unit": clean_block(p.unit),
        "fill": [SHADE if m in p.months else NO_SHADE for m in range(1, 13)],
    }


def _change(n: int, c: Change) -> dict[str, Any]:
    mark = {name: CHANGED if name in c.fields else NO_SHADE for name, _ in COMPARED}
    what = ", ".join(label for name, label in COMPARED if name in c.fields) or "ชื่อ"
    return {"no": str(n), "old": _row(c.old), "new": _row(c.new), "mark": mark, "what": what}


def _changes(plan: Plan, changes: list[Change]) -> list[dict[str, Any]]:
    """The changes in the ผด.02 shape of ``grouped``, each under the ยุทธศาสตร์
    and แผนงาน (and their numbers) of its new version."""
    by_project = {id(c.new): c for c in changes}
    return [
        {
            "number": str(number),
            "title": strategy_title(name),
            "programs": [
                {
                    "number": program_no,
                    "name": program_label(program),
                    "changes": [_change(i, by_project[id(p)]) for i, p in enumerate(items, start=1)],
                }
                for program_no, program, items in programs
            ],
        }
        for number, name, programs in numbered(plan, [c.new for c in changes])
    ]


def _sections(plan: Plan, diff: Diff) -> list[dict[str, Any]]:
    """One section a list that has items: "2.1 บัญชีโครงการ… ที่แก้ไข (แบบ ผด.02)", …"""
    out: list[dict[str, Any]] = []
    for kind, title, code, _ in KINDS:
        changed = [c for c in diff.changed if c.new.kind == kind]
        added = [p for p in diff.added if p.kind == kind]
        cancelled = [p for p in diff.cancelled if p.kind == kind]
        lists = {
            "changed": (
                _changes(plan, changed),
                {
                    "old_total": format_amount(budget_of([c.old for c in changed])),
                    "new_total": format_amount(budget_of([c.new for c in changed])),
                },
            ),
            "added": (grouped(plan, added), {"total": format_amount(budget_of(added))}),
            "cancelled": (grouped(diff.previous, cancelled), {"total": format_amount(budget_of(cancelled))}),
        }
        for what, (groups, totals) in lists.items():
            if groups:
                number = f"2.{len(out) + 1}"
                out.append(
                    {"number": number, "kind": what, "heading": f"{title} {WHAT[what]} ({code})", "groups": groups, **totals}
                )
    return out


def _tally(version: Plan, numbers: Numbering, kind: str) -> dict[tuple[str, str], tuple[str, str, int, Decimal]]:
    """(strategy key, แผนงาน key) → (strategy label, แผนงาน label, count, budget) as ผด.01 counts them,
    numbered as the revised plan numbers them (a plan read back from its .docx has no strategy map)."""
    out = {}
    for s in summarise(version, kind).strategies:  # type: ignore[arg-type]
        number = numbers.strategy(s.name, s.number)
        for p in s.programs:
            program_no = numbers.program(number, s.name, p.program, int(p.number.rsplit(".", 1)[-1]))
            label = f"{number}. {strategy_title(s.name)}"
            out[(strategy_key(s.name), program_key(p.program))] = (
                label,
                f"{program_no} {program_label(p.program)}",
                p.count,
                p.budget,
            )
    return out


def _summary(plan: Plan, diff: Diff) -> list[dict[str, Any]]:
    """Counts and budgets before and after per ยุทธศาสตร์ and แผนงาน, one table
    for projects and one for equipment (when either version has any)."""
    tables = []
    for kind, title, code, unit in KINDS:
        numbers = numbering(plan)
        before, after = _tally(diff.previous, numbers, kind), _tally(plan, numbers, kind)
        if not before and not after:
            continue
        strategies: dict[str, list[dict[str, str]]] = {}
        for k in [*after, *(k for k in before if k not in after)]:
            label, program = (after.get(k) or before[k])[:2]
            b, a = before.get(k, ("", "", 0, Decimal(0))), after.get(k, ("", "", 0, Decimal(0)))
            strategies.setdefault(label, []).append(_figures(program, b[2], b[3], a[2], a[3]))
        kb, ka = list(diff.previous.of_kind(kind)), list(plan.of_kind(kind))  # type: ignore[arg-type]
        tables.append(
            {
                "title": f"{title} ({code})",
                "unit": unit,
                "strategies": [{"title": label, "programs": rows} for label, rows in strategies.items()],
                "total": _figures("รวมทั้งสิ้น", len(kb), budget_of(kb), len(ka), budget_of(ka)),
            }
        )
    return tables


def _figures(label: str, count_before: int, budget_before: Decimal, count_after: int, budget_after: Decimal) -> dict[str, str]:
    return {
        "label": label,
        "count_before": str(count_before),
        "budget_before": format_amount(budget_before),
        "count_after": str(count_after),
        "budget_after": format_amount(budget_after),
        "change": format_amount(budget_after - budget_before),
    }


def _events(plan: Plan) -> str:
    """ "ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม เมื่อวันที่ 1 มีนาคม 2564 และ…" (the events of ข้อ 27 the profile dates)."""
    prof, word = plan.profile, ordinance_word(plan.profile.org_name)
    events = [
        f"{label.replace('ข้อบัญญัติ', word)} เมื่อวันที่ {thai_date(getattr(prof, name))}"
        for name, label in EVENTS.items()
        if name != "ordinance_date" and getattr(prof, name)
    ]
    return " และ".join(events)


def _changes_text(diff: Diff) -> str:
    """ "แก้ไขโครงการ 2 โครงการ เพิ่มเติมโครงการ 1 โครงการ และยกเลิกครุภัณฑ์ 1 รายการ"."""
    said = []
    for kind, _, _, unit in KINDS:
        word = "โครงการ" if kind == "project" else "ครุภัณฑ์"
        for what, items in (("แก้ไข", [c.new for c in diff.changed]), ("เพิ่มเติม", diff.added), ("ยกเลิก", diff.cancelled)):
            n = sum(1 for p in items if p.kind == kind)
            if n:
                said.append(f"{what}{word} {n} {unit}")
    return " และ".join([" ".join(said[:-1]), said[-1]]) if len(said) > 1 else "".join(said)


def amendment_context(plan: Plan, diff: Diff, draft: bool = False) -> dict[str, Any]:
    return {
        **common(plan, draft),
        "revision_long": revision_long(plan),
        "ordinance_word": ordinance_word(plan.profile.org_name),
        "events": _events(plan) or DOTS,
        "changes_text": _changes_text(diff),
        "sections": _sections(plan, diff),
        "summary": _summary(plan, diff),
        "budget_before": format_amount(diff.previous_budget),
        "budget_after": format_amount(diff.budget),
        "budget_change": format_amount(diff.budget - diff.previous_budget),
        "count_added": str(len(diff.added)),
        "count_changed": str(len(diff.changed)),
        "count_cancelled": str(len(diff.cancelled)),
    }
