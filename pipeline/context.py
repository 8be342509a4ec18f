"""Plan → template contexts: the only place template variable names live.

Everything handed to a template is a plain str/int/bool/list/dict, already
formatted (amounts with separators and two decimals, Buddhist-era dates with
Thai month names, Thai digits in running text when the profile asks for them)
and cleaned (pythainlp normalisation, XML-illegal characters removed).
The README lists these variables; tests check that list against the templates.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from .model import Plan, Project
from .summary import group, summarise
from .thai import FULL_MONTHS, baht_text, clean, format_amount, thai_digits

SHADE = "A6A6A6"  # Gantt bar colour of an active month; "auto" = no fill
NO_SHADE = "auto"


def strategy_title(name: str) -> str:
    """ "การพัฒนาด้าน…" → "ยุทธศาสตร์การพัฒนาด้าน…" (as forms print it)."""
    name = clean(name) or "(ไม่ระบุยุทธศาสตร์)"
    return name if name.startswith("ยุทธศาสตร์") else f"ยุทธศาสตร์{name}"


def _pct(value: Decimal) -> str:
    return f"{value:.2f}"


def _project(n: int, p: Project) -> dict[str, Any]:
    return {
        "no": str(n),
        "name": clean_block(p.name),
        "activity": clean_block(p.activity),
        "budget": "-" if p.no_budget else format_amount(p.budget),
        "location": clean_block(p.location),
        "unit": clean_block(p.unit),
        "source": clean_block(p.source_of_funds),
        "fill": [SHADE if m in p.months else NO_SHADE for m in range(1, 13)],
    }


def clean_block(text: str) -> str:
    """clean() each line, keeping the line breaks a person typed."""
    return "\n".join(c for c in (clean(line) for line in (text or "").split("\n")) if c)


def _forms_02(plan: Plan, kind: str) -> list[dict[str, Any]]:
    out = []
    projects = [p for p in plan.projects if p.kind == kind]
    for s_no, (name, programs) in enumerate(group(plan, projects), start=1):
        progs = []
        for g_no, (program, items) in enumerate(programs, start=1):
            progs.append(
                {
                    "number": f"{s_no}.{g_no}",
                    "name": clean(program) or "(ไม่ระบุแผนงาน)",
                    "projects": [_project(i, p) for i, p in enumerate(items, start=1)],
                    "budget": format_amount(sum((p.budget or Decimal(0) for p in items), Decimal(0))),
                }
            )
        out.append({"number": str(s_no), "title": strategy_title(name), "programs": progs})
    return out


def _form_01(plan: Plan) -> dict[str, Any]:
    summ = summarise(plan)
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
                        "name": clean(p.program),
                        "count": str(p.count),
                        "count_pct": _pct(p.count_pct),
                        "budget": format_amount(p.budget),
                        "budget_pct": _pct(p.budget_pct),
                        "units": ", ".join(clean(u) for u in p.units),
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


def _revision(raw: str) -> str:
    raw = clean(raw)
    if not raw or raw in {"-", "0", "ไม่มี"}:
        return ""
    return raw if raw.startswith(("แก้ไข", "เพิ่มเติม")) else f"แก้ไข/เพิ่มเติม ครั้งที่ {raw}"


def common(plan: Plan, draft: bool) -> dict[str, Any]:
    prof = plan.profile
    digits = prof.thai_digits
    year = prof.fiscal_year or 0

    def run(text: str) -> str:
        return thai_digits(text) if digits else text

    return {
        "draft": draft,
        "draft_mark": "ฉบับร่าง — ยังไม่ผ่านการตรวจ" if draft else "",
        "org_name": clean(prof.org_name),
        "district": clean(prof.district),
        "province": clean(prof.province),
        "year": run(str(year)),
        "prev_year": run(str(year - 1)),
        "year_num": str(year),
        "prev_year_num": str(year - 1),
        "revision": run(_revision(prof.revision)),
        "signatory": clean(prof.signatory),
        "position": clean(prof.position),
    }


def _date_parts(plan: Plan) -> dict[str, str]:
    d = plan.profile.announcement_date
    digits = plan.profile.thai_digits
    if d is None:
        return {"day": "", "month": "", "be_year": ""}
    conv = thai_digits if digits else str
    return {"day": conv(str(d.day)), "month": FULL_MONTHS[d.month - 1], "be_year": conv(str(d.year + 543))}


def plan_context(plan: Plan, draft: bool = False) -> dict[str, Any]:
    digits = plan.profile.thai_digits
    intro = []
    for block in plan.intro:
        text = clean(block.text)
        if not text:
            continue
        kind = "heading" if block.heading or (len(text) <= 40 and not re.match(r"^[\d๐-๙(\-•]", text)) else "body"
        if re.match(r"^[\d๐-๙]+[.)]\s", text):
            kind = "item"
        intro.append({"text": thai_digits(text) if digits else text, "kind": kind})
    equipment = _forms_02(plan, "equipment")
    return {
        **common(plan, draft),
        "intro": intro,
        "pd01": _form_01(plan),
        "pd02": _forms_02(plan, "project"),
        "pd021": equipment,
        "has_equipment": bool(equipment),
    }


def announcement_context(plan: Plan, draft: bool = False) -> dict[str, Any]:
    ctx = common(plan, draft)
    projects = [p for p in plan.projects if p.kind == "project"]
    total = sum((p.budget or Decimal(0) for p in plan.projects), Decimal(0))
    digits = plan.profile.thai_digits
    conv = thai_digits if digits else str
    ctx.update(
        {
            "project_count": conv(str(len(projects))),
            "equipment_count": conv(str(sum(1 for p in plan.projects if p.kind == "equipment"))),
            "total_budget": format_amount(total, digits),
            "total_budget_text": baht_text(total),
            "announce": _date_parts(plan),
        }
    )
    return ctx
