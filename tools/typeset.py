"""Typesetting as a reviewer sees it, measured on rendered PDFs (poppler's
``pdftotext -bbox-layout``): python -m tools.typeset OUT.pdf [...] [--records records.json]

Counts, per PDF and in total:
  - mid-syllable breaks: a line of a text block ends and the next begins inside
    one syllable (pythainlp dict syllables), e.g. "หน|องฉิม", "บ้า|นร่องไฮ";
  - other mid-word breaks: inside one word (pythainlp newmm) but between
    syllables, e.g. "งบ|ประมาณ", "กองสา|ธารณสุข";
  - broken numbers: a numeric word that is not a whole number as printed
    ("๒,๘๕๒,๐๐๐.๐", ",๕๙๘,๐๐๐.๐๐", "80" + "0"), and a date split from its
    year ("15 กันยายน|2563");
  - junk: characters in the PDF's text that a reader would copy but not see
    (zero-width marks, private-use code points);
  - with --records: project budgets from records.json not found whole in the plan.
Poppler groups a table cell's lines into one block most of the time; a break
it splits into two blocks is not seen, so the counts are a floor.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from pythainlp.tokenize import syllable_tokenize, word_tokenize

from pipeline.core.thai import abbr_months, full_months

THAI = re.compile(r"[\u0e01-\u0e4e]")
TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
NUMERIC = re.compile(r"^[0-9,.\-]+$")
WHOLE = re.compile(
    r"^(?:-?\d{1,3}(?:,\d{3})*(?:\.\d{2})?"  # amounts, counts
    r"|\d+(?:\.\d+)*\.?"  # section numbers 4.1, 5.2.3, "1."
    r"|\d{1,2}/\d{4}|\d*-\d*)$"  # revision numbers, ranges, dash
)
JUNK = re.compile("[\u200b\u200c\u200d\u2060\ufeff\ue000-\uf8ff]")
MONTHS = frozenset((*full_months(), *abbr_months()))


@dataclass
class Counts:
    syllables: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)


Line = tuple[list[str], tuple[float, float, float, float]]  # its words, and xMin, yMin, xMax, yMax


def blocks(pdf: str) -> list[list[list[Line]]]:
    """Pages → blocks → lines (each line its words' text and box), from poppler's bbox layout."""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, text=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        found = []
        for b in re.findall(r"<block.*?</block>", page, re.S):
            lines = []
            for ln in re.findall(r"<line.*?</line>", b, re.S):
                box = tuple(
                    float(v) for v in re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', ln).groups()
                )
                words = [html.unescape(w) for w in re.findall(r">([^<]*)</word>", ln)]
                if words:
                    lines.append((words, box))
            found.append(lines)
        pages.append(found)
    return pages


def follows(above: Line, below: Line) -> bool:
    """``below`` continues ``above`` in the same cell: the next line down, overlapping it
    across (poppler sometimes puts lines of the next column into the same block)."""
    (_, (x0, _, x1, y1)), (_, (u0, v0, u1, _)) = above, below
    height = above[1][3] - above[1][1]
    return u0 < x1 and x0 < u1 and 0 <= v0 - y1 + height * 0.5 < height * 1.2


def line_text(words: list[str]) -> str:
    """A line's words joined as typed: poppler sets a tone mark that sits over a
    consonant followed by า or ำ apart, after the vowel ("หมู่บ", "า", "้", "น")."""
    out = ""
    for w in words:
        if w and all(unicodedata.category(c) == "Mn" for c in w) and out[-1:] in ("า", "ำ"):
            out = out[:-1] + w + out[-1]
        else:
            out += w
    return out


def inside(a: str, b: str, split: Callable[[str], list[str]]) -> bool:
    """True when the break between a and b falls inside one token of split(a + b)."""
    if not (a and b and THAI.search(a[-1]) and THAI.search(b[0])):
        return False
    if unicodedata.category(b[0]) == "Mn" or unicodedata.category(a[0]) == "Mn":
        return False  # poppler sets a lone mark above a line apart: an extraction artefact
    left, right = a[-12:], b[:12]
    pos, cut = 0, len(left)
    for tok in split(left + right):
        if pos < cut < pos + len(tok):
            return True
        pos += len(tok)
    return False


def words(t: str) -> list[str]:
    return word_tokenize(t, engine="newmm", keep_whitespace=False)


def syllables(t: str) -> list[str]:
    return syllable_tokenize(t, engine="dict")


def _date_split(line: list[str], after: list[str]) -> bool:
    """A day and month at the end of a line and the year alone at the start of the next."""
    year = after[0].translate(TO_ARABIC)
    return len(line) >= 1 and line[-1] in MONTHS and re.fullmatch(r"(?:พ\.ศ\.)?\d{2,4}", year) is not None


def measure(pdf: str, amounts: set[str]) -> Counts:
    found, seen = Counts(), set()
    for pno, page in enumerate(blocks(pdf), 1):
        for block in page:
            for i, (line, _) in enumerate(block):
                for w in line:
                    if JUNK.search(w):
                        found.junk.append(f"p{pno} {w!r}")
                    a = JUNK.sub("", w).translate(TO_ARABIC).strip("()")
                    if a and NUMERIC.match(a) and any(c.isdigit() for c in a):
                        seen.add(a)
                        if not WHOLE.match(a):
                            found.numbers.append(f"p{pno} {w}")
                if i + 1 < len(block) and follows(block[i], block[i + 1]):
                    after = block[i + 1][0]
                    # whole lines, not their last and first words: poppler cuts a word at a mark ("หมู่บ", "า", "้", "น")
                    a, b = JUNK.sub("", line_text(line)), JUNK.sub("", line_text(after))
                    where = f"p{pno} {a[-8:]}|{b[:8]}"
                    if _date_split(line, after):
                        found.numbers.append(f"{where} (date)")
                    elif inside(a, b, words):  # a syllable lies inside a word: where the words part, no syllable is cut
                        (found.syllables if inside(a, b, syllables) else found.words).append(where)
    found.missing = amounts - seen
    return found


def amounts_of(path: str) -> set[str]:
    with open(path, encoding="utf-8") as fh:
        recs = json.load(fh)
    projects = recs.get("projects", recs) if isinstance(recs, dict) else recs
    out = set()
    for p in projects:
        b = p.get("budget")
        if isinstance(b, (int, float, str)) and str(b).replace(".", "", 1).isdigit():
            out.add(f"{float(b):,.2f}")
    return out


def main(argv: list[str]) -> int:
    amounts: set[str] = set()
    if "--records" in argv:
        i = argv.index("--records")
        amounts = amounts_of(argv[i + 1])
        argv = argv[:i] + argv[i + 2 :]
    total = Counts()
    for pdf in argv:
        c = measure(pdf, amounts)
        print(
            f"{pdf}: {len(c.syllables)} mid-syllable breaks, {len(c.words)} other mid-word breaks, "
            f"{len(c.numbers)} broken numbers, {len(c.junk)} junk"
            + (f", {len(c.missing)}/{len(amounts)} amounts not whole" if amounts else "")
        )
        for label, items in (("syllable", c.syllables), ("break", c.words), ("number", c.numbers), ("junk", c.junk)):
            for x in items[:6]:
                print(f"   {label:8} {x}")
        total.syllables += c.syllables
        total.words += c.words
        total.numbers += c.numbers
        total.junk += c.junk
        total.missing |= c.missing
        amounts = set()  # amounts are checked against the first PDF (the plan) only
    print(
        f"typeset: {len(total.syllables)} mid-syllable breaks, {len(total.words)} other mid-word breaks, "
        f"{len(total.numbers)} broken numbers, {len(total.junk)} junk, {len(total.missing)} amounts not whole"
    )
    return 0 if not (total.syllables or total.numbers or total.junk or total.missing) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
