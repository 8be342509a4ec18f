"""Where the drafts live: the shipped samples in samples/ (tracked), the user's
own in inputs/ (never tracked but for its README), and make choosing between
them — a fresh clone builds the samples, a user's drafts win once there."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES

MAKE = shutil.which("make")
GIT = shutil.which("git")
NOTE = "using the sample drafts in samples/"


def dry_run(folder: Path, *args: str) -> str:
    """What ``make`` would run in a copy of the Makefile (-n: nothing is run)."""
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, folder / name)
    done = subprocess.run([MAKE or "make", "-n", "-C", str(folder), *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
@pytest.mark.parametrize("target", ["build", "check", "draft", "pdf", "forms"])
def test_make_uses_the_samples_while_inputs_holds_no_drafts(tmp_path: Path, target: str) -> None:
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / "README.md").write_text("วางไฟล์ร่างที่นี่", encoding="utf-8")
    (tmp_path / "inputs" / "pipeline.toml").write_text("", encoding="utf-8")  # settings alone are not drafts
    out = dry_run(tmp_path, target)
    assert NOTE in out and ' "samples" ' in out and ' "inputs" ' not in out


@pytest.mark.skipif(MAKE is None, reason="make is not installed")
def test_make_uses_the_users_drafts_once_there_and_an_explicit_folder_always(tmp_path: Path) -> None:
    (tmp_path / "inputs" / "กองช่าง").mkdir(parents=True)
    (tmp_path / "inputs" / "กองช่าง" / "ผด02.docx").write_bytes(b"")
    out = dry_run(tmp_path, "build")
    assert NOTE not in out and 'build "inputs" "outputs"' in out
    out = dry_run(tmp_path, "build", "INPUTS=อื่น")
    assert NOTE not in out and 'build "อื่น" "outputs"' in out


@pytest.mark.skipif(GIT is None or not (ROOT / ".git").exists(), reason="not a git checkout")
def test_the_users_drafts_never_show_as_changes_and_the_samples_are_tracked() -> None:
    def ignored(path: str) -> bool:
        done = subprocess.run([GIT or "git", "-C", str(ROOT), "check-ignore", "-q", "--no-index", path], timeout=30)
        return done.returncode == 0

    assert ignored("inputs/กองช่าง.docx") and ignored("inputs/เก่า/ผด02.xlsx") and ignored("inputs/pipeline.toml")
    assert not ignored("inputs/README.md") and not ignored("samples/กองช่าง.docx")
    tracked = subprocess.run(
        [GIT or "git", "-C", str(ROOT), "ls-files", "-z", "samples", "inputs"], capture_output=True, text=True
    )
    names = tracked.stdout.strip("\0").split("\0")
    assert "inputs/README.md" in names and sum(n.startswith("samples/") for n in names) == len(list(SAMPLES.glob("*.docx"))) == 8
    assert [n for n in names if n.startswith("inputs/")] == ["inputs/README.md"]
