"""Annotated drafts (check --annotate): each finding a Word comment on the cell
or paragraph it names, safe fixes as tracked changes, and the copies read
back like the drafts they were made from."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

from pipeline.annotate import annotate
from pipeline.app import check
from pipeline.cli import main
from pipeline.core.records import plan_to_json
from pipeline.core.settings import ANNOTATOR
from pipeline.read.own import INITIALS
from tools.xlsxkit import from_docx

from ..conftest import Doc, plan_of, row, write_plan
from ..goldens import broken_drafts
from ..render.test_documents import needs_office

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def broken(folder: Path) -> Path:
    broken_drafts(folder)
    Doc().p("บทนำ").p("การจัดทำเเผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564").p("เพื่อประเมินผม การดำเนินงาน").save(folder / "intro.docx")
    return folder


def _code(comment: etree._Element) -> str:
    """The rule code a comment of ours names ("" for a person's comment)."""
    found = re.search(r"\[([a-z-]+)\]", "".join(comment.itertext()))
    return found.group(1) if found else ""


def comments_by_cell(docx: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Rule code → (table, row, the cell's text) of every comment anchored in a table."""
    with zipfile.ZipFile(docx) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
        comments = etree.fromstring(z.read("word/comments.xml"))
    code_of = {c.get(f"{W}id"): _code(c) for c in comments.iter(f"{W}comment")}
    out: dict[str, list[tuple[int, int, str]]] = {}
    for t, tbl in enumerate(body.findall(f"{W}tbl"), start=1):
        for r, tr in enumerate(tbl.findall(f"{W}tr"), start=1):
            for tc in tr.findall(f"{W}tc"):
                text = "".join(x.text or "" for x in tc.iter(f"{W}t"))
                for start in tc.iter(f"{W}commentRangeStart"):
                    out.setdefault(code_of[start.get(f"{W}id")], []).append((t, r, text))
    return out


def comments_by_paragraph(docx: Path) -> set[tuple[str, int]]:
    """(rule code, body paragraph) of every comment anchored on a paragraph outside tables."""
    with zipfile.ZipFile(docx) as z:
        body = etree.fromstring(z.read("word/document.xml")).find(f"{W}body")
        comments = etree.fromstring(z.read("word/comments.xml"))
    code_of = {c.get(f"{W}id"): _code(c) for c in comments.iter(f"{W}comment")}
    return {
        (code_of[s.get(f"{W}id")], n)
        for n, p in enumerate(body.findall(f"{W}p"), start=1)
        for s in p.iter(f"{W}commentRangeStart")
    }


def test_every_located_finding_is_a_comment_on_its_cell(folder: Path, tmp_path: Path) -> None:
    report = check(broken(folder))
    done = annotate(report.findings, folder, tmp_path / "annotated")
    a = tmp_path / "annotated" / "a.docx"
    assert a in done.written and (tmp_path / "annotated" / "ref.docx") in done.written
    cells = comments_by_cell(a)
    assert cells["over-ordinance"] == [(1, 2, "120,000")]  # the budget cell of row 2, not the row's first cell
    assert cells["bad-amount"] == [(1, 3, "หนึ่งแสน")]
    assert cells["duplicate-project"] == [(1, 3, "ถนน")]  # a row's finding sits on the project's name
    assert cells["not-in-ordinance"] == [(1, 4, "ท่อ")]
    intro = {(f.code, f.source.paragraph) for f in report.findings if f.source.file == "intro.docx"}
    assert intro and comments_by_paragraph(tmp_path / "annotated" / "intro.docx") == intro
    placed = sum(1 for f in report.findings if f.source.file in ("a.docx", "ref.docx", "intro.docx"))
    assert done.placed + done.at_top == placed
    with zipfile.ZipFile(a) as z:
        comments = z.read("word/comments.xml").decode()
        assert "[over-ordinance]" in comments and "วิธีแก้:" in comments and f'w:initials="{INITIALS}"' in comments
        assert f'w:author="{ANNOTATOR}"' in comments
        assert "word/comments.xml" in z.read("[Content_Types].xml").decode()
    assert (folder / "a.docx").read_bytes() != a.read_bytes()  # the draft itself untouched (and a copy made)


def test_a_returned_copy_reads_like_the_draft(folder: Path, tmp_path: Path) -> None:
    broken(folder)
    (folder / "corrections.txt").write_text("ประเมินผม => ประเมินผล\n", encoding="utf-8")
    report = check(folder)
    done = annotate(report.findings, folder, tmp_path / "annotated", accepted={"ประเมินผม": "ประเมินผล"})
    assert done.proposed >= 2  # "เเ" → "แ" (thai-typing) and the accepted near-miss
    returned = tmp_path / "returned"
    shutil.copytree(folder, returned)
    for copy in done.written:
        shutil.copy(copy, returned / copy.name)
    again = check(returned)
    before, after = plan_to_json(report.plan), plan_to_json(again.plan)
    pending = {f["path"]: f.pop("tracked_changes") for f in after["files"]}
    assert pending == {"a.docx": 0, "intro.docx": 2 * done.proposed, "ref.docx": 0}  # a deletion and an insertion each
    for f in before["files"]:
        f.pop("tracked_changes")
    assert after == before  # every record as the draft gave it
    unaccepted = [f for f in again.findings if f.code == "unaccepted-changes"]
    # our comments are not the division's; our proposals not accepted are still changes to decide
    assert [(f.source.file, "ข้อคิดเห็น" in f.message) for f in unaccepted] == [("intro.docx", False)]
    others = sorted((f.code, f.source.where()) for f in again.findings if f.code != "unaccepted-changes")
    assert others == sorted((f.code, f.source.where()) for f in report.findings)


def accept_all(docx: Path) -> None:
    """What Word's รีวิว › ยอมรับทั้งหมด does to insertions and deletions."""
    with zipfile.ZipFile(docx) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    xml = re.sub(r"<w:del [^>]*>.*?</w:del>", "", xml)
    xml = re.sub(r"<w:ins [^>]*>(.*?)</w:ins>", r"\1", xml)
    parts["word/document.xml"] = xml.encode()
    with zipfile.ZipFile(docx, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)


def test_accepted_proposals_are_read_as_fixed(folder: Path, tmp_path: Path) -> None:
    broken(folder)
    done = annotate(check(folder).findings, folder, tmp_path / "annotated", accepted={"ประเมินผม": "ประเมินผล"})
    intro = tmp_path / "annotated" / "intro.docx"
    assert intro in done.written
    with zipfile.ZipFile(intro) as z:
        xml = z.read("word/document.xml").decode()
    assert re.search(
        r"<w:del [^>]*w:author=\"[^\"]+\"[^>]*>.*?<w:delText[^>]*>เเ</w:delText>.*?<w:ins [^>]*><w:r><w:t[^>]*>แ</w:t>", xml
    )
    accept_all(intro)
    returned = tmp_path / "returned"
    shutil.copytree(folder, returned)
    shutil.copy(intro, returned / "intro.docx")
    text = " ".join(b.text for b in plan_of(returned).intro)
    assert "การจัดทำแผนการดำเนินงาน" in text and "ประเมินผล" in text and "ประเมินผม" not in text


def test_the_divisions_own_comments_are_still_reported(folder: Path, tmp_path: Path) -> None:
    broken(folder)
    Doc().p("บทนำ").p("การจัดทำเเผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564").comment("ยังไม่เสร็จ").save(folder / "intro.docx")
    done = annotate(check(folder).findings, folder, tmp_path / "annotated")
    assert done.at_top == 1  # unaccepted-changes is about the whole file: one comment on the first paragraph
    assert ("unaccepted-changes", 1) in comments_by_paragraph(tmp_path / "annotated" / "intro.docx")
    returned = tmp_path / "returned"
    shutil.copytree(folder, returned)
    for copy in done.written:
        shutil.copy(copy, returned / copy.name)
    found = [f for f in check(returned).findings if f.code == "unaccepted-changes"]
    assert len(found) == 1 and "ข้อคิดเห็น 1 รายการ" in found[0].message


def test_a_workbook_draft_gets_cell_comments(folder: Path, tmp_path: Path) -> None:
    broken(folder)
    from_docx(folder / "a.docx", folder / "a.xlsx")
    (folder / "a.docx").unlink()
    report = check(folder)
    bad = next(f for f in report.findings if f.code == "bad-amount")
    done = annotate(report.findings, folder, tmp_path / "annotated")
    ws = load_workbook(tmp_path / "annotated" / "a.xlsx").worksheets[0]
    commented = {(c.row, c.value): c.comment.text for r in ws.iter_rows() for c in r if c.comment}
    assert any(value == "หนึ่งแสน" and "[bad-amount]" in text for (_, value), text in commented.items())
    assert any(r == bad.source.row for r, _ in commented)
    assert done.placed >= 1


def test_check_annotate_on_the_command_line(folder: Path, tmp_path: Path) -> None:
    broken(folder)
    assert main(["check", str(folder), "--annotate", str(tmp_path / "ann")]) == 1
    assert sorted(p.name for p in (tmp_path / "ann").iterdir()) == ["a.docx", "intro.docx", "ref.docx"]
    assert main(["check", str(folder), "--annotate", str(folder / "inside")]) == 2  # never into the drafts' folder


@needs_office
def test_an_annotated_copy_opens_in_libreoffice(folder: Path, tmp_path: Path) -> None:
    annotate(check(broken(folder)).findings, folder, tmp_path / "annotated")
    out = tmp_path / "pdf"
    cmd = ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "pdf"]
    subprocess.run(
        [*cmd, "--outdir", str(out), str(tmp_path / "annotated" / "a.docx")], check=True, capture_output=True, timeout=120
    )
    text = subprocess.run(["pdftotext", str(out / "a.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "ยุทธศาสตร์ที่ 1" in text and "ท่อ" in text


def test_build_writes_annotated_copies_and_drops_stale_ones(folder: Path, tmp_path: Path) -> None:
    from pipeline.app import build

    broken(folder)
    result = build(folder, tmp_path / "out")
    annotated = tmp_path / "out" / "annotated"
    assert sorted(p.name for p in annotated.iterdir()) == ["a.docx", "intro.docx", "ref.docx"]
    assert any(str(annotated) in note for note in result.notes)
    write_plan(folder, [row("1", "ถนนคอนกรีต", "90,000")], ordinance=[("แผนงานเคหะและชุมชน", "ถนนคอนกรีต", "100,000")])
    (folder / "intro.docx").unlink()
    again = build(folder, tmp_path / "out")
    assert again.report.ok and not any(f.source.table or f.source.paragraph for f in again.report.findings), again.report.findings
    assert list(annotated.iterdir()) == []  # the division fixed its draft: no old comments left to mislead


def test_the_sample_with_slips_annotated_and_returned_gives_the_same_records(tmp_path: Path) -> None:
    from tools.annotated_picture import DRAFT, with_slips

    from ..conftest import ROOT

    inputs = tmp_path / "inputs"
    shutil.copytree(ROOT / "samples", inputs)
    with_slips(ROOT / "samples" / DRAFT, inputs / DRAFT)
    report = check(inputs)
    done = annotate(report.findings, inputs, tmp_path / "annotated")
    assert [p.name for p in done.written] == [DRAFT] and done.proposed == 1 and done.at_top == 0
    assert {"bad-amount", "thai-typing", "stated-total-mismatch"} == set(comments_by_cell(done.written[0]))
    shutil.copy(done.written[0], inputs / DRAFT)
    before, after = plan_to_json(report.plan), plan_to_json(check(inputs).plan)
    for data in (before, after):
        for f in data["files"]:
            f["tracked_changes"] = f["tracked_changes"] if f["path"] != DRAFT else None  # the one pending proposal
    assert after == before


def test_the_comments_author_is_a_setting(folder: Path, tmp_path: Path) -> None:
    from pipeline.core import settings
    from pipeline.core.errors import UsageError

    broken(folder)
    (folder / "pipeline.toml").write_text('[annotate]\nauthor = "นางสาวแผนงาม ตรวจดี"\n', encoding="utf-8")
    assert main(["check", str(folder), "--annotate", str(tmp_path / "ann")]) == 1
    with zipfile.ZipFile(tmp_path / "ann" / "a.docx") as z:
        assert 'w:author="นางสาวแผนงาม ตรวจดี"' in z.read("word/comments.xml").decode()
    (folder / "pipeline.toml").write_text("[annotate]\nauthor = 5\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"annotate\.author"):
        settings.load(folder)
