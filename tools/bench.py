"""make bench: how fast the pipeline is, as ratios against a floor measured
in the same run on the same machine (so the numbers compare across machines).

The floor is the least any reader must do: unzip document.xml and let lxml
parse it and visit every element. Each stage is reported as seconds and as a
multiple of that floor. python-docx's row.cells walk is shown for contrast.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from lxml import etree

from pipeline.check import run_checks
from pipeline.context import plan_context
from pipeline.extract import extract
from pipeline.read import read_inputs
from pipeline.read.docx import read_docx
from pipeline.render import TEMPLATES, render_docx
from tools.docxkit import C, Doc, R

MONTHS = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
ROWS = 1000


def big_draft(folder: Path) -> Path:
    head = R(["ที่", "โครงการ", "รายละเอียดของกิจกรรม", "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก", *MONTHS], header=True)
    rows: list = [head]
    for i in range(ROWS):
        cells = [
            str(i + 1),
            f"โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายที่ {i}",
            "กว้าง 4 เมตร ยาว 200 เมตร",
            f"{(i + 1) * 1000:,}",
            f"หมู่ที่ {i % 12 + 1}",
            "กองช่าง",
        ]
        cells += [C(fill="A6A6A6") if (i + m) % 4 == 0 else C() for m in range(12)]
        rows.append(cells)
    doc = Doc(landscape=True).p("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน").p("1.1 แผนงานเคหะและชุมชน").table(rows)
    return doc.save(folder / "inputs" / "big.docx")


def best(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = big_draft(Path(tmp))
        inputs = path.parent

        def floor() -> None:
            with zipfile.ZipFile(path) as z:
                root = etree.fromstring(z.read("word/document.xml"))
            for _ in root.iter():
                pass

        def python_docx_cells() -> None:
            for table in docx.Document(str(path)).tables:
                for r in table.rows:
                    _ = [c.text for c in r.cells]

        result = read_inputs(inputs)
        plan = extract(result)
        stages = {
            "floor: unzip + lxml parse + visit": floor,
            "read (our XML walk)": lambda: read_docx(path, "big.docx"),
            "python-docx row.cells (contrast)": python_docx_cells,
            "extract (blocks → records)": lambda: extract(result),
            "check (all rules)": lambda: run_checks(plan),
            "render plan.docx (docxtpl)": lambda: render_docx(
                TEMPLATES / "plan.docx", plan_context(plan), Path(tmp) / "plan.docx"
            ),
        }
        times = {name: best(fn, 3 if "render" in name else 5) for name, fn in stages.items()}
    base = times["floor: unzip + lxml parse + visit"]
    print(f"make bench — one draft, {ROWS} project rows × 18 cells; best of 3–5 runs")
    print(f"{'stage':40} {'seconds':>9} {'× floor':>9}")
    for name, t in times.items():
        print(f"{name:40} {t:9.3f} {t / base:9.1f}")
    print(
        f"projects read: {len(plan.projects)} · median stage/floor ratio {statistics.median(t / base for t in times.values()):.1f}"
    )


if __name__ == "__main__":
    main()
