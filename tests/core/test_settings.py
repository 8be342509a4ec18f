"""Files beside the drafts: read in any encoding an office PC saves, and a
wrong setting names its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.core import settings
from pipeline.core.errors import UsageError

from ..conftest import row, write_plan

TERMS = "# ชื่อในท้องถิ่น\nฝายน้ำล้นห้วยชีลอง\nหนองบัวแดง\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp874", "tis-620"])
def test_a_glossary_in_any_office_encoding_is_read(folder: Path, encoding: str) -> None:
    (folder / "glossary.txt").write_bytes(TERMS.encode(encoding))
    assert settings.load(folder).glossary == ("ฝายน้ำล้นห้วยชีลอง", "หนองบัวแดง")


def test_corrections_in_windows_thai_are_read(folder: Path) -> None:
    (folder / "corrections.txt").write_bytes("ประเมินผม => ประเมินผล\nแผนแผน\tแผน\n".encode("cp874"))
    assert settings.load(folder).corrections == (("ประเมินผม", "ประเมินผล"), ("แผนแผน", "แผน"))


@pytest.mark.parametrize(
    ("toml", "key"),
    [("[rules]\nskip = [1]\n", "rules.skip"), ("[rules]\nselect = 5\n", "rules.select"), ("rules = 5\n", "rules")],
)
def test_a_wrong_type_in_pipeline_toml_names_the_key(folder: Path, toml: str, key: str) -> None:
    (folder / "pipeline.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(UsageError, match=key.replace(".", r"\.")):
        settings.load(folder)


def test_a_wrong_setting_exits_2_without_a_traceback(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    (folder / "pipeline.toml").write_text("[rules]\nskip = [1]\n", encoding="utf-8")
    assert main(["check", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "rules.skip" in err and "Traceback" not in err


def test_ignore_patterns_skip_files_with_a_note(folder: Path) -> None:
    from pipeline.app import check

    write_plan(folder, [row("1", "ถนน", "1,000")])
    (folder / "เก่า").mkdir()
    (folder / "เก่า" / "ร่างปีก่อน.docx").write_bytes(b"not even a zip")
    (folder / "scan.pdf").write_bytes(b"%PDF")
    (folder / "pipeline.toml").write_text('[inputs]\nignore = ["*.pdf", "เก่า/*"]\n', encoding="utf-8")
    report = check(folder)
    assert [f.code for f in report.findings if f.code == "unreadable-file"] == []
    assert sorted(path for path, _ in report.notes) == ["scan.pdf", "เก่า/ร่างปีก่อน.docx"]


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        ('[rulez]\nskip = ["duplicate-project"]\n', "หมายถึง [rules]?"),
        ('[rules]\nskp = ["duplicate-project"]\n', "หมายถึง rules.skip?"),
        ("[pdf]\ntimout = 60\n", "หมายถึง pdf.timeout?"),
        ("timeout = 60\n", "[timeout]"),
        ("[pdf]\ntimeout = nan\n", "pdf.timeout"),
        ("[pdf]\ntimeout = inf\n", "pdf.timeout"),
        ("[pdf]\ntimeout = -inf\n", "pdf.timeout"),
        ("[pdf]\ntimeout = 1e300\n", "pdf.timeout"),
        ("[report]\ncap = 10000000000\n", "report.cap"),
    ],
)
def test_an_unknown_or_out_of_range_setting_exits_2_naming_it(
    folder: Path, toml: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    (folder / "pipeline.toml").write_text(toml, encoding="utf-8")
    assert main(["check", str(folder)]) == 2  # a misspelt key was ignored, nan or inf ended in exit 3
    err = " ".join(capsys.readouterr().err.split())
    assert said in err and "Traceback" not in err


def test_every_known_setting_is_accepted(folder: Path) -> None:
    toml = '[rules]\nselect = []\nskip = []\n[inputs]\nignore = []\n[pdf]\ntimeout = 90.5\n[report]\ncap = 5\n[annotate]\nauthor = "กองยุทธ"\n'
    (folder / "pipeline.toml").write_text(toml, encoding="utf-8")
    conf = settings.load(folder)
    assert (conf.pdf_timeout, conf.report_cap, conf.annotate_author) == (90.5, 5, "กองยุทธ")
    assert set(settings.KNOWN) == {"rules", "inputs", "pdf", "report", "annotate"}
