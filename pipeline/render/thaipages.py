"""Thai page numbers in the PDF, in the footers and in the สารบัญ.

Word prints them from the .docx itself (w:pgNumType w:fmt="thaiNumbers",
which PAGEREF follows). LibreOffice 7 ignores that format on import, and a
PAGE field's Thai switches give letters (ก, ข, ค). What it does print as Thai
digits is its own "native numbering" of a page style, in a Thai locale. So a
plan with ตัวเลขไทย goes to PDF in two steps: .docx → flat ODF (.fodt), where
the page styles numbered 1, 2, 3 get native numbering and the contents'
page references take their page's style (reference-format "page" dropped,
which is LibreOffice's "page, styled"); then .fodt → PDF with the locale set
to th-TH. Verified on LibreOffice 7.4: pdftotext reads ๑, ๒, ๓ in footers and
contents alike; front matter numbered ก, ข, ค stays so.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..files import office

NATIVE = "Native Numbering"
_LAYOUT = re.compile(r"<style:page-layout-properties\b[^>]*>")
_FORMAT = re.compile(r"\bstyle:num-format=\"([^\"]*)\"")
_PAGE_FIELD = re.compile(r"(<text:page-number\b[^>]*?\bstyle:num-format=\")1(\")")
_REF_PAGE = re.compile(r"(<text:bookmark-ref\b[^>]*?)\s+text:reference-format=\"page\"")
LOCALE = "th-TH"


def _native(m: re.Match[str]) -> str:
    """A page style numbered 1, 2, 3 (or not at all, which means the same) numbered natively."""
    tag = m.group(0)
    found = _FORMAT.search(tag)
    if found is None:
        return tag.replace("<style:page-layout-properties", f'<style:page-layout-properties style:num-format="{NATIVE}"', 1)
    return tag if found.group(1) not in ("1", "") else _FORMAT.sub(f'style:num-format="{NATIVE}"', tag, count=1)


def thai_pages(fodt: str) -> str:
    """A flat ODF document whose page numbers print in Thai digits."""
    fodt = _LAYOUT.sub(_native, fodt)
    fodt = _PAGE_FIELD.sub(rf"\g<1>{NATIVE}\g<2>", fodt)
    return _REF_PAGE.sub(r"\1", fodt)


def convert(paths: list[Path], outdir: Path, work: Path, timeout: float) -> office.subprocess.CompletedProcess[str]:
    """``paths`` (.docx) → PDFs in ``outdir`` by way of patched .fodt files in ``work``;
    the time limit covers both steps."""
    flat = work / "flat"
    flat.mkdir(exist_ok=True)
    proc = office.convert(paths, "fodt", flat, timeout / 2)
    fodts = []
    for path in paths:
        fodt = flat / f"{path.stem}.fodt"
        if not fodt.exists():
            return proc
        fodt.write_text(thai_pages(fodt.read_text(encoding="utf-8")), encoding="utf-8")
        fodts.append(fodt)
    return office.convert(fodts, office.PDF, outdir, timeout / 2, locale=LOCALE)
