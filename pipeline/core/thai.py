"""Thai text: normalisation, digits, amounts, Buddhist-era dates, fiscal months.

The one module that talks to pythainlp. Everything else asks here. Amounts are
``Decimal`` (satang kept exactly); dates are ``datetime.date`` (Gregorian
inside, Buddhist era on paper); months are fiscal indexes 1 = ต.ค. … 12 = ก.ย.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from . import memo

# pythainlp is imported where it is first needed, not here: importing it takes
# a tenth of a second, and a check whose texts were all seen before (their
# cleaning and cuts are in the cache, see memo.py) needs none of it.

BE_OFFSET = 543

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


@lru_cache(maxsize=1)
def _digit_tables() -> tuple[dict[int, int], dict[int, int]]:
    """pythainlp's digit conversions as translation tables, its answer kept in
    the cache: a conversion per text is then a str.translate, with no import."""
    kept = memo.table("pythainlp", entry=_pythainlp_entry)
    if "digits" not in kept:
        from pythainlp.util import arabic_digit_to_thai_digit, thai_digit_to_arabic_digit

        kept.put("digits", (thai_digit_to_arabic_digit("๐๑๒๓๔๕๖๗๘๙"), arabic_digit_to_thai_digit("0123456789")))
    arabic, thai = kept["digits"]
    return str.maketrans("๐๑๒๓๔๕๖๗๘๙", arabic), str.maketrans("0123456789", thai)


def _pythainlp_entry(key: object, value: object) -> bool:
    """pythainlp's digits (two strings of ten) and month names (two tuples of twelve)."""
    if type(value) is not tuple or len(value) != 2:
        return False
    if key == "digits":
        return all(type(v) is str and len(v) == 10 for v in value)
    return key == "names" and all(memo.texts(v) and len(v) == 12 for v in value)


def _dictionary_entry(key: object, value: object) -> bool:
    if key == "words":
        return type(value) is str
    return (
        key == "lengths"
        and type(value) is dict
        and all(type(k) is str and type(v) is tuple and all(type(n) is int for n in v) for k, v in value.items())
    )


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


# ---------------------------------------------------------------- months


def full_months() -> tuple[str, ...]:
    """มกราคม … ธันวาคม (calendar order, ม.ค. first)."""
    return _month_names()[0]


def abbr_months() -> tuple[str, ...]:
    """ม.ค. … ธ.ค. (calendar order)."""
    return _month_names()[1]


@lru_cache(maxsize=1)
def _month_names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    kept = memo.table("pythainlp", entry=_pythainlp_entry)  # its lists, cached so a run need not import it for them
    if "names" not in kept:
        from pythainlp.util.date import thai_abbr_months, thai_full_months

        kept.put("names", (tuple(thai_full_months), tuple(thai_abbr_months)))
    return kept["names"]


def months_text(months: tuple[int, ...]) -> str:
    """Fiscal months as a person writes them: (3, 4, 5) → "ธ.ค.–ก.พ.", (1, 7) → "ต.ค., เม.ย."."""
    names = [abbr_months()[calendar_month(m) - 1] for m in sorted(months)]
    contiguous = sorted(months) == list(range(min(months), max(months) + 1)) if months else False
    if contiguous and len(names) >= 2:
        return f"{names[0]}–{names[-1]}"
    return ", ".join(names)


def quarter_months(quarter: int) -> range:
    """Fiscal quarter 1–4 → its fiscal months (ไตรมาสที่ 2 → ม.ค. ก.พ. มี.ค.)."""
    return range(3 * quarter - 2, 3 * quarter + 1)


def fiscal_index(calendar_month: int) -> int:
    """Calendar month (1 = ม.ค.) → fiscal index (1 = ต.ค.)."""
    return (calendar_month + 2) % 12 + 1


def calendar_month(fiscal: int) -> int:
    """Fiscal index (1 = ต.ค.) → calendar month (1 = ม.ค.)."""
    return (fiscal + 8) % 12 + 1


@lru_cache(maxsize=1)
def _month_keys() -> dict[str, int]:
    keys = {key(m): i + 1 for i, m in enumerate(full_months())} | {key(m): i + 1 for i, m in enumerate(abbr_months())}
    return keys | {key("มิ.ย"): 6}


def month_of(label: str) -> int | None:
    """ "ต.ค." / "ตค" / "ตุลาคม" / "ต.ค. 63" → calendar month number (10), else None."""
    k = key(label)
    return _month_keys().get(k) or _month_keys().get(re.sub(r"(พศ)?\d+$", "", k))


def fiscal_month_of(label: str) -> int | None:
    """ "ต.ค." → 1, "ก.ย." → 12, anything else → None."""
    m = month_of(label)
    return None if m is None else fiscal_index(m)


@lru_cache(maxsize=1)
def _month_alt() -> str:
    """Any month name, full or abbreviated (dots optional), longest first."""
    names = {re.escape(m) for m in full_months()} | {re.escape(m).replace(r"\.", r"\.?") for m in abbr_months()}
    return "|".join(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _month_re() -> re.Pattern[str]:
    return re.compile(rf"({_month_alt()})\s*(\d{{2,4}})?")


def parse_period(text: str) -> tuple[int, ...]:
    """A period cell → fiscal months: "ต.ค. 63 – ก.ย. 64" (a range),
    "ธ.ค. 2563" (one month), "ตลอดปีงบประมาณ" (all), "ไตรมาสที่ 2"."""
    t = arabic_digits(text)
    if not t:
        return ()
    if "ตลอดปี" in key(t) or "12เดือน" in key(t):
        return tuple(range(1, 13))
    quarters = [int(q) for q in re.findall(r"ไตรมาส(?:ที่)?\s*(\d)", t)]
    if quarters:
        return tuple(sorted({m for q in quarters if 1 <= q <= 4 for m in quarter_months(q)}))
    found = [fiscal_month_of(m.group(1)) for m in _month_re().finditer(t)]
    found = [f for f in found if f]
    if not found:
        return ()
    if len(found) >= 2 and re.search(r"[-–—]|ถึง", t):
        lo, hi = found[0], found[-1]
        return tuple(range(lo, hi + 1)) if lo <= hi else tuple(sorted(found))
    return tuple(sorted(set(found)))


# ---------------------------------------------------------------- dates and years


def be_year(date: dt.date) -> int:
    """The Buddhist-era year of a date."""
    return date.year + BE_OFFSET


def be_year_in(text: str) -> int | None:
    """The first four-digit Buddhist-era year (25xx) a text names, else None."""
    m = re.search(r"25\d\d", arabic_digits(text))
    return int(m.group(0)) if m else None


def year_of(text: str) -> int | None:
    """A year cell as typed ("2564", "พ.ศ. ๒๕๖๔", "ปีงบประมาณ 2564"): the
    last four digits, else None."""
    digits = "".join(ch for ch in arabic_digits(text) if ch.isdigit())
    return int(digits[-4:]) if len(digits) >= 4 else None


def full_year(year: int) -> int:
    """A Buddhist-era year as typed ("67", "2567") → 2567."""
    return year + 2500 if year < 100 else year


def parse_date(raw: str) -> dt.date | None:
    """ "16 กันยายน 2567", "16 ก.ย. 67", "๑๖ กันยายน ๒๕๖๗", "16/09/2567" → date."""
    t = arabic_digits(raw or "").strip()
    t = re.sub(r"^(วันที่|ณ วันที่)\s*", "", t)
    m = re.search(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2,4})", t)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), full_year(int(m.group(3)))
    else:
        m = re.search(rf"(\d{{1,2}})\s*(?:เดือน\s*)?({_month_alt()})\s*(?:พ\.?\s*ศ\.?)?\s*(\d{{2,4}})", t)
        if not m:
            return None
        day, year = int(m.group(1)), full_year(int(m.group(3)))
        month = month_of(m.group(2)) or 0
    try:
        return dt.date(year - BE_OFFSET, month, day)
    except ValueError:
        return None


def thai_date(date: dt.date, digits: bool = False) -> str:
    """date → "16 กันยายน 2567" (Buddhist era, full month name)."""
    text = f"{date.day} {full_months()[date.month - 1]} {be_year(date)}"
    return thai_digits(text) if digits else text


_FISCAL_YEAR = re.compile(r"(ประจำปีงบประมาณ|ปีงบประมาณ|ประจำปี)\s*(?:พ\s*\.\s*ศ\s*\.?)?\s*(\d{4})")


def fiscal_years_in(text: str) -> list[tuple[int, str]]:
    """Fiscal years a sentence names ("ประจำปี พ.ศ. 2563" → 2563), with the
    phrase. Years of regulations ("พ.ศ. 2548") are not fiscal years."""
    t = arabic_digits(text)
    return [(int(m.group(2)), m.group(0)) for m in _FISCAL_YEAR.finditer(t)]


def be_years_in(text: str) -> list[int]:
    """Every "พ.ศ. yyyy" in a text (for two-row month headers)."""
    t = arabic_digits(text)
    return [int(y) for y in re.findall(r"พ\s*\.?\s*ศ\s*\.?\s*(\d{4})", t)]


# ---------------------------------------------------------------- typing and words

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
