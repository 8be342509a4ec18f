from pathlib import Path

from pipeline.rules.runner import run_checks

from ..conftest import findings, plan_of, profile_rows, row, write_plan


def test_fires_one_day_late_and_names_the_last_legal_day(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")], profile=profile_rows(ordinance="15 กันยายน 2563", announce="16 ตุลาคม 2563"))
    assert findings(folder, "deadline") == [("ref.docx", 1, 6)]
    (f,) = run_checks(plan_of(folder), ["deadline"]).findings
    assert "15 ตุลาคม 2563" in f.message


def test_announcing_before_the_ordinance_is_only_a_warning(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")], profile=profile_rows(ordinance="15 กันยายน 2563", announce="14 กันยายน 2563"))
    assert findings(folder, "deadline") == []
    assert findings(folder, "deadline-before-event") == [("ref.docx", 1, 6)]


def revision(announce: str, *events: tuple[str, str], number: str = "1/2564") -> list:
    rows = [r for r in profile_rows(ordinance="15 กันยายน 2563", announce=announce)]
    return [*rows, ["ครั้งที่แก้ไข", number], *[[k, v] for k, v in events]]


EVENT_KEYS = [
    "วันที่ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม",
    "วันที่อนุมัติจ่ายขาดเงินสะสม",
    "วันที่ได้รับแจ้งแผนงานและโครงการ",
]


def test_a_revision_counts_from_its_own_event(folder: Path) -> None:
    """Revision 1/2564 announced 10 March 2564: months after the annual ordinance,
    in time for each of the three events of ข้อ 27 a few days before it."""
    for key in EVENT_KEYS:
        write_plan(folder, [row("1", "ถนน", "100")], profile=revision("10 มีนาคม 2564", (key, "1 มีนาคม 2564")))
        assert findings(folder, "deadline") == [], key


def test_a_revision_announced_too_late_after_its_event(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")], profile=revision("20 เมษายน 2564", (EVENT_KEYS[0], "1 มีนาคม 2564")))
    (f,) = run_checks(plan_of(folder), ["deadline"]).findings
    assert "31 มีนาคม 2564" in f.message and "เพิ่มเติม" in f.message


def test_a_revision_with_no_event_counts_from_the_annual_ordinance(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100")], profile=revision("10 มีนาคม 2564"))
    assert findings(folder, "deadline") == [("ref.docx", 1, 6)]


def test_an_extension_moves_the_last_day(folder: Path) -> None:
    prof = [*profile_rows(ordinance="15 กันยายน 2563", announce="30 ตุลาคม 2563"), ["ขยายเวลาถึง", "31 ตุลาคม 2563"]]
    write_plan(folder, [row("1", "ถนน", "100")], profile=prof)
    assert findings(folder, "deadline") == []
    prof = [*profile_rows(ordinance="15 กันยายน 2563", announce="2 พฤศจิกายน 2563"), ["ขยายเวลาถึง", "31 ตุลาคม 2563"]]
    write_plan(folder, [row("1", "ถนน", "100")], profile=prof)
    (f,) = run_checks(plan_of(folder), ["deadline"]).findings
    assert "ขยายเวลา" in f.message and "31 ตุลาคม 2563" in f.message


def test_quiet_on_the_same_day_and_on_the_last_day(folder: Path) -> None:
    for announce in ("15 กันยายน 2563", "15 ต.ค. 63"):
        write_plan(folder, [row("1", "ถนน", "100")], profile=profile_rows(ordinance="15/09/2563", announce=announce))
        assert findings(folder, "deadline") == []
