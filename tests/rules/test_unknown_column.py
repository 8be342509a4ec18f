import json
from pathlib import Path

from pipeline.core.records import plan_from_json, plan_to_json
from pipeline.report.html import to_html
from pipeline.rules.runner import run_checks

from ..conftest import MONTHS, C, Doc, R, findings, plan_of, write_plan

HEAD = ["ที่", "โครงการ", "งบประมาณ (บาท)", "หน่วยงานรับผิดชอบ"]


def _table(extra: str, rows: list[tuple[str, str]]) -> list:
    """A row without a name is wrapped text: no number, no budget, no month."""
    body = [[str(i), n, "1,000", "กองช่าง", v, "✓"] if n else ["", "", "", "", v, ""] for i, (n, v) in enumerate(rows, 1)]
    return [R([*HEAD, extra, *MONTHS], header=True), *[[*cells, *[""] * 11] for cells in body]]


def test_fires_once_per_file_at_the_header_with_the_closest_known_header(folder: Path) -> None:
    write_plan(folder, [])
    doc = Doc().p("แผนงานเคหะและชุมชน").table(_table("สถานทีดำเนินการ", [("ถนน", "หมู่ 1")]))
    doc.table(_table("สถานทีดำเนินการ", [("ท่อ", "หมู่ 2")])).save(folder / "b.docx")
    assert findings(folder, "unknown-column") == [("b.docx", 1, 1)]
    (f,) = run_checks(plan_of(folder), ["unknown-column"]).findings
    assert f.source.column == "สถานทีดำเนินการ" and f.value == "สถานทีดำเนินการ"
    assert f.suggestion == 'หมายถึง "สถานที่ดำเนินการ" ใช่หรือไม่'


def test_its_values_are_kept_in_records_and_shown_in_the_report(folder: Path) -> None:
    write_plan(folder, [])
    rows = [("ถนน", "ตามแบบแปลน"), ("", "ต่อจากแถวบน")]  # a wrapped row's note joins the project's
    Doc().p("แผนงานเคหะและชุมชน").table(_table("หมายเหตุ", rows)).save(folder / "b.docx")
    plan = plan_of(folder)
    (p,) = [p for p in plan.projects if p.source.file == "b.docx"]
    assert p.extra == (("หมายเหตุ", "ตามแบบแปลน\nต่อจากแถวบน"),)
    data = json.loads(json.dumps(plan_to_json(plan), ensure_ascii=False))
    assert [d["extra"] for d in data["projects"]] == [{"หมายเหตุ": "ตามแบบแปลน\nต่อจากแถวบน"}]
    assert plan_from_json(data) == plan
    html = to_html(run_checks(plan))
    assert "ตามแบบแปลน" in html and "b.docx › ตารางที่ 1 › แถวที่ 2" in html
    (f,) = run_checks(plan, ["unknown-column"]).findings
    assert f.suggestion == ""  # nothing known is like หมายเหตุ


def test_quiet_for_known_columns_and_titles_over_months(folder: Path) -> None:
    head = [
        R(
            [C(h, vmerge="restart") for h in ["ที่", "ประเภท", "รายการครุภัณฑ์", "จำนวน", "งบประมาณ (บาท)"]]
            + [C("ปีงบประมาณ พ.ศ. 2564", span=12)]
        ),
        R([C("", vmerge="continue") for _ in range(5)] + MONTHS),
    ]
    doc = Doc().p("บัญชีครุภัณฑ์ แผนงานการศึกษา")
    doc.table([*head, ["1", "ครุภัณฑ์สำนักงาน", "ตู้เหล็ก", "2 ตู้", "11,000", "✓", *[""] * 11]]).save(folder / "a.docx")
    plan = plan_of(folder)
    assert [n.code for n in plan.notices if n.code == "unknown-column"] == []
    (p,) = plan.projects
    assert (p.name, p.extra) == ("ตู้เหล็ก", (("ประเภท", "ครุภัณฑ์สำนักงาน"), ("จำนวน", "2 ตู้")))
