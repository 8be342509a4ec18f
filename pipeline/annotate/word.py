"""Word comments in a copy of a .docx: the comments part, its relationship
and content type, and the ranges in the body.

Written with lxml on the package's own parts (python-docx 1.2 can add a
comment on runs, but would rewrite every part it parses; here only the main
part, the comments part, the part's relationships and [Content_Types].xml
change, so the copy is the division's draft plus the comments). A draft that
has comments of its own keeps them: ours are added with the next free ids.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

from lxml import etree

from ..read.docx import PARSER, W, q, related
from ..read.own import INITIALS

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


@dataclass(frozen=True)
class Note:
    """One comment: its lines and the paragraphs it spans."""

    lines: tuple[str, ...]
    anchor: tuple[etree._Element, ...]


def _comment(cid: int, lines: tuple[str, ...], author: str, when: str) -> etree._Element:
    c = etree.Element(q("comment"), {q("id"): str(cid), q("author"): author, q("date"): when, q("initials"): INITIALS})
    for n, line in enumerate(lines):
        p = etree.SubElement(c, q("p"))
        if n == 0:  # Word puts the comment's mark at the start of its first paragraph
            etree.SubElement(etree.SubElement(p, q("r")), q("annotationRef"))
        t = etree.SubElement(etree.SubElement(p, q("r")), q("t"))
        t.text = line
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return c


def _anchor(cid: int, paragraphs: tuple[etree._Element, ...]) -> None:
    first, last = paragraphs[0], paragraphs[-1]
    start = etree.Element(q("commentRangeStart"), {q("id"): str(cid)})
    ppr = first.find(q("pPr"))
    first.insert(0 if ppr is None else first.index(ppr) + 1, start)
    last.append(etree.Element(q("commentRangeEnd"), {q("id"): str(cid)}))
    run = etree.SubElement(last, q("r"))
    etree.SubElement(run, q("commentReference"), {q("id"): str(cid)})


def add_comments(main: etree._Element, comments: etree._Element | None, notes: list[Note], author: str) -> etree._Element:
    """Anchor ``notes`` in the main part (in place); the comments part with them."""
    if comments is None:
        comments = etree.Element(q("comments"), nsmap={"w": W})
    used = [int(c.get(q("id"), "0")) for c in comments.iter(q("comment")) if c.get(q("id"), "").isdigit()]
    next_id = max(used, default=-1) + 1
    when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for note in notes:
        comments.append(_comment(next_id, note.lines, author, when))
        _anchor(next_id, note.anchor)
        next_id += 1
    return comments


@dataclass
class Package:
    """A .docx opened for editing: its parts as bytes, the main part's name."""

    parts: dict[str, bytes]
    main: str
    comments: str | None

    @classmethod
    def open(cls, data: bytes) -> Package:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = {i.filename: z.read(i) for i in z.infolist()}
            main = related(z, "", "officeDocument") or "word/document.xml"
            comments = related(z, main, "comments")
        return cls(parts, main, comments if comments in parts else None)

    def xml(self, name: str | None) -> etree._Element | None:
        return etree.fromstring(self.parts[name], PARSER) if name and name in self.parts else None

    def save(self, main: etree._Element, comments: etree._Element) -> bytes:
        """The package with the main part and the comments part replaced."""
        parts = dict(self.parts)
        parts[self.main] = etree.tostring(main, xml_declaration=True, encoding="UTF-8", standalone=True)
        name = self.comments or self._link_comments(parts)
        parts[name] = etree.tostring(comments, xml_declaration=True, encoding="UTF-8", standalone=True)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for part, content in parts.items():
                z.writestr(part, content)
        return out.getvalue()

    def _link_comments(self, parts: dict[str, bytes]) -> str:
        """A new comments part beside the main part: its relationship and content type."""
        folder, base = posixpath.split(self.main)
        name = posixpath.join(folder, "comments.xml")
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        rels = (
            etree.fromstring(parts[rels_name], PARSER)
            if rels_name in parts
            else etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
        )
        ids = {r.get("Id") for r in rels}
        rid = next(f"rId{n}" for n in range(1, len(ids) + 2) if f"rId{n}" not in ids)
        etree.SubElement(rels, f"{{{REL_NS}}}Relationship", Id=rid, Type=COMMENTS_TYPE, Target="comments.xml")
        parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
        types = etree.fromstring(parts["[Content_Types].xml"], PARSER)
        etree.SubElement(types, f"{{{CT_NS}}}Override", PartName=f"/{name}", ContentType=COMMENTS_CT)
        parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)
        return name
