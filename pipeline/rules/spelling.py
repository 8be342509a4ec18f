"""The spelling checks behind the text rules, on plain strings (no Plan).

- ``near_misses``: a phrase one letter (two for long terms) away from an
  official term or a common word of plans — "ประเมินผม", "หมูบ้าน",
  "คอนกรีด". Names are left alone: after บ้าน/ซอย/สาย/นาย/นาง… and in the
  location column a phrase is compared only with the organisation's own
  villages, and a term (or village) at the start of a longer name is that
  name, not a slip ("ซอยบ้านนายสมปอง").
- ``doubled``: a word typed twice ("แผนแผนการ") or its tail typed again
  ("งบประมาณมาณ", "ดำเนินงานงาน", "พัฒนานา", "รายจ่ายจ่ายประจำปี", "ดำเนินการการ").
- ``context_slips``: a word right in itself, wrong where it stands ("หมูที่ 5").
- ``old_regulation``: the repealed 2546 regulation, or the 2548 regulation
  cited otherwise than as in force on the plan's date (an older amendment
  last, or one not yet in force).
- ``quote``: the text around a place, cut between words, never inside one.

Each text is segmented once and the result shared (``segment``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from ..core import memo
from ..core.domain import REGULATION_AMENDMENTS, amendments_in_force, regulation_citation
from ..core.match import edit_distance, within
from ..core.thai import clusters, dictionary_words, words

MAX_WINDOW = 6  # tokens in a phrase compared with a term
# Shorter words have too many real neighbours one letter away ("พัฒน์" in names, "ลังคา").
MIN_PHRASE = 6
QUOTE = 18  # characters of context on each side of a quoted mistake
NAME_MARKERS = frozenset({"บ้าน", "หมู่บ้าน", "ซอย", "สาย", "นาย", "นาง", "นางสาว", "ตำบล", "อำเภอ", "จังหวัด", "คุ้ม", "ชุมชน"})
THAI = re.compile(r"[\u0e01-\u0e4e]")


@lru_cache(maxsize=1 << 17)  # every text of a large plan: near-miss-term and doubled-word share each cut
def segment(text: str, extra: frozenset[str] = frozenset()) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Tokens of ``text`` (newmm, whitespace kept) and where each starts."""
    tokens = tuple(words(text, extra))
    if not tokens:  # an empty text (a cell of only invisible characters, cleaned away) has no starts either
        return (), ()
    return tokens, tuple(itertools.accumulate((len(t) for t in tokens[:-1]), initial=0))


def quote(text: str, start: int, end: int, extra: frozenset[str] = frozenset()) -> str:
    """The mistake with about ``QUOTE`` characters each side, cut at word ends."""
    tokens, starts = segment(text, extra)
    ends = [s + len(t) for s, t in zip(starts, tokens, strict=True)]
    left = max((s for s in starts if s <= max(0, start - QUOTE)), default=0)
    right = min((e for e in ends if e >= min(len(text), end + QUOTE)), default=len(text))
    return ("…" if left > 0 else "") + text[left:right].strip() + ("…" if right < len(text) else "")


def _term_and_neighbours(window: tuple[str, ...], terms: frozenset[str], known: frozenset[str]) -> bool:
    """True for a whole term with real words around it ("ใน" + "แผนการดำเนินงาน"),
    which is not a misspelling; False for a term with a stray letter ("…ชีลอง" + "ง")."""
    for i in range(len(window)):
        for j in range(i + 1, len(window) + 1):
            if "".join(window[i:j]) in terms:
                rest = window[:i] + window[j:]
                if all(t in known or not THAI.search(t) for t in rest):
                    return True
    return False


@lru_cache(maxsize=16)
def _by_length(terms: frozenset[str]) -> dict[int, tuple[str, ...]]:
    """Built once per glossary, not once per checked text."""
    by_len: dict[int, list[str]] = {}
    for term in sorted(terms):
        by_len.setdefault(len(term), []).append(term)
    return {n: tuple(ts) for n, ts in by_len.items()}


@lru_cache(maxsize=1 << 16)  # a plan repeats its phrases ("ถนนคอนกรีตเสริมเหล็ก", "หมู่บ้าน…") in text after text
def _closest(
    phrase: str, terms: frozenset[str], names_only: bool, strict: frozenset[str] = frozenset()
) -> tuple[int, str] | None:
    candidates = _candidates(terms, max(len(phrase) - 2, MIN_PHRASE), len(phrase) + 2)
    for term, d in within(phrase, candidates, 1 if names_only else 2):
        limit = 1 if names_only else (2 if len(term) >= 15 or (term in strict and len(term) >= 8) else 1)
        if d <= limit and re.sub(r"\d", "", phrase) != re.sub(r"\d", "", term):
            return d, term
    return None


@lru_cache(maxsize=1024)
def _candidates(terms: frozenset[str], shortest: int, longest: int) -> tuple[str, ...]:
    """The terms of these lengths, shortest first, each length in sorted order."""
    by_len = _by_length(terms)
    return tuple(t for n in range(shortest, longest + 1) for t in by_len.get(n, ()))


def near_misses(
    text: str,
    terms: frozenset[str],
    names: frozenset[str] = frozenset(),
    location: bool = False,
    strict: frozenset[str] = frozenset(),
) -> list[tuple[str, str, int, int]]:
    """``_near_misses``, each text's answer kept between runs (see memo.py):
    a draft changes a few lines between two checks."""
    kept = _kept("near-misses", _near_miss_entry, terms, names, strict)
    found = kept.get((text, location))
    if found is None:
        found = kept.put((text, location), tuple(_near_misses(text, terms, names, location, strict)))
    return list(found)


@lru_cache(maxsize=16)
def _kept(name: str, entry: memo.Check, *sets: frozenset[str]) -> memo.Table:
    return memo.table(name, *("\n".join(sorted(s)) for s in sets), entry=entry)


# The shapes of the answers kept (a planted or damaged entry is dropped, see memo.py).
_NEAR_MISS = memo.rows(str, str, int, int)
_DOUBLED = memo.text_to(memo.rows(str, str, int))


def _near_miss_entry(key: object, value: object) -> bool:
    return type(key) is tuple and len(key) == 2 and type(key[0]) is str and type(key[1]) is bool and _NEAR_MISS(value)


_Hit = tuple[int, int, str, str, int, int]  # (distance, phrase length, as typed, term, start, end): sorts best first


@dataclass(frozen=True)
class _Segmented:
    """One text cut into tokens, with what its phrases are compared against."""

    text: str
    tokens: tuple[str, ...]
    starts: tuple[int, ...]
    ends: list[int]
    everything: frozenset[str]  # the terms and the names
    names: frozenset[str]
    name_starts: tuple[str, ...]  # str.startswith over all of them at once (a name itself is never a phrase here)
    strict: frozenset[str]
    known: frozenset[str]


def _near_misses(
    text: str,
    terms: frozenset[str],
    names: frozenset[str],
    location: bool,
    strict: frozenset[str],
) -> list[tuple[str, str, int, int]]:
    """(phrase, term, start, end) for phrases of up to six words that are one
    letter (two for long terms) away from an official term, without overlaps.
    ``names`` are the organisation's villages and places; in a name's place
    (after a name marker, or anywhere with ``location``) only they count.
    ``strict`` terms (loanwords with one accepted spelling) are compared even
    with words the dictionary knows, and long ones two letters away."""
    everything = terms | names
    tokens, starts = segment(text, everything)
    ends = [s + len(t) for s, t in zip(starts, tokens, strict=True)]
    seg = _Segmented(text, tokens, starts, ends, everything, names, tuple(names), strict, dictionary_words())
    found: list[_Hit] = []
    named = False  # a name marker came earlier in this run of text (Thai writes a name without a space)
    for i in range(len(tokens)):
        if i and not tokens[i - 1].strip():
            named = False
        elif i and tokens[i - 1] in NAME_MARKERS:
            named = True
        found += _phrases_from(seg, i, location or named or tokens[i] in NAME_MARKERS)
    return _without_overlaps(found)


def _phrases_from(seg: _Segmented, i: int, in_name: bool) -> list[_Hit]:
    """The near misses among the phrases that start at token ``i``; in a
    name's place (``in_name``) only the organisation's names count."""
    tokens, found = seg.tokens, []
    phrase = ""
    for j in range(i + 1, min(i + MAX_WINDOW, len(tokens)) + 1):
        window = tokens[i:j]
        last = tokens[j - 1]
        if not last.strip() or "ฯ" in last:
            break  # a space, or an abbreviation (ดำเนินงานฯ) ends the phrase
        phrase += last
        if phrase in seg.everything or len(phrase) < MIN_PHRASE:
            continue
        if len(window) == 1 and phrase in seg.known:  # a real word: only a strict term's variant is a slip
            best = _closest(phrase, seg.strict, names_only=False, strict=seg.strict)
            if best:
                found.append((best[0], len(phrase), phrase, best[1], seg.starts[i], seg.starts[i] + len(phrase)))
            continue
        if seg.name_starts and phrase.startswith(seg.name_starts):
            continue  # a village's name at the start of a longer name
        if in_name:
            if window[0] in NAME_MARKERS:
                continue  # "บ้าน…", "ซอย…": a name, checked from its own first word
            best = _closest(phrase, seg.names, names_only=True)
        else:
            best = _closest(phrase, seg.everything, names_only=False, strict=seg.strict)
        if best and not _term_and_neighbours(window, seg.everything, seg.known):
            hit = _as_typed(seg, i, j, phrase, best)
            if hit is not None:
                found.append(hit)
    return found


def _as_typed(seg: _Segmented, i: int, j: int, phrase: str, best: tuple[int, str]) -> _Hit | None:
    """The slip of tokens ``i``–``j`` as the text has it (with a letter the
    tokenizer left after it); None when it is the term itself, cut apart."""
    text, start = seg.text, seg.starts[i]
    distance, term = best
    end = start + len(phrase)
    stray = seg.tokens[j] if j < len(seg.tokens) else ""
    if len(stray) == 1 and THAI.match(stray) and edit_distance(phrase + stray, term, distance) <= distance:
        end += 1  # a letter the tokenizer left alone belongs to the slip ("หนองบัวแด" + "ฃ")
    if len(term) > len(phrase) and text.startswith(term, start):
        # The term itself is there, cut by the tokenizer inside a stray letter
        # ("โครงกา" + "รร…" is "โครงการ" + "ร"): report the word as typed.
        end = next(e for e in seg.ends if e >= start + len(term))
        typed = text[start:end]
        if typed == term or any(typed.startswith(n) for n in seg.names):
            return None  # the term whole, or a village opening a longer name
    return (distance, len(phrase), text[start:end], term, start, end)


def _without_overlaps(found: list[_Hit]) -> list[tuple[str, str, int, int]]:
    """The best of overlapping slips (nearest, then shortest), in text order."""
    taken: list[tuple[int, int]] = []
    out = []
    for _, _, phrase, term, start, end in sorted(found):
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            out.append((phrase, term, start, end))
    return sorted(out, key=lambda x: x[2])


def _tail_repeat(word: str, rest: str, known: frozenset[str]) -> str | None:
    """The tail of ``word`` typed again at the start of ``rest`` ("มาณ" after
    "งบประมาณ"), unless the letters read on as real words."""
    parts = clusters(word)
    for n in range(1, len(parts)):
        tail = "".join(parts[-n:])
        if len(tail) < 2 or not rest.startswith(tail) or word + tail in known:
            continue
        after = re.match(r"[\u0e01-\u0e4e]*", rest[len(tail) :]).group(0)
        if after and (tail in known or any(tail + after[:k] in known for k in range(1, len(after) + 1))):
            # "…กรรมการ" + "การสนับสนุน", "พื้นที่" + "ที่ปกครอง", "…ประชา" + "ชาติ": the letters
            # may go on as words of their own, so only a tail that is no word, or one that
            # ends the phrase ("พัฒนานา "), is a slip.
            continue
        return tail
    return None


def doubled(text: str, extra: frozenset[str] = frozenset()) -> list[tuple[str, str, int]]:
    """``_doubled``, each text's answer kept between runs."""
    kept = _kept("doubled", _DOUBLED, extra)
    found = kept.get(text)
    if found is None:
        found = kept.put(text, tuple(_doubled(text, extra)))
    return list(found)


# Short words that legitimately follow a word ending in them: "พื้นที่ที่…", "บูรณาการการปฏิบัติงาน"
# are Thai as written. Only "ดำเนินการ" takes its verb straight ("ดำเนินการจัดซื้อ"), so "ดำเนินการการ" is a slip.
REPEATS_READ_ON = frozenset(
    {"ที่", "ให้", "ได้", "มา", "ไป", "กัน", "แล้ว", "นี้", "นั้น", "ว่า", "และ", "ของ", "ใน", "จะ", "ก็", "คือ", "เป็น", "ความ", "นา", "การ"}
)
_SLIP_BEFORE = {"การ": ("ดำเนินการ",)}
# An organisation's kind before its name: "เทศบาลเมือง" + "เมืองปัก" is a name, not a slip.
_NAMED_AFTER = ("เทศบาล", "องค์การบริหารส่วน")


def _syllable_again(a: str, b: str) -> bool:
    """``b``, a whole word of its own, repeats the last syllables of ``a``:
    "รายจ่าย" + "จ่าย", "ดำเนินการ" + "การ"."""
    if a == b or len(b) < 2 or not a.endswith(b) or not THAI.match(b) or a.startswith(_NAMED_AFTER):
        return False
    return b not in REPEATS_READ_ON or a.endswith(_SLIP_BEFORE.get(b, ()))


def _doubled(text: str, extra: frozenset[str]) -> list[tuple[str, str, int]]:
    """(typed, corrected, start) for a word typed twice in a row: the same
    word twice, a word followed by a word that starts with it ("แผน" +
    "แผนการ"), or a word followed by its own last syllables ("งบประมาณมาณ").
    The word must be a dictionary word of three letters or more, so "ต่าง ๆ"
    and foreign names ("บาบา") pass. ``extra``: the terms the text is
    segmented with (the same as near_misses', so each text is segmented once)."""
    tokens, starts = segment(text, extra)
    known = dictionary_words()
    out = []
    for k, (a, b) in enumerate(itertools.pairwise(tokens)):
        if len(a) < 3 or (a not in known and a not in extra):
            continue
        if _syllable_again(a, b):
            out.append((a + b, a, starts[k]))
            continue
        if b.startswith(a):
            # "แผน" + "แผนการ…": the word typed again is the longest real word the next token starts with
            word = b if b == a else next((b[:n] for n in range(len(b), len(a), -1) if b[:n] in known), None)
            if word:
                out.append((a + word, word, starts[k]))
                continue
        chunk = text[starts[k] + len(a) :].split(" ", 1)[0]
        tail = _tail_repeat(a, chunk, known)
        if tail:
            out.append((a + tail, a, starts[k]))
    return out


# A word right in itself and wrong where it stands: "หมูที่ 5" is หมู่ที่ (the village number).
_CONTEXT_SLIPS = ((re.compile(r"หมู(?=\s*ที่\s*[0-9๐-๙])"), "หมู่"),)


def context_slips(text: str) -> list[tuple[str, str, int, int]]:
    """(typed, corrected, start, end) of words that are only wrong in their context."""
    out = []
    for pattern, right in _CONTEXT_SLIPS:
        for m in pattern.finditer(text):
            out.append((m.group(0), right, m.start(), m.end()))
    return out


OLD_REGULATION = re.compile(r"ว่าด้วยการจัดทำและประสานแผน")
CURRENT_CITATION = regulation_citation(None)


def _cited(flat: str, loose: bool) -> list[tuple[int, re.Match[str]]]:
    """The amendments of the 2548 regulation a text cites, as (ฉบับที่ N, where):
    "(ฉบับที่ 2) พ.ศ. 2559"; ``loose`` also "แก้ไขเพิ่มเติม พ.ศ. 2559" without its number."""
    out = []
    for number, year, _ in REGULATION_AMENDMENTS:
        pattern = rf"ฉบับที่\s?{number}\)?\s*พ\.\s?ศ\.\s?{year}"
        if loose:
            pattern += rf"|(?:เพิ่มเติม|แก้ไข)[^0-9]{{0,20}}พ\.\s?ศ\.\s?{year}"
        m = re.search(pattern, flat)
        if m:
            out.append((number, m))
    return out


def old_regulation(text: str, on: dt.date | None = None) -> list[tuple[str, str, int, int]]:
    """(kind, phrase, start, end): "repealed" for the 2546 regulation's name
    (ว่าด้วยการจัดทำและประสานแผนพัฒนา…); "amendment" for the 2548 regulation
    cited only up to an amendment older than the last in force on ``on`` (the
    plan's date; unknown: the latest); "later" for one not yet in force then."""
    flat = re.sub(r"\s+", " ", text)
    out = []
    m = OLD_REGULATION.search(flat)
    if m:
        out.append(("repealed", m.group(0), m.start(), m.end()))
    if out or not re.search(r"พ\.\s?ศ\.\s?2548", flat):
        return out
    due_no = max((number for number, _, _ in amendments_in_force(on)), default=1)
    later = [(n, m) for n, m in _cited(flat, loose=False) if n > due_no]
    if later:
        m = later[-1][1]
        return [("later", m.group(0), m.start(), m.end())]
    cited = _cited(flat, loose=True)
    if cited and max(n for n, _ in cited) < due_no:
        m = cited[-1][1]
        out.append(("amendment", m.group(0), m.start(), m.end()))
    return out
