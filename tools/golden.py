"""Rewrite the golden files in tests/golden/ from the code and print what
changed (``make golden``; python -m tools.golden [NAME ...]).

The tests only compare with these files; run this after a change you meant,
read the diff it prints, and commit the files with the change.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from tests.goldens import GOLDEN, MAKERS, fresh  # tests.conftest turns the cache off: made as the tests make them


def regenerate(names: list[str], folder: Path = GOLDEN) -> int:
    """Rewrite each file, print its unified diff; returns how many changed."""
    changed = 0
    for name in names:
        path = folder / name
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        new = fresh(name)
        if new == old:
            print(f"{name}: ไม่เปลี่ยน · unchanged")
            continue
        changed += 1
        diff = difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/tests/golden/{name}", f"b/tests/golden/{name}"
        )
        sys.stdout.writelines(line if line.endswith("\n") else line + "\n" for line in diff)
        path.write_text(new, encoding="utf-8")
    print(f"เขียนใหม่ {changed} ไฟล์จาก {len(names)} · rewrote {changed} of {len(names)} golden files")
    return changed


def main(argv: list[str]) -> int:
    unknown = [n for n in argv if n not in MAKERS]
    if unknown:
        print(f"ไม่รู้จัก {', '.join(unknown)} — มี {', '.join(MAKERS)} · unknown golden file", file=sys.stderr)
        return 2
    regenerate(argv or list(MAKERS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
