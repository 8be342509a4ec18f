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

The cache is data, never code: a table holds only strings, numbers and
tuples of them (marshal can also carry code objects; no entry may be one),
and every entry is checked against its table's shape as it is read, so a
damaged or planted entry is dropped and its result made again. The folder is
the user's own: made 0700, and refused (with a warning, the run going on
without a cache) when another user owns it or others may write into it.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import itertools
import marshal
import os
import re
import shutil
import stat
import sys
import time
from collections.abc import Callable
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
MAX_DEPTH = 200  # nesting of an entry's tuples (a draft's tables in tables): far below the interpreter's recursion limit
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
    """This program's cache folder (a subfolder per version of the code);
    None when the cache is off or its folder is not the user's own."""
    root = _root()
    if root is None or not _private(str(root)):
        return None
    return root / _program()


@lru_cache(maxsize=4)
def _private(root: str) -> bool:
    """The cache folder is made 0700, or, when it is there already, owned by
    this user and writable by no one else: an entry another user could plant
    would be read as this user's own results."""
    where = Path(root)
    try:
        os.makedirs(where, mode=0o700, exist_ok=True)
        info = os.lstat(where)
    except OSError:
        return True  # cannot be made or read: each read and write fails on its own and costs only time
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the folder's ACL (the user's profile) decides
        return True
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        why = "เป็นลิงก์หรือไม่ใช่โฟลเดอร์"
    elif info.st_uid != getuid():
        why = "เป็นของผู้ใช้อื่น"
    elif info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        why = "ผู้อื่นเขียนได้"
    else:
        if info.st_mode & 0o077:
            with contextlib.suppress(OSError):
                os.chmod(where, 0o700)  # an older version made it 0755: the user's own, made private
        return True
    sys.stderr.write(
        f'คำเตือน: ไม่ใช้แคช "{where}" เพราะ{why} — ทำงานต่อโดยไม่ใช้แคช (ช้าลงเท่านั้น); ตั้ง PIPELINE_CACHE เป็นโฟลเดอร์ของท่านเอง หรือ off\n'
    )
    return False


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


Check = Callable[[Any, Any], bool]  # (key, value) → the entry has its table's shape


def _plain(value: Any, depth: int = 0) -> bool:
    """Strings, numbers, None and tuples or dicts of them, and nothing else."""
    kind = type(value)
    if kind in (str, int, float, bool, type(None)):
        return True
    if depth > MAX_DEPTH:
        return False
    if kind is tuple:
        return all(_plain(v, depth + 1) for v in value)
    if kind is dict:
        return all(_plain(k, depth + 1) and _plain(v, depth + 1) for k, v in value.items())
    return False


def plain(key: Any, value: Any) -> bool:
    return _plain(key) and _plain(value)


def texts(value: Any) -> bool:
    """A tuple of strings."""
    return type(value) is tuple and all(type(v) is str for v in value)


def rows(*kinds: type) -> Callable[[Any], bool]:
    """A tuple of tuples, each of these types in this order (a table's answers)."""

    def check(value: Any) -> bool:
        return type(value) is tuple and all(
            type(r) is tuple and len(r) == len(kinds) and all(type(v) is k for v, k in zip(r, kinds, strict=True)) for r in value
        )

    return check


def text_to(values: Callable[[Any], bool]) -> Check:
    """Entries of a string key and a value ``values`` accepts."""
    return lambda key, value: type(key) is str and values(value)


def table(name: str, *depends: str, limit: int = MAX_ENTRIES, entry: Check = plain) -> Table:
    """The table kept under ``name`` for these dependencies: read from disk the
    first time it is asked for in a process, written back at exit if it grew.
    An entry ``entry`` refuses is dropped, its result made again."""
    file = f"{name}-{hashlib.sha1(chr(31).join(depends).encode()).hexdigest()[:20]}.marshal"
    if file not in _tables:
        kept = Table()
        kept.limit = limit
        where = folder()
        if where is not None:
            _load(where / file, kept, entry)
        _tables[file] = kept
        while len(_tables) > OPEN:
            oldest = next(iter(_tables))
            _write(oldest, _tables.pop(oldest))
    return _tables[file]


def _load(path: Path, kept: Table, entry: Check) -> None:
    try:
        data = marshal.loads(_read(path))
    except (OSError, ValueError, EOFError, TypeError, RecursionError):
        return  # no cache yet, or a damaged one: start empty
    if type(data) is not dict or len(data) > kept.limit:
        return
    for key, value in data.items():
        try:
            good = entry(key, value)
        except (TypeError, ValueError, RecursionError):
            good = False
        if good:
            kept[key] = value
        else:
            kept.dirty = True  # written back without it


def _read(path: Path) -> bytes:
    """A table file's bytes: a regular file of this user's, never through a link."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            raise ValueError(f"{path.name}: not this user's file")
        return fh.read()


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
    tmp = where / f".{file}.{os.getpid()}"
    try:
        where.mkdir(mode=0o700, exist_ok=True)
        data = marshal.dumps(dict(kept))
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, where / file)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            if tmp.is_file() and not tmp.is_symlink():
                tmp.unlink()
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
