"""หน่วยงาน of records whose table has no unit column: the division a draft
is written for is usually named in its title ("กองช่าง องค์การบริหารส่วน
ตำบลท่าข้าม"), else in its file name ("แผนดำเนินงาน กองช่าง.docx"), else the
development plan names the unit of the same project."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath

from ..core.domain import names_organisation
from ..core.match import NameIndex
from ..core.model import DevPlanItem, Project
from ..core.thai import key

# "สำนักงานเทศบาล…" is the organisation's office and "ส่วนที่ 1" a chapter: neither is a division.
_DIVISION = re.compile(r"^(สำนัก(?!งาน(เทศบาล|องค์การ|อบต|อบจ))|กอง|ส่วน(?!ที่)|ฝ่าย)")
# What follows a division's name on a title line: the organisation, its place, the year.
_AFTER = re.compile(r"[\s_]+(?=องค์การบริหาร|องค์กรปกครอง|เทศบาล|อบต|อบจ|อำเภอ|จังหวัด|ประจำปี|ปีงบประมาณ|พ\.ศ|แผน|\d)")
SAME_PROJECT = 90  # name similarity (0–100) above which a development-plan project is this one


def division_in(text: str) -> str:
    """ "กองช่าง องค์การบริหารส่วนตำบลท่าข้าม" → "กองช่าง"; "" when the text
    does not start with a division's name."""
    head = _AFTER.split(text.strip(), maxsplit=1)[0].strip()
    return head if _DIVISION.match(head) and len(head) <= 60 else ""


def file_division(path: str) -> str:
    """The division a file name names: "แผนดำเนินงาน กองช่าง.docx" → "กองช่าง"."""
    words = re.split(r"[\s_]+", PurePosixPath(path).stem)
    for i, word in enumerate(words):
        if _DIVISION.match(word):
            return division_in(" ".join(words[i:]))
    return ""


def draft_division(title: list[str], path: str) -> str:
    """The division a draft is written for, from its opening lines or its file name."""
    return next((d for line in title if (d := division_in(line))), "") or file_division(path)


def _name_key(name: str) -> str:
    return key(name).removeprefix("โครงการ")


def devplan_units(projects: list[Project], todo: list[int], devplan: list[DevPlanItem]) -> None:
    """Fill in place the unit of ``todo`` records from the development-plan
    project of the same name, when the plan names a division for it."""
    items = [d for d in devplan if d.unit and not names_organisation(d.unit)]
    if not items or not todo:
        return
    index = NameIndex([d.name for d in items], _name_key)
    for i in todo:
        hit = index.find(projects[i].name, SAME_PROJECT) if not projects[i].unit else None
        if hit is not None:
            projects[i] = replace(projects[i], unit=items[hit[0]].unit)
