"""Money against the references: the development plan, the budget ordinance,
and the totals that drafts state themselves. Ordinance and development-plan
checks apply only to projects the organisation funds itself."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from ..core.domain import funding_kind, running_cost
from ..core.match import ProjectIndex, did_you_mean, project_key
from ..core.model import OrdinanceLine, Plan, Project, Source, budget_of
from ..core.thai import format_amount
from . import Env, Hit, per_object, rule


def _own(p: Project) -> bool:
    return funding_kind(p.source_of_funds) != "other"


def _ordinance_funded(p: Project) -> bool:
    return funding_kind(p.source_of_funds) == "ordinance" and not p.no_budget


@per_object
def _index(lines: tuple[OrdinanceLine, ...]) -> ProjectIndex:
    """One index per ordinance list."""
    return ProjectIndex([line.name for line in lines])


EVENT_HINT = (
    "ถ้าโครงการที่เพิ่มในการแก้ไขนี้ใช้เงินสะสมหรืองบประมาณรายจ่ายเพิ่มเติม ให้ใส่หัวข้อ "
    '"วันที่อนุมัติจ่ายขาดเงินสะสม" หรือ "วันที่ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม" ในตารางข้อมูลทั่วไป '
    '(หรือคอลัมน์ "แหล่งงบประมาณ" ในร่าง) — ถ้าไม่ใช่ ให้ลดงบประมาณโครงการในแผนงานนี้'
)


def event_funded(plan: Plan, env: Env) -> frozenset[Source]:
    """Projects a revision adds when its profile names the money that pays for
    them (จ่ายขาดเงินสะสม, a supplementary budget): funded by that event, not
    by the annual ordinance, without a แหล่งงบประมาณ column."""
    prof = plan.profile
    if env.revision is None or not (prof.accumulated_date or prof.supplementary_date):
        return frozenset()
    return frozenset(p.source for p in env.revision.added)


def ordinance_line(p: Project, lines: tuple[OrdinanceLine, ...]) -> OrdinanceLine | None:
    """The ordinance line of a project: same name, else a very similar one."""
    hit = _index(lines).same(p.name) if lines else None
    return lines[hit[0]] if hit else None


def planned(plan: Plan) -> list[tuple[OrdinanceLine, Project | None]]:
    """Each project line of the ordinance (not personnel or running costs)
    and the plan record that carries it, or None when no record does."""
    lines = [line for line in plan.ordinance if not running_cost(line.name)]
    index = ProjectIndex([p.name for p in plan.projects])
    out = []
    for line in lines:
        hit = index.same(line.name)
        out.append((line, plan.projects[hit[0]] if hit else None))
    return out


@rule(
    "not-in-development-plan",
    "error",
    "โครงการไม่อยู่ในแผนพัฒนาท้องถิ่น",
    "a development-plan list is given and the project matches none of it",
    "ตรวจชื่อโครงการให้ตรงกับแผนพัฒนาท้องถิ่น (ผ.02) หรือเพิ่มเติม/แก้ไขแผนพัฒนาก่อน",
)
def not_in_devplan(plan: Plan, env: Env) -> Iterable[Hit]:
    if not plan.has_devplan:
        return
    names = [d.name for d in plan.devplan]
    index = ProjectIndex(names)
    for p in plan.projects:
        if p.kind != "project" or not p.name or not _own(p) or index.same(p.name):
            continue
        yield Hit(
            replace(p.source, column="โครงการ"),
            f'ไม่พบโครงการ "{p.name[:60]}" ในแผนพัฒนาท้องถิ่น',
            value=p.name,
            suggestion=did_you_mean(p.name, names),
        )


@rule(
    "over-ordinance",
    "error",
    "งบประมาณเกินข้อบัญญัติ",
    "an ordinance-funded project's budget exceeds its ordinance line",
    "แก้งบประมาณให้ไม่เกินข้อบัญญัติ หรือโอน/แก้ไขงบประมาณก่อน",
)
def over_ordinance(plan: Plan, env: Env) -> Iterable[Hit]:
    by_event = event_funded(plan, env)
    for p in plan.projects:
        if not plan.ordinance or not _ordinance_funded(p) or p.budget is None or p.source in by_event:
            continue
        line = ordinance_line(p, plan.ordinance)
        if line and p.budget > line.amount:
            yield Hit(
                replace(p.source, column="งบประมาณ"),
                f'"{p.name[:60]}" ตั้งไว้ {format_amount(p.budget)} บาท เกินข้อบัญญัติ {format_amount(line.amount)} บาท '
                f"({line.source.where()})",
                value=format_amount(p.budget),
            )


@rule(
    "not-in-ordinance",
    "warning",
    "ไม่พบโครงการในข้อบัญญัติ",
    "an ordinance-funded project matches no ordinance line",
    "ตรวจชื่อโครงการให้ตรงกับข้อบัญญัติ หรือระบุแหล่งงบประมาณ (เงินสะสม, หน่วยงานอื่น)",
)
def not_in_ordinance(plan: Plan, env: Env) -> Iterable[Hit]:
    if not plan.has_ordinance:
        return
    names = [line.name for line in plan.ordinance]
    by_event = event_funded(plan, env)
    for p in plan.projects:
        if _ordinance_funded(p) and p.name and p.source not in by_event and ordinance_line(p, plan.ordinance) is None:
            yield Hit(
                replace(p.source, column="โครงการ"),
                f'ไม่พบ "{p.name[:60]}" ในข้อบัญญัติงบประมาณ',
                value=p.name,
                suggestion=did_you_mean(p.name, names),
            )


@rule(
    "program-over-ordinance",
    "error",
    "ยอดรวมแผนงานเกินข้อบัญญัติ",
    "a แผนงาน's total exceeds the ordinance total for it",
    "ลดงบประมาณโครงการในแผนงานนี้ หรือตรวจว่าโครงการอยู่ถูกแผนงาน",
)
def program_over_ordinance(plan: Plan, env: Env) -> Iterable[Hit]:
    limit: dict[str, Decimal] = defaultdict(Decimal)
    for line in plan.ordinance:
        limit[line.program] += line.amount
    spent: dict[str, Decimal] = defaultdict(Decimal)
    over: dict[str, Decimal] = defaultdict(Decimal)  # what over-ordinance already reports, line by line
    first: dict[str, Project] = {}
    by_event = event_funded(plan, env)
    for p in plan.projects:
        if _ordinance_funded(p) and p.budget is not None and p.program in limit and p.source not in by_event:
            spent[p.program] += p.budget
            first.setdefault(p.program, p)
            line = ordinance_line(p, plan.ordinance)
            if line and p.budget > line.amount:
                over[p.program] += p.budget - line.amount
    for program, total in spent.items():
        if total - limit[program] > over[program]:  # an excess wholly explained by over-ordinance projects is said once
            p = first[program]
            # Point at where the แผนงาน is set (its heading, merged row or column), never a column the table lacks.
            where = p.program_source or p.source
            yield Hit(
                where,
                f"{program}: รวม {format_amount(total)} บาท เกินข้อบัญญัติ ({format_amount(limit[program])} บาท) "
                f"อยู่ {format_amount(total - limit[program])} บาท",
                value=format_amount(total),
                hint=EVENT_HINT if env.revision is not None and env.revision.added else "",
            )


@rule(
    "stated-total-mismatch",
    "error",
    "ยอดรวมในตารางไม่ตรงกับผลรวม",
    'a "รวม" row in a draft differs from the sum of the rows it closes',
    'แก้ยอดในแถว "รวม" ให้ตรงกับผลรวมของโครงการ (หรือแก้งบประมาณโครงการที่ผิด)',
)
def stated_total(plan: Plan, env: Env) -> Iterable[Hit]:
    by_place = {(p.source.file, p.source.table, p.source.row): p for p in plan.projects}
    for t in plan.totals:
        if t.amount is None:
            continue
        closed = [by_place[k] for k in ((t.source.file, table, row) for table, row in t.rows) if k in by_place]
        unreadable = [p for p in closed if p.budget is None and p.budget_raw.strip()]
        if unreadable:
            rows = ", ".join(f"ตารางที่ {p.source.table} แถวที่ {p.source.row}" for p in unreadable)
            yield Hit(
                replace(t.source, column="งบประมาณ"),
                f'ตรวจยอดแถว "{t.label}" ไม่ได้ เพราะงบประมาณของโครงการที่รวมอยู่อ่านไม่ได้ ({rows})',
                value=format_amount(t.amount),
                hint="แก้งบประมาณที่อ่านไม่ได้ก่อน (ดู bad-amount) แล้วรันใหม่",
            )
            continue
        actual = budget_of(closed)
        if actual != t.amount:
            yield Hit(
                replace(t.source, column="งบประมาณ"),
                f'แถว "{t.label}" ระบุ {format_amount(t.amount)} บาท แต่ผลรวม {len(t.rows)} โครงการ = {format_amount(actual)} บาท',
                value=format_amount(t.amount),
                suggestion=format_amount(actual),
            )


@rule(
    "ordinance-line-unplanned",
    "error",
    "รายการในข้อบัญญัติยังไม่อยู่ในแผน",
    "an own-funded project line of the budget ordinance has no project in the plan",
    "เพิ่มโครงการนี้ในร่างของกองที่รับผิดชอบ (ชื่อให้ตรงกับข้อบัญญัติ) — ถ้ามีอยู่แล้วแต่ชื่อต่างกัน ให้แก้ชื่อให้ตรง",
)
def ordinance_line_unplanned(plan: Plan, env: Env) -> Iterable[Hit]:
    if not plan.ordinance:
        return
    names = [p.name for p in plan.projects]
    gone = ProjectIndex([c.name for c in env.revision.cancelled] if env.revision is not None else [])
    for line, project in planned(plan):
        # a project the revision cancels is listed as cancelled in the amendment, not asked back
        if project is None and not gone.same(line.name):
            yield Hit(
                replace(line.source, column="โครงการ"),
                f'"{line.name[:80]}" ({format_amount(line.amount)} บาท, {line.program or "ไม่ระบุแผนงาน"}) '
                "มีในข้อบัญญัติแต่ไม่มีโครงการใดในแผน",
                value=line.name,
                suggestion=did_you_mean(line.name, names, project_key),
            )
