"""Mutated drafts, run through the command line: every run must end with exit
code 0, 1 or 2 — never a crash (3) — and leave the inputs as they were.

python -m tools.fuzz [CASES] [SEED] [KINDS]: each ``draft`` case copies the
sample drafts, mutates one of them at zip or XML level (byte flips,
truncation, element deletion, duplication and shuffling, huge spans and
merges, control and bidi characters, cells of invisible characters only, deep
nesting) and checks it; the ``cache``, ``lock``, ``batch`` and ``settings``
cases (tools/fuzz_hostile.py) mutate what the tool reads and writes besides
the drafts. KINDS is a comma list (all by default). `make test` runs a short
fixed-seed round of each (tests/test_hostile.py), `make fuzz` many more.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import random
import re
import shutil
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

from pipeline.cli import main as cli

from . import fuzz_hostile as hostile

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EVIL = ["\u202e", "\u200f", "\x00", "\x07", "\ufeff", "[/]", "{{ x }}", "{% if %}", "&amp;", "<script>", "\ud800"]


def _xml_mutation(xml: str, rng: random.Random) -> str:
    kind = rng.choice(["span", "vmerge", "delete", "duplicate", "shuffle", "chars", "nest", "before", "blank"])
    if kind == "blank":
        return hostile.blank_cells(xml, rng)
    if kind == "span":
        return re.sub(
            r'<w:gridSpan w:val="\d+"/>',
            lambda m: f'<w:gridSpan w:val="{rng.choice([0, -3, 10**6, 10**8, 999999999])}"/>',
            xml,
            count=3,
        )
    if kind == "before":
        return xml.replace("<w:trPr>", f'<w:trPr><w:gridBefore w:val="{rng.choice([10**7, -5])}"/>', 2)
    if kind == "vmerge":
        return xml.replace("<w:tcPr>", '<w:tcPr><w:vMerge w:val="restart"/>', 40)
    if kind == "chars":
        return re.sub(
            r"(<w:t[^>]*>)", lambda m: m.group(1) + rng.choice(EVIL).replace("<", "&lt;").replace("&a", "&amp;a"), xml, count=50
        )
    if kind == "nest":
        inner = "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
        for _ in range(rng.randint(20, 60)):
            inner = f"<w:tbl><w:tr><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl>"
        return xml.replace("<w:body>", f"<w:body>{inner}<w:p/>", 1)
    elements = [m.span() for m in re.finditer(r"<w:(tr|tc|p)\b[^>]*>.*?</w:\1>", xml)]
    if not elements:
        return xml
    a, b = rng.choice(elements)
    if kind == "delete":
        return xml[:a] + xml[b:]
    if kind == "duplicate":
        return xml[:b] + xml[a:b] * rng.randint(2, 50) + xml[b:]
    c, d = rng.choice(elements)
    if b <= c:
        return xml[:a] + xml[c:d] + xml[b:c] + xml[a:b] + xml[d:]
    return xml


def mutate(data: bytes, rng: random.Random) -> bytes:
    kind = rng.choice(["flip", "truncate", "xml", "xml", "xml"])
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 40)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if kind == "truncate":
        return data[: rng.randrange(len(data))]
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = content.decode("utf-8", errors="replace")
                content = _xml_mutation(text, rng).encode("utf-8", errors="surrogatepass")
            dst.writestr(item, content)
    return buf.getvalue()


KINDS = ("draft", "cache", "lock", "batch", "settings")


def draft_case(rng: random.Random, n: int, tmp: Path, folder: Path) -> str:
    drafts = sorted(SAMPLES.glob("*.docx"))
    victim = folder / rng.choice(drafts).name
    victim.write_bytes(mutate(victim.read_bytes(), rng))
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = cli(["check", str(folder)]) if n % 3 else cli(["build", str(folder), str(tmp / f"out{n}")])
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
    if code not in (0, 1, 2) or before != after:
        raise AssertionError(f"{victim.name}: exit {code}, inputs changed: {before != after}")
    return f"draft exit {code}"


def _filled_cache(tmp: Path) -> tuple[Path, tuple]:
    """A cache filled by one check of the samples, and what a check without a cache says."""
    filled = tmp / "filled-cache"
    expected = hostile._check(SAMPLES, "off", tmp / "expected.json")
    if hostile._check(SAMPLES, filled, tmp / "filled.json") != expected:
        raise AssertionError("a check with a fresh cache says something else than one without")
    return filled, expected


def run(cases: int, seed: int, log: bool = False, kinds: tuple[str, ...] = KINDS) -> Counter[str]:
    rng = random.Random(seed)
    seen: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        cache = _filled_cache(base) if "cache" in kinds else None
        for n in range(cases):
            kind = kinds[n % len(kinds)]
            work = base / f"case{n}"
            folder = work / "inputs"
            shutil.copytree(SAMPLES, folder)
            start = time.monotonic()
            try:
                if kind == "draft":
                    what = draft_case(rng, n, base, folder)
                elif kind == "cache":
                    assert cache is not None
                    what = hostile.cache_case(rng, work, folder, *cache)
                else:
                    what = getattr(hostile, f"{kind}_case")(rng, work, folder)
            except AssertionError as exc:
                raise AssertionError(f"case {n} (seed {seed}, {kind}): {exc}") from None
            seen[what] += 1
            if log:
                print(f"case {n:4} {what:24} {time.monotonic() - start:5.1f}s", file=sys.stderr)
            shutil.rmtree(work)
    return seen


if __name__ == "__main__":
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2564
    chosen = tuple(sys.argv[3].split(",")) if len(sys.argv) > 3 else KINDS
    if unknown := set(chosen) - set(KINDS):
        sys.exit(f"unknown kinds {sorted(unknown)}: {', '.join(KINDS)}")
    started = time.monotonic()
    result = run(total, seed, "-v" in os.environ.get("FUZZ", ""), chosen)
    print(
        f"make fuzz: {total} cases (seed {seed}) in {time.monotonic() - started:.0f}s — exit codes {dict(sorted(result.items()))}"
    )
