"""Character-level repair and the typing mistakes it repairs: pythainlp's
normaliser, zero-width and odd spaces, control characters, runs of spaces."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import memo

# Characters Word users paste in that look like spaces but are not.
_SPACES = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u3000": " ", "\t": " "}
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BE_NO_SPACE = re.compile(r"พ\.\s?ศ\.(?=[0-9๐-๙])")


@lru_cache(maxsize=65536)  # in this run; the table below keeps them for the next
def clean(text: str) -> str:
    """Character-level repair that never changes meaning: pythainlp's normaliser
    (เเ → แ, decomposed sara am, doubled tone marks), zero-width and odd spaces,
    control characters that are illegal in XML, and runs of spaces."""
    if not text:
        return ""
    kept = _cleaned()
    done = kept.get(text)
    if done is None:
        done = kept.put(text, _fixed_point(text))
    return done


@lru_cache(maxsize=1)
def _cleaned() -> memo.Table:
    return memo.table("clean", entry=memo.text_to(lambda v: type(v) is str))


def _fixed_point(text: str) -> str:
    # pythainlp's normaliser is not idempotent on its own ("ะ ะ่" → "ะ ะ" → "ะ"):
    # repeat to a fixed point so cleaning twice never changes the text again.
    for _ in range(4):
        new = _clean_once(text)
        if new == text:
            break
        text = new
    return text


def _clean_once(text: str) -> str:
    text = _CONTROL.sub("", text).translate(_ZERO_WIDTH)
    for bad, good in _SPACES.items():
        text = text.replace(bad, good)
    text = unicodedata.normalize("NFC", text)
    if _has_thai(text):
        from pythainlp.util import normalize

        text = normalize(text)
    text = _BE_NO_SPACE.sub("พ.ศ. ", text)
    return re.sub(r" {2,}", " ", text).strip()


def _has_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


_TONE = "\u0e48\u0e49\u0e4a\u0e4b"
_ABOVE_BELOW = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a"
# What each mistake looks like; clean() is what repairs them all.
TYPING_CHECKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("เเ (สระเอสองตัว) แทน แ", re.compile("\u0e40\u0e40")),
    ("ํ + า (สระอำแยกสองตัว) แทน ำ", re.compile("\u0e4d\u0e32")),
    ("วรรณยุกต์/สระซ้ำ", re.compile(f"([{_TONE}{_ABOVE_BELOW}\u0e47\u0e4c])\\1+")),
    ("วรรณยุกต์อยู่ก่อนสระบน/ล่าง", re.compile(f"[{_TONE}][{_ABOVE_BELOW}]")),
    ("อักขระความกว้างศูนย์ (zero-width)", re.compile("[\u200b\u200c\u200d\u2060\ufeff]")),
    ("ช่องว่างพิเศษ (non-breaking space)", re.compile("[\u00a0\u2007\u202f]")),
    ("ไม่มีช่องว่างหลัง พ.ศ.", _BE_NO_SPACE),
)


# Words that Thai typesetting joins to the number after them with a
# non-breaking space ("พ.ศ. 2564", "หมู่ที่ 1"): there it is intended, not a slip.
JOINED_BEFORE_NUMBER = ("พ.ศ.", "ค.ศ.", "หมู่ที่", "ม.", "ข้อ", "ฉบับที่", "ครั้งที่", "วันที่", "ที่", "หมวด", "ชั้น")
_JOIN_NBSP = re.compile("(" + "|".join(re.escape(w) for w in JOINED_BEFORE_NUMBER) + ")\u00a0(?=[0-9๐-๙])")


def typing_problems(text: str) -> list[tuple[str, str, str]]:
    """Character-level mistakes in ``text``: (kind, original snippet, fixed snippet).
    The snippet is the word around the mistake, so a person can find it."""
    out = []
    joined = {m.end(1) for m in _JOIN_NBSP.finditer(text)}
    for kind, pattern in TYPING_CHECKS:
        for m in pattern.finditer(text):
            if m.start() in joined and text[m.start()] == "\u00a0":
                continue
            start = max(text.rfind(" ", 0, m.start()) + 1, m.start() - 12)
            end_space = text.find(" ", m.end())
            end = min(end_space if end_space != -1 else len(text), m.end() + 12)
            snippet = text[start:end]
            fixed = clean(snippet)
            out.append((kind, snippet, fixed))
    return out
