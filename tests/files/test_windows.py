"""Office PCs run Windows: the commands the README gives for it, build.cmd,
and a command line that takes paths typed the Windows way."""

from __future__ import annotations

import json
import re
import runpy
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.files.paths import user_path

from ..conftest import ROOT, row, write_plan


def test_the_cli_takes_windows_style_relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = tmp_path / "ร่าง ปี 64" / "กองช่าง"
    drafts.mkdir(parents=True)
    write_plan(drafts, [row("1", "ถนนลูกรัง", "10,000", {1})])
    monkeypatch.chdir(tmp_path)
    assert main(["build", r".\ร่าง ปี 64", r"ผลลัพธ์\รอบ 1"]) == 0
    out = tmp_path / "ผลลัพธ์" / "รอบ 1"
    assert (out / "plan.docx").exists() and (out / "announcement.docx").exists()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert {f["file"] for f in report["findings"]} <= {"กองช่าง/a.docx", "กองช่าง/ref.docx", "templates/garuda.png"}
    records = json.loads((out / "records.json").read_text(encoding="utf-8"))
    assert records["projects"][0]["source"]["file"] == "กองช่าง/a.docx"  # one separator in records on every system
    assert main(["check", r"ร่าง ปี 64\กองช่าง"]) == 0
    assert main(["forms", r"ร่าง ปี 64\กองช่าง", r"ผลลัพธ์\แบบฟอร์ม"]) == 2  # found the folder: it has no ordinance list
    assert main(["build", r"ร่าง ปี 64\ไม่มี", r"ผลลัพธ์\x"]) == 2  # a folder that is not there is said, not guessed


def test_a_name_with_a_backslash_that_exists_is_taken_as_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a\\b").mkdir()
    assert user_path("a\\b") == Path("a\\b")
    assert user_path("c\\d") == Path("c/d")
    assert user_path("inputs") == Path("inputs")


def test_build_cmd_does_what_make_does() -> None:
    raw = (ROOT / "build.cmd").read_bytes()
    assert b"\r\n" in raw and raw.count(b"\n") == raw.count(b"\r\n")  # cmd.exe needs CRLF for its labels
    text = raw.decode("utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target, args in (
        ("build", "build %INPUTS% outputs"),
        ("draft", "build %INPUTS% outputs --draft"),
        ("pdf", "build %INPUTS% outputs --pdf"),
        ("publish", "build %INPUTS% outputs --publish"),
        ("annotate", "check %INPUTS% --json outputs\\report.json --annotate outputs\\annotated"),
    ):
        assert f"-m pipeline {args}" in text, target
        assert f":{target}\r\n" in text
    assert "-m pipeline forms %INPUTS% outputs" in text and "forms:" in makefile
    # both fall back to the shipped samples while inputs/ is empty, and say so in the same words
    assert "set INPUTS=samples" in text and "INPUTS := samples" in makefile
    assert "using the sample drafts in samples" in text and "using the sample drafts in samples" in makefile
    assert "-r requirements.txt" in text and "--no-deps -e ." in text  # the same pinned install as make
    for label in set(re.findall(r"(?:goto|call) :(\w+)", text)):
        assert f"\r\n:{label}\r\n" in text, label  # every jump lands on a label
    calls = re.findall(r'^"%PY%" -m pipeline .*\r\nexit /b %errorlevel%', text, flags=re.M)
    assert len(calls) == 7  # every command's exit code (0/1/2/3) reaches the caller


def test_running_as_a_spawned_worker_does_not_start_a_build() -> None:
    """Windows spawns the batch's workers, and each imports the main module again."""
    runpy.run_module("pipeline", run_name="__mp_main__")  # would raise SystemExit if it ran main()


def test_readme_gives_the_windows_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("py -m venv .venv", r".venv\Scripts\python -m pipeline build inputs outputs", "build.cmd"):
        assert command in readme, command
