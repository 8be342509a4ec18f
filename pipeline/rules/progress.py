"""The follow-up (``progress``): what the filled status forms say against the
plan. These rules look only at ``env.progress`` (``follow_up``); a plain check has none and
they stay silent."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import replace

from ..core.domain import STATUS_TH
from ..core.followup import Progress
from ..core.model import Plan
from ..core.thai import format_amount, months_text, thai_date
from . import RULES, Check, Env, Hit, rule

_FOLLOW_UP: set[Check] = set()  # the checks ``follow_up`` made: the follow-up's rules are those the catalogue runs through them


def follow_up(check: Callable[[Plan, Progress], Iterable[Hit]]) -> Check:
    """A rule of the follow-up: it reads the matched forms, and a plain check (no forms) has none to read."""

    @functools.wraps(check)
    def run(plan: Plan, env: Env) -> Iterable[Hit]:
        return () if env.progress is None else check(plan, env.progress)

    _FOLLOW_UP.add(run)
    return run


def follow_up_codes() -> list[str]:
    """The codes of the follow-up's rules (declared with ``follow_up``), in catalogue order."""
    return [code for code, r in RULES.items() if r.run in _FOLLOW_UP]


@rule(
    "progress-unknown-project",
    "error",
    "โครงการในแบบติดตามไม่อยู่ในแผน",
    "a project in a status form that is not in the plan",
    "แก้ชื่อโครงการให้ตรงกับแผนการดำเนินงาน หรือถ้าเป็นโครงการใหม่ ต้องแก้ไข/เพิ่มเติมแผนและประกาศก่อน",
)
@follow_up
def unknown_project(plan: Plan, progress: Progress) -> Iterable[Hit]:
    for row, suggestion in progress.unknown:
        yield Hit(replace(row.source, column="โครงการ"), f'โครงการ "{row.name[:70]}" ไม่อยู่ในแผนการดำเนินงาน', row.name, suggestion)


@rule(
    "over-disbursed",
    "error",
    "เบิกจ่ายเกินงบประมาณตามแผน",
    "disbursed more than the planned budget",
    "ตรวจจำนวนเงินเบิกจ่ายกับงบประมาณตามแผน (โอนงบประมาณแล้ว: แก้ไขแผนก่อน)",
)
@follow_up
def over_disbursed(plan: Plan, progress: Progress) -> Iterable[Hit]:
    for s in progress.items:
        budget = s.project.budget
        if s.row is not None and s.row.disbursed is not None and budget is not None and s.row.disbursed > budget:
            yield Hit(
                replace(s.row.source, column="เบิกจ่าย"),
                f'"{s.project.name[:60]}" เบิกจ่าย {format_amount(s.row.disbursed)} บาท เกินงบประมาณตามแผน {format_amount(budget)} บาท',
                s.row.disbursed_raw,
            )


@rule(
    "progress-missing",
    "warning",
    "ไม่มีรายงานสถานะของโครงการ",
    "a plan project that no form reports (or a row without a status)",
    "ขอแบบติดตามที่กรอกแล้วจากหน่วยงานที่รับผิดชอบ และทำเครื่องหมายสถานะช่องใดช่องหนึ่ง",
)
@follow_up
def missing(plan: Plan, progress: Progress) -> Iterable[Hit]:
    for s in progress.items:
        unit = f" ({s.project.unit})" if s.project.unit else ""
        if s.row is None:
            yield Hit(s.project.source, f'ไม่มีแบบติดตามที่รายงานโครงการ "{s.project.name[:60]}"{unit}')
        elif not s.row.statuses:
            yield Hit(s.row.source, f'"{s.project.name[:60]}" ไม่ได้ระบุสถานะ{unit}')


@rule(
    "behind-schedule",
    "warning",
    "โครงการล่าช้ากว่าแผน",
    "all of its scheduled months are past the period's end and it has not started",
    "ระบุเหตุผลในช่องหมายเหตุ และเร่งดำเนินการ หรือแก้ไขแผน/ยกเลิกโครงการตามระเบียบ",
)
@follow_up
def behind_schedule(plan: Plan, progress: Progress) -> Iterable[Hit]:
    for s in progress.behind():
        months = months_text(s.project.months)
        end = thai_date(progress.period.end)
        yield Hit(s.row.source, f'"{s.project.name[:60]}" กำหนดดำเนินการ {months} ซึ่งพ้นแล้ว ณ {end} แต่ยังไม่ได้ดำเนินการ')


@rule(
    "done-without-disbursement",
    "warning",
    "ดำเนินการเสร็จแต่ไม่มีการเบิกจ่าย",
    "marked done with nothing disbursed, for a project that has a budget",
    "กรอกจำนวนเงินที่เบิกจ่ายแล้ว หรือแก้สถานะถ้ายังไม่เสร็จ",
)
@follow_up
def done_without_disbursement(plan: Plan, progress: Progress) -> Iterable[Hit]:
    for s in progress.items:
        p = s.project
        if s.status == "done" and not p.no_budget and (p.budget or 0) > 0 and not s.disbursed:
            yield Hit(
                replace(s.row.source, column="เบิกจ่าย"),
                f'"{p.name[:60]}" ดำเนินการแล้วเสร็จ แต่ไม่มีจำนวนเงินเบิกจ่าย',
                s.row.disbursed_raw,
            )


@rule(
    "status-conflict",
    "error",
    "ระบุสถานะมากกว่าหนึ่งช่อง",
    "two statuses ticked in one row",
    "ทำเครื่องหมายสถานะเพียงช่องเดียว ตามสถานะ ณ วันสิ้นสุดช่วงที่รายงาน",
)
@follow_up
def status_conflict(plan: Plan, progress: Progress) -> Iterable[Hit]:
    rows = [s.row for s in progress.items if s.row is not None] + [r for r, _ in progress.unknown]
    for row in rows:
        if len(row.statuses) > 1:
            yield Hit(row.source, f'"{row.name[:60]}" ระบุไว้ {len(row.statuses)} สถานะ: {_named(row.statuses)}')
    for row, first in progress.again:
        # the same report twice is no conflict, nor a blank row beside a filled one: only two different statuses
        if first.row is not None and row.statuses and first.row.statuses and row.statuses != first.row.statuses:
            then, now = _named(first.row.statuses) or "ไม่ระบุ", _named(row.statuses) or "ไม่ระบุ"
            yield Hit(
                row.source, f'"{row.name[:60]}" รายงานซ้ำกับ {first.row.source.where()}: สถานะ {now} ต่างจาก {then} (นับแถวแรก)'
            )


def _named(statuses: Iterable[str]) -> str:
    return ", ".join(STATUS_TH[x] for x in statuses)
