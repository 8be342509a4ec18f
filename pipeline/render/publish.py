"""The one PDF to publish (``build --publish``): the announcement followed by
the whole plan — for a revision, the amendment's announcement followed by
the amendment — as PDF/A-2b, with bookmarks and document properties, in
outputs/publish/<organisation>_แผนการดำเนินงาน_<year>.pdf.

LibreOffice writes each document as PDF/A-2b, Word's bookmarks as named
destinations; the plan template's bookmarks (plan_preface, plan_intro, …,
the ones its contents page refers to) give the pages of the parts, so a
bookmark lands on the page LibreOffice laid out, whatever the plan's length.
The contents page (สารบัญ) has no bookmark of its own: it is the page between
the preface and part 1 that carries the contents' links.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.model import Plan
from ..files import atomic, office
from ..files.paths import file_name
from . import continued
from .context import revision_long

if TYPE_CHECKING:  # pikepdf is imported only when a PDF is published, not by every build
    from ..files import pdf as pdffile

PDFA = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
FOLDER = "publish"
FORMS = (
    ("plan_pd01", "ผด.01 บัญชีสรุปจำนวนโครงการและงบประมาณ"),
    ("plan_pd02", "ผด.02 บัญชีโครงการ/กิจกรรม/งบประมาณ"),
    ("plan_pd021", "ผด.02/1 บัญชีจำนวนครุภัณฑ์"),
)


def earlier(outputs: Path) -> tuple[str, ...]:
    """PDFs an earlier build wrote to publish (relative to ``outputs``): set aside before this build's, if any, is written."""
    folder = outputs / FOLDER
    return tuple(f"{FOLDER}/{p.name}" for p in sorted(folder.glob("*.pdf"))) if folder.is_dir() else ()


def target(outputs: Path, plan: Plan, revision: bool) -> Path:
    """outputs/publish/<organisation>_แผนการดำเนินงาน_<year>.pdf (a revision names its number)."""
    prof = plan.profile
    name = f"{prof.org_name or 'หน่วยงาน'}_แผนการดำเนินงาน_{prof.fiscal_year or ''}"
    if revision:
        name += "_" + revision_long(plan).replace("/", "-").replace(" ", "")
    return outputs / FOLDER / f"{file_name(name)}.pdf"


def _pages(names: dict[str, int]) -> dict[str, int]:
    # LibreOffice writes "_" in a destination's name as "5F"
    return {name.replace("5F", "_"): page for name, page in names.items()}


def plan_marks(plan_pdf: bytes, offset: int) -> list[pdffile.Mark]:
    """Bookmarks for the plan's parts and forms, on the pages of the joined file."""
    from ..files import pdf as pdffile

    at = _pages(pdffile.destinations(plan_pdf))
    marks = []
    if "plan_preface" in at:
        marks.append(pdffile.Mark("คำนำ", offset + at["plan_preface"]))
        end = at.get("plan_intro", at["plan_preface"] + 2)
        links = [p for p in pdffile.linking_pages(plan_pdf) if at["plan_preface"] < p < end]
        contents = links[0] if links else at["plan_preface"] + 1
        if contents < end:
            marks.append(pdffile.Mark("สารบัญ", offset + contents))
    if "plan_intro" in at:
        marks.append(pdffile.Mark("ส่วนที่ 1 บทนำ", offset + at["plan_intro"]))
    forms = tuple(pdffile.Mark(title, offset + at[name]) for name, title in FORMS if name in at)
    if "plan_part2" in at:
        marks.append(pdffile.Mark("ส่วนที่ 2 บัญชีโครงการ/กิจกรรม/งบประมาณ", offset + at["plan_part2"], forms))
    else:
        marks.extend(forms)
    return marks


def properties(plan: Plan, revision: bool) -> pdffile.Properties:
    """Title, subject and keywords of the published file, in Thai."""
    from ..files import pdf as pdffile

    prof = plan.profile
    year = f"ประจำปีงบประมาณ พ.ศ. {prof.fiscal_year}" if prof.fiscal_year else ""
    what = f"แผนการดำเนินงาน {revision_long(plan)}" if revision else "แผนการดำเนินงาน"
    title = " ".join(filter(None, (what, year, prof.org_name)))
    place = " ".join(
        filter(None, (f"อำเภอ{prof.district}" if prof.district else "", f"จังหวัด{prof.province}" if prof.province else ""))
    )
    subject = f"ประกาศ{prof.org_name} เรื่อง ประกาศใช้{what} {year} และ{what}ฉบับเต็ม {place}".strip()
    keywords = tuple(
        filter(None, ("แผนการดำเนินงาน", "ผด.01", "ผด.02", "ผด.02/1", prof.org_name, prof.district, prof.province, year))
    )
    return pdffile.Properties(" ".join(title.split()), " ".join(subject.split()), keywords, prof.org_name or "หน่วยงาน")


def _to_pdfa(docs: list[Path], timeout: float) -> tuple[list[bytes], str]:
    with tempfile.TemporaryDirectory() as tmp:
        try:
            proc = continued.convert(docs, Path(tmp), lambda ps, out: office.convert(ps, PDFA, out, timeout))
        except FileNotFoundError:
            return (
                [],
                "ไม่พบ LibreOffice จึงไม่ได้สร้าง PDF ที่จะเผยแพร่ — ติดตั้งด้วย: sudo apt-get install libreoffice-writer-nogui fonts-thai-tlwg",
            )
        except subprocess.TimeoutExpired:
            return [], f"LibreOffice แปลงเป็น PDF/A ไม่เสร็จใน {timeout:g} วินาที (ตั้งเวลาได้ใน pipeline.toml: [pdf] timeout)"
        made = [Path(tmp) / f"{d.stem}.pdf" for d in docs]
        missing = [d.name for d, m in zip(docs, made, strict=True) if not m.exists()]
        if missing:
            return [], f"LibreOffice แปลง {', '.join(missing)} เป็น PDF/A ไม่สำเร็จ: {proc.stderr.strip()[:300]}"
        return [m.read_bytes() for m in made], ""


def publish(plan: Plan, outputs: Path, revision: bool, timeout: float) -> tuple[Path | None, str]:
    """Write the PDF to publish from the documents in ``outputs``; its path and a message."""
    from ..files import pdf as pdffile

    docs = [outputs / "announcement.docx", outputs / ("amendment.docx" if revision else "plan.docx")]
    parts, problem = _to_pdfa(docs, timeout)
    if problem:
        return None, problem
    offset = pdffile.facts(parts[0]).pages
    body = [pdffile.Mark("แผนการดำเนินงาน " + revision_long(plan), offset)] if revision else plan_marks(parts[1], offset)
    data = pdffile.publish(parts, [pdffile.Mark("ประกาศ", 0), *body], properties(plan, revision))
    got = pdffile.facts(data)
    if got.pdfa != "2B" or got.unembedded_fonts:
        fonts = f" แบบอักษรที่ไม่ได้ฝัง: {', '.join(got.unembedded_fonts)}" if got.unembedded_fonts else ""
        return None, f"PDF ที่จะเผยแพร่ไม่เป็น PDF/A-2b ({got.pdfa or 'ไม่ระบุ'}){fonts} — จึงไม่ได้เขียน"
    path = atomic.write_bytes(target(outputs, plan, revision), data)
    return path, f"PDF ที่จะเผยแพร่ (PDF/A-2b, {got.pages} หน้า, ที่คั่นหน้า {len(got.outline)} รายการ): {path}"


def publish_message(plan: Plan, outputs: Path, revision: bool, timeout: float) -> str:
    """``build --publish``: write the PDF; the Thai line that says where it is, or why not."""
    return publish(plan, outputs, revision, timeout)[1]
