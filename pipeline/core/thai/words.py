"""Thai word segmentation (pythainlp newmm over the plan's own terms), its
dictionary, and character clusters."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import memo


class _Dictionary:
    """pythainlp's word list (and the terms of the plan being checked) in the
    form newmm looks words up in — ``prefixes(text, start)``, the one method it
    calls on a dictionary trie — over a plain set: ready at once, where
    building pythainlp's Trie of 62,000 words takes half a second per set of
    terms."""

    def __init__(self, extra: frozenset[str]) -> None:
        base, lengths = _index()
        self.words = base | extra
        merged: dict[str, set[int]] = {}
        for w in extra:
            merged.setdefault(w[:2], set(lengths.get(w[:2], ()))).add(len(w))
        self.lengths = lengths | {k: tuple(sorted(v)) for k, v in merged.items()}

    def __bool__(self) -> bool:
        return bool(self.words)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        room = len(text) - start
        if room <= 0:
            return []
        found = [text[start]] if text[start] in self.words else []
        for n in self.lengths.get(text[start : start + 2], ()):
            if n > room:
                break
            if n > 1 and text[start : start + n] in self.words:
                found.append(text[start : start + n])
        return found


def _dictionary_entry(key: object, value: object) -> bool:
    if key == "words":
        return type(value) is str
    return (
        key == "lengths"
        and type(value) is dict
        and all(type(k) is str and type(v) is tuple and all(type(n) is int for n in v) for k, v in value.items())
    )


@lru_cache(maxsize=1)
def _index() -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    """pythainlp's words and, by their first two letters, the lengths words
    have: newmm asks at every position, and only these lengths can be words
    there (a few, not up to 40). Kept in the cache as one string (marshal
    writes and reads a string in milliseconds, a set of 62,000 in a tenth of
    a second): reading it back takes a fifth of the time of building it."""
    kept = memo.table("dictionary", entry=_dictionary_entry)
    if "words" in kept:
        return frozenset(kept["words"].split("\n")), kept["lengths"]
    from pythainlp.corpus import thai_words

    words = frozenset(thai_words())
    by_start: dict[str, set[int]] = {}
    for w in words:
        by_start.setdefault(w[:2], set()).add(len(w))
    lengths = {k: tuple(sorted(v)) for k, v in by_start.items()}
    kept.put("words", "\n".join(words))
    kept.put("lengths", lengths)
    return words, lengths


@lru_cache(maxsize=8)
def _dictionary(extra: frozenset[str]) -> _Dictionary:
    return _Dictionary(extra)


def dictionary_words() -> frozenset[str]:
    return _index()[0]


def warm() -> None:
    """Load what segmenting and cleaning a new text needs — pythainlp's
    tokenizer and normaliser, the dictionary — before a process pool forks,
    so the workers start with them instead of each importing its own."""
    import pythainlp.tokenize
    import pythainlp.util  # noqa: F401

    _dictionary(frozenset())


_SPACE_RUNS = re.compile(r"(\s+)")


def words(text: str, extra: frozenset[str] = frozenset()) -> list[str]:
    """Thai word segmentation (pythainlp newmm), whitespace kept as tokens;
    ``extra`` words (official terms) are added to the dictionary. newmm never
    joins across whitespace, so each run between spaces is cut on its own and
    remembered, in this run and the next ones: plans repeat them ("หมู่ที่",
    "บ้านหนองฉิม", "กองช่าง") and a draft changes a few lines between runs."""
    cuts = _cuts(extra)
    out: list[str] = []
    for part in _SPACE_RUNS.split(text):
        if part:
            cut = cuts.get(part)
            if cut is None:
                cut = cuts.put(part, _newmm(part, extra))
            out.extend(cut)
    return out


@lru_cache(maxsize=8)
def _cuts(extra: frozenset[str]) -> memo.Table:
    return memo.table("newmm", "\n".join(sorted(extra)), entry=memo.text_to(memo.texts))


def _newmm(part: str, extra: frozenset[str]) -> tuple[str, ...]:
    if part.isascii() and part.isdigit():
        return (part,)  # a number ("2564", "1234"): one token, as newmm's own pattern for numbers makes it
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(part, custom_dict=_dictionary(extra), engine="newmm", keep_whitespace=True))


def clusters(word: str) -> tuple[str, ...]:
    """Thai character clusters (pythainlp TCC): the smallest pieces a word can
    be cut into without splitting a letter from its vowel or tone mark."""
    kept = _clusters()
    cut = kept.get(word)
    if cut is None:
        from pythainlp.tokenize import subword_tokenize

        cut = kept.put(word, tuple(subword_tokenize(word, engine="tcc")))
    return cut


@lru_cache(maxsize=1)
def _clusters() -> memo.Table:
    return memo.table("tcc", entry=memo.text_to(memo.texts))
