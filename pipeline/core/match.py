"""Tolerant name matching and "did you mean" suggestions (the rapidfuzz module),
and the one answer to "is this the same project?" that the ordinance and
development-plan checks, the division forms, the follow-up and the revision
all give: the same ``project_key``, else names at least ``MATCH`` alike."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .thai import key as default_key


def closest(
    name: str,
    choices: Iterable[str],
    key: Callable[[str], str] = default_key,
    cutoff: float = 60,
) -> tuple[str, float] | None:
    """The known name most like ``name`` (compared by ``key``) and its score 0–100."""
    options = list(dict.fromkeys(c for c in choices if c))
    if not name or not options:
        return None
    keys = [key(c) for c in options]
    hit = process.extractOne(key(name), keys, scorer=fuzz.ratio, score_cutoff=cutoff)
    if hit is None:
        return None
    _, score, index = hit
    return options[index], float(score)


def similar(a: str, b: str, key: Callable[[str], str] = default_key) -> float:
    """Similarity 0–100 of two names, ignoring word order and spacing."""
    return float(fuzz.token_sort_ratio(key(a), key(b)))


def did_you_mean(name: str, choices: Iterable[str], key: Callable[[str], str] = default_key) -> str:
    """ "หมายถึง "…" ใช่หรือไม่" or "" when nothing is close."""
    hit = closest(name, choices, key)
    return f'หมายถึง "{hit[0]}" ใช่หรือไม่' if hit else ""


def edit_distance(a: str, b: str, cutoff: int) -> int:
    """Levenshtein distance, or cutoff + 1 when it is larger than ``cutoff``."""
    return Levenshtein.distance(a, b, score_cutoff=cutoff)


class NameIndex:
    """Names keyed once, for many look-ups: an exact key through a dict, else
    the most similar key (rapidfuzz over the precomputed keys) — instead of
    recomputing every candidate's key for every name looked up."""

    def __init__(self, names: Iterable[str], key: Callable[[str], str] = default_key) -> None:
        self.names = list(names)
        self.key = key
        self.keys = [key(n) for n in self.names]
        self.exact: dict[str, int] = {}
        for i, k in enumerate(self.keys):
            self.exact.setdefault(k, i)

    def find(self, name: str, cutoff: float) -> tuple[int, float] | None:
        """(position, score 0–100) of the known name that is the same as
        ``name`` or most like it at ``cutoff`` or above, else None."""
        k = self.key(name)
        if k in self.exact:
            return self.exact[k], 100.0
        if not k or not self.keys:
            return None
        hit = process.extractOne(k, self.keys, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
        return None if hit is None else (hit[2], float(hit[1]))


MATCH = 90  # similarity (0–100) from which two project names are the same project


_LIST_PREFIXES = tuple(default_key(w) for w in ("ค่าใช้จ่าย", "โครงการ", "สนับสนุน"))


def project_key(name: str) -> str:
    """A project's name as compared, without the words lists put in front of it:
    "โครงการก่อสร้างถนน…" = "ก่อสร้างถนน…" = "ค่าใช้จ่ายโครงการก่อสร้างถนน…", and
    "โครงการสนับสนุนเบี้ยยังชีพผู้สูงอายุ" = the ordinance's "เบี้ยยังชีพผู้สูงอายุ"."""
    k = default_key(name)
    while k.startswith(_LIST_PREFIXES):
        k = k.removeprefix(next(p for p in _LIST_PREFIXES if k.startswith(p)))
    return k


class ProjectIndex(NameIndex):
    """Project names keyed by ``project_key``, asked which of them a name is."""

    def __init__(self, names: Iterable[str]) -> None:
        super().__init__(names, project_key)

    def same(self, name: str) -> tuple[int, float] | None:
        """(position, score 0–100) of the known project ``name`` is the same
        project as (the same key, else the most similar at ``MATCH`` or above), else None."""
        return self.find(name, MATCH)


def same_project(a: str, b: str) -> bool:
    """Whether two names are one project, as every matcher of projects decides it."""
    return ProjectIndex([b]).same(a) is not None


def within(word: str, candidates: tuple[str, ...], cutoff: int) -> list[tuple[str, int]]:
    """(candidate, edit distance) of every candidate at most ``cutoff`` edits
    from ``word``, nearest first, in the candidates' order among equals — in
    rapidfuzz's C loop rather than one Python call per candidate."""
    found = process.extract(word, candidates, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=None)
    return [(c, int(d)) for c, d, _ in sorted(found, key=lambda hit: (hit[1], hit[2]))]
