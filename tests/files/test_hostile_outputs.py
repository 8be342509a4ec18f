"""All or nothing (issue 25): a build's set is written into a staging folder
beside outputs/ and swapped in whole; a failing template, a full disk or a
kill at any point leaves the previous set whole, its manifest true."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.files import atomic

from ..conftest import ROOT, row, write_plan

SET = (
    "records.json",
    "report.json",
    "report.html",
    "plan.docx",
    "announcement.docx",
    "manifest.json",
)  # records.xlsx carries the time it was made


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and its hash."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def manifest_is_true(out: Path) -> bool:
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {name: doc["sha256"] for name, doc in data["documents"].items()}
    there = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir() if p.suffix in (".docx", ".pdf")}
    return listed == there


def leftovers(out: Path) -> list[str]:
    return [p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}.")]


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    """Two versions of one plan's drafts: each makes its own set."""
    one, two = tmp_path / "v1", tmp_path / "v2"
    one.mkdir()
    two.mkdir()
    write_plan(one, [row("1", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก", "1,000")])
    write_plan(two, [row("1", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก", "1,000"), row("2", "ซ่อมแซมฝายน้ำล้น", "2,500")])
    return one, two


@pytest.fixture
def built(versions: tuple[Path, Path], tmp_path: Path) -> Path:
    """outputs/ holding the first version's set, a previous/ and a file of
    another command (kept as it was in ``first/``)."""
    out = tmp_path / "out"
    assert main(["build", str(versions[0]), str(out)]) == 0
    (out / "previous").mkdir()
    (out / "previous" / "plan.docx").write_bytes(b"an older plan")
    (out / "forms").mkdir()
    (out / "forms" / "ผด.02.docx").write_bytes(b"another command's file")
    shutil.copytree(out, tmp_path / "first")
    return out


def _broken_announcement(tmp_path: Path) -> Path:
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    target = templates / "announcement.docx"  # plan.docx renders first: the failure comes between two documents
    with zipfile.ZipFile(target) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"{{", b"{{ {%", 1)
    with zipfile.ZipFile(target, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    return templates


def test_a_failing_template_leaves_the_previous_set_whole(versions: tuple[Path, Path], built: Path, tmp_path: Path) -> None:
    before = tree(built)
    assert main(["build", str(versions[1]), str(built), "--templates", str(_broken_announcement(tmp_path))]) == 2
    assert tree(built) == before and manifest_is_true(built)
    assert leftovers(built) == []


@pytest.mark.parametrize("after", [0, 2, 5])  # files written before the disk is full: reports, then documents
def test_a_full_disk_leaves_the_previous_set_whole(
    versions: tuple[Path, Path], built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], after: int
) -> None:
    before = tree(built)
    real, count = atomic._write_all, [0]

    def full(fd: int, data: bytes) -> None:
        count[0] += 1
        if count[0] > after:
            os.close(fd)
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd, data)

    monkeypatch.setattr(atomic, "_write_all", full)
    assert main(["build", str(versions[1]), str(built)]) == 2
    assert "พื้นที่ดิสก์เต็ม" in capsys.readouterr().err
    assert tree(built) == before and manifest_is_true(built)
    assert leftovers(built) == []


def test_a_build_that_succeeds_keeps_previous_and_the_other_files(versions: tuple[Path, Path], built: Path) -> None:
    assert main(["build", str(versions[1]), str(built)]) == 0
    assert (built / "forms" / "ผด.02.docx").read_bytes() == b"another command's file"
    assert (built / "previous" / "plan.docx").read_bytes() == b"an older plan"
    assert manifest_is_true(built) and leftovers(built) == []
    assert built.stat().st_mode & 0o777 == 0o755 or os.name != "posix"


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_kills_at_random_points_leave_one_whole_set(versions: tuple[Path, Path], built: Path, tmp_path: Path) -> None:
    """A build of the second version killed at random moments: outputs/ holds
    the first set or the second, whole, never a mix, and the next build clears
    what the killed one left."""
    first = {n: h for n, h in tree(built).items() if n in SET}
    second_out = tmp_path / "second"
    env = {**os.environ, "PIPELINE_CACHE": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "pipeline", "build", str(versions[1])]
    started = time.monotonic()
    subprocess.run([*command, str(second_out)], env=env, cwd=ROOT, check=True, capture_output=True)
    whole = time.monotonic() - started
    second = {n: h for n, h in tree(second_out).items() if n in SET}
    assert first != second
    rng = random.Random(2564)
    seen = []
    for _ in range(8):
        shutil.rmtree(built)
        shutil.copytree(tmp_path / "first", built)  # each kill starts from the first set
        proc = subprocess.Popen([*command, str(built)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, whole * 1.1))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = {n: h for n, h in tree(built).items() if n in SET}
        assert now in (first, second), "a mix of two builds' files"
        assert manifest_is_true(built)
        assert (built / "forms" / "ผด.02.docx").is_file() and (built / "previous" / "plan.docx").is_file()
        seen.append(now == second)
    assert subprocess.run([*command, str(built)], env=env, cwd=ROOT, capture_output=True).returncode == 0
    assert leftovers(built) == [] and manifest_is_true(built)
    assert {n: h for n, h in tree(built).items() if n in SET} == second
    assert False in seen, "some kills came before the swap"


def test_a_folder_that_holds_the_drafts_is_not_swapped(versions: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(versions[0]), str(versions[0].parent)]) == 2
    assert "แทนที่ทั้งโฟลเดอร์" in " ".join(capsys.readouterr().err.split())
    assert not (versions[0].parent / "plan.docx").exists()


def test_without_an_atomic_exchange_a_set_renamed_aside_goes_back(
    versions: tuple[Path, Path], built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.files import staging

    monkeypatch.setattr(staging, "_exchange", lambda a, b: False)  # an old kernel, or not Linux: two renames
    assert main(["build", str(versions[1]), str(built)]) == 0
    second = tree(built)
    assert manifest_is_true(built) and leftovers(built) == []
    retired = built.with_name(f".{built.name}{staging.RETIRED}abcd1234")
    built.rename(retired)  # killed between the two renames: no outputs/, the old set aside
    (built.parent / f".{built.name}{staging.STAGING}abcd5678").mkdir()  # and the staging folder it was to become
    other = built.parent / f".{built.name}{staging.STAGING}x.staging-abcd1234"  # another folder's, not ours
    other.mkdir()
    assert main(["build", str(versions[1]), str(built)]) == 0
    assert {n: h for n, h in tree(built).items() if n != "records.xlsx"} == {
        n: h for n, h in second.items() if n != "records.xlsx"
    }
    assert (built / "forms" / "ผด.02.docx").is_file(), "the set renamed aside came back, with the other commands' files"
    assert leftovers(built) == [other.name]
