"""Domain facts in one place: standard แผนงาน, profile keys, funding sources.

Facts marked *(verify)* in SPEC live here or in the templates, never scattered.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .model import Profile
from .thai import arabic_digits, key

# Standard แผนงาน grouped by ด้าน (SPEC §1), in the order forms list them.
PROGRAM_GROUPS: dict[str, tuple[str, ...]] = {
    "ด้านบริหารทั่วไป": ("แผนงานบริหารงานทั่วไป", "แผนงานการรักษาความสงบภายใน"),
    "ด้านบริการชุมชนและสังคม": (
        "แผนงานการศึกษา",
        "แผนงานสาธารณสุข",
        "แผนงานสังคมสงเคราะห์",
        "แผนงานเคหะและชุมชน",
        "แผนงานสร้างความเข้มแข็งของชุมชน",
        "แผนงานการศาสนาวัฒนธรรมและนันทนาการ",
    ),
    "ด้านการเศรษฐกิจ": ("แผนงานอุตสาหกรรมและการโยธา", "แผนงานการเกษตร", "แผนงานการพาณิชย์"),
    "ด้านการดำเนินงานอื่น": ("แผนงานงบกลาง",),
}
STANDARD_PROGRAMS: tuple[str, ...] = tuple(p for g in PROGRAM_GROUPS.values() for p in g)


def program_key(name: str) -> str:
    """Key that ignores the spelling variants of แผนงาน names: spaces,
    punctuation, an optional "แผนงาน" prefix and the optional "การ"."""
    k = re.sub(r"\d+", "", key(name))  # numbering and budget codes ("(00240)")
    k = k.removeprefix("แผนงาน")
    return k.replace("การ", "")


_PROGRAM_BY_KEY = {program_key(p): p for p in STANDARD_PROGRAMS}


def canonical_program(name: str) -> str | None:
    """ "แผนงานรักษาความสงบภายใน" → "แผนงานการรักษาความสงบภายใน"; None if not standard."""
    return _PROGRAM_BY_KEY.get(program_key(name))


def program_name(text: str) -> str:
    """A แผนงาน as typed in a heading or cell → its canonical name (without
    numbering); a name that is not standard is kept as typed, for the check."""
    body = strip_numbering(text)
    return canonical_program(body) or body


_NUMBERING = re.compile(r"^\s*(?:[\-–•*]\s*)?(?:\d+(?:\.\d+)*\.?\)?\s*)?")
# "ยุทธศาสตร์ที่ 2", "ยุทธศาสตร์ ที่ ๒ :" — the one pattern for a numbered strategy.
_STRATEGY_NO = re.compile(r"^\s*ยุทธศาสตร์\s*(?:การพัฒนา\s*)?ที่\s*(\d+)\s*[:.)\-–]?\s*")


def strip_numbering(text: str) -> str:
    """ "1.1 แผนงานเคหะ" → "แผนงานเคหะ"; "ยุทธศาสตร์ที่ 1 การพัฒนา…" → "การพัฒนา…"."""
    t = _NUMBERING.sub("", arabic_digits(text), count=1)
    return _STRATEGY_NO.sub("", t, count=1).strip()


def strategy_name(text: str) -> str:
    """A strategy as records keep it: no numbering and no leading word
    "ยุทธศาสตร์", so "ยุทธศาสตร์ที่ 1 การพัฒนาด้าน…" and "1. ยุทธศาสตร์การพัฒนา
    ด้าน…" are the same "การพัฒนาด้าน…" (forms print "ยุทธศาสตร์" back)."""
    body = strip_numbering(text)
    if not body:  # "ยุทธศาสตร์ที่ 2" with no name: keep the number to resolve later
        m = _STRATEGY_NO.match(arabic_digits(text))
        return f"ยุทธศาสตร์ที่ {m.group(1)}" if m else ""
    rest = body.removeprefix("ยุทธศาสตร์").strip()
    return rest or body


def strategy_no(text: str) -> int | None:
    """The number a strategy heading or cell gives it: "ยุทธศาสตร์ที่ 3 …" or "3. ยุทธศาสตร์…"."""
    t = arabic_digits(text)
    m = _STRATEGY_NO.match(t) or re.match(r"^\s*(\d+)\s*[.)]\s*(?!\d)", t)
    return int(m.group(1)) if m else None


def strategy_number(name: str) -> int | None:
    """2 for a strategy known only as "ยุทธศาสตร์ที่ 2"."""
    m = _STRATEGY_NO.fullmatch(name)
    return int(m.group(1)) if m else None


def strategy_key(name: str) -> str:
    """Key for strategy names: numbering and the word ยุทธศาสตร์ are optional."""
    k = key(strip_numbering(name))
    return k.removeprefix("ยุทธศาสตร์")


def heading_kind(text: str) -> str | None:
    """ "strategy" / "program" for a heading paragraph or merged row, else None."""
    t = arabic_digits(text)
    if not t or len(t) > 200:
        return None
    body = _NUMBERING.sub("", t, count=1).strip()
    if body.startswith("ยุทธศาสตร์"):
        return "strategy"
    if body.startswith("แผนงาน") and (canonical_program(body) or len(body) < 60):
        return "program"
    return None


def is_total(label: str) -> bool:
    """A "รวม…" row closes the rows above it (never a project)."""
    return key(label).startswith("รวม")


def is_grand_total(label: str) -> bool:
    """ "รวมทั้งสิ้น" closes every row of the table, not only the open group."""
    return key(label).startswith("รวมทั้งสิ้น")


# ---------------------------------------------------------------- profile

# The profile keys of SPEC §2, in the order the report lists them, each with
# its canonical wording (for messages) first and the other usual wordings after.
PROFILE_KEYS: dict[str, tuple[str, ...]] = {
    "org_name": ("ชื่อหน่วยงาน", "องค์กรปกครองส่วนท้องถิ่น", "ชื่อองค์กรปกครองส่วนท้องถิ่น", "ชื่อ อปท.", "หน่วยงาน"),
    "district": ("อำเภอ",),
    "province": ("จังหวัด",),
    "fiscal_year": ("ปีงบประมาณ", "ประจำปีงบประมาณ"),
    "ordinance_date": ("วันที่ประกาศใช้ข้อบัญญัติงบประมาณ", "วันที่ประกาศใช้เทศบัญญัติงบประมาณ"),
    "announcement_date": ("วันที่ประกาศแผนการดำเนินงาน", "วันที่ประกาศใช้แผนการดำเนินงาน", "วันที่ประกาศ"),
    "supplementary_date": ("วันที่ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม",),
    "accumulated_date": ("วันที่อนุมัติจ่ายขาดเงินสะสม",),
    "notified_date": ("วันที่ได้รับแจ้งแผนงานและโครงการ",),
    "extension_date": ("ขยายเวลาถึง",),
    "committee_date": ("วันที่คณะกรรมการพัฒนาพิจารณา",),
    "signatory": ("ผู้ลงนาม", "ผู้ลงนามประกาศ", "ชื่อผู้ลงนาม"),
    "position": ("ตำแหน่ง", "ตำแหน่งผู้ลงนาม"),
    "revision": ("ครั้งที่แก้ไข", "แก้ไขครั้งที่"),
    "thai_digits": ("ตัวเลขไทย", "ใช้ตัวเลขไทย"),
    "month_marks": ("เครื่องหมายเดือน", "แสดงเดือนแบบ"),
}
REQUIRED_PROFILE = ("org_name", "district", "province", "fiscal_year", "ordinance_date", "announcement_date")
PROFILE_LABELS = {f: words[0] for f, words in PROFILE_KEYS.items()}
PROFILE_DATES = (
    "ordinance_date",
    "announcement_date",
    "supplementary_date",
    "accumulated_date",
    "notified_date",
    "extension_date",
    "committee_date",
)
_OWN_BUDGET = ("ข้อบัญญัติ", "เทศบัญญัติ", "งบประมาณรายจ่าย")


def _date_key(k: str) -> str | None:
    """Which date a "วันที่…" key names, by the words in it, not its exact wording."""
    if "คณะกรรมการ" in k:
        return "committee_date"
    if "ได้รับแจ้ง" in k or "แจ้งแผนงาน" in k:
        return "notified_date"
    if "เงินสะสม" in k:
        return "accumulated_date"
    if "ขยายเวลา" in k:
        return "extension_date"
    if "แผนการดำเนินงาน" in k or "ประกาศแผน" in k or k in ("วันที่ประกาศ", "วันประกาศ", "วันที่ประกาศใช้"):
        return "announcement_date"
    if any(w in k for w in _OWN_BUDGET):
        return "supplementary_date" if "เพิ่มเติม" in k else "ordinance_date"
    return None


def profile_field(label: str) -> str | None:
    """A profile-table key cell → the Profile field it fills, else None.

    Matched by meaning: staff add words and qualifiers ("ปีงบประมาณที่จัดทำแผน",
    "วันประกาศใช้เทศบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. 2564",
    "ชื่อ อปท.", "(ข้อ 27)", a trailing colon), so keys are recognised by their
    leading or telling words rather than compared whole."""
    k = re.sub(r"^\d+", "", key(label))
    if not k or len(k) > 90:
        return None
    if k.startswith("วัน") or k.startswith("ขยายเวลา"):
        return _date_key(k)
    if "ครั้งที่" in k and ("แก้ไข" in k or "เพิ่มเติม" in k or k == "ครั้งที่"):
        return "revision"
    if k.startswith(("ปีงบประมาณ", "ประจำปีงบประมาณ", "ปีงบ")):
        return "fiscal_year"
    if k.startswith("อำเภอ") or k.startswith("ชื่ออำเภอ"):
        return "district"
    if k.startswith("จังหวัด") or k.startswith("ชื่อจังหวัด"):
        return "province"
    if k.startswith(("ชื่อหน่วยงาน", "องค์กรปกครองส่วนท้องถิ่น", "ชื่อองค์กรปกครองส่วนท้องถิ่น", "ชื่ออปท", "ชื่อองค์กร")) or k in (
        "อปท",
        "หน่วยงาน",
    ):
        return "org_name"
    if "ตำแหน่ง" in k and len(k) <= 30:
        return "position"
    if k.startswith(("ผู้ลงนาม", "ชื่อผู้ลงนาม", "ลงนาม")):
        return "signatory"
    if "เลขไทย" in k:
        return "thai_digits"
    if "เดือน" in k and ("เครื่องหมาย" in k or "แบบ" in k):
        return "month_marks"
    return None


def nearest_profile_key(label: str) -> str:
    """The known key a label that could not be placed is most like ("" when none is)."""
    from .match import closest

    words = {w: f for f, ws in PROFILE_KEYS.items() for w in ws}
    hit = closest(label, words, cutoff=50)
    return PROFILE_LABELS[words[hit[0]]] if hit else ""


_ORG_TYPES = re.compile(r"(องค์การบริหารส่วนตำบล|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร|องค์การบริหารส่วนจังหวัด)(.+)")


def org_place(org_name: str) -> str:
    """ "องค์การบริหารส่วนตำบลหนองฉิม" → "หนองฉิม" (the place the organisation is named after)."""
    m = _ORG_TYPES.search(org_name)
    return m.group(2).strip() if m else ""


# Ordinance lines that are personnel and running costs, not projects: the
# plan lists projects only, so these lines need no project (SPEC §4).
RUNNING_COSTS = (
    "เงินเดือน",
    "ค่าจ้าง",
    "ค่าตอบแทน",
    "เงินประจำตำแหน่ง",
    "เงินค่าตอบแทน",
    "เงินสมทบ",
    "เงินเพิ่ม",
    "เงินช่วยเหลือ",
    "ค่าเช่าบ้าน",
    *("ค่าสาธารณูปโภค", "ค่าไฟฟ้า", "ค่ากระแสไฟฟ้า", "ค่าน้ำประปา", "ค่าโทรศัพท์"),
    "ค่าบริการไปรษณีย์",
    "ค่าบริการโทรคมนาคม",
    "ค่าบริการสื่อสาร",
    "ค่าวัสดุ",
    "วัสดุ",
    "ค่าบำรุงรักษา",
    "รายจ่ายเพื่อให้ได้มาซึ่งบริการ",
    "ค่าใช้จ่ายในการเดินทางไปราชการ",
    *("สำรองจ่าย", "เงินสำรองจ่าย"),
    "เงินบำเหน็จ",
    "บำเหน็จ",
    "บำนาญ",
    "ค่าเบี้ยประกัน",
    "ค่าธรรมเนียม",
)
_RUNNING_KEYS = tuple(key(w) for w in RUNNING_COSTS)


_ORGANISATIONS = tuple(key(w) for w in ("อบต.", "อบจ.", "เทศบาล", "องค์การบริหารส่วน", "องค์กรปกครองส่วนท้องถิ่น"))


def strategy_label(name: str) -> str:
    """A ยุทธศาสตร์ as printed: its name, or the placeholder for projects without one."""
    return name or "(ไม่ระบุยุทธศาสตร์)"


def strategy_title(name: str) -> str:
    """ "การพัฒนาด้าน…" → "ยุทธศาสตร์การพัฒนาด้าน…" (as forms print it)."""
    if not name:
        return strategy_label(name)  # "(ไม่ระบุยุทธศาสตร์)", not "ยุทธศาสตร์(ไม่ระบุยุทธศาสตร์)"
    return name if name.startswith("ยุทธศาสตร์") else f"ยุทธศาสตร์{name}"


UNASSIGNED = "ไม่ระบุหน่วยงาน"  # the form and file of items no division is known for


def program_label(name: str) -> str:
    """A แผนงาน as printed: its name, or the placeholder for projects without one."""
    return name or "(ไม่ระบุแผนงาน)"


def ordinance_word(org_name: str) -> str:
    """A municipality (เทศบาล) passes a เทศบัญญัติ, other organisations a ข้อบัญญัติ."""
    return "เทศบัญญัติ" if org_name.startswith("เทศบาล") else "ข้อบัญญัติ"


def names_organisation(unit: str) -> bool:
    """ "อบต.หนองฉิม" in a หน่วยงานรับผิดชอบ column names the whole organisation, not one of its divisions."""
    return key(unit).startswith(_ORGANISATIONS)


def running_cost(name: str) -> bool:
    """An ordinance line for salaries, allowances, utilities and the like."""
    return key(name).startswith(_RUNNING_KEYS)


# ---------------------------------------------------------------- the regulation (ระเบียบ พ.ศ. 2548)

REGULATION = "ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548"
# (ฉบับที่ N, its title's พ.ศ., the day in force: after the ราชกิจจานุเบกษา of 28 ก.ย. 2559 and 3 ต.ค. 2561 (verify)).
# A later amendment is one more line here; every citation printed and checked follows.
REGULATION_AMENDMENTS: tuple[tuple[int, int, dt.date], ...] = ((2, 2559, dt.date(2016, 9, 29)), (3, 2561, dt.date(2018, 10, 4)))


def amendments_in_force(on: dt.date | None) -> tuple[tuple[int, int, dt.date], ...]:
    """The amendments in force on ``on`` (all of them when the date is unknown)."""
    return tuple(a for a in REGULATION_AMENDMENTS if on is None or a[2] <= on)


def regulation_citation(on: dt.date | None) -> str:
    """The regulation as in force on ``on``, cited as plans do: "… พ.ศ. 2548 แก้ไขเพิ่มเติมถึง (ฉบับที่ 3) พ.ศ. 2561"."""
    if not (amended := amendments_in_force(on)):
        return REGULATION
    upto = "แก้ไขเพิ่มเติมถึง" if len(amended) > 1 else "แก้ไขเพิ่มเติม"
    return f"{REGULATION} {upto} (ฉบับที่ {amended[-1][0]}) พ.ศ. {amended[-1][1]}"


def plan_date(profile: Profile) -> dt.date | None:
    """The day a plan speaks from: its announcement, else its ordinance."""
    return profile.announcement_date or profile.ordinance_date


# ---------------------------------------------------------------- deadline (ข้อ 27)

DEADLINE_DAYS = 30  # ข้อ 27 (thirty days since the 2548 regulation; ฉบับที่ 3 kept them)
EVENTS = {
    "ordinance_date": "ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายประจำปี",
    "supplementary_date": "ประกาศใช้ข้อบัญญัติงบประมาณรายจ่ายเพิ่มเติม",
    "accumulated_date": "อนุมัติจ่ายขาดเงินสะสม",
    "notified_date": "ได้รับแจ้งแผนงานและโครงการจากหน่วยงานอื่น",
}


def revision_number(raw: str) -> tuple[int, int | None] | None:
    """ "2/2568" → (2, 2568); "แก้ไขครั้งที่ 2" → (2, None); the first plan ("", "-") → None."""
    m = re.search(r"(\d+)\s*(?:/\s*(\d{2,4}))?", arabic_digits(raw or ""))
    if not m or int(m.group(1)) == 0:
        return None
    year = int(m.group(2)) if m.group(2) else None
    return int(m.group(1)), (year + 2500 if year is not None and year < 100 else year)


@dataclass(frozen=True)
class Deadline:
    """The event a plan's 30 days count from, and the last legal day."""

    event: str  # a profile field of EVENTS
    event_date: dt.date
    last_day: dt.date
    extended: bool = False  # the head of the organisation extended the time

    @property
    def label(self) -> str:
        return EVENTS[self.event]


def deadline(profile: Profile) -> Deadline | None:
    """ข้อ 27: the first plan counts from the annual ordinance; a revision
    from the latest event (annual or supplementary ordinance, accumulated
    funds, projects notified) on or before its announcement. An extension by
    the head of the organisation moves the last day."""
    events = {name: getattr(profile, name) for name in EVENTS if getattr(profile, name)}
    if revision_number(profile.revision) is None:
        events = {k: v for k, v in events.items() if k == "ordinance_date"}
    if not events:
        return None
    announced = profile.announcement_date
    before = {k: v for k, v in events.items() if announced is None or v <= announced}
    name = max(before, key=lambda k: before[k]) if before else min(events, key=lambda k: events[k])
    last = events[name] + dt.timedelta(days=DEADLINE_DAYS)
    extended = profile.extension_date is not None and profile.extension_date > last
    return Deadline(name, events[name], profile.extension_date if extended else last, extended)


# ---------------------------------------------------------------- funding

_OWN = ("ข้อบัญญัติ", "เทศบัญญัติ", "งบประมาณรายจ่าย", "อบต", "องค์การบริหารส่วนตำบล", "เทศบาล", "งบอบต")
_ACCUMULATED = ("เงินสะสม", "จ่ายขาด")
_TRANSFER = ("โอน",)


def funding_kind(source_of_funds: str) -> str:
    """ "ordinance" (our own budget ordinance — also when the cell is empty),
    "accumulated" (จ่ายขาดเงินสะสม), "transfer" (โอนงบประมาณ), or "other"
    (another agency's project, not checked against our ordinance)."""
    k = key(source_of_funds)
    if any(key(a) in k for a in _ACCUMULATED):  # before "อบต": "เงินสะสม อบต." is not the ordinance
        return "accumulated"
    if any(key(t) in k for t in _TRANSFER):
        return "transfer"
    if not k or k == "งบประมาณ" or any(key(o) in k for o in _OWN):
        return "ordinance"
    return "other"


# ---------------------------------------------------------------- follow-up (ติดตามและประเมินผล)

STATUS_TH = {"done": "ดำเนินการแล้วเสร็จ", "in_progress": "อยู่ระหว่างดำเนินการ", "not_started": "ยังไม่ได้ดำเนินการ", "cancelled": "ยกเลิก"}
