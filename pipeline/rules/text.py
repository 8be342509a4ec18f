"""Thai text quality: the typing mistakes Word's spell-checker misses.

thai-typing: characters (เเ for แ, decomposed ำ, doubled or misordered marks,
zero-width and non-breaking spaces, "พ.ศ.2564"). near-miss-term: a word or
short phrase one or two letters away from an official term or a common word
of plans ("ประเมินผม" → "ประเมินผล", "หมูบ้าน" → "หมู่บ้าน"). doubled-word: a
word or its tail typed twice ("แผนแผนการ", "งบประมาณมาณ"). old-regulation:
the repealed regulation, or an amendment short of the third. Each finding
gives the original, the correction and the place; the checks themselves are
in ``spelling``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from ..core.domain import STANDARD_PROGRAMS, amendments_in_force, org_place, plan_date, regulation_citation
from ..core.match import edit_distance
from ..core.model import Plan, Source
from ..core.settings import lines
from ..core.thai import typing_problems
from . import Env, Hit, per_object, rule
from .spelling import context_slips, doubled, near_misses, old_regulation, quote

GLOSSARY = Path(__file__).resolve().parents[1] / "data" / "glossary.txt"
FIELDS = (("name", "โครงการ"), ("activity", "กิจกรรม"), ("location", "สถานที่"), ("unit", "หน่วยงาน"))


@lru_cache(maxsize=1)
def base_terms() -> tuple[str, ...]:
    """The shipped glossary and the standard แผนงาน ("!" marks a strict term)."""
    return tuple(t.lstrip("!") for t in lines(GLOSSARY)) + STANDARD_PROGRAMS


@lru_cache(maxsize=1)
def strict_terms() -> frozenset[str]:
    """Glossary lines marked "!": loanwords with one accepted spelling, whose
    variants are slips even where the dictionary lists them ("อลูมิเนียม")."""
    return frozenset(t[1:] for t in lines(GLOSSARY) if t.startswith("!"))


def glossary(plan: Plan, env: Env) -> frozenset[str]:
    """Official terms: the data file, the standard แผนงาน, the user's own
    terms, and the organisation's names (profile, strategies)."""
    prof = plan.profile
    names = [prof.org_name, *(t.lstrip("!") for t in env.glossary), *(s.strategy for s in plan.strategies)]
    return frozenset(t for t in (*base_terms(), *names) if len(t) >= 4)


def place_names(plan: Plan) -> frozenset[str]:
    """The organisation's own places: its name's place, district, province and
    the villages of the project locations ("บ้านโนนทอง" → "โนนทอง"). A village
    written less often than one a letter away from it is taken for a slip of
    that one, not a village of its own."""
    prof = plan.profile
    villages = Counter(v for p in plan.projects for v in re.findall(r"บ้าน([\u0e01-\u0e4e]+)", p.location))
    slips = {v for v in villages for w in villages if w != v and villages[w] > villages[v] and edit_distance(v, w, 1) <= 1}
    names = [org_place(prof.org_name), prof.district, prof.province, *(v for v in villages if v not in slips)]
    return frozenset(n for n in names if len(n) >= 3)


@per_object
def texts(plan: Plan) -> list[tuple[Source, str, str]]:
    """(place, text as typed, text as read) of everything a person wrote —
    listed once per plan for the four text rules that read them all."""
    out = [(block.source, block.typed or block.text, block.text) for block in plan.intro]
    for p in plan.projects:
        original = dict(p.original)
        s = p.source
        for name, label in FIELDS:
            value = getattr(p, name)
            if value or name in original:
                out.append((Source(s.file, s.table, s.row, label, s.paragraph), original.get(name, value), value))
    return out


Said = tuple[str, str, str]  # message, value, suggestion: a Hit without its place


def hits_per_text(plan: Plan, find: Callable[[str, bool], Iterable[Said]], typed: bool = False) -> Iterator[Hit]:
    """What ``find(text, in a place column)`` says, at every place the text
    stands. A plan repeats its texts (หมู่ที่ 1, กองช่าง, …): each distinct one
    is looked at once. ``typed``: the text as typed, not as normalised."""
    seen: dict[tuple[str, bool], list[Said]] = {}
    for src, as_typed, as_read in texts(plan):
        key = (as_typed if typed else as_read, src.column == "สถานที่")
        if not key[0]:
            continue  # only invisible characters, cleaned away: nothing to read (missing-field says so where it is required)
        found = seen.get(key)
        if found is None:
            found = seen[key] = list(find(*key))
        for message, value, suggestion in found:
            yield Hit(src, message, value=value, suggestion=suggestion)


@rule(
    "thai-typing",
    "warning",
    "พิมพ์อักษรไทยผิดรูป",
    'character-level typing problems: "เเ" for "แ", decomposed ำ, doubled or misordered marks, zero-width or non-breaking spaces',
    "แก้ในไฟล์ร่าง (เอกสารที่สร้างจะแก้ให้อัตโนมัติอยู่แล้ว)",
)
def thai_typing(plan: Plan, env: Env) -> Iterable[Hit]:
    def find(typed: str, _: bool) -> Iterator[Said]:
        seen = set()
        for kind, snippet, fixed in typing_problems(typed):
            if (kind, snippet) not in seen:
                seen.add((kind, snippet))
                yield f'{kind}: "{snippet}"', snippet, fixed

    return hits_per_text(plan, find, typed=True)


@rule(
    "near-miss-term",
    "warning",
    "คำสะกดใกล้เคียงคำทางการ",
    "a word or short phrase close to, but not, a known official term",
    "แก้คำในไฟล์ร่าง หรือยอมรับการแก้ไข (--accept-corrections หรือเพิ่มใน inputs/corrections.txt)",
)
def near_miss_term(plan: Plan, env: Env) -> Iterable[Hit]:
    terms, names = glossary(plan, env), place_names(plan)

    def find(text: str, location: bool) -> Iterator[Said]:
        for phrase, term, start, end in near_misses(text, terms, names, location, strict_terms()):
            yield f'"{phrase}" ใกล้เคียงคำว่า "{term}" ({quote(text, start, end)})', phrase, term
        for typed, right, start, end in context_slips(text):
            yield f'"{typed}" ในที่นี้น่าจะเป็น "{right}" ({quote(text, start, end)})', typed, right

    return hits_per_text(plan, find)


@rule(
    "doubled-word",
    "warning",
    "พิมพ์คำซ้ำ",
    "a word typed twice in a row",
    "ลบคำที่ซ้ำในไฟล์ร่าง หรือยอมรับการแก้ไข (--accept-corrections)",
)
def doubled_word(plan: Plan, env: Env) -> Iterable[Hit]:
    extra = glossary(plan, env) | place_names(plan)  # as near-miss-term segments, so each text is cut once

    def find(text: str, _: bool) -> Iterator[Said]:
        for typed, fixed, start in doubled(text, extra):
            yield f'"{typed}" พิมพ์คำซ้ำ ({quote(text, start, start + len(typed))})', typed, fixed

    return hits_per_text(plan, find)


@rule(
    "old-regulation",
    "warning",
    "อ้างระเบียบที่ยกเลิกแล้วหรือฉบับแก้ไขไม่ครบ",
    "the repealed 2546 regulation, or the 2548 regulation cited without its third amendment (2561)",
    "อ้างเป็น ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 แก้ไขเพิ่มเติมถึง (ฉบับที่ 3) พ.ศ. 2561",
)
def outdated_regulation(plan: Plan, env: Env) -> Iterable[Hit]:
    on = plan_date(plan.profile)  # the regulation as in force when the plan is announced, as the documents cite it
    due = regulation_citation(on)
    last = max((number for number, _, _ in amendments_in_force(on)), default="")
    what = {
        "repealed": "ชื่อระเบียบ พ.ศ. 2546 ที่ยกเลิกแล้ว",
        "amendment": f"ระเบียบ พ.ศ. 2548 แก้ไขเพิ่มเติมไม่ถึงฉบับที่ {last}",
        "later": "ระเบียบฉบับแก้ไขที่ยังไม่มีผลใช้บังคับในวันที่ประกาศแผน",
    }

    def find(text: str, _: bool) -> Iterator[Said]:
        for kind, phrase, start, end in old_regulation(text, on):
            yield f'อ้าง{what[kind]}: "{phrase}" ({quote(text, start, end)})', phrase, due

    return hits_per_text(plan, find)
