"""Mutated drafts, run through the command line: every run must end with exit
code 0, 1 or 2 — never a crash (3) — and leave the inputs as they were.

python -m tools.fuzz [CASES] [SEED]: each case copies the sample drafts,
mutates one of them at zip or XML level (byte flips, truncation, element
deletion, duplication and shuffling, huge spans and merges, control and bidi
characters, deep nesting) and checks it. `make test` runs a few dozen cases
(tests/test_hostile.py, under a memory limit), `make fuzz` many more.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
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

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EVIL = ["\u202e", "\u200f", "\x00", "\x07", "\ufeff", "[/]", "{{ x }}", "{% if %}", "&amp;", "<script>", "\ud800"]


def _xml_mutation(xml: str, rng: random.Random) -> str:
    kind = rng.choice(["span", "vmerge", "delete", "duplicate", "shuffle", "chars", "nest", "before"])
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


def run(cases: int, seed: int, log: bool = False) -> Counter[int]:
    rng = random.Random(seed)
    codes: Counter[int] = Counter()
    drafts = sorted(SAMPLES.glob("*.docx"))
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(cases):
            folder = Path(tmp) / f"case{n}"
            shutil.copytree(SAMPLES, folder)
            victim = folder / rng.choice(drafts).name
            victim.write_bytes(mutate(victim.read_bytes(), rng))
            before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
            start = time.monotonic()
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                code = cli(["check", str(folder)]) if n % 3 else cli(["build", str(folder), str(Path(tmp) / f"out{n}")])
            after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}
            codes[code] += 1
            if code not in (0, 1, 2) or before != after:
                raise AssertionError(f"case {n} (seed {seed}, {victim.name}): exit {code}, inputs changed: {before != after}")
            if log:
                print(f"case {n:4} {victim.name:40} exit {code} {time.monotonic() - start:5.1f}s", file=sys.stderr)
            shutil.rmtree(folder)
    return codes


if __name__ == "__main__":
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2564
    started = time.monotonic()
    result = run(total, seed)
    print(
        f"make fuzz: {total} mutated drafts (seed {seed}) in {time.monotonic() - started:.0f}s — exit codes {dict(sorted(result.items()))}"
    )
