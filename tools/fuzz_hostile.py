"""The hostile cases of ``make fuzz`` beyond mutated drafts (issue 25): each
case mutates one thing the tool reads or writes besides the drafts.

- ``cache``: a table of a filled cache damaged (bytes flipped, cut), its
  entries given values of the wrong type, a planted pickle or code object,
  the file replaced by a link, or the folder opened to others. The check must
  say what a check without a cache says, and nothing planted may run.
- ``lock``: a link, hard link, folder, pipe or junk planted where the build's
  lock goes. The build ends 0 or 2, and the file a link names is untouched.
- ``batch``: organisations' folders with hostile names. rollup.html links
  only, relatively, to report.html files the batch wrote, under its policy.
- ``settings``: pipeline.toml with unknown sections and keys and values of
  every type (nan, inf, huge, negative). The check ends 0, 1 or 2.
"""

from __future__ import annotations

import contextlib
import io
import json
import marshal
import math
import os
import pickle
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from pipeline.cli import main as cli
from pipeline.files.lock import lock_path
from pipeline.report.html import POLICY

ROOT = Path(__file__).resolve().parents[1]
NAMES = [
    "javascript:alert(1)",
    "<script>x",
    "' onmouseover='x",
    '"><img src=x onerror=x>',
    "https:evil.example",
    "..x",
    "a b#c?d",
]
INVISIBLE = ["\u200b", "\u00a0\u200c", "\u2060", "\u202e", "\ufeff"]
SECRET = b"a file of the user's that no build may touch\n"
CHECK = "import sys; from pipeline import cli; sys.exit(cli.main(['check', sys.argv[1], '--json', sys.argv[2]]))"


class Boom:
    """Unpickled, it leaves a marker file: proof that the cache ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[..., object], tuple[str]]:
        return (os.system, (f"touch '{self.marker}'",))


def quiet(args: list[str]) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return cli(args)


def _check(inputs: Path, cache: Path | str, out: Path) -> tuple[int, dict]:
    """The exit code and the whole report.json (it names no folder: the same for any copy of the drafts)."""
    env = {**os.environ, "PIPELINE_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", CHECK, str(inputs), str(out)], env=env, capture_output=True, cwd=ROOT)
    if done.returncode not in (0, 1, 2):
        raise AssertionError(f"exit {done.returncode}: {done.stderr.decode(errors='replace')[-1500:]}")
    report = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {}
    out.unlink(missing_ok=True)
    return done.returncode, report


def _junk(rng: random.Random, marker: Path) -> object:
    return rng.choice(
        [
            lambda: rng.randint(-(2**70), 2**70),
            lambda: None,
            lambda: math.nan,
            lambda: ("x",) * rng.randint(0, 9),
            lambda: (1, "a", None, (2,)),
            lambda: {"a": (1,)},
            lambda: "ก" * rng.randint(0, 5000),
            lambda: pickle.dumps(Boom(marker)),
            lambda: compile("import os", "x", "exec"),
            lambda: b"\x80\x04bytes",
            lambda: frozenset({"a"}),
        ]
    )()


def cache_case(rng: random.Random, work: Path, inputs: Path, filled: Path, expected: tuple) -> str:
    cache = work / "cache"
    shutil.copytree(filled, cache, symlinks=True)
    tables = sorted(cache.glob("*/*.marshal"))
    table = rng.choice(tables)
    marker = work / "ran"
    kind = rng.choice(["flip", "cut", "values", "values", "keys", "link", "open"])
    if kind == "flip":
        data = bytearray(table.read_bytes())
        for _ in range(rng.randint(1, 30)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        table.write_bytes(bytes(data))
    elif kind == "cut":
        table.write_bytes(table.read_bytes()[: rng.randrange(1, max(2, table.stat().st_size))])
    elif kind in ("values", "keys"):
        entries = marshal.loads(table.read_bytes())
        for key in rng.sample(list(entries), min(len(entries), rng.randint(1, 20))):
            if kind == "values":
                entries[key] = _junk(rng, marker)
            else:
                entries[(key, 1) if rng.random() < 0.5 else 7] = entries.pop(key)
        table.write_bytes(marshal.dumps(entries))
    elif kind == "link":
        victim = work / "victim.marshal"
        victim.write_bytes(SECRET)
        table.unlink()
        table.symlink_to(victim)
    else:
        cache.chmod(0o777)
    got = _check(inputs, cache, work / "report.json")
    if marker.exists():
        raise AssertionError(f"cache {kind} {table.name}: a planted entry ran")
    if got != expected:
        raise AssertionError(f"cache {kind} {table.name}: exit {got[0]}, another report than without a cache")
    if kind == "link" and (work / "victim.marshal").read_bytes() != SECRET:
        raise AssertionError("cache link: the file a link names was written")
    return f"cache-{kind} exit {got[0]}"


def lock_case(rng: random.Random, work: Path, inputs: Path) -> str:
    out = work / "out"
    victim = work / "victim.txt"
    victim.write_bytes(SECRET)
    where = lock_path(out)
    kind = rng.choice(["symlink", "hardlink", "folder", "fifo", "junk", "dangling"])
    if kind == "symlink":
        where.symlink_to(victim)
    elif kind == "hardlink":
        os.link(victim, where)
    elif kind == "folder":
        where.mkdir()
    elif kind == "fifo":
        os.mkfifo(where)
    elif kind == "junk":
        where.write_bytes(bytes(rng.randrange(256) for _ in range(rng.randint(0, 200))))
    else:
        where.symlink_to(work / "nothing-here")
    code = quiet(["build", str(inputs), str(out)])
    if code not in (0, 2) or victim.read_bytes() != SECRET or (work / "nothing-here").exists():
        raise AssertionError(f"lock {kind}: exit {code}, the victim changed: {victim.read_bytes() != SECRET}")
    if kind == "junk" and (code != 0 or where.exists()):
        raise AssertionError(f"lock junk: exit {code}, left behind: {where.exists()}")
    return f"lock-{kind} exit {code}"


class Page(HTMLParser):
    """The links and the Content-Security-Policy of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.policy = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a":
            self.hrefs.append(found.get("href") or "")
        if tag == "meta" and found.get("http-equiv") == "Content-Security-Policy":
            self.policy = found.get("content") or ""


def batch_case(rng: random.Random, work: Path, inputs: Path) -> str:
    root, out = work / "root", work / "batch"
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(NAMES) + "".join(rng.choice(["", "ก", "\u202e", "&amp;", "%2e", "\u200b", "'"]) for _ in range(3))
        if not (root / name).exists():
            shutil.copytree(inputs, root / name)
    code = quiet(["batch", str(root), str(out), "--jobs", "1"])
    if not (out / "rollup.html").exists():
        if code != 2:  # only hidden folders ("..x"): no organisation, said in Thai
            raise AssertionError(f"batch: exit {code} without a roll-up")
        return "batch-none"
    page = Page()
    page.feed((out / "rollup.html").read_text(encoding="utf-8"))
    for href in page.hrefs:
        target = (out / unquote(href)).resolve()
        if not href.startswith("./") or not target.is_file() or target.parent.parent != out.resolve():
            raise AssertionError(f"batch: a link that is not to a report it wrote: {href!r}")
    if code not in (0, 1, 2) or page.policy != POLICY or "<script" in page.rawdata:
        raise AssertionError(f"batch: exit {code}, policy {page.policy!r}")
    return f"batch exit {code}"


GOOD = {
    "rules.select": '["missing-field"]',
    "rules.skip": "[]",
    "inputs.ignore": '["*.pdf"]',
    "pdf.timeout": "90",
    "report.cap": "5",
}
BAD = ["nan", "inf", "-inf", "-1", "0", "1e308", "10000000000", '"x"', "true", "[1, 2]", "{a = 1}", "0.5"]
MISSPELT = {"rules": "rulez", "pdf": "pfd", "rules.skip": "skp", "pdf.timeout": "timout", "report.cap": "capp"}


def settings_case(rng: random.Random, work: Path, inputs: Path) -> str:
    """Known keys with good or bad values, now and then a misspelt section or key."""
    sections: dict[str, list[str]] = {}
    wrong = False
    for dotted in rng.sample(list(GOOD), rng.randint(1, len(GOOD))):
        section, key = dotted.split(".")
        value = GOOD[dotted] if rng.random() < 0.6 else rng.choice(BAD)
        if rng.random() < 0.1:
            key = MISSPELT.get(dotted, key + "x")
        if rng.random() < 0.05:
            section = MISSPELT.get(section, section + "s")
        wrong = wrong or value != GOOD[dotted] or f"{section}.{key}" != dotted
        sections.setdefault(section, []).append(f"{key} = {value}")
    toml = "".join(f"[{section}]\n" + "\n".join(lines) + "\n" for section, lines in sections.items())
    (inputs / "pipeline.toml").write_text(toml, encoding="utf-8")
    code = quiet(["check", str(inputs)])
    (inputs / "pipeline.toml").unlink()
    if code not in (0, 1, 2):
        raise AssertionError(f"settings: exit {code} for\n{toml}")
    if wrong != (code == 2):
        raise AssertionError(f"settings: exit {code} for\n{toml}")
    return f"settings exit {code}"


def blank_cells(xml: str, rng: random.Random) -> str:
    """Some cells' text replaced by invisible characters only (cleaned away to nothing)."""
    return re.sub(r"(<w:t[^>]*>)[^<]*", lambda m: m.group(1) + rng.choice(INVISIBLE) if rng.random() < 0.2 else m.group(0), xml)
