"""ผด.02 pages that continue a แผนงาน say so: "(ต่อ)" (issue 23.6).

Each ผด.02 and ผด.02/1 table is one แผนงาน; its header rows (the column titles,
then the ยุทธศาสตร์ and แผนงาน rows) repeat on every page it runs onto, and a
published plan marks the repeat "(ต่อ)". Where a table breaks is known only
after layout, and LibreOffice 7.4 evaluates neither Word's STYLEREF nor an IF
on PAGE, so the PDF is made in two passes:

1. the plan, with a hidden bookmark in the first cell of every row of these
   tables, goes to PDF; the named destinations say on which page each row fell;
2. each table is cut where its rows change page, into tables whose header rows
   are the same rows (the same height) with "(ต่อ)" after the ยุทธศาสตร์ and
   แผนงาน, each after a one-point paragraph that starts a new page; that goes
   to PDF, and its rows must fall on the very pages of the first pass — else
   the first pass is kept (the repeated rows then name the แผนงาน without "(ต่อ)").

The row marks are taken out of the PDF. The .docx in outputs/ is not cut:
Word lays out its own pages and repeats the header rows (without "(ต่อ)").
"""

from __future__ import annotations

import copy
import io
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from .measure import HEADER, q

PREFIX = "pdzrow"  # letters only: LibreOffice spells "_" in a destination's name as "5F"
CONTINUED = " (ต่อ)"
FIRST_ID = 900_000  # bookmark ids past any the templates use
DOCUMENT = "word/document.xml"

Run = Callable[[list[Path], Path], subprocess.CompletedProcess[str]]  # LibreOffice: .docx files → PDFs in a folder


def _program_tables(root: etree._Element) -> list[tuple[etree._Element, list[etree._Element], list[etree._Element]]]:
    """(table, header rows, body rows) of every table whose repeated header ends
    with one-cell rows (the ยุทธศาสตร์ and แผนงาน of ผด.02 and ผด.02/1)."""
    found = []
    for tbl in root.iter(q("tbl")):
        rows = tbl.findall(q("tr"))
        head = [r for r in rows if r.find(HEADER) is not None]
        body = [r for r in rows if r.find(HEADER) is None]
        if len(head) >= 2 and body and len(head[-1].findall(q("tc"))) == 1:
            found.append((tbl, head, body))
    return found


def _name(table: int, row: int) -> str:
    return f"{PREFIX}{table}x{row}"


def _mark(root: etree._Element) -> bool:
    """A bookmark in the first paragraph of every body row; whether there was any."""
    mark_id = FIRST_ID
    tables = _program_tables(root)
    for t, (_, _, body) in enumerate(tables):
        for r, tr in enumerate(body):
            p = tr.find(f"{q('tc')}/{q('p')}")
            if p is None:
                continue
            start = etree.Element(q("bookmarkStart"), {q("id"): str(mark_id), q("name"): _name(t, r)})
            end = etree.Element(q("bookmarkEnd"), {q("id"): str(mark_id)})
            ppr = p.find(q("pPr"))
            at = 0 if ppr is None else 1
            p.insert(at, start)
            p.insert(at + 1, end)
            mark_id += 1
    return bool(tables)


def cuts(pages: dict[str, int]) -> dict[int, list[int]]:
    """Table → the rows that begin a page (not its first row), from where the rows fell."""
    by_table: dict[int, dict[int, int]] = {}
    for name, page in pages.items():
        if name.startswith(PREFIX):
            table, _, row = name[len(PREFIX) :].partition("x")
            if table.isdigit() and row.isdigit():
                by_table.setdefault(int(table), {})[int(row)] = page
    out: dict[int, list[int]] = {}
    for table, rows in by_table.items():
        if sorted(rows) != list(range(len(rows))):
            continue  # a row not found: the table is left whole
        starts = [r for r in range(1, len(rows)) if rows[r] != rows[r - 1]]
        if starts:
            out[table] = starts
    return out


def _continued_header(head: list[etree._Element]) -> list[etree._Element]:
    """Copies of the header rows, the one-cell rows ending "(ต่อ)"."""
    rows = [copy.deepcopy(tr) for tr in head]
    for tr in rows:
        if len(tr.findall(q("tc"))) != 1:
            continue
        texts = [t for t in tr.iter(q("t")) if t.text and t.text.strip()]
        if texts:
            texts[-1].text = texts[-1].text.rstrip() + CONTINUED
    return rows


def _new_page() -> etree._Element:
    """A paragraph one point high that starts a page (Word joins two tables with nothing between)."""
    p = etree.Element(q("p"))
    ppr = etree.SubElement(p, q("pPr"))
    etree.SubElement(ppr, q("pageBreakBefore"))
    etree.SubElement(ppr, q("spacing"), {q("before"): "0", q("after"): "0", q("line"): "20", q("lineRule"): "exact"})
    rpr = etree.SubElement(ppr, q("rPr"))
    etree.SubElement(rpr, q("sz"), {q("val"): "2"})
    etree.SubElement(rpr, q("szCs"), {q("val"): "2"})
    return p


def _cut(root: etree._Element, where: dict[int, list[int]]) -> None:
    for t, (tbl, head, body) in enumerate(_program_tables(root)):
        starts = where.get(t)
        if not starts:
            continue
        after = tbl
        for start, stop in zip(starts, [*starts[1:], len(body)], strict=True):
            part = etree.Element(q("tbl"))
            for child in tbl:
                if child.tag != q("tr"):
                    part.append(copy.deepcopy(child))  # tblPr, tblGrid
            part.extend(_continued_header(head))
            part.extend(body[start:stop])  # moved, not copied
            brk = _new_page()
            after.addnext(brk)
            brk.addnext(part)
            after = part


def _with_document(docx: bytes, change: Callable[[etree._Element], object]) -> tuple[bytes, object]:
    """The .docx with its document.xml changed by ``change`` (and what it returned)."""
    src = zipfile.ZipFile(io.BytesIO(docx))
    root = etree.fromstring(src.read(DOCUMENT))
    result = change(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = (
                etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                if info.filename == DOCUMENT
                else src.read(info)
            )
            dst.writestr(info.filename, data)
    return out.getvalue(), result


def convert(paths: list[Path], outdir: Path, run: Run) -> subprocess.CompletedProcess[str]:
    """PDFs of ``paths`` in ``outdir`` as ``run`` makes them, the ผด.02 pages
    that continue a แผนงาน saying "(ต่อ)"; the first LibreOffice run's result."""
    from ..files import pdf as pdffile  # pikepdf: only where PDFs are made

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for sub in ("marked", "first", "cut", "second"):
            (work / sub).mkdir()
        sources, marked = [], {}
        for path in paths:
            data, any_table = _with_document(path.read_bytes(), _mark)
            if any_table:
                (work / "marked" / path.name).write_bytes(data)
                marked[path.stem] = data
            sources.append(work / "marked" / path.name if any_table else path)
        proc = run(sources, work / "first")
        pages: dict[str, dict[str, int]] = {}
        for stem, data in marked.items():
            first = work / "first" / f"{stem}.pdf"
            if first.exists():
                pages[stem] = pdffile.destinations(first.read_bytes())
                where = cuts(pages[stem])
                if where:
                    cut, _ = _with_document(data, lambda root, where=where: _cut(root, where))
                    (work / "cut" / f"{stem}.docx").write_bytes(cut)
        cut_paths = sorted((work / "cut").iterdir())
        if cut_paths:
            run(cut_paths, work / "second")
        for path in paths:
            first, second = work / "first" / f"{path.stem}.pdf", work / "second" / f"{path.stem}.pdf"
            if not first.exists():
                continue
            chosen = first.read_bytes()
            if second.exists():
                data = second.read_bytes()
                if _same_pages(pages.get(path.stem, {}), pdffile.destinations(data)):
                    chosen = data
            if path.stem in marked:
                chosen = pdffile.drop_destinations(chosen, PREFIX)
            (outdir / f"{path.stem}.pdf").write_bytes(chosen)
        return proc


def _same_pages(before: dict[str, int], after: dict[str, int]) -> bool:
    """Every row on the page it fell on before the cut."""
    rows = {k: v for k, v in before.items() if k.startswith(PREFIX)}
    return bool(rows) and all(after.get(k) == v for k, v in rows.items())
