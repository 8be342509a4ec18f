"""Plan → template contexts: the only place template variable names live.

Everything handed to a template is a plain str/int/bool/list/dict, already
formatted: amounts with separators and two decimals, Buddhist-era dates with
Thai month names, numbers as the development plan numbers them, shares as
``summary`` computes them. Text arrives normalised from the reader, so
nothing here cleans it again. Digits are Arabic here: the renderer turns every
digit of the finished document into Thai digits when the profile asks for
them (one place, so none is missed). docs/templates.md lists these variables;
tests check that list against the templates.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..core.domain import (
    deadline,
    ordinance_word,
    plan_date,
    program_key,
    program_label,
    regulation_citation,
    revision_number,
    strategy_key,
    strategy_title,
)
from ..core.model import OrdinanceLine, Plan, Project, budget_of
from ..core.period import month_year
from ..core.summary import balanced, numbered, numbering, summarise
from ..core.thai import baht_text, be_year, format_amount, full_months, months_text, starts_numbered, thai_date

SHADE = "A6A6A6"  # Gantt bar colour of an active month; "auto" = no fill
NO_SHADE = "auto"
ARROW = "\ue000{}\ue001"  # an arrow over this and the next n-1 months; the renderer draws it
DOTS = "." * 45  # a line to sign or write on by hand


def _pct(value: Decimal) -> str:
    return f"{value:.2f}"


def runs(months: tuple[int, ...]) -> list[tuple[int, int]]:
    """Contiguous runs of fiscal months as (first, length): (2, 3, 4, 9) → [(2, 3), (9, 1)]."""
    out: list[tuple[int, int]] = []
    for m in sorted(months):
        if out and out[-1][0] + out[-1][1] == m:
            out[-1] = (out[-1][0], out[-1][1] + 1)
        else:
            out.append((m, 1))
    return out


def month_marks(p: Project, arrows: bool) -> dict[str, list[str]]:
    """Per month cell: its shading colour and an arrow marker (arrows drawn
    across each run of active months, or shaded cells)."""
    if not arrows:
        return {"fill": [SHADE if m in p.months else NO_SHADE for m in range(1, 13)], "arrow": [""] * 12}
    starts = dict(runs(p.months))
    return {"fill": [NO_SHADE] * 12, "arrow": [ARROW.format(starts[m]) if m in starts else "" for m in range(1, 13)]}


def _project(n: int, p: Project, arrows: bool) -> dict[str, Any]:
    return {
        "no": str(n),
        "name": clean_block(p.name),
        "activity": clean_block(p.activity),
        "budget": "-" if p.no_budget else format_amount(p.budget),
        "location": clean_block(p.location),
        "unit": clean_block(p.unit),
        "source": clean_block(p.source_of_funds),
        **month_marks(p, arrows),
    }


def clean_block(text: str) -> str:
    """Each line trimmed and empty lines dropped, keeping the line breaks a
    person typed (the text itself is already normalised)."""
    return "\n".join(c for c in (line.strip() for line in (text or "").split("\n")) if c)


def _forms_02(plan: Plan, kind: str) -> list[dict[str, Any]]:
    return grouped(plan, list(plan.of_kind("equipment" if kind == "equipment" else "project")))


def grouped(plan: Plan, projects: list[Project]) -> list[dict[str, Any]]:
    """Projects in the ผด.02 shape: strategies, their แผนงาน, the rows."""
    arrows = plan.profile.month_marks == "arrow"
    out = [
        {
            "number": str(number),
            "title": strategy_title(name),
            "programs": [
                {
                    "number": program_no,
                    "name": program_label(program),
                    "projects": [_project(i, p, arrows) for i, p in enumerate(items, start=1)],
                    "budget": format_amount(budget_of(items)),
                    "last": False,
                }
                for program_no, program, items in programs
            ],
        }
        for number, name, programs in numbered(plan, projects)
    ]
    if out and out[-1]["programs"]:
        out[-1]["programs"][-1]["last"] = True  # the form's grand total closes this แผนงาน's table
    return out


def _form_01(plan: Plan) -> dict[str, Any]:
    summ = balanced(summarise(plan))  # printed shares add up (the README's ร้อยละ)
    return {
        "strategies": [
            {
                "number": str(s.number),
                "title": strategy_title(s.name),
                "count": str(s.count),
                "count_pct": _pct(s.count_pct),
                "budget": format_amount(s.budget),
                "budget_pct": _pct(s.budget_pct),
                "programs": [
                    {
                        "number": p.number,
                        "name": p.program,
                        "count": str(p.count),
                        "count_pct": _pct(p.count_pct),
                        "budget": format_amount(p.budget),
                        "budget_pct": _pct(p.budget_pct),
                        "units": ", ".join(p.units),
                    }
                    for p in s.programs
                ],
            }
            for s in summ.strategies
        ],
        "count": str(summ.count),
        "count_pct": "100.00" if summ.count else "0.00",
        "budget": format_amount(summ.budget),
        "budget_pct": "100.00" if summ.budget else "0.00",
    }


def revision_title(raw: str, year: int | None) -> str:
    """ "2/2568" or "2" → "แก้ไข/เพิ่มเติม ครั้งที่ 2/2568" (the one wording of the
    cover, the titles, the announcement and the amendment); the first plan → ""."""
    raw = raw.strip()
    if not raw or raw in {"-", "0", "ไม่มี"}:
        return ""
    number = revision_number(raw)
    if number is None:
        return raw if raw.startswith(("แก้ไข", "เพิ่มเติม")) else ""
    return f"แก้ไข/เพิ่มเติม ครั้งที่ {number[0]}/{number[1] or year or ''}".rstrip("/")


def revision_long(plan: Plan) -> str:
    """How an amendment and its announcement name the revision: the same words as ``revision_title``."""
    if revision_number(plan.profile.revision) is None:
        return ""
    return revision_title(plan.profile.revision, plan.profile.fiscal_year)


def common(plan: Plan, draft: bool) -> dict[str, Any]:
    prof = plan.profile
    year = prof.fiscal_year or 0
    before = str(month_year(1, year))  # ต.ค.–ธ.ค. (the fiscal year's first quarter) fall in the year before
    return {
        "draft": draft,
        "draft_mark": "ฉบับร่าง — ยังไม่ผ่านการตรวจ" if draft else "",
        "org_name": prof.org_name,
        "district": prof.district,
        "province": prof.province,
        "year": str(year),
        "prev_year": before,
        "year_num": str(year),
        "prev_year_num": before,
        "revision": revision_title(prof.revision, prof.fiscal_year),
        "regulation": regulation_citation(plan_date(prof)),  # as in force on the plan's date
        "signatory": prof.signatory,
        "position": prof.position,
    }


def _date_parts(plan: Plan) -> dict[str, str]:
    d = plan.profile.announcement_date
    if d is None:
        return {"day": "", "month": "", "be_year": ""}
    return {"day": str(d.day), "month": full_months()[d.month - 1], "be_year": str(be_year(d))}


def _intro_kind(block_heading: bool, text: str) -> str:
    """How the template sets a paragraph: a numbered item, a heading (marked,
    or a short line that does not open with a number or a bullet), or body."""
    if starts_numbered(text):
        return "item"
    opens_number = text[:1].isdecimal() or text[:1] in "(-•"  # isdecimal: Thai digits too
    return "heading" if block_heading or (len(text) <= 40 and not opens_number) else "body"


def plan_context(plan: Plan, draft: bool = False) -> dict[str, Any]:
    intro = [{"text": b.text, "kind": _intro_kind(b.heading, b.text)} for b in plan.intro if b.text]
    equipment = _forms_02(plan, "equipment")
    return {
        **common(plan, draft),
        "intro": intro,
        "pd01": _form_01(plan),
        "pd02": _forms_02(plan, "project"),
        "pd02_total": format_amount(budget_of(plan.of_kind("project"))),
        "pd021": equipment,
        "pd021_total": format_amount(budget_of(plan.of_kind("equipment"))),
        "has_equipment": bool(equipment),
    }


def _event(plan: Plan) -> str:
    """For a revision: the event of ข้อ 27 it answers ("ได้ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม เมื่อวันที่ …")."""
    due = deadline(plan.profile)
    if due is None or due.event == "ordinance_date" or revision_number(plan.profile.revision) is None:
        return ""
    return f"ได้{due.label} เมื่อวันที่ {thai_date(due.event_date)}"


def announcement_context(plan: Plan, draft: bool = False) -> dict[str, Any]:
    """The announcement: its totals are the forms' totals (ผด.02 and ผด.02/1)."""
    prof = plan.profile
    ctx = common(plan, draft)
    projects, equipment = budget_of(plan.of_kind("project")), budget_of(plan.of_kind("equipment"))
    total = projects + equipment
    ctx.update(
        {
            "project_count": str(len(plan.of_kind("project"))),
            "equipment_count": str(len(plan.of_kind("equipment"))),
            "project_budget": format_amount(projects),
            "equipment_budget": format_amount(equipment),
            "total_budget": format_amount(total),
            "total_budget_text": baht_text(total),
            "announce": _date_parts(plan),
            "ordinance_word": ordinance_word(plan.profile.org_name),
            "ordinance_date": thai_date(prof.ordinance_date) if prof.ordinance_date else DOTS,
            "committee_date": thai_date(prof.committee_date) if prof.committee_date else "",
            "revision_long": revision_long(plan),
            "event_text": _event(plan),
            "emblem": "",  # the renderer puts the organisation's emblem image here when templates/ has one
            "signature_name": f"({prof.signatory})" if prof.signatory else f"({DOTS})",
            "signature_position": prof.position or f"ตำแหน่ง {DOTS}",
        }
    )
    return ctx


BLANK_ROWS = 2  # empty rows under each แผนงาน of a blank form, for projects the ordinance does not list


def form_context(plan: Plan, unit: str, lines: tuple[OrdinanceLine, ...]) -> dict[str, Any]:
    """A blank division form: every ยุทธศาสตร์/แผนงาน of the strategy map (the
    development plan's numbers), the division's ordinance lines under their
    แผนงาน, and empty rows to add to; lines of a แผนงาน the map lacks come last."""
    numbers = numbering(plan)
    pairs: dict[str, tuple[str, list[str]]] = {}
    for link in plan.strategies:
        name, progs = pairs.setdefault(strategy_key(link.strategy), (link.strategy, []))
        if link.program not in progs:
            progs.append(link.program)
    placed: dict[str, list[OrdinanceLine]] = {}
    for line in lines:
        placed.setdefault(program_key(line.program), []).append(line)

    def rows(program: str) -> list[dict[str, str]]:
        mine = placed.pop(program_key(program), [])
        filled = [
            {"no": str(i), "name": line.name, "budget": format_amount(line.amount), "unit": unit}
            for i, line in enumerate(mine, 1)
        ]
        return filled + [{"no": "", "name": "", "budget": "", "unit": ""}] * BLANK_ROWS

    strategies = []
    for s_no, (name, programs) in enumerate(pairs.values(), start=1):
        number = numbers.strategy(name, s_no)
        strategies.append(
            {
                "number": str(number),
                "title": strategy_title(name),
                "programs": [
                    {"number": numbers.program(number, name, p, g), "name": p, "rows": rows(p)} for g, p in enumerate(programs, 1)
                ],
            }
        )
    if placed:
        rest = [line for group in placed.values() for line in group]
        orphans = sorted({line.program for line in rest})
        strategies.append(
            {
                "number": str(len(strategies) + 1),
                "title": "ยุทธศาสตร์ (ยังไม่อยู่ในความเชื่อมโยงยุทธศาสตร์ — โปรดระบุ)",
                "programs": [
                    {"number": f"{len(strategies) + 1}.{g}", "name": program_label(p), "rows": rows(p)}
                    for g, p in enumerate(orphans, 1)
                ],
            }
        )
    return {
        **common(plan, False),
        "unit": unit,
        "ordinance_word": ordinance_word(plan.profile.org_name),
        "strategies": strategies,
    }


def tracking_context(plan: Plan, unit: str, items: list[Project], period: Any) -> dict[str, Any]:
    """A division's status form: its items numbered 1…n with the planned budget."""
    return {
        **common(plan, False),
        "unit": unit,
        "period": period.label,
        "rows": [
            {"no": str(i), "name": p.name, "budget": "-" if p.no_budget else format_amount(p.budget)}
            for i, p in enumerate(items, 1)
        ],
    }


def _progress_numbers(row: dict[str, Any]) -> dict[str, str]:
    c = row["counts"]
    return {
        "projects": str(row["projects"]),
        **{k: str(v) for k, v in c.items()},
        "planned": format_amount(Decimal(row["planned"])),
        "disbursed": format_amount(Decimal(row["disbursed"])),
        "disbursed_share": row["disbursed_share"],
        "done_share": row["done_share"],
    }


def progress_context(data: dict[str, Any], plan: Plan, behind: list[Any], cancelled: list[Any]) -> dict[str, Any]:
    """The follow-up report from progress.json's own figures (so the document and the JSON never disagree)."""

    def listed(items: list[Any], months: bool) -> list[dict[str, str]]:
        return [
            {
                "no": str(i),
                "name": s.project.name,
                "unit": s.project.unit,
                "months": months_text(s.project.months) if months else "",
                "budget": format_amount(s.project.budget) if s.project.budget is not None else "",
                "note": s.row.note if s.row else "",
            }
            for i, s in enumerate(items, 1)
        ]

    return {
        **common(plan, False),
        "period": data["period"]["label"] if data.get("period") else "",
        "total": _progress_numbers(data["totals"]),
        "strategies": [
            {
                "number": str(r["number"]),
                "title": strategy_title(r["strategy"]),
                **_progress_numbers(r),
                "programs": [
                    {"number": g["number"], "name": program_label(g["program"]), **_progress_numbers(g)} for g in r["programs"]
                ],
            }
            for r in data["strategies"]
        ],
        "behind": listed(behind, True),
        "cancelled": listed(cancelled, False),
    }
