"""Thai and Arabic digits, the matching key of a name, and budget amounts
(``Decimal``, satang kept exactly; baht in words)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .. import memo

_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")


def arabic_digits(text: str) -> str:
    """๑๒๓ → 123."""
    return text.translate(_digit_tables()[0]) if _THAI_DIGIT.search(text) else text


def is_number_label(text: str) -> bool:
    """A bare sequence number as typed: "1", "๑.", "12"."""
    return bool(re.fullmatch(r"\d+\.?", arabic_digits(text.strip())))


def starts_numbered(text: str) -> bool:
    """Text that opens with a number and ". " or ") " ("1. …", "๒) …")."""
    return bool(re.match(r"^\d+[.)]\s", arabic_digits(text)))


def thai_digits(text: str) -> str:
    """123 → ๑๒๓ (for documents that use Thai digits in running text)."""
    return text.translate(_digit_tables()[1])


def pythainlp_entry(key: object, value: object) -> bool:
    """pythainlp's digits (two strings of ten) and month names (two tuples of twelve)."""
    if type(value) is not tuple or len(value) != 2:
        return False
    if key == "digits":
        return all(type(v) is str and len(v) == 10 for v in value)
    return key == "names" and all(memo.texts(v) and len(v) == 12 for v in value)


@lru_cache(maxsize=1)
def _digit_tables() -> tuple[dict[int, int], dict[int, int]]:
    """pythainlp's digit conversions as translation tables, its answer kept in
    the cache: a conversion per text is then a str.translate, with no import."""
    kept = memo.table("pythainlp", entry=pythainlp_entry)
    if "digits" not in kept:
        from pythainlp.util import arabic_digit_to_thai_digit, thai_digit_to_arabic_digit

        kept.put("digits", (thai_digit_to_arabic_digit("๐๑๒๓๔๕๖๗๘๙"), arabic_digit_to_thai_digit("0123456789")))
    arabic, thai = kept["digits"]
    return str.maketrans("๐๑๒๓๔๕๖๗๘๙", arabic), str.maketrans("0123456789", thai)


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """A matching key of normalised text: Arabic digits, no spaces, dots,
    brackets, slashes or dashes, lower case. Used to compare names and labels."""
    text = arabic_digits(text).lower()
    return re.sub(r"[\s.\-–—()\[\]/\\:,\"'“”‘’*]+", "", text)


# ---------------------------------------------------------------- amounts

_NO_BUDGET = {"", "-", "–", "—", "ไม่ใช้งบประมาณ", "ไม่ใช้งบ", "ไม่มีงบประมาณ"}
_NO_BUDGET_KEYS = frozenset(map(key, _NO_BUDGET))
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")


@dataclass(frozen=True)
class Amount:
    """A parsed budget cell. ``ok`` is False when the text is not an amount."""

    value: Decimal | None
    no_budget: bool = False
    ok: bool = True
    note: str = ""
    intended: str = ""  # for an amount whose separators or letters change its value: what it most likely meant


_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})


def _intended(text: str) -> str:
    """ "120.000" → "120,000.00", "12,00,000" → "1,200,000.00", "1,2O0" →
    "1,200.00": dots and commas as thousands separators, except a last group
    of one or two digits after a dot (satang); letters O and l as digits."""
    t = text.translate(_LOOKALIKES)
    if not re.fullmatch(r"\d[\d.,]*", t):
        return ""
    parts, seps = re.split(r"[.,]", t), re.findall(r"[.,]", t)
    satang = parts.pop() if seps and seps[-1] == "." and len(parts[-1]) in (1, 2) else ""
    whole = "".join(parts)
    if not whole.isdigit() or len(whole) > 15 or any(len(g) not in (2, 3) for g in parts[1:]):
        return ""
    return f"{Decimal(whole + ('.' + satang if satang else '')):,.2f}"


def parse_amount(raw: str) -> Amount:
    """Read an amount the ways drafts write it: "1,250,000", "1,250,000.00",
    "๑,๒๕๐,๐๐๐", "1250000 บาท", "1,250,000.-"; "-" or "ไม่ใช้งบประมาณ" means
    no budget. A trailing "(…)" is returned as ``note`` (often the funder)."""
    text = arabic_digits(raw or "").strip()
    note = ""
    m = re.search(r"\(([^()]*)\)\s*$", text)
    if m and re.search(r"\d", text[: m.start()]):
        note, text = m.group(1).strip(), text[: m.start()]
    text = re.sub(r"\s*บาท\s*$", "", text.strip()).strip()
    text = re.sub(r"\.-$", "", text).replace(" ", "")
    if text in _NO_BUDGET or key(text) in _NO_BUDGET_KEYS:
        return Amount(Decimal("0.00"), no_budget=True, note=note)
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    elif text[:1] in "-−–":
        negative, text = True, text[1:]
    m = _NUMBER.match(text)
    # Three or more digits after the dot: "120.000" is 120,000 typed with a dot, not 120 baht.
    if not m or len(m.group(2) or m.group(3) or ".") > 3:
        return Amount(None, ok=False, note=note, intended=_intended(text))
    try:
        value = Decimal(text.replace(",", ""))
        value = value.quantize(Decimal("0.01")) if value == value.quantize(Decimal("0.01")) else value
    except InvalidOperation:  # beyond Decimal's precision (29 digits and more)
        return Amount(None, ok=False, note=note)
    return Amount(-value if negative else value, note=note)


def format_amount(value: Decimal | None, digits: bool = False) -> str:
    """1250000 → "1,250,000.00" (Thai digits on request)."""
    if value is None:
        return ""
    text = f"{value:,.2f}"
    return thai_digits(text) if digits else text


def baht_text(value: Decimal) -> str:
    """26808500 → "ยี่สิบหกล้านแปดแสนแปดพันห้าร้อยบาทถ้วน"."""
    from pythainlp.util import bahttext

    return bahttext(float(value)) if value else "ศูนย์บาทถ้วน"
