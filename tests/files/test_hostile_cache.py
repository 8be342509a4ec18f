"""The cache is data the user alone writes (issue 25): a planted pickle or
code object never runs, an entry of the right shape with wrong types is
dropped and made again, and a folder others own or may write is refused
with a warning while the run goes on without it."""

from __future__ import annotations

import json
import marshal
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.core import memo

from ..conftest import ROOT, row, write_plan

RUN = "import sys; from pipeline import cli; sys.exit(cli.main(['check', sys.argv[1], '--json', sys.argv[2]]))"


class Boom:
    """Unpickling this runs a shell command that leaves a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _check(folder: Path, cache: Path | str, out: Path) -> tuple[int, list, str]:
    env = {**os.environ, "PIPELINE_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", RUN, str(folder), str(out)], env=env, capture_output=True, text=True, cwd=ROOT)
    assert done.returncode in (0, 1), done.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    return done.returncode, [(f["code"], f["file"], f["row"], f["value"]) for f in report["findings"]], done.stderr


@pytest.fixture
def drafts(folder: Path) -> Path:
    return write_plan(folder, [row("1", "ก่อสร้างถนนคอนกรีดเสริมเหล็ก", "1,000"), row("2", "ซ่อมแซมฝายน้ำล้น", "2,000")])


def _tables(cache: Path) -> dict[str, Path]:
    return {p.name.rsplit("-", 1)[0]: p for p in cache.glob("*/*.marshal")}


def _rewrite(path: Path, change) -> None:
    path.write_bytes(marshal.dumps(change(marshal.loads(path.read_bytes()))))


def test_a_planted_pickle_or_code_object_never_runs(drafts: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    code, good, _ = _check(drafts, cache, tmp_path / "a.json")
    marker = tmp_path / "ran"
    tables = _tables(cache)
    _rewrite(tables["drafts"], lambda e: {k: pickle.dumps(Boom(marker)) for k in e})
    _rewrite(tables["clean"], lambda e: {k: compile("open('x','w')", "x", "exec") for k in e})
    _rewrite(tables["newmm"], lambda e: {k: pickle.dumps(Boom(marker)) for k in e})
    again = _check(drafts, cache, tmp_path / "b.json")
    assert not marker.exists(), "an entry of the cache ran a command"
    assert again[:2] == (code, good) == _check(drafts, "off", tmp_path / "c.json")[:2]
    assert any(f[0] == "near-miss-term" for f in good), "the check finds something, so the comparison means something"
    assert b"cposix" not in tables["drafts"].read_bytes(), "the bad entries were written back without the pickles"


@pytest.mark.parametrize(
    ("table", "tamper"),
    [
        ("clean", lambda v: 5),
        ("newmm", lambda v: ("ถนน", 3)),
        ("tcc", lambda v: "ถนน"),
        ("near-misses", lambda v: (("ถนน", "ถนน", "0", 1),)),
        ("doubled", lambda v: ((1, 2, 3),)),
        ("pythainlp", lambda v: ("0123", None)),
        ("dictionary", lambda v: {"ก": ("x",)} if isinstance(v, dict) else 7),
        (
            "drafts",
            lambda v: (v[0], v[1], ((("t", 1, ((1, (("x", "not a column"),), False, False, None),), (), 0, 108)),), *v[3:]),
        ),
        ("drafts", lambda v: (v[0], 42, *v[2:])),
    ],
)
def test_an_entry_of_the_right_shape_with_wrong_types_is_made_again(drafts: Path, tmp_path: Path, table: str, tamper) -> None:
    cache = tmp_path / "cache"
    _check(drafts, cache, tmp_path / "a.json")
    _rewrite(_tables(cache)[table], lambda entries: {k: tamper(v) for k, v in entries.items()})
    code, found, _ = _check(drafts, cache, tmp_path / "b.json")  # exit 3 before
    assert (code, found) == _check(drafts, "off", tmp_path / "c.json")[:2]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
@pytest.mark.parametrize("danger", ["others-write", "foreign-owner", "symlink"])
def test_a_cache_folder_that_is_not_the_users_own_is_refused(drafts: Path, tmp_path: Path, danger: str) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    if danger == "others-write":
        cache.chmod(0o777)
    elif danger == "foreign-owner":
        if os.getuid() != 0:
            pytest.skip("only root can give a folder away")
        os.chown(cache, 65534, 65534)
    else:
        real = tmp_path / "real"
        cache.rmdir()
        real.mkdir(mode=0o700)
        cache.symlink_to(real)
    code, found, err = _check(drafts, cache, tmp_path / "a.json")
    assert "ไม่ใช้แคช" in err and str(cache) in err, err
    assert not list(cache.glob("*/*")), "nothing was written into it"
    assert (code, found) == _check(drafts, "off", tmp_path / "b.json")[:2]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX modes")
def test_the_cache_folder_is_made_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    where = tmp_path / "new" / "cache"
    monkeypatch.setenv("PIPELINE_CACHE", str(where))
    monkeypatch.setattr(memo, "_tables", {})
    memo._private.cache_clear()
    memo.table("clean").put("ก", "ก")
    memo.save()
    assert where.stat().st_mode & 0o777 == 0o700
    assert memo.folder().stat().st_mode & 0o777 == 0o700
    assert all(p.stat().st_mode & 0o077 == 0 for p in memo.folder().iterdir())
    older = tmp_path / "older"
    older.mkdir(mode=0o755)  # as an earlier version made it: the user's own, only made private
    older.chmod(0o755)
    assert memo._private(str(older)) and older.stat().st_mode & 0o777 == 0o700
    memo._private.cache_clear()


def test_a_table_file_that_is_a_link_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(memo, "_tables", {})
    memo._private.cache_clear()
    memo.table("clean").put("ก", "ข")
    memo.save()
    (file,) = memo.folder().glob("clean-*.marshal")
    elsewhere = tmp_path / "elsewhere.marshal"
    shutil.move(file, elsewhere)
    file.symlink_to(elsewhere)
    monkeypatch.setattr(memo, "_tables", {})
    assert memo.table("clean") == {}
    memo._private.cache_clear()


def test_every_draft_goes_through_the_cache_and_back_unchanged(tmp_path: Path) -> None:
    """The plain form keeps every field of every block (the samples, a workbook,
    tables three deep) and passes memo's own check of plain data."""
    from pipeline.read import _read_anew
    from pipeline.read.plain import document, plain
    from tools.docxkit import tbl_xml
    from tools.xlsxkit import from_docx

    from ..conftest import C, Doc

    inner = tbl_xml([["ใน", "ตาราง"]]).replace(' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', "")
    middle = tbl_xml([[C("กลาง", nested=inner)]]).replace(
        ' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', ""
    )
    drafts = [*sorted((ROOT / "samples").glob("*.docx")), Doc().table([[C("นอก", nested=middle)]]).save(tmp_path / "d.docx")]
    drafts.append(from_docx(drafts[-2], tmp_path / "w.xlsx"))
    for path in drafts:
        doc = _read_anew(path, path.name, path.read_bytes())
        again = marshal.loads(marshal.dumps(plain(doc)))
        assert memo.plain(path.name, again) and document(again) == doc, path.name
    assert document(plain(doc)).blocks, "the documents had blocks to compare"
