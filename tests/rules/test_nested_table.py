from pathlib import Path

from tools.docxkit import tbl_xml

from ..conftest import C, findings, row, write_plan


def test_fires_for_a_table_inside_a_project_cell(folder: Path) -> None:
    inner = tbl_xml([["รายละเอียด", "ย่อย"]]).replace(' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', "")
    project = row("1", "ถนน", "100")
    project[2] = C("กิจกรรม", nested=inner)
    write_plan(folder, [project])
    assert findings(folder, "nested-table") == [("a.docx", 1, 2)]


def test_quiet_without_nested_tables(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")])
    assert findings(folder, "nested-table") == []
