"""Results of slow, pure work kept between runs: each draft as read (by its
bytes), the dictionary's index, newmm's cuts, text cleaning and the
spelling checks' answer per text. A planning officer runs ``make`` dozens
of times a day on drafts that change a few lines at a time; reading the
same drafts again, segmenting the same texts, rebuilding the same
62,000-word index and importing pythainlp for them cost more than the rest
of a check.

A table lives in one marshal file whose name carries a fingerprint of what
its results depend on (the code in ``CODE``, the installed pythainlp and
rapidfuzz, Python's version, and the terms a text was checked against), so
a changed program or glossary never reads a stale result. The folder is the
virtual environment's ``var/pipeline-cache`` (``PIPELINE_CACHE`` names
another, or ``off`` turns the cache off). A missing, unreadable or unwritable cache
only costs the time it would have saved; tables are written once, at exit.
"""

from __future__ import annotations

import atexit
import hashlib
import itertools
import marshal
import os
import re
import shutil
import sys
import time
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

# The code cached results come from: a change to any of these starts a new cache.
CODE = (
    "core/memo.py",
    *(f"core/thai/{f}.py" for f in ("__init__", "clean", "dates", "digits", "words")),
    "core/match.py",
    "rules/spelling.py",
    *(f"read/{f}.py" for f in ("__init__", "blocks", "docx", "legacy", "safe", "shapes", "xlsx")),
)
KEEP = 48  # tables on disk (a plan's terms make five); the least recently written go first
MAX_ENTRIES = 300_000  # entries a table keeps (its oldest go): a province's batch must not grow it forever
OPEN = 24  # tables held in memory; a batch worker meets a new set of terms with every organisation


class Table(dict[Any, Any]):
    """A cached dict; ``put`` records a new result and marks it to be written.
    At ``limit`` entries the oldest quarter goes, in one step (dropping one
    entry per new one would scan the dict's emptied front every time)."""

    dirty = False
    limit = MAX_ENTRIES

    def put(self, key: Any, value: Any) -> Any:
        if len(self) >= self.limit:
            for old in list(itertools.islice(self, max(1, len(self) - 3 * self.limit // 4))):
                del self[old]
        self[key] = value
        self.dirty = True
        return value


_tables: dict[str, Table] = {}  # file name → table


def folder() -> Path | None:
    """This program's cache folder (a subfolder per version of the code)."""
    root = _root()
    return None if root is None else root / _program()


def _root() -> Path | None:
    setting = os.environ.get("PIPELINE_CACHE", "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting)
    if sys.prefix != sys.base_prefix:  # inside the project's .venv
        return Path(sys.prefix) / "var" / "pipeline-cache"
    return Path.home() / ".cache" / "pipeline"


@lru_cache(maxsize=1)
def _program() -> str:
    """What every cached result depends on: the code that makes it."""
    here = Path(__file__).resolve().parents[1]
    code = hashlib.sha1(b"".join((here / name).read_bytes() for name in CODE))
    for package in ("pythainlp", "rapidfuzz"):
        spec = find_spec(package)  # its __init__ names its version (importing it would cost what the cache saves)
        if spec and spec.origin:
            code.update(Path(spec.origin).read_bytes())
    code.update(f"{sys.version_info[:2]}|{marshal.version}".encode())
    return code.hexdigest()[:20]


def table(name: str, *depends: str, limit: int = MAX_ENTRIES) -> Table:
    """The table kept under ``name`` for these dependencies: read from disk the
    first time it is asked for in a process, written back at exit if it grew."""
    file = f"{name}-{hashlib.sha1(chr(31).join(depends).encode()).hexdigest()[:20]}.marshal"
    if file not in _tables:
        kept = Table()
        kept.limit = limit
        where = folder()
        if where is not None:
            try:
                data = marshal.loads((where / file).read_bytes())
                if isinstance(data, dict) and len(data) <= limit:
                    kept.update(data)
            except (OSError, ValueError, EOFError, TypeError):
                pass  # no cache yet, or a damaged one: start empty
        _tables[file] = kept
        while len(_tables) > OPEN:
            oldest = next(iter(_tables))
            _write(oldest, _tables.pop(oldest))
    return _tables[file]


def save() -> None:
    where = folder()
    if where is None:
        return
    for file, kept in _tables.items():
        _write(file, kept)
    _prune(where)


def _write(file: str, kept: Table) -> None:
    where = folder()
    if where is None or not kept.dirty:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        tmp = where / f".{file}.{os.getpid()}"
        tmp.write_bytes(marshal.dumps(dict(kept)))
        os.replace(tmp, where / file)
    except (OSError, ValueError):
        return  # read-only or full disk: the next run recomputes
    kept.dirty = False


def _prune(where: Path) -> None:
    """Keep the ``KEEP`` tables written last; drop the folders of older code."""
    try:
        files = sorted(where.glob("*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in files[KEEP:]:
            stale.unlink()
        for tmp in where.glob(".*.marshal.*"):
            if tmp.stat().st_mtime < time.time() - 3600:
                tmp.unlink()  # left by a run that was killed while writing
        for old in where.parent.iterdir():
            if old != where and _ours(old) and old.stat().st_mtime < time.time() - 60:
                shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass


def _ours(folder: Path) -> bool:
    """A cache folder of another version of the code, and nothing else (the
    cache may have been pointed at a folder that holds other things)."""
    return (
        folder.is_dir()
        and re.fullmatch(r"[0-9a-f]{20}", folder.name) is not None
        and all(f.name.endswith(".marshal") or ".marshal." in f.name for f in folder.iterdir())
    )


atexit.register(save)
