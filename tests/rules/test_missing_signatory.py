from pathlib import Path

from ..conftest import findings, profile_rows, row, write_plan


def test_fires_when_the_profile_names_no_signatory(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")], profile=profile_rows()[:6])
    assert findings(folder, "missing-signatory") == [("ref.docx", 1, None)]


def test_quiet_when_the_signatory_is_given(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000")])
    assert findings(folder, "missing-signatory") == []


def test_the_announcement_leaves_a_dotted_line_never_empty_brackets(folder: Path, tmp_path: Path) -> None:
    import re
    import zipfile

    from pipeline.app import build
    from pipeline.render.linebreak import plain as unmark

    write_plan(folder, [row("1", "ถนน", "1,000")], profile=profile_rows()[:6])
    build(folder, tmp_path / "out")
    with zipfile.ZipFile(tmp_path / "out" / "announcement.docx") as z:
        text = unmark(re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode("utf-8")))
    assert "()" not in text and "(......" in text
