"""make bench: how fast the pipeline is, as ratios against a floor measured in
the same run on the same machine (so the numbers compare across machines).

The floor is the least any reader must do: unzip every draft's document.xml
and let lxml parse it and visit every element. For plans of 200, 2,000 and
10,000 projects (drafts of 100 rows each, as divisions send them) each stage
is timed — read, extract, check, render, and PDF for the two smaller sizes —
and the whole ``build --draft`` (reports, annotated drafts and documents too),
shown as seconds, as a multiple of that size's floor, and as the growth
from the size before (5× the projects should cost about 5× the time). The
sample's own `check` (the command a planning officer runs) is timed too.
Last, with LibreOffice, the line breaks on paper (tools/typeset.py) of the
sample and of every folder of drafts in TYPESET_SETS (path-separated).
"""

from __future__ import annotations

import compileall
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from pipeline.app import build, build_report, check
from pipeline.batch import run as batch
from pipeline.extract import extract
from pipeline.files.office import soffice
from pipeline.read import read_inputs
from pipeline.render.context import plan_context
from pipeline.render.docx import TEMPLATES, render_docx, to_pdf
from pipeline.rules.runner import run_checks
from tools.docxkit import C, Doc, R
from tools.sample_data import PROJECTS

ROOT = Path(__file__).resolve().parents[1]
MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
SIZES = (200, 2000, 10000)
PER_DRAFT = 100
ORGANISATIONS = 40
PDF_UP_TO = 200  # LibreOffice takes minutes on a plan of thousands of projects (146 s at 2,000)


def drafts(folder: Path, projects: int, first: int = 0) -> Path:
    """Project drafts of PER_DRAFT rows each plus the sample's reference drafts;
    projects are numbered from ``first`` (organisations do not share names)."""
    folder.mkdir(parents=True)
    for name in ("00_ข้อมูลทั่วไป.docx", "01_บทนำ.docx", "03_แผนพัฒนาท้องถิ่น_2561-2565.docx"):
        shutil.copy(ROOT / "samples" / name, folder / name)
    head = R(["ที่", "โครงการ", "รายละเอียดของกิจกรรม", "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก", *MONTHS], header=True)
    for d in range(0, projects, PER_DRAFT):
        rows: list = [head]
        for i in range(d, min(d + PER_DRAFT, projects)):
            p = PROJECTS[(first + i) % len(PROJECTS)]
            cells = [str(i - d + 1), f"{p.name} ระยะที่ {first + i}", p.activity, f"{(i % 97 + 1) * 1000:,}", p.location, "กองช่าง"]
            cells += [C(fill="A6A6A6") if (i + m) % 4 == 0 else C() for m in range(12)]
            rows.append(cells)
        Doc(landscape=True).p("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน").p("1.1 แผนงานเคหะและชุมชน").table(rows).save(
            folder / f"กอง{d // PER_DRAFT:03}.docx"
        )
    return folder


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def floor(folder: Path) -> float:
    def walk() -> None:
        for path in folder.glob("*.docx"):
            with zipfile.ZipFile(path) as z:
                for _ in etree.fromstring(z.read("word/document.xml")).iter():
                    pass

    return timed(walk, 3)


def measure(size: int, tmp: Path) -> dict[str, float]:
    folder = drafts(tmp / f"in{size}", size)
    out = {"floor": floor(folder)}
    result = None

    def read() -> None:
        nonlocal result
        result = read_inputs(folder)

    out["read"] = timed(read, 2 if size < 10000 else 1)
    plan = extract(result)
    out["extract"] = timed(lambda: extract(result), 2 if size < 10000 else 1)
    out["check"] = timed(lambda: run_checks(plan))
    target = tmp / f"plan{size}.docx"
    out["render"] = timed(lambda: render_docx(TEMPLATES / "plan.docx", plan_context(plan), target))
    if size <= PDF_UP_TO and soffice():
        out["pdf"] = timed(lambda: to_pdf([target], tmp, timeout=600))
    # The whole command as a user runs it (issue 23 asks ≤ 15× the floor at 10,000 projects): reading,
    # checking, the reports (json, html, xlsx), annotated drafts for the findings and both documents.
    out["build --draft"] = timed(lambda: build(folder, tmp / f"out{size}", draft=True))
    return out


FLOOR_SCRIPT = """
import sys, zipfile
from pathlib import Path
from lxml import etree
for p in Path(sys.argv[1]).glob("*.docx"):
    with zipfile.ZipFile(p) as z:
        for _ in etree.fromstring(z.read("word/document.xml")).iter():
            pass
"""


def command_wall(inputs: Path, cache: Path, rounds: int = 7) -> tuple[float, float, float]:
    """``python -m pipeline check`` as a user runs it — on drafts never seen
    (every text cleaned, cut and spelled; the dictionary already in the cache,
    as ``make`` leaves it) and again (the same drafts: the answers come from
    the cache, see pipeline/memo.py) — and its
    floor: a new interpreter that unzips and parses the same drafts. The three
    take turns, and each keeps its best round: this machine's speed moves
    from one second to the next, and a ratio of two runs far apart measures that."""
    env = {**os.environ, "PIPELINE_CACHE": str(cache)}

    def run(*args: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], check=False, capture_output=True, cwd=ROOT, env=env)
        return time.perf_counter() - start

    def forget_texts() -> None:
        for table in cache.glob("*/*.marshal"):
            if not table.name.startswith(("dictionary-", "pythainlp-")):
                table.unlink()

    run("-m", "pipeline", "check", str(inputs))  # the dictionary into the cache
    cold = warm = bare = float("inf")
    for _ in range(rounds):
        forget_texts()
        cold = min(cold, run("-m", "pipeline", "check", str(inputs)))
        warm = min(warm, run("-m", "pipeline", "check", str(inputs)))
        bare = min(bare, run("-c", FLOOR_SCRIPT, str(inputs)))
    return cold, warm, bare


def batch_efficiency(tmp: Path) -> tuple[float, float, int]:
    """40 organisations of 50 projects, each with its own project names (as real
    ones have: were they the same, one process would find every text of the
    39 others already in its caches and the pool's workers would not): the
    sum of their builds one after another, and the batch over all cores (the
    issue asks at most 1.25 × sum ÷ cores)."""
    root = tmp / "organisations"
    root.mkdir()
    for i in range(ORGANISATIONS):
        drafts(root / f"org{i:02}", 50, first=i * 50)
    cores = os.cpu_count() or 1
    # alternated and the best of two each: one noisy moment of this machine does not decide the ratio
    one_by_one, pooled = float("inf"), float("inf")
    for _ in range(2):
        one_by_one = min(one_by_one, timed(lambda: batch.run(root, tmp / "seq", build_report, jobs=1)))
        pooled = min(pooled, timed(lambda: batch.run(root, tmp / "pool", build_report, jobs=cores)))
    return one_by_one, pooled, cores


def typesetting(tmp: Path) -> None:
    """Line breaks on paper (tools/typeset.py) for the sample and every folder of drafts
    named in TYPESET_SETS (separated by the path separator): built with --draft to PDF."""
    from tools import typeset

    folders = [ROOT / "samples", *(Path(p) for p in os.environ.get("TYPESET_SETS", "").split(os.pathsep) if p)]
    for i, folder in enumerate(folders):
        out = tmp / f"typeset{i}"
        build(folder, out, draft=True, pdf=True)
        if not (out / "plan.pdf").exists():
            print(f"typeset {folder}: no PDF")
            continue
        plan = typeset.measure(str(out / "plan.pdf"), typeset.amounts_of(str(out / "records.json")))
        other = [typeset.measure(str(pdf), set()) for pdf in sorted(out.glob("*.pdf")) if pdf.name != "plan.pdf"]
        found = [plan, *other]
        print(
            f"typeset {folder}: {sum(len(c.syllables) for c in found)} mid-syllable breaks, "
            f"{sum(len(c.words) for c in found)} other mid-word breaks, {sum(len(c.numbers) for c in found)} broken numbers, "
            f"{sum(len(c.junk) for c in found)} junk, {len(plan.missing)} amounts not whole"
        )


def main() -> None:
    started = time.perf_counter()
    # The commands timed below would compile every module edited since the last run from source when the
    # environment forbids writing bytecode (PYTHONDONTWRITEBYTECODE, set on this machine); a user's has it.
    compileall.compile_dir(ROOT / "pipeline", quiet=1)
    # Stages are timed in this process from an empty cache, as on a plan's first run (memo.py keeps
    # texts' answers between runs); only the command line's second run below uses the cache.
    os.environ["PIPELINE_CACHE"] = "off"
    with tempfile.TemporaryDirectory() as tmp:
        sample_floor = floor(ROOT / "samples")
        sample_check = timed(lambda: check(ROOT / "samples"), 3)
        cold, wall, wall_floor = command_wall(ROOT / "samples", Path(tmp) / "cache")
        results = {size: measure(size, Path(tmp)) for size in SIZES}
        one_by_one, pooled, cores = batch_efficiency(Path(tmp))
    print("make bench — seconds, × the floor of the same size (unzip + lxml parse of its drafts), growth from the size before")
    print(
        f"sample check (8 drafts, 46 items): {sample_check:.2f} s, {sample_check / sample_floor:.1f}× its floor ({sample_floor:.3f} s)"
    )
    print(
        f"python -m pipeline check samples (wall, new interpreter): {wall:.2f} s, {wall / wall_floor:.1f}× "
        f"an interpreter that unzips and parses the same drafts ({wall_floor:.2f} s); "
        f"on drafts never seen (no text in the cache): {cold:.2f} s, {cold / wall_floor:.1f}×"
    )
    stages = ("read", "extract", "check", "render", "pdf", "build --draft")
    print(f"{'projects':>9} {'floor':>8} " + " ".join(f"{s:>22}" for s in stages))
    previous: dict[str, float] | None = None
    for size, r in results.items():
        cells = []
        for s in stages:
            if s not in r:
                cells.append(f"{'—':>22}")
                continue
            growth = f" ↑{r[s] / previous[s]:4.1f}" if previous and s in previous else "      "
            cells.append(f"{r[s]:7.2f}s {r[s] / r['floor']:6.1f}×{growth}")
        print(f"{size:>9,} {r['floor']:7.3f}s " + " ".join(cells))
        previous = r
    ideal = one_by_one / cores
    print(
        f"batch of {ORGANISATIONS} organisations × 50 projects: one after another {one_by_one:.1f} s, "
        f"over {cores} cores {pooled:.1f} s = {pooled / ideal:.2f} × (sum ÷ cores)"
    )
    if soffice():
        with tempfile.TemporaryDirectory() as tmp:
            typesetting(Path(tmp))
    print(f"(bench ran {time.perf_counter() - started:.0f} s; PDF up to {PDF_UP_TO:,} projects)")


if __name__ == "__main__":
    main()
