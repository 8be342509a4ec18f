"""The names a document must never break across lines, read from what it
prints: the organisation and the place it is named after, district and
province, divisions, villages and sub-districts of the project locations,
the signatory's words, and the official terms of the glossary.

Taken from the render context, so every document (plan, announcement,
amendment, forms, tracking, progress) finds its own without its caller
listing them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..core.domain import org_place
from ..core.thai import JOINED_BEFORE_NUMBER
from ..rules.text import base_terms

_PLACES = re.compile(r"(?:บ้าน|หมู่บ้าน|ตำบล|ต\.|อำเภอ|อ\.|จังหวัด|จ\.)([\u0e01-\u0e4e]+)")
_PLACE_KEYS = ("location", "place")
_UNIT_KEYS = ("unit", "units", "division")
_WHOLE_KEYS = ("org_name", "district", "province")
_PERSON_KEYS = ("signatory", "position", "reporter", "checker")


def _strings(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, str(k))
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v, key)


def official_terms() -> frozenset[str]:
    """The glossary's terms and the words joined to a number ("หมู่ที่"), one word each."""
    return frozenset(t for t in (*base_terms(), *JOINED_BEFORE_NUMBER) if " " not in t)


def names_in(context: dict[str, Any]) -> frozenset[str]:
    """Every name the context prints, one word each."""
    found: set[str] = set()
    seen: set[tuple[str, str]] = set()
    for key, text in _strings(context):
        if not text or (key, text) in seen:
            continue
        seen.add((key, text))
        if key in _WHOLE_KEYS:
            found.update((text, org_place(text)))
        elif key in _PERSON_KEYS:
            found.update(text.split())
        elif key in _UNIT_KEYS:
            found.update(u.strip() for u in text.split(","))
        if key in _PLACE_KEYS or key in _WHOLE_KEYS:
            for m in _PLACES.finditer(text):
                found.update((m.group(0), m.group(1)))
    return frozenset(n for n in found if len(n) >= 2 and " " not in n)
