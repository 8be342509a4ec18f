"""Hostile, broken and unlucky runs end with a finding or a Thai message and
the documented exit code — each reproduced here before it was fixed."""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from pipeline.app import build, check
from pipeline.cli import main
from pipeline.files.outputs import locked
from pipeline.render.docx import to_pdf

from .conftest import CHROMIUM, ROOT, C, Doc, R, headless, profile_rows, row, write_plan


def test_draft_text_is_never_read_as_markup(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = '[link=x"><script>alert(1)</script>]อบต.[/] [bold red on yellow blink]ทดสอบ'
    prof = [[k, name if k == "ชื่อหน่วยงาน" else v] for k, v in profile_rows()]
    write_plan(folder, [row("1", "ถนน [/bold] [/]", "1,000", unit="กอง[/]ช่าง")], profile=prof)
    (folder / "[ร่าง] กองคลัง.docx").write_bytes((folder / "a.docx").read_bytes())
    assert main(["build", str(folder), str(tmp_path / "out")]) in (0, 1)
    out = capsys.readouterr().out
    assert "[bold red" in out and "\x1b[" not in out
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert main(["check", str(tmp_path / "ไม่มี[/]โฟลเดอร์")]) == 2


def test_a_huge_span_is_capped_by_the_grid(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    with zipfile.ZipFile(folder / "a.docx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = xml.replace("<w:tcPr>", '<w:tcPr><w:gridSpan w:val="100000000"/>', 1).encode("utf-8")
    with zipfile.ZipFile(folder / "a.docx", "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    script = f"from pipeline.app import check; check(__import__('pathlib').Path({str(folder)!r}))"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, preexec_fn=_limit_memory)
    assert proc.returncode == 0, proc.stderr[-2000:]


@pytest.mark.parametrize(
    "damage",
    [
        lambda xml: xml.replace("{%p endfor %}", "", 1),
        lambda xml: xml.replace("{{ org_name }}", "{{ org_name }", 1),
        None,  # not a zip
        "truncated",
    ],
)
def test_a_broken_template_exits_2_naming_it(folder: Path, tmp_path: Path, damage, capsys: pytest.CaptureFixture[str]) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    target = templates / "plan.docx"
    if damage is None:
        target.write_bytes(b"this is not a word file")
    elif damage == "truncated":
        target.write_bytes(target.read_bytes()[:3000])
    else:
        with zipfile.ZipFile(target) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        parts["word/document.xml"] = damage(parts["word/document.xml"].decode("utf-8")).encode("utf-8")
        with zipfile.ZipFile(target, "w") as z:
            for n, data in parts.items():
                z.writestr(n, data)
    assert main(["build", str(folder), str(tmp_path / "out"), "--templates", str(templates)]) == 2
    err = capsys.readouterr().err
    assert "plan.docx" in err and "Traceback" not in err


def test_an_unusable_outputs_folder_exits_2_in_thai(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    blocker = tmp_path / "outputs"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    assert main(["build", str(folder), str(blocker)]) == 2
    assert main(["check", str(folder), "--json", str(tmp_path)]) == 2  # --json pointed at a folder
    long = tmp_path / ("ก" * 100) / ("ข" * 100)  # 300 bytes a name: past the file system's limit
    assert main(["build", str(folder), str(long)]) == 2
    err = capsys.readouterr().err
    assert "ไม่ได้" in err and "Traceback" not in err


def test_outputs_never_go_inside_the_inputs(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    before = (folder / "a.docx").read_bytes()
    assert main(["check", str(folder), "--json", str(folder / "a.docx")]) == 2
    assert main(["build", str(folder), str(folder / "out")]) == 2
    assert main(["build", str(folder), str(folder)]) == 2
    assert (folder / "a.docx").read_bytes() == before and not (folder / "out").exists()


def test_a_symlink_out_of_the_inputs_is_not_followed(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    outside = tmp_path / "secret.docx"
    shutil.copy(folder / "a.docx", outside)
    (folder / "link.docx").symlink_to(outside)
    report = check(folder)
    assert [p for p, _ in report.notes] == ["link.docx"]
    assert "link.docx" not in {f.path for f in report.plan.files if f.tables}


def test_an_empty_draft_and_a_folder_named_docx_get_a_note(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    Doc().save(folder / "ว่าง.docx")
    (folder / "โฟลเดอร์.docx").mkdir()
    assert sorted(p for p, _ in check(folder).notes) == ["ว่าง.docx", "โฟลเดอร์.docx"]


def test_a_bug_exits_3_with_one_thai_line_and_a_log(folder: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    import pipeline.app as app

    write_plan(folder, [row("1", "ถนน", "1,000")])

    def broken(*_a, **_k):
        raise RuntimeError("a bug")

    monkeypatch.setattr(app, "extract", broken)
    assert main(["build", str(folder), str(tmp_path / "out")]) == 3
    err = capsys.readouterr().err
    assert "ข้อผิดพลาดภายในโปรแกรม" in err and "Traceback" not in err
    assert "RuntimeError: a bug" in (tmp_path / "out" / "pipeline.log").read_text(encoding="utf-8")


def test_a_second_build_into_the_same_folder_waits_its_turn(tmp_path: Path) -> None:
    from pipeline.core.errors import UsageError

    with locked(tmp_path), pytest.raises(UsageError, match="กำลังเขียน"), locked(tmp_path, wait=0.3):
        pass


@pytest.mark.skipif(os.name != "posix", reason="process groups")
def test_a_hanging_libreoffice_is_stopped_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    fake = tmp_path / "bin"
    fake.mkdir()
    marker = f"hang-{os.getpid()}"
    (fake / "soffice").write_text(f"#!/bin/sh\nsleep 300 # {marker}\n", encoding="utf-8")
    (fake / "soffice").chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake}{os.pathsep}{os.environ['PATH']}")
    doc = Doc().p("x").save(tmp_path / "x.docx")
    written, message = to_pdf([doc], tmp_path, timeout=1)
    assert written == [] and "วินาที" in message
    left = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout
    assert left.strip() == ""


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def test_fuzzed_drafts_end_cleanly_within_memory() -> None:
    """A few dozen mutated sample drafts (tools/fuzz.py; `make fuzz` runs hundreds)."""
    proc = subprocess.run(
        [sys.executable, "-m", "tools.fuzz", "24", "2564", "draft"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_limit_memory,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert re.search(r"exit codes \{", proc.stdout)
    assert R and C and build  # fixtures and the library come from the same places as the other tests


def test_a_short_hostile_fuzz_round_ends_cleanly() -> None:
    """`make fuzz`'s other kinds, a fixed-seed round: damaged and planted cache
    entries, planted lock files, hostile batch folder names, wrong settings."""
    proc = subprocess.run(
        [sys.executable, "-m", "tools.fuzz", "16", "25", "cache,lock,batch,settings"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_memory,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    kinds = {k.split("-")[0].split()[0] for k in re.findall(r"'([^']+)': \d+", proc.stdout)}
    assert kinds == {"cache", "lock", "batch", "settings"}, proc.stdout


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="headless Chromium not installed (CI installs it)")
def test_no_script_from_a_draft_runs_in_report_html(folder: Path, tmp_path: Path) -> None:
    """report.html opened in a real headless browser: the payloads a draft can
    carry are shown as text, and none of them runs."""
    run = "document.body.setAttribute('data-x','ran'+'ran')"  # 'ranran' exists only if this executes
    payloads = [
        f'[link=x"><script>{run}</script>]อบต.[/]',
        f'<img src=x onerror="{run}">',
        f"</pre><script>{run}</script>",
        f'<svg onload="{run}">',
    ]
    profile = profile_rows()
    profile[0] = ["ชื่อหน่วยงาน", "องค์การบริหารส่วนตำบล" + payloads[0]]
    rows = [row(str(i), "ซ่อมถนน " + p, "") for i, p in enumerate(payloads[1:], 1)]  # no budget: each is a finding
    write_plan(folder, rows, profile=profile)
    out = tmp_path / "out"
    build(folder, out)
    proc = headless(tmp_path, "--dump-dom", (out / "report.html").as_uri())
    dom = proc.stdout
    assert "ซ่อมถนน" in dom, proc.stderr[-2000:]  # the page loaded and the findings are there
    assert "ranran" not in dom
    assert "'ran'+'ran'" in dom.replace("&#39;", "'")  # shown as text


@pytest.mark.parametrize("invisible", ["\u200b", "\u00a0\u200c", "\u200b \u00a0\u2060"])
@pytest.mark.parametrize("column", [1, 2, 4, 5])  # name, activity, location, unit
def test_a_cell_of_only_invisible_characters_is_read_as_empty(folder: Path, invisible: str, column: int) -> None:
    cells = row("1", "ก่อสร้างถนนคอนกรีต", "1,000")
    cells[column] = invisible
    write_plan(folder, [cells])
    report = check(folder)  # crashed (exit 3) in the spelling rule before
    missing = [f for f in report.findings if f.code == "missing-field"]
    assert [f.source.column for f in missing] == (["โครงการ"] if column == 1 else [])
    assert main(["check", str(folder)]) == (1 if column == 1 else 0)


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="headless Chromium not installed (CI installs it)")
def test_no_script_from_a_folder_name_runs_in_rollup_html(tmp_path: Path) -> None:
    """rollup.html in a real headless browser: folder and organisation names
    are text, every link is relative to a report.html the batch wrote, and the
    page carries the report page's Content-Security-Policy."""
    from urllib.parse import unquote, urljoin

    from pipeline.app import build_report
    from pipeline.batch import run as batch
    from pipeline.report.html import POLICY
    from tools.fuzz_hostile import Page

    run = "document.body.setAttribute('data-x','ran'+'ran')"  # 'ranran' exists only if this executes
    names = [
        f"javascript:{run}",
        f'<img src=x onerror="{run}">',
        f"' onmouseover='{run}",
        f'<svg onload="{run}">',
        "https:evil.example",
    ]
    root = tmp_path / "root"
    for i, name in enumerate(names):
        (root / name).mkdir(parents=True)
        profile = profile_rows()
        profile[0] = ["ชื่อหน่วยงาน", f"องค์การบริหารส่วนตำบล{i}<script>{run}</script>"]
        write_plan(root / name, [row("1", "ซ่อมถนน", "1,000")], profile=profile)
    out = tmp_path / "out"
    batch.run(root, out, build_report, jobs=1)
    page = out / "rollup.html"
    dom = headless(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "สรุปแผนการดำเนินงาน" in dom and "onerror" in dom, dom[:2000]  # the page loaded: the names are there, as text
    assert "ranran" not in dom

    links = Page()
    links.feed(page.read_text(encoding="utf-8"))
    assert len(links.hrefs) == len(names)
    for href in links.hrefs:
        target = Path(unquote(urljoin(page.as_uri(), href).removeprefix("file://")))
        assert href.startswith("./") and target.is_file() and target.parent.parent == out, href
    assert links.policy == POLICY
    assert POLICY in (out / names[0] / "report.html").read_text(encoding="utf-8")  # the same on the report page
