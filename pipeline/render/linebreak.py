"""Where a line of Thai may end, marked in the text for Word and LibreOffice.

Thai has no spaces between words, so both programs guess line breaks with a
dictionary of their own. LibreOffice (ICU's Thai dictionary) breaks names it
does not know inside a syllable ("หน|องฉิม", "กองสา|ธารณสุขฯ") and words it
splits differently ("งบ|ประมาณ"). The text is therefore marked with the
segmenter the checks use (pythainlp newmm, the organisation's own names and the
official terms as a custom dictionary):

- ZERO WIDTH SPACE (U+200B) between two words: a break allowed there;
- WORD JOINER (U+2060) between the letters inside a word or name:
  no break there. Measured on LibreOffice 7.4's PDFs: with the joiners its
  lines end only at spaces and at the marked word boundaries; without them
  it breaks where its own dictionary cuts. Every word is joined, in table
  cells and in full-width paragraphs (set ragged-right, so a whole word
  never letter-spaces a line); names are kept whole everywhere, official
  terms in cells and, up to TERM_EM wide, in full-width paragraphs.

A joined word wider than its table cell would make LibreOffice break it after
its first letter, so a word is joined only when it fits the cell (widths of
TH Sarabun's metric twin, Laksaman, with a margin); a name too wide falls
back to its words and a word too wide to its syllables, with a break allowed
between them — never inside a syllable. Both marks are invisible, take no
width, and are not copied into the PDF's text by LibreOffice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..core.thai import dictionary_words, words

ZWSP = "\u200b"
WJ = "\u2060"
MARKS = ZWSP + WJ
WIDTHS = Path(__file__).resolve().parents[1] / "data" / "font_widths.json"
TERM_EM = 5.0  # the widest official term kept whole in a full-width line, in em
SAFETY = 1.03  # Word's TH Sarabun New and LibreOffice's Laksaman differ a little; kerning, bold
_THAI = re.compile("[\u0e01-\u0e4e]")
_SPACES = re.compile(r"(\s+)")
# An abbreviation ("อบต.", "ศพด.", "ต.", "พ.ศ.", "รพ.สต.") is one word, whatever the segmenter cuts.
_ABBREVIATION = re.compile(r"(?<![\u0e01-\u0e4e])((?:[\u0e01-\u0e2e]{1,4}\.)+)")
_MARKS = "\u0e31\u0e33-\u0e3a\u0e47-\u0e4e"
_LETTER = re.compile(f"[^{_MARKS}][{_MARKS}]*|[{_MARKS}]+", re.S)  # a letter and its marks (or marks alone)
_STARTS = re.compile("[\u0e01-\u0e2e\u0e40-\u0e44]")  # a consonant or a leading vowel opens a syllable
# What never begins a line: ฯ and ๆ, a following vowel or mark, closing punctuation.
_TAIL = re.compile(f"[ฯๆ\u0e30\u0e32\u0e45{_MARKS}).,:;!?%\\]}}]")


@lru_cache(maxsize=1)
def _widths() -> dict[str, dict[str, int]]:
    return json.loads(WIDTHS.read_text(encoding="utf-8"))


def width(text: str, size: float, bold: bool = False) -> float:
    """Printed width of ``text`` in points at ``size`` points (1/1000 em per
    character from the table; 600 for a character the table lacks)."""
    table = _widths()["bold" if bold else "regular"]
    return sum(table.get(c, 0 if c in MARKS else 600) for c in text) * size / 1000


def _joinable(left: str, right: str) -> bool:
    """A word boundary where a break may be offered: Thai letter on both sides."""
    if not (left and right and _THAI.match(left[-1]) and _STARTS.match(right[0])):
        return False
    return right[1:2] != "\u0e4c"  # a silent letter ("ย์" of อาทิตย์) ends the syllable before it


@lru_cache(maxsize=1)
def _syllable_trie() -> Any:  # pythainlp's Trie
    """pythainlp's syllable dictionary, built once (its syllable_tokenize
    builds it again on every call: a second each)."""
    from pythainlp.corpus import thai_syllables
    from pythainlp.util import dict_trie

    return dict_trie(thai_syllables())


@lru_cache(maxsize=65536)
def _syllables(word: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(word, custom_dict=_syllable_trie(), engine="newmm")) or (word,)


def _attach(tokens: list[str]) -> list[str]:
    """Each token that cannot begin a line ("ฯ" of "สาธารณสุขฯ", ")") joined to
    the one before it, so a width is measured on what must stay on one line:
    "สาธารณสุข" fitted a cell that "สาธารณสุขฯ" did not, and LibreOffice broke
    the whole after its first letter ("ส|าธารณสุขฯ")."""
    out: list[str] = []
    for token in tokens:
        if out and token and _TAIL.match(token):
            out[-1] += token
        else:
            out.append(token)
    return out


def _joined(word: str) -> str:
    """A word with a joiner between its letters — never before a mark or ำ,
    which would print on a dotted circle of its own. Letter by letter, not by
    letter cluster: LibreOffice broke "อาทิต|ย์" inside the cluster "ทิตย์"."""
    if not _THAI.search(word):
        return word
    return WJ.join(_LETTER.findall(word))


class Breaker:
    """Marks text for one document: ``names`` (the organisation's, its places,
    divisions and people) and official terms are kept whole where they fit."""

    def __init__(self, names: Iterable[str] = (), terms: Iterable[str] = ()) -> None:
        self.names = _words_only(names)
        # Official terms are kept whole in table cells, where they broke ("กองสา|ธารณสุขฯ"); in a
        # justified paragraph a long unbreakable term would leave the line before it letter-spaced.
        self.in_cells = self.names | _words_only(terms)
        # In full-width paragraphs the terms up to 5 em ("ดำเนินงาน", "งบประมาณ") are kept whole
        # too; longer ones ("ประจำปีงบประมาณ", 8 em) left lines short: the บทนำ a page longer.
        self.in_lines = self.names | frozenset(t for t in self.in_cells - self.names if width(t, 1) <= TERM_EM)
        self._done: dict[tuple[str, float | None, float, bool], str] = {}
        self._runs: dict[tuple[str, float | None, float, bool], str] = {}

    def mark(self, text: str, room: float | None = None, size: float = 16, bold: bool = False) -> str:
        """``text`` with its break marks; ``room`` the width in points the
        text has (a table cell's), None for a full-width paragraph."""
        if not self.marks(text):
            return text
        key = (text, room, size, bold)
        done = self._done.get(key)
        if done is None:
            limit = None if room is None else room / SAFETY
            done = "".join(
                self._run_once(part, limit, size, bold) if part and not part.isspace() else part for part in _SPACES.split(text)
            )
            self._done[key] = done
        return done

    def marks(self, text: str) -> bool:
        """Whether ``mark`` can change ``text``: a caller skips measuring the rest."""
        return _THAI.search(text) is not None

    def _run_once(self, run: str, limit: float | None, size: float, bold: bool) -> str:
        """``_run`` remembered: texts differ but share their runs between spaces
        ("ระยะที่", a place, a division), and a plan has thousands of texts."""
        key = (run, limit, size, bold)
        done = self._runs.get(key)
        if done is None:
            done = self._runs[key] = self._run(run, limit, size, bold)
        return done

    def _run(self, run: str, limit: float | None, size: float, bold: bool) -> str:
        if not _THAI.search(run):
            return run
        tokens = _tokens(run, self.in_lines if limit is None else self.in_cells)
        return _glue(tokens, [self._word(t, limit, size, bold) for t in tokens], limit, size, bold)

    def widest(self, text: str, size: float, bold: bool = False) -> float:
        """Points the widest word of ``text`` needs — the least a cell must
        give it so no word breaks (a name counts by its words: it may break
        between them)."""
        most = 0.0
        for run in text.split():
            for token in _tokens(run, self.in_cells):  # the words ``mark`` would keep whole in a cell
                if token in self.names:
                    inner = _attach(words(token, self.in_cells - {token}))
                    most = max(most, *(width(w, size, bold) for w in inner))
                else:
                    most = max(most, width(token, size, bold))
        return most * SAFETY

    def _word(self, word: str, limit: float | None, size: float, bold: bool) -> str:
        if limit is None:
            # A full-width paragraph (set ragged, not justified): each word kept whole, as in cells;
            # a break is offered between words only. LibreOffice broke "งบ|ประมาณ", "หน่วย|งาน".
            return _joined(word)
        if not _THAI.search(word) or width(word, size, bold) <= limit:
            return _joined(word)
        # Too wide for its cell: it breaks between the names and words in it, else between syllables.
        parts = _attach(words(word, self.in_cells - {word}))
        if len(parts) < 2:
            parts = _attach(_compound(word, self.in_cells))
        if len(parts) > 1:
            return _glue(parts, [self._word(p, limit, size, bold) for p in parts], limit, size, bold)
        parts = _attach(list(_syllables(word)))
        return _glue(parts, [_joined(p) for p in parts], limit, size, bold)


def _tokens(run: str, known: frozenset[str]) -> list[str]:
    """A run between spaces as the words a line may break between: its
    abbreviations whole, ``known`` words (names, terms) whole, and what cannot
    begin a line joined to the word before it."""
    tokens: list[str] = []
    for i, piece in enumerate(_ABBREVIATION.split(run)):
        if i % 2:
            tokens.append(piece)
        elif piece:
            tokens.extend(_prefer_known(_agreed(words(piece, known), words(piece), known), known))
    return _attach(tokens)


def _words_only(names: Iterable[str]) -> frozenset[str]:
    return frozenset(n for n in names if n and _THAI.search(n) and not any(c.isspace() for c in n))


def _agreed(custom: list[str], plain: list[str], names: frozenset[str]) -> list[str]:
    """Tokens cut only where the segmentation with the names and the plain one
    agree: a name stays whole, and a term in the names does not pull a common
    word apart ("โครง|การเลือกตั้ง" beside "โครงการ|เลือกตั้ง")."""
    cuts, pos = set(), 0
    for token in plain:
        pos += len(token)
        cuts.add(pos)
    out, start, pos = [], 0, 0
    text = "".join(custom)
    for token, after in zip(custom, [*custom[1:], ""], strict=True):
        pos += len(token)
        if pos in cuts or not after or token in names or after in names:
            out.append(text[start:pos])
            start = pos
    return out


def _prefer_known(tokens: list[str], known: frozenset[str]) -> list[str]:
    """Where the segmenter's tie went the wrong way — "ดำเนิน|การตาม",
    "โครง|การพัฒนา" for "ดำเนินการ|ตาม", "โครงการ|พัฒนา" — the cut moved so
    the official term (or name) before it is whole and what is left is a word."""
    if len(tokens) < 2:
        return tokens
    dictionary = dictionary_words()
    out = list(tokens)
    for i in range(len(out) - 1):
        left, right = out[i], out[i + 1]
        if left in known:
            continue
        for k in range(1, len(right)):
            if left + right[:k] in known and (right[k:] in dictionary or right[k:] in known):
                out[i], out[i + 1] = left + right[:k], right[k:]
                break
    return out


def _compound(word: str, names: frozenset[str]) -> list[str]:
    """A dictionary word made of words ("องค์การบริหารส่วนตำบล" → องค์การ,
    บริหาร, ส่วน, ตำบล): its syllables grouped into the fewest known words
    other than itself; [word] when they do not all group."""
    known = dictionary_words()
    syl = _syllables(word)
    best: list[list[str] | None] = [[]] + [None] * len(syl)
    for end in range(1, len(syl) + 1):
        for start in range(end):
            piece = "".join(syl[start:end])
            prior = best[start]
            current = best[end]
            known_piece = piece != word and (piece in known or piece in names)
            if prior is not None and known_piece and (current is None or len(prior) + 1 < len(current)):
                best[end] = [*prior, piece]
    return best[-1] or [word]


# An amount in words ("ยี่สิบหกล้านแปดแสนแปดพันห้าร้อยบาทถ้วน") breaks only after a magnitude or
# before its satang: "ยี่|สิบ" and "บาท|ถ้วน" read as broken numbers.
_NUMERALS = re.compile("(?:ยี่สิบ|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่|เอ็ด|ร้อย|พัน|หมื่น|แสน|ล้าน|บาท|ถ้วน|สตางค์)+")
_MAGNITUDES = ("ล้าน", "แสน", "หมื่น", "พัน")


def _in_amount(before: str, token: str) -> bool:
    """Whether a break between these two tokens would fall inside an amount in words."""
    before, token = before.lstrip("(["), token.rstrip(")].,")
    if not (_NUMERALS.fullmatch(before) and _NUMERALS.fullmatch(token)):
        return False
    return not (before.endswith(_MAGNITUDES) or (before.endswith("บาท") and not token.startswith("ถ้วน")))


def _glue(tokens: list[str], marked: list[str], limit: float | None, size: float, bold: bool) -> str:
    """Marked tokens put back together: a break offered between two words;
    and where tokens the programs keep together ("อบต." + "หนองฉิม") would
    grow wider than the cell, a break offered before the one that overflows."""
    if not marked:
        return ""
    out, chain = [marked[0]], width(tokens[0], size, bold)
    for before, token, text in zip(tokens, tokens[1:], marked[1:], strict=False):
        wide = width(token, size, bold)
        split = (_joinable(before, token) and not _in_amount(before, token)) or (
            limit is not None and chain + wide > limit and before[-1] not in "(" and _STARTS.match(token[0]) is not None
        )
        glued = WJ if _THAI.match(before[-1]) and _THAI.match(token[0]) else ""  # "อาทิต" + "ย์": no break either
        out.append((ZWSP if split else glued) + text)
        chain = wide if split else chain + wide
    return "".join(out)


def plain(text: str) -> str:
    """The text without its break marks (what a reader searches for)."""
    return text.replace(ZWSP, "").replace(WJ, "")
