"""Months drawn as arrows are read from the arrow's extent against the
table's column widths (every column of these fixtures is 1,200 twips; a
cell's text starts 108 twips in), in both XML forms Word writes."""

from pathlib import Path

import pytest

from pipeline.rules.runner import run_checks

from ..conftest import MONTHS, Doc, R, findings, plan_of, project_table, row, write_plan

OCT = 6  # the first month column of project_table
WIDTH = 1200


def arrow_row(cell: int, mark: str, name: str = "ถนน") -> list:
    cells = ["1", name, "", "1,000", "", "", *[""] * 12]
    cells[cell] = mark
    return cells


@pytest.mark.parametrize("form", ["wps", "vml"])
@pytest.mark.parametrize(("start", "months"), [(0, 1), (3, 3), (0, 12)])
def test_an_arrow_in_a_month_cell_marks_every_month_it_crosses(folder: Path, form: str, start: int, months: int) -> None:
    width = months * WIDTH - 300  # drawn a little short of the last column's edge, as people draw
    write_plan(folder, [arrow_row(OCT + start, f"[arrow:{form},50,{width}]")])
    (p,) = plan_of(folder).projects
    assert p.months == tuple(range(start + 1, start + months + 1))
    assert findings(folder, "unreadable-arrow") == []


def test_an_arrow_anchored_in_the_name_cell_is_placed_from_that_cell(folder: Path) -> None:
    # The name cell is column 1: Oct starts (6 - 1) * 1,200 - 108 twips right of its text.
    x = 5 * WIDTH - 108 + 3 * WIDTH + 100  # from the start of ม.ค.
    write_plan(folder, [arrow_row(1, f"ถนนสายหนึ่ง[arrow:wps,{x},{2 * WIDTH - 200}]")])
    (p,) = plan_of(folder).projects
    assert p.months == (4, 5)


def test_an_arrow_placed_from_the_margin(folder: Path) -> None:
    write_plan(folder, [arrow_row(OCT, f"[arrow:wps,{(OCT + 6) * WIDTH + 50},{3 * WIDTH - 100},margin]")])
    (p,) = plan_of(folder).projects
    assert p.months == (7, 8, 9)


def test_an_arrow_in_the_paragraph_after_the_table_finds_its_row(folder: Path) -> None:
    head = project_table([])[0]
    rows = [R(row("1", "ถนน", "1,000", months=set()), height=500), R(row("2", "ท่อ", "1,000", months=set()), height=500)]
    write_plan(folder, [row("1", "อื่น", "1")])
    doc = Doc().p("ยุทธศาสตร์ที่ 1 การพัฒนาด้านโครงสร้างพื้นฐาน").p("1.1 แผนงานเคหะและชุมชน")
    doc.table([head, *rows])
    # Anchored in the paragraph after the table, 250 twips up: the middle of the last row ("ท่อ").
    doc.p(f"[arrow:wps,{OCT * WIDTH + 100},{2 * WIDTH - 200},column,-250]")
    doc.save(folder / "a.docx")
    plan = plan_of(folder)
    assert [(p.name, p.months) for p in plan.projects if p.source.file == "a.docx"] == [("ถนน", ()), ("ท่อ", (1, 2))]
    assert findings(folder, "unreadable-arrow") == []


def test_a_shape_whose_extent_cannot_be_read_warns_at_its_row(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000", months=set()), arrow_row(OCT + 2, "[pict:]", "ท่อ")])
    assert findings(folder, "unreadable-arrow") == [("a.docx", 1, 3)]
    (_, p) = plan_of(folder).projects
    assert p.months == (3,)  # the anchor month, said in the warning, never silently
    (f,) = run_checks(plan_of(folder), ["unreadable-arrow"]).findings
    assert "ลูกศร" in f.message


def test_quiet_for_marks_and_shading(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "1,000", months={1, 2})])
    assert findings(folder, "unreadable-arrow") == []
    assert len(MONTHS) == 12
