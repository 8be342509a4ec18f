"""The cache of text work between runs (pipeline/memo.py): a warm check says
exactly what a cold one says, needs no pythainlp, and a damaged, read-only or
switched-off cache changes nothing but the time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.core import memo
from pipeline.rules import spelling
from tools.xlsxkit import from_docx

from ..conftest import ROOT, SAMPLES, Doc, seed_docx

# A check through the command line that also says whether pythainlp and openpyxl were imported.
RUN = """
import sys
from pipeline import cli
try:
    code = cli.main(["check", sys.argv[1], "--json", sys.argv[2]])
finally:
    print("PYTHAINLP", "pythainlp" in sys.modules)
    print("OPENPYXL", "openpyxl" in sys.modules)
"""


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample (one division's draft as an Excel workbook) plus the seed
    introduction: slips the text rules find."""
    folder = tmp_path_factory.mktemp("memo") / "inputs"
    shutil.copytree(SAMPLES, folder)
    seed_docx(folder / "09_seed.docx")
    division = next(folder.glob("*กองคลัง*.docx"))
    from_docx(division, division.with_suffix(".xlsx"))
    division.unlink()
    return folder


def _run(drafts: Path, cache: str, out: Path) -> tuple[dict, str]:
    env = {**os.environ, "PIPELINE_CACHE": cache}
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(drafts), str(out)], env=env, capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert done.returncode in (0, 1), done.stderr
    return json.loads(out.read_text(encoding="utf-8")), done.stdout


def _check(drafts: Path, cache: str, out: Path) -> tuple[dict, bool]:
    report, said = _run(drafts, cache, out)
    return report, "PYTHAINLP True" in said


def _findings(report: dict) -> list:
    return [(f["code"], f["message"], f["file"], f["paragraph"], f["value"], f["suggestion"]) for f in report["findings"]]


def test_a_warm_check_says_what_a_cold_one_says_without_pythainlp(drafts: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold, cold_said = _run(drafts, str(cache), tmp_path / "cold.json")
    warm, warm_said = _run(drafts, str(cache), tmp_path / "warm.json")
    off, _ = _run(drafts, "off", tmp_path / "off.json")
    assert "PYTHAINLP True" in cold_said and "OPENPYXL True" in cold_said, "the first run reads the workbook and cuts the texts"
    assert "PYTHAINLP False" in warm_said, "every text was seen before: cleaning, cuts and spelling answers come from the cache"
    assert "OPENPYXL False" in warm_said, "the workbook's bytes are the same: it is not read again"
    assert _findings(cold) == _findings(warm) == _findings(off)
    assert cold["stats"] == warm["stats"] == off["stats"]
    assert {"near-miss-term", "doubled-word", "old-regulation"} <= {f[0] for f in _findings(cold)}
    tables = {p.name.split("-")[0] for p in cache.glob("*/*.marshal")}
    assert {"drafts", "clean", "newmm", "near", "doubled", "dictionary", "pythainlp"} <= tables


def test_an_edited_draft_is_read_again(drafts: Path, tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    shutil.copytree(drafts, folder)
    cache = str(tmp_path / "cache")
    before, _ = _check(folder, cache, tmp_path / "a.json")
    seed = folder / "09_seed.docx"
    Doc().p("บทนำ").p("ทำให้ง่ายต่อการติดตามและประเมินผมการดำเนินงาน").save(seed)
    after, _ = _check(folder, cache, tmp_path / "b.json")
    fresh, _ = _check(folder, "off", tmp_path / "c.json")
    assert _findings(after) == _findings(fresh) != _findings(before)
    assert [(f[0], f[3], f[4], f[5]) for f in _findings(after) if f[2] == "09_seed.docx"] == [
        ("near-miss-term", 2, "ประเมินผม", "ประเมินผล")
    ]
    renamed = folder / "10_intro.docx"
    seed.rename(renamed)  # the same bytes under another name: its findings name the new file
    moved, _ = _check(folder, cache, tmp_path / "d.json")
    assert {f[2] for f in _findings(moved)} >= {"10_intro.docx"} and "09_seed.docx" not in {f[2] for f in _findings(moved)}


def test_a_damaged_cache_is_read_as_empty(drafts: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    good, _ = _check(drafts, str(cache), tmp_path / "a.json")
    for table in cache.glob("*/*.marshal"):
        table.write_bytes(b"\x00not marshal" + table.read_bytes()[:40])
    again, imported = _check(drafts, str(cache), tmp_path / "b.json")
    assert imported, "nothing usable was cached, so the work was done again"
    assert _findings(again) == _findings(good)


def test_a_damaged_draft_entry_is_read_again(drafts: Path, tmp_path: Path) -> None:
    import marshal

    cache = tmp_path / "cache"
    good, _ = _run(drafts, str(cache), tmp_path / "a.json")
    (table,) = cache.glob("*/drafts-*.marshal")
    entries = marshal.loads(table.read_bytes())
    table.write_bytes(marshal.dumps({key: blob[: len(blob) // 2] for key, blob in entries.items()}))
    again, said = _run(drafts, str(cache), tmp_path / "b.json")
    assert "OPENPYXL True" in said, "the workbook's entry was damaged, so it was read again"
    assert _findings(again) == _findings(good) and again["stats"] == good["stats"]


def test_an_unwritable_cache_costs_only_time(drafts: Path, tmp_path: Path) -> None:
    # A file where the folder should be: unwritable even for root (who ignores permissions).
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder")
    report, imported = _check(drafts, str(blocker), tmp_path / "a.json")
    assert imported and report["findings"]
    assert blocker.read_text() == "not a folder"


def test_cached_spelling_answers_survive_the_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path))
    monkeypatch.setattr(memo, "_tables", {})
    spelling._kept.cache_clear()
    terms = frozenset({"แผนการดำเนินงาน", "คอนกรีตเสริมเหล็ก", "ประชาสัมพันธ์"})
    texts = ["จัดทำแผนการดำเนินงานนประจำปี", "ก่อสร้างถนนคอนกรีดเสริมเหล็ก", "งบประมาณมาณ", "ปกติ ไม่มีอะไร"]
    fresh = [spelling.near_misses(t, terms) for t in texts], [spelling.doubled(t, terms) for t in texts]
    memo.save()
    monkeypatch.setattr(memo, "_tables", {})
    spelling._kept.cache_clear()
    kept = [spelling.near_misses(t, terms) for t in texts], [spelling.doubled(t, terms) for t in texts]
    assert kept == fresh
    assert fresh[0][1] and fresh[1][2], "the slips are found, so the comparison means something"
    assert kept == (
        [spelling._near_misses(t, terms, frozenset(), False, frozenset()) for t in texts],
        [spelling._doubled(t, terms) for t in texts],
    )
    spelling._kept.cache_clear()


def test_other_terms_are_another_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path))
    monkeypatch.setattr(memo, "_tables", {})
    a = memo.table("near-misses", "ก\nข")
    a.put("x", 1)
    assert memo.table("near-misses", "ก\nข") is a
    assert "x" not in memo.table("near-misses", "ก\nค")


def test_the_folder_follows_the_code(monkeypatch: pytest.MonkeyPatch) -> None:
    memo._program.cache_clear()
    now = memo._program()
    monkeypatch.setattr(memo, "CODE", ("core/memo.py", "core/thai/clean.py"))
    memo._program.cache_clear()
    assert memo._program() != now
    monkeypatch.undo()
    memo._program.cache_clear()
    assert memo._program() == now


def test_older_codes_folders_go_and_nothing_else(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path))
    old = tmp_path / ("0" * 20)
    old.mkdir()
    (old / "clean-1.marshal").write_bytes(b"")
    foreign = tmp_path / ("1" * 20)
    foreign.mkdir()
    (foreign / "notes.txt").write_text("someone else's")
    other = tmp_path / "photos"
    other.mkdir()
    for folder in (old, foreign, other):
        os.utime(folder, (0, 0))
    monkeypatch.setattr(memo, "_tables", {})
    memo.table("clean").put("ก", "ก")
    memo.save()
    assert not old.exists()
    assert foreign.exists() and other.exists()
    assert (memo.folder() / next(iter(memo._tables))).exists()


def test_a_table_past_its_limit_drops_its_oldest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path))
    monkeypatch.setattr(memo, "_tables", {})
    t = memo.table("drafts", limit=8)
    for i in range(11):
        t.put(str(i), i)
    assert t == {str(i): i for i in range(4, 11)} and t.dirty, "at 8 entries the oldest two went, twice"
    memo.save()
    monkeypatch.setattr(memo, "_tables", {})
    assert memo.table("drafts", limit=9) == {str(i): i for i in range(4, 11)}
    monkeypatch.setattr(memo, "_tables", {})
    assert memo.table("drafts", limit=4) == {}, "a table larger than its limit is not read (the limit was lowered)"
    big = memo.Table()
    big.limit = 1000
    for i in range(100_000):
        big.put(i, i)
    assert 750 <= len(big) <= 1000 and big[99_999] == 99_999


def test_only_the_recent_tables_stay_in_memory_and_the_others_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIPELINE_CACHE", str(tmp_path))
    monkeypatch.setattr(memo, "_tables", {})
    for i in range(memo.OPEN + 5):
        memo.table("newmm", f"terms of organisation {i}").put("ถนน", ("ถนน",))
    assert len(memo._tables) == memo.OPEN
    assert len(list(memo.folder().glob("newmm-*.marshal"))) == 5
    memo.save()
    monkeypatch.setattr(memo, "_tables", {})
    assert memo.table("newmm", "terms of organisation 0") == {"ถนน": ("ถนน",)}


def test_documents_built_from_the_cache_are_the_same_bytes(tmp_path: Path) -> None:
    import hashlib

    def build(cache: str, out: Path) -> dict[str, str]:
        env = {**os.environ, "PIPELINE_CACHE": cache}
        done = subprocess.run(
            [sys.executable, "-m", "pipeline", "build", str(SAMPLES), str(out)],
            env=env,
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return {n: hashlib.sha256((out / n).read_bytes()).hexdigest() for n in ("plan.docx", "announcement.docx", "records.json")}

    cache = str(tmp_path / "cache")
    first = build(cache, tmp_path / "first")
    assert build(cache, tmp_path / "again") == first == build("off", tmp_path / "off")
