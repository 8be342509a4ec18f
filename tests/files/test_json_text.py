"""The JSON outputs are written by orjson; their bytes must stay those of the
standard library's ``json.dumps(ensure_ascii=False, indent=2)`` (people diff
records.json between runs, and the golden compares it)."""

from __future__ import annotations

import json
from decimal import Decimal

from pipeline.core.records import plan_to_json
from pipeline.files.atomic import json_text

from ..conftest import SAMPLES, plan_of


def _std(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def test_same_bytes_as_the_standard_library() -> None:
    data = {
        "ชื่อ": 'องค์การบริหารส่วนตำบลหนองฉิม\u200b\u2060 "อ้าง" \\ \n\t',
        "empty": [],
        "nothing": {},
        "none": None,
        "flags": [True, False],
        "numbers": [0, -7, 2**62, 41.46, 0.1 + 0.2, 12.2, 100.0, 0.0001, 3.5e21],
        "nested": [{"a": [[], {}]}, [1, [2, [3]]]],
        "control": "\x00\x1f\x7f\u2028",
    }
    assert json_text(data) == _std(data)


def test_a_whole_plan_as_the_standard_library_writes_it() -> None:
    data = plan_to_json(plan_of(SAMPLES))
    assert json_text(data) == _std(data)


def test_what_orjson_refuses_goes_the_standard_way() -> None:
    data = {"big": 2**70, "amount": str(Decimal("1.50"))}
    assert json_text(data) == _std(data)


def test_a_tiny_float_reads_back_the_same() -> None:
    # The one known difference: orjson writes 1e-7 where json writes 1e-07 (no output holds
    # such a number: shares and percentages are rounded to two places); the value is the same.
    assert json.loads(json_text({"x": 1e-07})) == {"x": 1e-07}
