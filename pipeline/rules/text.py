"""Thai text quality: the typing mistakes Word's spell-checker misses.

thai-typing: characters (เเ for แ, decomposed ำ, doubled or misordered marks,
zero-width and non-breaking spaces, "พ.ศ.2564"). near-miss-term: a word or
short phrase one or two letters away from an official term ("ประเมินผม" →
"ประเมินผล"). doubled-word: a word typed twice ("แผนแผนการดำเนินงาน").
Each finding gives the original, the correction and the place.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..domain import STANDARD_PROGRAMS, org_place
from ..match import edit_distance
from ..model import Plan, Source
from ..settings import lines
from ..thai import dictionary_words, typing_problems, words
from . import Env, Hit, rule

GLOSSARY = Path(__file__).resolve().parents[1] / "data" / "glossary.txt"
FIELDS = (("name", "โครงการ"), ("activity", "กิจกรรม"), ("location", "สถานที่"), ("unit", "หน่วยงาน"))
MAX_WINDOW = 6  # tokens in a phrase compared with a term


@lru_cache(maxsize=1)
def base_terms() -> tuple[str, ...]:
    return tuple(lines(GLOSSARY)) + STANDARD_PROGRAMS


def glossary(plan: Plan, env: Env) -> frozenset[str]:
    """Official terms: the data file, the standard แผนงาน, the user's own
    terms, and the organisation's names (profile, strategies, villages)."""
    prof = plan.profile
    names = [prof.org_name, prof.district, prof.province, *env.glossary]
    names.append(org_place(prof.org_name))
    for p in plan.projects:
        names += re.findall(r"บ้าน\S+", p.location)
    names += [s.strategy for s in plan.strategies]
    return frozenset(t for t in (*base_terms(), *names) if len(t) >= 4)


def texts(plan: Plan) -> Iterator[tuple[Source, str, str]]:
    """(place, text as typed, text as read) of everything a person wrote."""
    for block in plan.intro:
        yield block.source, block.typed or block.text, block.text
    for p in plan.projects:
        original = dict(p.original)
        for name, label in FIELDS:
            value = getattr(p, name)
            if value or name in original:
                yield replace(p.source, column=label), original.get(name, value), value


def _context(text: str, start: int, end: int) -> str:
    return ("…" if start > 15 else "") + text[max(0, start - 15) : end + 15] + ("…" if end + 15 < len(text) else "")


@rule(
    "thai-typing",
    "warning",
    "พิมพ์อักษรไทยผิดรูป",
    'character-level typing problems: "เเ" for "แ", decomposed ำ, doubled or misordered marks, zero-width or non-breaking spaces',
    "แก้ในไฟล์ร่าง (เอกสารที่สร้างจะแก้ให้อัตโนมัติอยู่แล้ว)",
)
def thai_typing(plan: Plan, env: Env) -> Iterable[Hit]:
    for src, typed, _ in texts(plan):
        seen = set()
        for kind, snippet, fixed in typing_problems(typed):
            if (kind, snippet) in seen:
                continue
            seen.add((kind, snippet))
            yield Hit(src, f'{kind}: "{snippet}"', value=snippet, suggestion=fixed)


def _term_and_neighbours(window: list[str], terms: frozenset[str], known: frozenset[str]) -> bool:
    """True for a whole term with real words around it ("ใน" + "แผนการดำเนินงาน"),
    which is not a misspelling; False for a term with a stray letter ("…ชีลอง" + "ง")."""
    for i in range(len(window)):
        for j in range(i + 1, len(window) + 1):
            if "".join(window[i:j]) in terms:
                rest = window[:i] + window[j:]
                if all(t in known or not re.search(r"[\u0e01-\u0e4e]", t) for t in rest):
                    return True
    return False


@lru_cache(maxsize=4)
def _terms_by_length(terms: frozenset[str]) -> dict[int, tuple[str, ...]]:
    """Built once per glossary, not once per checked text."""
    by_len: dict[int, list[str]] = {}
    for term in sorted(terms):
        by_len.setdefault(len(term), []).append(term)
    return {n: tuple(ts) for n, ts in by_len.items()}


def near_misses(text: str, terms: frozenset[str]) -> list[tuple[str, str, int, int]]:
    """(phrase, term, start, end) for phrases of up to six words that are one
    letter (two for long terms) away from an official term, without overlaps."""
    tokens = words(text, terms)
    starts, pos = [], 0
    for t in tokens:
        starts.append(pos)
        pos += len(t)
    by_len = _terms_by_length(terms)
    known = dictionary_words()
    found = []
    for i in range(len(tokens)):
        for j in range(i + 1, min(i + MAX_WINDOW, len(tokens)) + 1):
            window = tokens[i:j]
            if any(not t.strip() for t in window):
                break
            phrase = "".join(window)
            if phrase in terms or (len(window) == 1 and phrase in known) or len(phrase) < 5:
                continue
            best = None
            for n in range(len(phrase) - 2, len(phrase) + 3):
                for term in by_len.get(n, ()):
                    limit = 2 if len(term) >= 15 else 1
                    d = edit_distance(phrase, term, limit)
                    if d <= limit and re.sub(r"\d", "", phrase) != re.sub(r"\d", "", term) and (best is None or d < best[0]):
                        best = (d, term)
            if best and not _term_and_neighbours(window, terms, known):
                found.append((best[0], len(phrase), phrase, best[1], starts[i], starts[i] + len(phrase)))
    taken: list[tuple[int, int]] = []
    out = []
    for _, _, phrase, term, start, end in sorted(found):
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            out.append((phrase, term, start, end))
    return sorted(out, key=lambda x: x[2])


@rule(
    "near-miss-term",
    "warning",
    "คำสะกดใกล้เคียงคำทางการ",
    "a word or short phrase close to, but not, a known official term",
    "แก้คำในไฟล์ร่าง หรือยอมรับการแก้ไข (--accept-corrections หรือเพิ่มใน inputs/corrections.txt)",
)
def near_miss_term(plan: Plan, env: Env) -> Iterable[Hit]:
    terms = glossary(plan, env)
    for src, _, text in texts(plan):
        for phrase, term, start, end in near_misses(text, terms):
            yield Hit(src, f'"{phrase}" ใกล้เคียงคำว่า "{term}" ({_context(text, start, end)})', value=phrase, suggestion=term)


def doubled(text: str) -> list[tuple[str, str, int]]:
    """(typed, corrected, start) for a word typed twice in a row: the same
    word twice, or a word followed by a word that starts with it
    ("แผน" + "แผนการ"). Both must be dictionary words of three letters or
    more, so "คณะกรรมการการ…", "ต่าง ๆ" and foreign names ("บาบา") pass."""
    tokens = words(text)
    known = dictionary_words()
    out, pos = [], 0
    for a, b in itertools.pairwise(tokens):
        if len(a) >= 3 and a in known and b.startswith(a) and (b == a or b in known):
            out.append((a + b, b, pos))
        pos += len(a)
    return out


@rule(
    "doubled-word",
    "warning",
    "พิมพ์คำซ้ำ",
    "a word typed twice in a row",
    "ลบคำที่ซ้ำในไฟล์ร่าง หรือยอมรับการแก้ไข (--accept-corrections)",
)
def doubled_word(plan: Plan, env: Env) -> Iterable[Hit]:
    for src, _, text in texts(plan):
        for typed, fixed, start in doubled(text):
            yield Hit(src, f'"{typed}" พิมพ์คำซ้ำ ({_context(text, start, start + len(typed))})', value=typed, suggestion=fixed)
