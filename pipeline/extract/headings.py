"""Headings that set the ยุทธศาสตร์/แผนงาน for the rows below them: typed as
paragraphs, as full-width merged rows, or as a lone cell.

A แผนงาน heading need not start with "แผนงาน": equipment sections are titled
"บัญชีครุภัณฑ์ 3.1 แผนงานการศึกษา" or "รายการครุภัณฑ์ (แบบ ผด.02/1)
แผนงานบริหารงานทั่วไป", and some drafts drop the word ("2.1 การศึกษา").
"""

from __future__ import annotations

import re

from ..core.domain import canonical_program, heading_kind, program_name, strategy_name
from ..core.model import Source
from ..core.thai import arabic_digits, key
from .collect import Context

_FORM = re.compile(r"\(?\s*แบบ\s*ผด\s*\.?\s*\d+(?:\s*/\s*\d+)?\s*\)?")  # "(แบบ ผด.02/1)"
_SECTION = re.compile(r"^(บัญชี|รายการ|รายละเอียด)?(ครุภัณฑ์)?")  # an equipment list's title before the แผนงาน


def _lead(text: str) -> str:
    """What stands before a แผนงาน's name, without numbers and form codes."""
    return re.sub(r"\d+", "", key(_FORM.sub("", text)))


def program_in(text: str, bare: bool = False) -> str | None:
    """The standard แผนงาน a heading names after numbers, a form code or an
    equipment-list title; with ``bare`` also one named without the word
    แผนงาน (for paragraphs and full-width rows only: a wrapped cell "การศึกษา"
    is text, not a heading). None when it names none."""
    t = arabic_digits(text)
    if not t or len(t) > 200:
        return None
    at = t.find("แผนงาน")
    if at >= 0:
        lead = _lead(t[:at])
        if not lead or "ครุภัณฑ์" in lead or lead in {"บัญชี", "รายการ"}:
            return canonical_program(t[at:])
        return None
    return canonical_program(_SECTION.sub("", _lead(t), count=1)) if bare else None


def heading_of(text: str, bare: bool = False) -> tuple[str, str] | None:
    """("strategy", name) or ("program", name) for a heading text, else None."""
    kind = heading_kind(text)
    if kind == "strategy":
        return kind, strategy_name(text)
    program = program_in(text, bare)
    if program:
        return "program", program
    return ("program", program_name(text)) if kind == "program" else None


def apply_heading(text: str, ctx: Context, at: Source | None = None, bare: bool = False) -> str | None:
    """Set the context from a heading text found ``at``: the kind it set, or
    None when the text is not a heading."""
    found = heading_of(text, bare)
    if found is None:
        return None
    kind, name = found
    if kind == "strategy":
        ctx.strategy, ctx.strategy_at, ctx.program, ctx.program_at = name, at, "", None
    else:
        ctx.program, ctx.program_at = name, at
    return kind
