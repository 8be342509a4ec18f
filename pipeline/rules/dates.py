"""The profile, the fiscal year and the legal deadline (ข้อ 27)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..domain import PROFILE_LABELS, REQUIRED_PROFILE
from ..model import Plan, Source
from ..thai import fiscal_years_in, thai_date
from . import Env, Hit, notice, rule

notice(
    "conflicting-profile",
    "error",
    "ข้อมูลทั่วไปขัดกัน (ร่างของหน่วยงานอื่นหรือปีอื่นปนอยู่)",
    "two profiles among the drafts name different organisations or fiscal years",
    "ย้ายไฟล์ร่างที่ไม่ใช่ของแผนนี้ออกจากโฟลเดอร์ inputs (ไฟล์ตัวอย่างที่มากับโปรแกรมย้ายออกได้ด้วย make samples-aside)",
    messages={
        "": "ข้อมูลทั่วไปใน {file} ({org} ปีงบประมาณ {year}) ไม่ตรงกับใน {first_file} ({first_org} ปีงบประมาณ {first_year})",
    },
)
notice(
    "unknown-profile-key",
    "warning",
    "ไม่รู้จักหัวข้อในข้อมูลทั่วไป",
    "a key of the profile table that matches no known profile key",
    "เขียนหัวข้อตามตัวอย่างใน README (เช่น วันที่ประกาศใช้ข้อบัญญัติงบประมาณ) หรือลบแถวที่ไม่ใช้",
    messages={"": 'ไม่รู้จักหัวข้อ "{value}" ในตารางข้อมูลทั่วไป จึงไม่ได้ใช้ค่าในแถวนี้'},
)

DEADLINE_DAYS = 30  # ข้อ 27: within 30 days of the ordinance announcement


def last_legal_day(ordinance: dt.date) -> dt.date:
    return ordinance + dt.timedelta(days=DEADLINE_DAYS)


@rule(
    "missing-profile",
    "error",
    "ไม่มีข้อมูลทั่วไปของแผน",
    "no profile, or a required profile key is missing",
    "เพิ่มตาราง 2 คอลัมน์ (หัวข้อ | ข้อมูล) เช่น ชื่อหน่วยงาน, อำเภอ, จังหวัด, ปีงบประมาณ, วันที่ประกาศใช้ข้อบัญญัติงบประมาณ, วันที่ประกาศแผนการดำเนินงาน",
)
def missing_profile(plan: Plan, env: Env) -> Iterable[Hit]:
    prof = plan.profile
    if prof.source is None:
        yield Hit(Source("(inputs)"), "ไม่พบตารางข้อมูลทั่วไป (ชื่อหน่วยงาน ปีงบประมาณ วันที่ประกาศ ฯลฯ) ในไฟล์ใดเลย")
        return
    for name in REQUIRED_PROFILE:
        if name not in prof.present:
            yield Hit(prof.source, f'ข้อมูลทั่วไปไม่มี "{PROFILE_LABELS[name]}"', value=PROFILE_LABELS[name])


@rule(
    "fiscal-year-mismatch",
    "error",
    "ปีงบประมาณไม่ตรงกับแผน",
    "a draft, heading or intro sentence names a fiscal year other than the profile's",
    "แก้ปี พ.ศ. ให้ตรงกับปีงบประมาณของแผน",
)
def fiscal_year(plan: Plan, env: Env) -> Iterable[Hit]:
    year = plan.profile.fiscal_year
    if year is None:
        return
    for m in plan.years:
        if m.year != year:
            yield Hit(
                m.source,
                f'ระบุปี {m.year} แต่แผนนี้เป็นปีงบประมาณ {year}: "{m.text}"',
                value=m.text,
                suggestion=m.text.replace(str(m.year), str(year)),
            )
    for block in plan.intro:
        for found, phrase in fiscal_years_in(block.text):
            if found != year:
                yield Hit(
                    block.source,
                    f'บทนำระบุ "{phrase}" แต่แผนนี้เป็นปีงบประมาณ {year}',
                    value=phrase,
                    suggestion=phrase.replace(str(found), str(year)),
                )


@rule(
    "deadline",
    "error",
    "ประกาศแผนไม่ทันกำหนด 30 วัน",
    "the announcement date is more than 30 days after the ordinance announcement, or before it",
    "ตั้งวันที่ประกาศแผนให้อยู่ระหว่างวันประกาศใช้ข้อบัญญัติ ถึง 30 วันหลังจากนั้น",
)
def deadline(plan: Plan, env: Env) -> Iterable[Hit]:
    prof = plan.profile
    if prof.ordinance_date is None or prof.announcement_date is None or prof.source is None:
        return
    last = last_legal_day(prof.ordinance_date)
    ann = thai_date(prof.announcement_date)
    if prof.announcement_date < prof.ordinance_date:
        yield Hit(
            prof.source_of("announcement_date"),
            f"วันที่ประกาศแผน ({ann}) อยู่ก่อนวันประกาศใช้ข้อบัญญัติ ({thai_date(prof.ordinance_date)})",
            value=ann,
            suggestion=f"ประกาศได้ตั้งแต่ {thai_date(prof.ordinance_date)} ถึง {thai_date(last)}",
        )
    elif prof.announcement_date > last:
        late = (prof.announcement_date - last).days
        yield Hit(
            prof.source_of("announcement_date"),
            f"วันที่ประกาศแผน ({ann}) เกินกำหนด {late} วัน: วันสุดท้ายตามข้อ 27 คือ {thai_date(last)}",
            value=ann,
            suggestion=f"ประกาศภายใน {thai_date(last)}",
        )


@rule(
    "missing-signatory",
    "warning",
    "ไม่ได้ระบุผู้ลงนามประกาศ",
    "the profile names no signatory",
    'เพิ่มแถว "ผู้ลงนาม" และ "ตำแหน่ง" ในตารางข้อมูลทั่วไป (ประกาศจะเว้นเส้นจุดให้ลงชื่อด้วยมือ)',
)
def missing_signatory(plan: Plan, env: Env) -> Iterable[Hit]:
    prof = plan.profile
    if prof.source is not None and not prof.signatory:
        yield Hit(prof.source, "ข้อมูลทั่วไปไม่มีผู้ลงนาม: ประกาศจะพิมพ์เส้นจุดแทนชื่อ")


@rule(
    "missing-emblem",
    "warning",
    "ประกาศไม่มีตราของหน่วยงาน",
    "the announcement is rendered without the organisation's emblem image",
    "วางรูปตราครุฑ/ตราหน่วยงานชื่อ garuda.png ไว้ในโฟลเดอร์ templates",
)
def missing_emblem(plan: Plan, env: Env) -> Iterable[Hit]:
    if env.emblem is False:
        yield Hit(Source("templates/garuda.png"), "ไม่พบรูปตราในโฟลเดอร์ templates: ประกาศจะเว้นที่ว่างไว้ด้านบน")
