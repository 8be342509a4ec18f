"""The one module that talks to pikepdf: join PDF/A files into one, give it an
outline and document properties, and read those back.

LibreOffice writes each document as PDF/A-2b (fonts embedded, an output
intent, XMP with the PDF/A identification). Joining keeps the first file's
catalogue (its output intent and XMP) and appends the other pages; what
would no longer be true after the join is removed or rewritten:

- the structure trees (tags) of the parts cannot be joined by page copying,
  so the joined file is untagged (PDF/A-2b does not require tags);
- links in an appended part point at its own pages: they are pointed at the
  same pages of the joined file (a page copied alone would otherwise bring a
  stray copy of every page it links to);
- the XMP and the document information dictionary are written together, so
  they agree, as PDF/A requires.

qpdf (inside pikepdf's wheels) does the writing; pikepdf was chosen for its
XMP support that keeps PDF/A identification (``open_metadata``).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import pikepdf
from pikepdf import Name, OutlineItem, Pdf


@dataclass(frozen=True)
class Mark:
    """One outline entry: its title, page (0-based, in the joined file) and entries under it."""

    title: str
    page: int
    children: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Properties:
    title: str
    subject: str
    keywords: tuple[str, ...]
    author: str
    language: str = "th"


@dataclass
class Facts:
    """What a PDF says about itself: read back for the tests and the check after writing."""

    pages: int = 0
    outline: list[tuple[int, str, int]] = field(default_factory=list)  # (depth, title, page)
    title: str = ""
    subject: str = ""
    keywords: str = ""
    author: str = ""
    language: str = ""
    pdfa: str = ""  # "2B" when the XMP identifies the file as PDF/A-2b
    unembedded_fonts: list[str] = field(default_factory=list)


def destinations(data: bytes) -> dict[str, int]:
    """Named destinations (LibreOffice writes Word's bookmarks as these) → page, 0-based."""
    with Pdf.open(io.BytesIO(data)) as pdf:
        pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        root, out = pdf.Root, {}
        named = list(root.Dests.items()) if Name.Dests in root else []
        if Name.Names in root and Name.Dests in root.Names:
            named += list(pikepdf.NameTree(root.Names.Dests).items())
        for name, dest in named:
            target = dest.get(Name.D) if isinstance(dest, pikepdf.Dictionary) else dest
            if isinstance(target, pikepdf.Array) and len(target) and target[0].objgen in pages:
                out[str(name).lstrip("/")] = pages[target[0].objgen]
        return out


def drop_destinations(data: bytes, prefix: str) -> bytes:
    """The PDF without the named destinations whose names begin with ``prefix``
    (marks a program set to find where rows fell, not meant for readers);
    LibreOffice writes them in the catalogue's /Dests, a name tree holds them
    in other writers' files."""
    with Pdf.open(io.BytesIO(data)) as pdf:
        root, dropped = pdf.Root, 0
        if Name.Dests in root:
            for name in [k for k in root.Dests if k.lstrip("/").startswith(prefix)]:
                del root.Dests[name]
                dropped += 1
        if Name.Names in root and Name.Dests in root.Names:
            tree = pikepdf.NameTree(root.Names.Dests)
            for name in [k for k in tree if str(k).startswith(prefix)]:
                del tree[name]
                dropped += 1
        if not dropped:
            return data
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()


def linking_pages(data: bytes) -> list[int]:
    """Pages (0-based) with links inside the document: a contents page has one per entry."""
    with Pdf.open(io.BytesIO(data)) as pdf:
        return [i for i, page in enumerate(pdf.pages) for a in page.get(Name.Annots, []) if a.get(Name.Subtype) == Name.Link]


def _link_targets(pdf: Pdf) -> Iterator[pikepdf.Array]:
    for page in pdf.pages:
        for annot in page.get(Name.Annots, []):
            dest = annot.get(Name.Dest)
            if dest is None and Name.A in annot:
                dest = annot.A.get(Name.D)
            if isinstance(dest, pikepdf.Array) and len(dest):
                yield dest


def _untag(pdf: Pdf) -> None:
    for key in (Name.StructTreeRoot, Name.MarkInfo, Name.Outlines):
        if key in pdf.Root:
            del pdf.Root[key]
    for page in pdf.pages:
        if Name.StructParents in page.obj:
            del page.obj[Name.StructParents]
        for annot in page.get(Name.Annots, []):
            if Name.StructParent in annot:
                del annot[Name.StructParent]


def join(parts: Sequence[bytes]) -> tuple[Pdf, list[Pdf]]:
    """The parts' pages in order in one PDF (the first part's catalogue kept),
    and the other parts, which must stay open until it is saved (qpdf copies
    their streams when it writes)."""
    out = Pdf.open(io.BytesIO(parts[0]))
    _untag(out)
    kept = []
    for data in parts[1:]:
        part = Pdf.open(io.BytesIO(data))
        kept.append(part)
        _untag(part)
        index = {p.obj.objgen: i for i, p in enumerate(part.pages)}
        for dest in _link_targets(part):  # a page number for now: the page itself once it is in ``out``
            dest[0] = index.get(dest[0].objgen, 0) if isinstance(dest[0], pikepdf.Dictionary) else dest[0]
        offset = len(out.pages)
        out.pages.extend(part.pages)
        for page in out.pages[offset:]:
            for annot in page.get(Name.Annots, []):
                dest = annot.get(Name.Dest)
                if dest is None and Name.A in annot:
                    dest = annot.A.get(Name.D)
                if isinstance(dest, pikepdf.Array) and len(dest) and isinstance(dest[0], int):
                    dest[0] = out.pages[min(offset + int(dest[0]), len(out.pages) - 1)].obj
    return out, kept


def _items(marks: Sequence[Mark], pages: int) -> list[OutlineItem]:
    items = []
    for m in marks:
        item = OutlineItem(m.title, min(m.page, pages - 1))
        item.children.extend(_items(m.children, pages))
        items.append(item)
    return items


def publish(parts: Sequence[bytes], marks: Sequence[Mark], props: Properties) -> bytes:
    """The parts joined, with the outline ``marks`` and the document properties."""
    pdf, kept = join(parts)
    with pdf.open_outline() as outline:
        outline.root.extend(_items(marks, len(pdf.pages)))
    pdf.Root.Lang = pikepdf.String(props.language)
    pdf.Root.PageMode = Name.UseOutlines  # the reader opens with the bookmarks shown
    with pdf.open_metadata() as meta:  # XMP; the information dictionary follows it
        meta["dc:title"] = props.title
        meta["dc:description"] = props.subject
        meta["dc:subject"] = list(props.keywords)
        meta["pdf:Keywords"] = ", ".join(props.keywords)
        meta["dc:creator"] = [props.author]
        meta["dc:language"] = [props.language]
    buf = io.BytesIO()
    pdf.save(buf, fix_metadata_version=True)
    for part in (pdf, *kept):
        part.close()
    return buf.getvalue()


def _outline(items: Sequence[OutlineItem], pdf: Pdf, depth: int, out: list[tuple[int, str, int]]) -> None:
    pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
    for item in items:
        dest = item.destination
        page = pages.get(dest[0].objgen, -1) if isinstance(dest, pikepdf.Array) and len(dest) else -1
        out.append((depth, item.title, page))
        _outline(item.children, pdf, depth + 1, out)


def _unembedded(pdf: Pdf) -> list[str]:
    missing = set()
    for page in pdf.pages:
        fonts = page.obj.get(Name.Resources, {}).get(Name.Font, {})
        for font in fonts.values():
            if font.get(Name.Subtype) == Name.Type3:
                continue  # drawn by the PDF itself
            desc_font = font.DescendantFonts[0] if Name.DescendantFonts in font else font
            desc = desc_font.get(Name.FontDescriptor)
            if desc is None or not any(k in desc for k in (Name.FontFile, Name.FontFile2, Name.FontFile3)):
                missing.add(str(font.get(Name.BaseFont, "?")))
    return sorted(missing)


def facts(data: bytes) -> Facts:
    """The outline, document properties, PDF/A identification and fonts of a PDF."""
    with Pdf.open(io.BytesIO(data)) as pdf:
        out = Facts(pages=len(pdf.pages), language=str(pdf.Root.get(Name.Lang, "")))
        with pdf.open_outline() as outline:
            _outline(outline.root, pdf, 0, out.outline)
        meta = pdf.open_metadata()
        out.pdfa = meta.pdfa_status
        info = pdf.docinfo
        out.title, out.subject = str(info.get(Name.Title, "")), str(info.get(Name.Subject, ""))
        out.keywords, out.author = str(info.get(Name.Keywords, "")), str(info.get(Name.Author, ""))
        out.unembedded_fonts = _unembedded(pdf)
        return out


def notes(data: bytes, page: int = 0) -> list[tuple[float, float, str]]:
    """The text notes (exported comments) on one page: (x, y from the top, text) in points."""
    with Pdf.open(io.BytesIO(data)) as pdf:
        p = pdf.pages[page]
        height = float(p.mediabox[3])
        out = []
        for annot in p.get(Name.Annots, []):
            if annot.get(Name.Subtype) == Name.Text:
                x0, _, _, y1 = (float(v) for v in annot.Rect)
                out.append((x0, height - y1, str(annot.get(Name.Contents, ""))))
        return out
