import shutil
import zipfile
from pathlib import Path

from pipeline.app import build, check
from pipeline.files.paths import TEMPLATES
from tools.templates import main as make_templates

from ..conftest import row, write_plan

# A real PNG (1x1, white): the organisation's emblem stands in for the Garuda.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff3f0005fe02fe"
    "a7d6a4f40000000049454e44ae426082"
)


def codes(report) -> list[tuple]:
    return [(f.code, f.source.file) for f in report.findings if f.code == "missing-emblem"]


def test_fires_when_the_templates_hold_no_emblem(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    templates = tmp_path / "templates"
    make_templates(templates)
    assert codes(check(folder, templates=templates)) == [("missing-emblem", "templates/garuda.png")]
    build(folder, tmp_path / "out", templates=templates)
    with zipfile.ZipFile(tmp_path / "out" / "announcement.docx") as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]  # no placeholder graphic


def test_quiet_and_the_emblem_printed_when_templates_hold_one(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    (templates / "garuda.png").write_bytes(PNG)
    assert codes(check(folder, templates=templates)) == []
    build(folder, tmp_path / "out", templates=templates)
    with zipfile.ZipFile(tmp_path / "out" / "announcement.docx") as z:
        assert [n for n in z.namelist() if n.startswith("word/media/")]
        assert "<w:drawing>" in z.read("word/document.xml").decode("utf-8")
