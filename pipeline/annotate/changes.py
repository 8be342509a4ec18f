"""Safe fixes proposed as tracked changes (w:del + w:ins) in an annotated copy.

Only corrections the tool is sure of: thai-typing (the character-level
normalisation the rendered documents apply anyway) and the word-level
corrections the user accepted (corrections.txt). A fix is proposed only when
the wrong text lies inside one run of the anchored paragraphs; otherwise the
comment alone says it. The division accepts or rejects each in Word.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import UTC, datetime

from lxml import etree

from ..core.model import Finding
from ..read.docx import W, q

SURE = ("thai-typing",)  # always safe; near-miss-term and doubled-word only when the user accepted the pair
WORD_LEVEL = ("near-miss-term", "doubled-word")
PLAIN = (q("rPr"), q("t"))
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def safe_fix(f: Finding, accepted: dict[str, str]) -> tuple[str, str] | None:
    """(wrong, right) when ``f`` carries a fix the tool may propose."""
    if not f.value or not f.suggestion or f.value == f.suggestion:
        return None
    if f.code in SURE or (f.code in WORD_LEVEL and accepted.get(f.value) == f.suggestion):
        return f.value, f.suggestion
    return None


def _runs_with_text(paragraphs: list[etree._Element]) -> Iterator[tuple[etree._Element, etree._Element]]:
    for p in paragraphs:
        for t in p.iter(q("t")):
            run = t.getparent()
            # a run of text alone (no tab, break or field inside): split without losing anything
            if run.tag == q("r") and run.getparent().tag != q("del") and all(c.tag in PLAIN for c in run) and len(run) <= 2:
                yield run, t


def _run(template: etree._Element, text: str, tag: str = "t") -> etree._Element:
    """A run with ``template``'s formatting and ``text``."""
    run = etree.Element(q("r"))
    rpr = template.find(q("rPr"))
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = etree.SubElement(run, q(tag))
    t.text = text
    t.set(XML_SPACE, "preserve")
    return run


def _narrowed(at: int, wrong: str, right: str) -> tuple[int, str, str]:
    """The text that differs: a finding quotes its word in context ("การจัดทำเเผน")."""
    head = 0
    while head < min(len(wrong), len(right)) - 1 and wrong[head] == right[head]:
        head += 1
    tail = 0
    while tail < min(len(wrong), len(right)) - head - 1 and wrong[-1 - tail] == right[-1 - tail]:
        tail += 1
    return at + head, wrong[head : len(wrong) - tail], right[head : len(right) - tail]


class Proposer:
    """Tracked changes with ids after every id the document already uses."""

    def __init__(self, main: etree._Element, author: str) -> None:
        used = [int(v) for v in main.xpath("//@w:id", namespaces={"w": W}) if str(v).isdigit()]
        self.next_id = max(used, default=0) + 1000
        self.author = author
        self.when = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _mark(self, tag: str) -> etree._Element:
        el = etree.Element(q(tag), {q("id"): str(self.next_id), q("author"): self.author, q("date"): self.when})
        self.next_id += 1
        return el

    def propose(self, paragraphs: list[etree._Element], wrong: str, right: str) -> bool:
        """Replace the first ``wrong`` in one run of ``paragraphs`` by a tracked deletion and insertion."""
        for run, t in _runs_with_text(paragraphs):
            text = t.text or ""
            at = text.find(wrong)
            if at < 0:
                continue
            at, wrong, right = _narrowed(at, wrong, right)  # only what differs is struck out and typed in
            parent, index = run.getparent(), run.getparent().index(run)
            deleted, inserted = self._mark("del"), self._mark("ins")
            deleted.append(_run(run, wrong, "delText"))
            inserted.append(_run(run, right))
            pieces = [_run(run, text[:at])] if at else []
            pieces += [deleted, inserted]
            if text[at + len(wrong) :]:
                pieces.append(_run(run, text[at + len(wrong) :]))
            parent.remove(run)
            for offset, piece in enumerate(pieces):
                parent.insert(index + offset, piece)
            return True
        return False
