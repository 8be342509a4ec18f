"""Layouts the shipped samples do not use (issue 24): strategy maps with more
columns, equipment sections, units named only in titles, extra columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import C, Doc, R, plan_of, profile_rows, project_table


def marks(months: set[int]) -> list[str]:
    return ["✓" if m in months else "" for m in range(1, 13)]


@pytest.mark.parametrize(
    "head",
    [
        ["ยุทธศาสตร์การพัฒนาของเทศบาล", "ด้าน", "แผนงาน"],
        ["ยุทธศาสตร์การพัฒนา อปท.", "ด้าน", "แผนงาน"],
        ["ยุทธศาสตร์การพัฒนา อบจ.", "กลยุทธ์", "แผนงาน", "หน่วยงานรับผิดชอบ"],
    ],
)
def test_a_strategy_map_with_more_columns_is_loaded(folder: Path, head: list[str]) -> None:
    extra = [""] * (len(head) - 2)
    rows = [R(head, header=True), ["1. การพัฒนาโครงสร้างพื้นฐาน", *extra[:1], "แผนงานเคหะและชุมชน", *extra[1:]]]
    rows.append([C("", vmerge="continue"), *extra[:1], "แผนงานอุตสาหกรรมและการโยธา", *extra[1:]])
    Doc().table(profile_rows()).p("ความเชื่อมโยง").table(rows).save(folder / "ref.docx")
    plan = plan_of(folder)
    assert plan.has_strategy_map and [n.code for n in plan.notices] == []
    assert [(s.strategy, s.program, s.number) for s in plan.strategies] == [
        ("การพัฒนาโครงสร้างพื้นฐาน", "แผนงานเคหะและชุมชน", 1),
        ("การพัฒนาโครงสร้างพื้นฐาน", "แผนงานอุตสาหกรรมและการโยธา", 1),
    ]


def test_a_strategy_heading_naming_the_development_plan_loses_its_whole_prefix(folder: Path) -> None:
    doc = Doc().p("ยุทธศาสตร์การพัฒนาที่ 3 : การพัฒนาด้านคน สังคม และคุณภาพชีวิต").p("3.1 แผนงานสาธารณสุข")
    doc.table(project_table([["1", "พ่นยุง", "", "1,000", "", "สำนักปลัด", *marks({2})]])).save(folder / "a.docx")
    (p,) = plan_of(folder).projects
    assert p.strategy == "การพัฒนาด้านคน สังคม และคุณภาพชีวิต"
