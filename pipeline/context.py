"""Plan → template contexts: the only place template variable names live.

Everything handed to a template is a plain str/int/bool/list/dict, already
formatted (amounts with separators and two decimals, Buddhist-era dates with
Thai month names, Thai digits in running text when the profile asks for them).
Text arrives normalised from the reader (XML-illegal characters removed), so
nothing here cleans it again. The README lists these variables; tests check
that list against the templates.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .model import Plan, Project, budget_of
from .summary import group, summarise
from .thai import FULL_MONTHS, baht_text, be_year, format_amount, starts_numbered, thai_digits

SHADE = "A6A6A6"  # Gantt bar colour of an active month; "auto" = no fill
NO_SHADE = "auto"


@dataclass(frozen=True)
class Digits:
    """The profile's ตัวเลขไทย setting, applied in one place: ``run`` for
    numbers in running text, dates and amounts."""

    thai: bool = False

    def run(self, text: str) -> str:
        return thai_digits(text) if self.thai else text

    def amount(self, value: Decimal | None) -> str:
        return format_amount(value, self.thai)


def strategy_title(name: str) -> str:
    """ "การพัฒนาด้าน…" → "ยุทธศาสตร์การพัฒนาด้าน…" (as forms print it)."""
    name = name or "(ไม่ระบุยุทธศาสตร์)"
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
    """Each line trimmed and empty lines dropped, keeping the line breaks a
    person typed (the text itself is already normalised)."""
    return "\n".join(c for c in (line.strip() for line in (text or "").split("\n")) if c)


def _forms_02(plan: Plan, kind: str) -> list[dict[str, Any]]:
    out = []
    for s_no, (name, programs) in enumerate(group(plan, list(plan.of_kind(kind))), start=1):
        progs = []
        for g_no, (program, items) in enumerate(programs, start=1):
            progs.append(
                {
                    "number": f"{s_no}.{g_no}",
                    "name": program or "(ไม่ระบุแผนงาน)",
                    "projects": [_project(i, p) for i, p in enumerate(items, start=1)],
                    "budget": format_amount(budget_of(items)),
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


def _revision(raw: str) -> str:
    if not raw or raw in {"-", "0", "ไม่มี"}:
        return ""
    return raw if raw.startswith(("แก้ไข", "เพิ่มเติม")) else f"แก้ไข/เพิ่มเติม ครั้งที่ {raw}"


def common(plan: Plan, draft: bool) -> dict[str, Any]:
    prof = plan.profile
    digits = Digits(prof.thai_digits)
    year = prof.fiscal_year or 0
    return {
        "draft": draft,
        "draft_mark": "ฉบับร่าง — ยังไม่ผ่านการตรวจ" if draft else "",
        "org_name": prof.org_name,
        "district": prof.district,
        "province": prof.province,
        "year": digits.run(str(year)),
        "prev_year": digits.run(str(year - 1)),
        "year_num": str(year),
        "prev_year_num": str(year - 1),
        "revision": digits.run(_revision(prof.revision)),
        "signatory": prof.signatory,
        "position": prof.position,
    }


def _date_parts(plan: Plan) -> dict[str, str]:
    d = plan.profile.announcement_date
    digits = Digits(plan.profile.thai_digits)
    if d is None:
        return {"day": "", "month": "", "be_year": ""}
    return {"day": digits.run(str(d.day)), "month": FULL_MONTHS[d.month - 1], "be_year": digits.run(str(be_year(d)))}


def _intro_kind(block_heading: bool, text: str) -> str:
    """How the template sets a paragraph: a numbered item, a heading (marked,
    or a short line that does not open with a number or a bullet), or body."""
    if starts_numbered(text):
        return "item"
    opens_number = text[:1].isdecimal() or text[:1] in "(-•"  # isdecimal: Thai digits too
    return "heading" if block_heading or (len(text) <= 40 and not opens_number) else "body"


def plan_context(plan: Plan, draft: bool = False) -> dict[str, Any]:
    digits = Digits(plan.profile.thai_digits)
    intro = [{"text": digits.run(b.text), "kind": _intro_kind(b.heading, b.text)} for b in plan.intro if b.text]
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
    total = budget_of(plan.projects)
    digits = Digits(plan.profile.thai_digits)
    ctx.update(
        {
            "project_count": digits.run(str(len(plan.of_kind("project")))),
            "equipment_count": digits.run(str(len(plan.of_kind("equipment")))),
            "total_budget": digits.amount(total),
            "total_budget_text": baht_text(total),
            "announce": _date_parts(plan),
        }
    )
    return ctx
