"""make textbench: how often the Thai text checks cry wolf, and how many real
slips they catch. Numbers, not timings.

False alarms: the shipped sample drafts (0 expected) and 6,000 Thai Wikipedia
titles from pythainlp's corpus (clean text that is not ours). Catch rate:
mistakes made by code from clean text — a word's tail typed again, a tone or
vowel slip in a term, a misspelt loanword, an old regulation cited, a last
syllable typed again as a word ("รายจ่ายจ่าย"), หมู่ที่ typed หมูที่ — each kind at
a random place, 150 of each, a fixed seed — counted as caught when the rule reports that place with
the corrected word as its suggestion.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

from pipeline.core.thai import clean, clusters, dictionary_words, typing_problems
from pipeline.extract import extract
from pipeline.read import read_inputs
from pipeline.rules.runner import run_checks
from pipeline.rules.spelling import REPEATS_READ_ON as READ_ON
from pipeline.rules.spelling import context_slips, doubled, near_misses, old_regulation, segment
from pipeline.rules.text import base_terms, strict_terms
from tools import sample_data

ROOT = Path(__file__).resolve().parents[1]
WIKI = Path(__import__("pythainlp").__file__).parent / "corpus" / "wikipedia_titles_th.txt"
TEXT_RULES = ("thai-typing", "near-miss-term", "doubled-word", "old-regulation")
PER_KIND = 150
TERMS = frozenset(t for t in base_terms() if len(t) >= 4)
MARKS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
LOOKALIKE = {"ต": "ด", "ด": "ต", "ส": "ซ", "ซ": "ส", "น": "ล", "ล": "น", "ท": "ต", "ก": "ค", "ค": "ก", "ร": "ล", "ช": "ซ"}


def clean_texts() -> list[str]:
    """Clean sentences of plans: the sample's introduction and its projects."""
    texts = [*sample_data.INTRO]
    for p in sample_data.PROJECTS:
        texts += [p.name, p.activity]
    return [clean(t) for t in texts if t and not t.startswith(("ส่วนที่", "บทนำ"))]


def tail_repeat(text: str, rng: random.Random) -> tuple[str, str, str] | None:
    tokens, starts = segment(text)
    known = dictionary_words()
    options = [(t, s) for t, s in zip(tokens, starts, strict=True) if len(t) >= 4 and t in known and len(clusters(t)) >= 3]
    if not options:
        return None
    word, start = rng.choice(options)
    parts = clusters(word)
    tail = "".join(parts[-rng.randint(1, 2) :])
    if len(tail) < 2:
        tail = "".join(parts[-2:])
    end = start + len(word)
    # a slip at the end of a phrase, as typed before a space ("งบประมาณมาณ ")
    return text[:end] + tail + " " + text[end:], word + tail, word


def syllable_again(text: str, rng: random.Random) -> tuple[str, str, str] | None:
    """A word's last syllable typed again as a word of its own, mid-phrase ("รายจ่ายจ่ายประจำปี")."""
    tokens, starts = segment(text)
    known = dictionary_words()
    options = []
    for t, s in zip(tokens, starts, strict=True):
        parts = clusters(t)
        last = parts[-1] if len(parts) >= 2 else ""
        if t in known and len(last) >= 3 and last in known and last not in READ_ON:
            options.append((t, s, last))
    if not options:
        return None
    word, start, last = rng.choice(options)
    end = start + len(word)
    return text[:end] + last + text[end:], word + last, word


def village_number(_: str, rng: random.Random) -> tuple[str, str, str] | None:
    """หมู่ที่ N typed without its tone mark: หมู ("pig") is a word, wrong only here."""
    text = rng.choice([p.location for p in sample_data.PROJECTS if "หมู่ที่" in p.location])
    found = [m.start() for m in re.finditer(r"หมู่(?=\s*ที่\s*\d)", text)]
    if not found:
        return None
    i = rng.choice(found)
    return text[:i] + "หมู" + text[i + 4 :], "หมูที่", "หมู่ที่"


def tone_or_vowel(text: str, rng: random.Random) -> tuple[str, str, str] | None:
    common = [t for t in TERMS if t in text and len(t) >= 6 and re.search(f"[{MARKS}]", t)]
    if not common:
        return None
    word = rng.choice(sorted(common))
    marks = [i for i, ch in enumerate(word) if ch in MARKS]
    i = rng.choice(marks)
    how = rng.choice(["drop", "double", "swap"])
    if how == "drop":
        wrong = word[:i] + word[i + 1 :]
    elif how == "double":
        wrong = word[: i + 1] + word[i] + word[i + 1 :]
    else:
        j = i - 1 if i > 0 and word[i - 1] in MARKS else None
        wrong = word[:j] + word[i] + word[j] + word[i + 1 :] if j is not None else word[:i] + word[i + 1 :]
    if clean(wrong) == word:
        return None  # the normaliser repairs it anyway (thai-typing reports that kind)
    return text.replace(word, wrong, 1), wrong, word


def loanword(_: str, rng: random.Random) -> tuple[str, str, str] | None:
    word = rng.choice(sorted(strict_terms()))
    letters = [i for i, ch in enumerate(word) if ch in LOOKALIKE]
    if rng.random() < 0.5 and letters:
        i = rng.choice(letters)
        wrong = word[:i] + LOOKALIKE[word[i]] + word[i + 1 :]
    else:
        i = rng.randrange(len(word) - 1)
        wrong = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if wrong == word or clean(wrong) == word:
        return None
    sentence = rng.choice(["ก่อสร้างโดยใช้{} ตามแบบของกองช่าง", "จัดซื้อ{} จำนวน 2 ชุด", "ปรับปรุงด้วย{} หมู่ที่ 5"])
    return sentence.format(wrong), wrong, word


def regulation(_: str, rng: random.Random) -> tuple[str, str, str] | None:
    before = rng.choice(["ตาม", "อาศัยอำนาจตาม", "เพื่อให้เป็นไปตาม"])
    cite = rng.choice(
        [
            "ระเบียบกระทรวงมหาดไทย ว่าด้วยการจัดทำและประสานแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2546",
            "ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 และที่แก้ไขเพิ่มเติม (ฉบับที่ 2) พ.ศ. 2559",
            "ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548 แก้ไขเพิ่มเติม พ.ศ. 2559",
        ]
    )
    after = rng.choice([" กำหนดให้จัดทำแผนการดำเนินงาน", " หมวด 5 ข้อ 26", " จึงประกาศใช้แผน"])
    return before + cite + after, "", ""


def caught_text(kind: str, text: str, wrong: str, right: str) -> bool:
    """Reported, and the suggestions put the text right (a finding that covers
    more than the slip, "ติดตามและประเมนผล" → "ติดตามและประเมินผล", counts)."""
    if kind == "regulation":
        return bool(old_regulation(text))
    if kind in ("tail", "syllable"):
        pairs = [(t, f) for t, f, _ in doubled(text)]
    elif kind == "village":
        pairs = [(t, f) for t, f, _, _ in context_slips(text)]
    else:
        pairs = [(p, t) for p, t, _, _ in near_misses(text, TERMS, strict=strict_terms())]
    fixed = text
    for typed, correction in pairs:
        fixed = fixed.replace(typed, correction, 1)
    return bool(pairs) and wrong not in fixed and right in fixed


def catch_rates() -> dict[str, tuple[int, int]]:
    rng = random.Random(2564)
    texts = clean_texts()
    makers: dict[str, Callable[[str, random.Random], tuple[str, str, str] | None]] = {
        "tail": tail_repeat,
        "tone/vowel": tone_or_vowel,
        "loanword": loanword,
        "regulation": regulation,
        "syllable": syllable_again,  # after the older kinds, so their draws stay as they were
        "village": village_number,
    }
    out = {}
    for kind, make in makers.items():
        made = caught = tries = 0
        while made < PER_KIND and tries < PER_KIND * 40:
            tries += 1
            mistake = make(rng.choice(texts), rng)
            if mistake is None:
                continue
            made += 1
            caught += caught_text(kind if kind in ("tail", "syllable", "village", "regulation") else "near", *mistake)
        out[kind] = (caught, made)
    return out


def false_alarms() -> dict[str, int]:
    lines = [x for x in WIKI.read_text(encoding="utf-8").splitlines() if re.search("[ก-ฮ]", x)][::40][:6000]
    out = {"titles": len(lines), "near-miss-term": 0, "doubled-word": 0, "old-regulation": 0, "thai-typing": 0}
    for x in lines:
        c = clean(x)
        out["near-miss-term"] += bool(near_misses(c, TERMS, strict=strict_terms()) or context_slips(c))
        out["doubled-word"] += bool(doubled(c))
        out["old-regulation"] += bool(old_regulation(c))
        out["thai-typing"] += bool(typing_problems(x))
    return out


def main() -> None:
    sample = run_checks(extract(read_inputs(ROOT / "samples")), list(TEXT_RULES))
    print("make textbench — false alarms and catch rate of the Thai text checks")
    print(f"sample drafts: {len(sample.findings)} text findings (0 expected)")
    fa = false_alarms()
    print(f"Wikipedia titles ({fa.pop('titles'):,}, pythainlp corpus): " + ", ".join(f"{k} {v}" for k, v in fa.items()))
    for kind, (caught, made) in catch_rates().items():
        print(f"caught {kind:<11} {caught:>4} / {made:<4} {100 * caught / max(made, 1):5.1f}%")


if __name__ == "__main__":
    main()
