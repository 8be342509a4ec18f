"""All or nothing: a build writes its whole set into a staging folder beside
``outputs/`` and swaps it in at the end.

The staging folder starts as a copy of ``outputs/`` (``previous/``, the other
commands' files), the build writes and moves its files there, and one rename
puts it in the place of the old folder (Linux exchanges the two atomically;
elsewhere the old one is renamed aside first and put back by the next build
should the run be killed between the two renames). A failure or kill at any
point before leaves ``outputs/`` as the last build left it, its manifest
true; what a killed build left beside it is cleared by the next one.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..core.errors import UsageError
from .atomic import unusable

STAGING = ".staging-"
RETIRED = ".retired-"


@contextlib.contextmanager
def staged(outputs: Path) -> Iterator[Path]:
    """A folder to write the build into, in the place of ``outputs`` when the
    ``with`` block ends without an exception; removed when it raises. The
    caller holds the outputs' lock."""
    real = outputs.resolve()  # a link to the outputs folder stays a link: the folder it names is swapped
    if real.exists() and not real.is_dir():
        raise unusable(outputs, NotADirectoryError(errno.ENOTDIR, "not a directory"))
    stage = _prepare(outputs, real)
    try:
        yield stage
        _swap(stage, real)
    except UsageError as exc:  # a message that names the staging folder names outputs/ instead
        _remove(stage)
        raise UsageError(str(exc).replace(str(stage), str(real))) from exc
    except OSError as exc:
        _remove(stage)
        raise unusable(outputs, exc) from exc
    except BaseException:
        _remove(stage)
        raise


def _prepare(outputs: Path, real: Path) -> Path:
    stage = None
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        _tidy(real)
        stage = Path(tempfile.mkdtemp(prefix=f".{real.name}{STAGING}", dir=real.parent))
        if real.is_dir():
            shutil.copytree(real, stage, symlinks=True, dirs_exist_ok=True, ignore=_special)
        else:
            os.chmod(stage, 0o777 & ~_umask())  # as mkdir would have made outputs/ (mkdtemp makes 0700)
    except OSError as exc:
        if stage is not None:
            _remove(stage)
        raise unusable(outputs, exc) from exc
    return stage


def _special(folder: str, names: list[str]) -> list[str]:
    """Pipes, sockets and devices are not copied (reading a pipe would wait forever)."""
    out = []
    for name in names:
        mode = os.lstat(os.path.join(folder, name)).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
            out.append(name)
    return out


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _swap(stage: Path, real: Path) -> None:
    if not real.exists():
        os.rename(stage, real)
    elif _exchange(stage, real):
        _remove(stage)  # it holds the old set now
    else:
        retired = stage.with_name(stage.name.replace(STAGING, RETIRED, 1))
        os.rename(real, retired)
        os.rename(stage, real)
        _remove(retired)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # an old kernel or a file system without it: the two renames
    raise OSError(code, os.strerror(code), str(b))


def _tidy(real: Path) -> None:
    """What a killed build left beside ``real``: its staging folder goes; an
    old set renamed aside and never replaced goes back (or goes, if replaced)."""
    # Exactly the names mkdtemp gives (8 letters, digits or _): never the staging folder of another outputs folder
    # whose name starts with this one's.
    pattern = re.compile(re.escape(f".{real.name}") + f"({re.escape(STAGING)}|{re.escape(RETIRED)})[a-z0-9_]{{8}}")
    for leftover in real.parent.iterdir():
        found = pattern.fullmatch(leftover.name)
        if found is None or not _ours(leftover):
            continue
        if found.group(1) == STAGING or real.exists():
            _remove(leftover)
        else:
            os.rename(leftover, real)  # killed between the two renames: the old set goes back


def _ours(folder: Path) -> bool:
    """A folder (not a link) of this user's: another user's folder of the same name is left alone."""
    info = os.lstat(folder)
    return stat.S_ISDIR(info.st_mode) and (not hasattr(os, "getuid") or info.st_uid == os.getuid())


def _remove(folder: Path) -> None:
    with contextlib.suppress(OSError):
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder)
