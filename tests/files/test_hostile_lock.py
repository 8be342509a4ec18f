"""The build's lock cannot be turned against the user (issue 25): it lives
beside the outputs, follows no link, truncates nothing it did not make, is
removed when the build ends, and a lock that is not the user's own, or held
by another build, ends in a Thai message within seconds."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.core.errors import UsageError
from pipeline.files.lock import lock_path, locked

from ..conftest import ROOT, row, write_plan

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file locks, links and owners are POSIX")
SECRET = "the user's own file, not to be emptied\n"


@pytest.fixture
def drafts(folder: Path) -> Path:
    return write_plan(folder, [row("1", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก", "1,000")])


def test_the_lock_lives_beside_the_outputs_and_is_removed(drafts: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert lock_path(out) == tmp_path / ".out.pipeline-lock"
    for _ in range(3):
        assert main(["build", str(drafts), str(out)]) == 0
    assert not lock_path(out).exists(), "no lock files left behind"
    assert not any(p.name.endswith(".pipeline-lock") for p in tmp_path.rglob("*"))


@pytest.mark.parametrize("plant", ["symlink", "hardlink", "folder"])
def test_a_planted_lock_is_refused_and_empties_nothing(
    drafts: Path, tmp_path: Path, plant: str, capsys: pytest.CaptureFixture[str]
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text(SECRET, encoding="utf-8")
    out = tmp_path / "out"
    where = lock_path(out)
    if plant == "symlink":
        where.symlink_to(victim)
    elif plant == "hardlink":
        os.link(victim, where)
    else:
        where.mkdir()
    started = time.monotonic()
    assert main(["build", str(drafts), str(out)]) == 2
    assert time.monotonic() - started < 10, "refused at once, not after the wait"
    assert victim.read_text(encoding="utf-8") == SECRET
    err = " ".join(capsys.readouterr().err.split())
    assert "ไฟล์ล็อก" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="only root can give a file away")
def test_a_lock_another_user_owns_is_refused_at_once(drafts: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    lock_path(out).write_text("", encoding="utf-8")
    os.chown(lock_path(out), 65534, 65534)
    assert main(["build", str(drafts), str(out)]) == 2
    assert "ผู้ใช้อื่น" in capsys.readouterr().err


def test_a_stale_lock_of_a_killed_build_is_taken_over(drafts: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    lock_path(out).write_text("99999999\n", encoding="utf-8")  # its process is gone: the file holds no lock
    assert main(["build", str(drafts), str(out)]) == 0
    assert not lock_path(out).exists()


def test_a_lock_held_by_a_running_build_says_which_within_seconds(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from pipeline.files.lock import locked; import time\nwith locked(__import__('pathlib').Path({str(out)!r})):\n print('held', flush=True); time.sleep(30)",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(UsageError, match=f"กำลังเขียน.*{holder.pid}"), locked(out, wait=1):
            pass
        assert time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.wait()
    with locked(out, wait=1):  # the holder died: its lock went with it
        pass
    assert not lock_path(out).exists()
