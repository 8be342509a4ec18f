"""The tool's own marks in a returned annotated draft (``check --annotate``).

A division gets back a copy of its draft with the tool's comments and, for
the fixes the tool is sure of, tracked changes it may accept or reject. When
the copy comes back, the reader must not mistake those marks for the
division's unfinished work:

- a comment is the tool's when its initials are :data:`INITIALS` (Word and
  LibreOffice keep a comment's initials; a person's are two or three letters);
- a tracked change is the tool's when its author is the author of one of the
  tool's comments in the same file (the author's name is a setting, so the
  comments say which name this copy was made with).

The tool's comments are not counted as comments. The tool's tracked changes
still count as changes not accepted (the division has not decided), but are
read as not made: the proposed insertion is left out and the proposed
deletion kept, so an untouched copy gives the records of the original draft.
"""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
INITIALS = "ตรวจแผน"  # never a person's initials: the tool's comments are known by it


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def own_comments(comments: etree._Element | None) -> tuple[int, frozenset[str]]:
    """(comments that are not the tool's, the tool's author names) of a comments part."""
    if comments is None:
        return 0, frozenset()
    theirs, authors = 0, set()
    for c in comments.iter(_q("comment")):
        if c.get(_q("initials")) == INITIALS:
            authors.add(c.get(_q("author"), ""))
        else:
            theirs += 1
    return theirs, frozenset(authors)


MARKS = frozenset(map(_q, ("rPr", "trPr", "pPr", "tcPr")))  # a change marked on a property, not on text


def _proposed(body: etree._Element, tag: str, authors: frozenset[str]) -> list[etree._Element]:
    return [e for e in body.iter(_q(tag)) if e.get(_q("author")) in authors and e.getparent().tag not in MARKS]


def withdraw_proposals(body: etree._Element, authors: frozenset[str]) -> None:
    """Read the tool's pending tracked changes in ``body`` as not made: its
    insertions removed, its deletions put back as plain text (in place)."""
    if not authors:
        return
    for ins in _proposed(body, "ins", authors):
        ins.getparent().remove(ins)
    for dele in _proposed(body, "del", authors):
        for text in dele.iter(_q("delText")):
            text.tag = _q("t")
        parent, at = dele.getparent(), dele.getparent().index(dele)
        for offset, child in enumerate(list(dele)):
            parent.insert(at + offset, child)
        parent.remove(dele)
