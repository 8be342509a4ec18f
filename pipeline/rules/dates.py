"""The profile, the fiscal year and the legal deadline (ข้อ 27)."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.domain import PROFILE_LABELS, REQUIRED_PROFILE, deadline
from ..core.model import Plan, Source
from ..core.thai import fiscal_years_in, thai_date
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


notice(
    "period-outside-year",
    "error",
    "เดือนที่ดำเนินการอยู่นอกปีงบประมาณ",
    "a month named with a year (in a period, a date or a month header) falls outside the plan's fiscal year",
    "แก้ปีของเดือนให้อยู่ในปีงบประมาณของแผน หรือย้ายโครงการไปแผนของปีที่ดำเนินการจริง",
    messages={
        "": 'ระยะเวลา "{value}" มีเดือนนอกปีงบประมาณ {year} ({span}): {words} — โปรแกรมไม่ย้ายเดือนเข้าปีงบประมาณให้เอง',
        "header": "หัวคอลัมน์เดือน {headers} เป็นเดือนนอกปีงบประมาณ {year} ({span}) แต่ทำเครื่องหมายไว้ในแถวที่ {rows}",
    },
    hints={"header": "แก้ปีในหัวคอลัมน์เดือนให้ตรงกับปีงบประมาณ (ต.ค.–ธ.ค. เป็นปีก่อนหน้า ม.ค.–ก.ย. เป็นปีงบประมาณ)"},
)


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
    "the announcement is more than 30 days after its event (the annual ordinance; for a revision the latest event before it), or after an extension",
    "ประกาศภายใน 30 วันนับแต่เหตุ (ข้อ 27) หรือให้ผู้บริหารท้องถิ่นขยายเวลา แล้วใส่ ขยายเวลาถึง ในข้อมูลทั่วไป",
)
def late(plan: Plan, env: Env) -> Iterable[Hit]:
    prof = plan.profile
    due = deadline(prof)
    if due is None or prof.announcement_date is None or prof.source is None:
        return
    ann = thai_date(prof.announcement_date)
    if prof.announcement_date > due.last_day:
        days = (prof.announcement_date - due.last_day).days
        why = (
            f"ตามที่ขยายเวลาไว้ถึง {thai_date(due.last_day)}"
            if due.extended
            else f"นับจากวันที่{due.label} ({thai_date(due.event_date)})"
        )
        yield Hit(
            prof.source_of("announcement_date"),
            f"วันที่ประกาศแผน ({ann}) เกินกำหนด {days} วัน: วันสุดท้ายตามข้อ 27 คือ {thai_date(due.last_day)} {why}",
            value=ann,
            suggestion=f"ประกาศภายใน {thai_date(due.last_day)}",
        )


@rule(
    "deadline-before-event",
    "warning",
    "ประกาศแผนก่อนเหตุที่ต้องจัดทำแผน",
    "the announcement is dated before the event its 30 days count from",
    "ตรวจวันที่ประกาศแผนและวันที่ของเหตุ (ประกาศใช้ข้อบัญญัติ งบเพิ่มเติม เงินสะสม หรือได้รับแจ้งโครงการ) ในข้อมูลทั่วไป",
)
def early(plan: Plan, env: Env) -> Iterable[Hit]:
    prof = plan.profile
    due = deadline(prof)
    if due is None or prof.announcement_date is None or prof.source is None or prof.announcement_date >= due.event_date:
        return
    yield Hit(
        prof.source_of("announcement_date"),
        f"วันที่ประกาศแผน ({thai_date(prof.announcement_date)}) อยู่ก่อนวันที่{due.label} ({thai_date(due.event_date)})",
        value=thai_date(prof.announcement_date),
        suggestion=f"ประกาศได้ตั้งแต่ {thai_date(due.event_date)} ถึง {thai_date(due.last_day)}",
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
