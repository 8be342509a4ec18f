"""``batch``: many organisations' drafts built at once, one roll-up."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.app import build_report
from pipeline.batch import run as batch
from pipeline.cli import main
from tests.conftest import profile_rows, row, write_plan


def _org(root: Path, folder: str, name: str, district: str, announce: str = "9 ตุลาคม 2563", budget: str = "50,000") -> Path:
    profile = profile_rows(announce=announce)
    profile[0] = ["ชื่อหน่วยงาน", name]
    profile[1] = ["อำเภอ", district]
    d = root / folder
    d.mkdir(parents=True)
    rows = [row("1", "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 1", budget), row("2", "ซ่อมแซมรางระบายน้ำ หมู่ที่ 2", "20,000")]
    return write_plan(d, rows, profile=profile)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    r = tmp_path / "organisations"
    _org(r, "01_หนองฉิม", "องค์การบริหารส่วนตำบลหนองฉิม", "เนินสง่า")
    _org(r, "02_ตาเนิน", "องค์การบริหารส่วนตำบลตาเนิน", "เนินสง่า", announce="30 พฤศจิกายน 2563")
    _org(r, "03_บ้านแฮด", "เทศบาลตำบลบ้านแฮด", "บ้านแฮด")
    (r / "04_ว่าง").mkdir()  # an organisation that sent nothing
    (r / "05_เสีย").mkdir()
    (r / "05_เสีย" / "ร่าง.docx").write_bytes(b"not a zip")
    return r


def test_every_organisation_is_a_row_and_bad_ones_do_not_stop_the_batch(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    rows = batch.run(root, out, build_report, jobs=2)  # through the process pool
    by = {r.folder: r for r in rows}
    assert [r.folder for r in rows] == ["01_หนองฉิม", "02_ตาเนิน", "03_บ้านแฮด", "04_ว่าง", "05_เสีย"]
    assert by["01_หนองฉิม"].verdict == "pass" and by["01_หนองฉิม"].projects == 2
    assert by["01_หนองฉิม"].budget == "70000.00" and by["01_หนองฉิม"].name == "องค์การบริหารส่วนตำบลหนองฉิม"
    assert by["01_หนองฉิม"].deadline.startswith("ทันกำหนด")
    assert by["02_ตาเนิน"].deadline.startswith("เกินกำหนด") and by["02_ตาเนิน"].verdict == "errors"
    assert by["04_ว่าง"].verdict == "refused" and "ไม่พบไฟล์" in by["04_ว่าง"].message
    assert by["05_เสีย"].verdict == "errors" and by["05_เสีย"].errors >= 1
    assert (out / "01_หนองฉิม" / "plan.docx").exists() and (out / "03_บ้านแฮด" / "announcement.docx").exists()
    assert not (out / "02_ตาเนิน" / "plan.docx").exists()  # errors: no official documents, as with build

    data = json.loads((out / "rollup.json").read_text(encoding="utf-8"))
    districts = {g["group"]: g for g in data["districts"]}
    assert districts["อำเภอเนินสง่า จังหวัดชัยภูมิ"]["organisations"] == 2
    assert districts["อำเภอเนินสง่า จังหวัดชัยภูมิ"]["passed"] == 1
    assert districts["อำเภอเนินสง่า จังหวัดชัยภูมิ"]["budget"] == "140000.00"
    provinces = {g["group"]: g for g in data["provinces"]}
    assert provinces["จังหวัดชัยภูมิ"]["projects"] == 6
    assert "เทศบาลตำบลบ้านแฮด" in (out / "rollup.html").read_text(encoding="utf-8")


def test_pool_and_one_by_one_agree(root: Path, tmp_path: Path) -> None:
    pooled = batch.run(root, tmp_path / "a", build_report, jobs=2)
    single = batch.run(root, tmp_path / "b", build_report, jobs=1)
    strip = [{**r.__dict__, "seconds": 0, "message": r.message.replace(str(tmp_path / "a"), "")} for r in pooled]
    assert strip == [{**r.__dict__, "seconds": 0, "message": r.message.replace(str(tmp_path / "b"), "")} for r in single]


def test_command_line_prints_the_roll_up_and_exits_1_when_any_fails(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["batch", str(root), str(tmp_path / "out"), "--jobs", "1"])
    text = capsys.readouterr().out
    assert code == 1
    assert "ผ่าน 2 จาก 5 หน่วยงาน" in text and "รวมรายอำเภอ" in text
    assert "04_ว่าง: ทำงานต่อไม่ได้" in text


def test_outputs_inside_the_root_are_refused(root: Path) -> None:
    assert main(["batch", str(root), str(root / "ผลลัพธ์")]) == 2
    assert not (root / "ผลลัพธ์").exists()


def test_root_without_organisations_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", str(tmp_path / "ไม่มี"), str(tmp_path / "out")]) == 2
    assert "ไม่พบโฟลเดอร์" in capsys.readouterr().err


def test_names_are_escaped_in_the_html(tmp_path: Path) -> None:
    r = tmp_path / "root"
    _org(r, "<script>x", "องค์การบริหารส่วนตำบล<b>", "เมือง")
    batch.run(r, tmp_path / "out", build_report, jobs=1)
    page = (tmp_path / "out" / "rollup.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>" not in page


def test_terminal_roll_up_is_a_table_when_wide_and_a_line_each_when_narrow(root: Path, tmp_path: Path) -> None:
    from rich.console import Console

    from pipeline.batch.view import lines, table

    rows = batch.run(root, tmp_path / "out", build_report, jobs=1)
    wide = Console(width=140, record=True, file=open(os.devnull, "w"))  # noqa: SIM115 - closed with the console
    wide.print(table(rows))
    text = wide.export_text()
    assert "อบต.หนองฉิม" in text and "ทต.บ้านแฮด" in text and "ผิด/เตือน" in text
    assert lines(rows)[1].startswith("มีข้อผิดพลาด: อบต.ตาเนิน (เนินสง่า ชัยภูมิ) ปี 2564 — 2 โครงการ 70,000.00 บาท")
    assert "ประกาศเกินกำหนด" in lines(rows)[1]
