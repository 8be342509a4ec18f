"""docs/images/annotated-draft.png: the README's picture of a commented draft.

The sample's กองช่าง.docx with two slips typed in (an amount in words, "เเ"
for "แ"), annotated by ``check --annotate``, rendered by LibreOffice with the
comments exported as PDF notes. LibreOffice 7.4 cannot print comments in the
margin (ExportNotesInMargin came later), so the notes' texts are drawn in a
margin beside the rendered page, each joined by a line to where LibreOffice
put its mark. Run: .venv/bin/python -m tools.annotated_picture
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import textwrap
import zipfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from pipeline.annotate import annotate
from pipeline.app import check
from pipeline.files import pdf

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images" / "annotated-draft.png"
DRAFT = "กองช่าง.docx"
SLIPS = (
    ('<w:t xml:space="preserve">350,000</w:t>', '<w:t xml:space="preserve">สามแสนห้าหมื่น</w:t>'),
    ("พร้อมป้ายโครงการ", "พร้อมเเผ่นป้ายโครงการ"),
)
NOTES = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
DPI, MARGIN = 110, 560
FONT = "/usr/share/fonts/truetype/tlwg/Loma.ttf"


def with_slips(src: Path, dst: Path) -> None:
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    for wrong, right in SLIPS:
        assert wrong in xml, wrong
        xml = xml.replace(wrong, right, 1)
    parts["word/document.xml"] = xml.encode()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)


def render(docx: Path, tmp: Path) -> tuple[Image.Image, list[tuple[float, float, str]]]:
    profile = (tmp / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", NOTES, "--outdir", str(tmp), str(docx)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    rendered = tmp / f"{docx.stem}.pdf"
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-f", "1", "-l", "1", str(rendered), str(tmp / "page")], check=True
    )
    return Image.open(tmp / "page.png").convert("RGB"), pdf.notes(rendered.read_bytes(), 0)


def draw(page: Image.Image, notes: list[tuple[float, float, str]]) -> Image.Image:
    scale = DPI / 72
    out = Image.new("RGB", (page.width + MARGIN, page.height), "white")
    out.paste(page, (0, 0))
    ink = ImageDraw.Draw(out)
    font = ImageFont.truetype(FONT, 15)
    top = 20
    for x, y, text in sorted(notes, key=lambda n: n[1]):
        lines = [w for line in text.splitlines() for w in (textwrap.wrap(line, 62) or [""])][:9]
        box = (page.width + 12, max(top, int(y * scale) - 10), out.width - 12, 0)
        height = 12 + 21 * len(lines)
        box = (box[0], box[1], box[2], box[1] + height)
        ink.rectangle(box, fill="#fff4c2", outline="#d4a017")
        ink.line([(int(x * scale), int(y * scale)), (box[0], box[1] + 12)], fill="#d4a017", width=2)
        for n, line in enumerate(lines):
            ink.text((box[0] + 8, box[1] + 6 + 21 * n), line, font=font, fill="black")
        top = box[3] + 8
    return out.crop((0, 0, out.width, min(out.height, max(top + 20, int(out.height * 0.6)))))


def main() -> Path:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        inputs = tmp / "inputs"
        shutil.copytree(ROOT / "samples", inputs)
        with_slips(ROOT / "samples" / DRAFT, inputs / DRAFT)
        annotate(check(inputs).findings, inputs, tmp / "annotated")
        page, notes = render(tmp / "annotated" / DRAFT, tmp)
        OUT.parent.mkdir(parents=True, exist_ok=True)
        draw(page, notes).save(OUT, optimize=True)
    return OUT


if __name__ == "__main__":
    print(main())
