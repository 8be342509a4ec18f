"""Write the sample drafts into samples/ (``make samples``, or python -m tools.make_samples [DIR]).

``make`` builds them when inputs/ holds no drafts of the user's own.

Four divisions type their projects four different ways, as real offices do:
สำนักปลัด (heading paragraphs, ✓ and / marks, two-row พ.ศ. header, "รวม" rows),
กองคลัง (ยุทธศาสตร์/แผนงาน as vertically merged columns, months by shading,
an equipment table), กองช่าง (merged full-width heading rows, a period column,
Thai digits, continuation rows, another agency's project) and กองการศึกษา
(full month names, ● marks, a table inside a content control). Beside them:
the profile and strategy map, the introduction, the ordinance list and the
development-plan list.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from tools import sample_data as S
from tools.docxkit import C, Doc, R

ABBR = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
NODOT = [m.replace(".", "") for m in ABBR]
FULL = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน"]
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
UNIT = {"palad": "สำนักปลัด", "klang": "กองคลัง", "chang": "กองช่าง", "suksa": "กองการศึกษาฯ"}


def money(value: str, style: str = "comma") -> str:
    d = Decimal(value)
    if style == "plain":
        return f"{d:.0f}"
    if style == "decimals":
        return f"{d:,.2f}"
    if style == "baht":
        return f"{d:,.0f} บาท"
    if style == "thai":
        return f"{d:,.0f}".translate(THAI_DIGITS)
    return f"{d:,.0f}"


def title(doc: Doc, unit: str) -> None:
    doc.p(f"แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {S.YEAR}", bold=True, align="center")
    doc.p(f"{unit} {S.ORG} อำเภอ{S.DISTRICT} จังหวัด{S.PROVINCE}", bold=True, align="center")


def month_header(labels: list[str], lead: list) -> list:
    """Two header rows: the field cells merged down, "พ.ศ." over the months."""
    top = [C(c, vmerge="restart", bold=True) if isinstance(c, str) else c for c in lead]
    top += [C(f"พ.ศ. {S.YEAR - 1}", span=3, bold=True, align="center"), C(f"พ.ศ. {S.YEAR}", span=9, bold=True, align="center")]
    bottom = [C(vmerge="continue") for _ in lead] + [C(m, bold=True) for m in labels]
    return [R(top, header=True), R(bottom, header=True)]


def palad(out: Path) -> None:
    doc = Doc(landscape=True)
    title(doc, "สำนักปลัด")
    lead = ["ที่", "โครงการ", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก"]
    widths = [500, 2600, 3000, 1300, 1900, 1200] + [420] * 12
    groups: dict[tuple[int, str], list[S.P]] = {}
    for p in S.PALAD:
        groups.setdefault((p.strategy, p.program), []).append(p)
    sub: dict[int, int] = {}
    for n, ((s, program), items) in enumerate(groups.items()):
        if s not in sub:
            doc.p(f"ยุทธศาสตร์ที่ {s} {S.STRATEGIES[s]}", bold=True)
        sub[s] = sub.get(s, 0) + 1
        doc.p(f"{s}.{sub[s]} {program}", bold=True)
        mark = "✓" if n % 2 == 0 else "/"
        rows = month_header(ABBR, lead)
        for i, p in enumerate(items, start=1):
            activity = p.activity
            wrap = ""
            if len(activity) > 50 and i == 1:
                cut = activity.rfind(" ", 0, 50)
                activity, wrap = activity[:cut], activity[cut + 1 :]
            rows.append(
                [str(i), p.name, activity, money(p.budget), p.location, "สำนักปลัด"]
                + [mark if m in p.months else "" for m in range(1, 13)]
            )
            if wrap:
                rows.append(["", "", wrap, "", "", ""] + [""] * 12)
        rows.append([C("รวม", span=3, bold=True), C(money(str(sum(Decimal(p.budget) for p in items))), bold=True), C(span=14)])
        doc.table(rows, widths)
        doc.p("")
    doc.save(out / "สำนักปลัด.docx")


def klang(out: Path) -> None:
    doc = Doc(landscape=True)
    title(doc, "กองคลัง")
    header = ["ที่", "ยุทธศาสตร์", "แผนงาน", "โครงการ/กิจกรรม", "รายละเอียดกิจกรรม", "งบประมาณ", "สถานที่", "หน่วยงานรับผิดชอบ", *NODOT]
    widths = [450, 1500, 1300, 2200, 2400, 1100, 1300, 1000] + [380] * 12
    rows: list = [R([C(h, bold=True) for h in header], header=True)]
    for i, p in enumerate(S.KLANG, start=1):
        first = i == 1
        rows.append(
            [
                str(i),
                C(
                    f"{p.strategy}. ยุทธศาสตร์{S.STRATEGIES[p.strategy]}" if first else "",
                    vmerge="restart" if first else "continue",
                ),
                C(p.program if first else "", vmerge="restart" if first else "continue"),
                p.name,
                p.activity,
                money(p.budget, "decimals"),
                p.location,
                "กองคลัง",
            ]
            + [C(fill="8DB3E2") if m in p.months else C() for m in range(1, 13)]
        )
    doc.table(rows, widths)
    doc.p("")
    doc.p("บัญชีครุภัณฑ์ที่ไม่ได้ดำเนินการในโครงการพัฒนาท้องถิ่น (แบบ ผด.02/1)", bold=True)
    doc.p(f"ยุทธศาสตร์ที่ 5 {S.STRATEGIES[5]}", bold=True)
    doc.p("แผนงานบริหารงานทั่วไป", bold=True)
    lead = ["ที่", "ครุภัณฑ์", "รายละเอียดของครุภัณฑ์", "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก"]
    rows = month_header(ABBR, lead)
    for i, p in enumerate(S.KLANG_EQUIPMENT, start=1):
        rows.append(
            [str(i), p.name, p.activity, money(p.budget), p.location, "กองคลัง"]
            + [C(fill="A6A6A6") if m in p.months else C() for m in range(1, 13)]
        )
    doc.table(rows, [450, 2400, 3000, 1200, 1800, 1200] + [420] * 12)
    doc.save(out / "กองคลัง.docx")


def chang(out: Path) -> None:
    doc = Doc(landscape=True)
    title(doc, "กองช่าง")
    header = [
        "ลำดับที่",
        "ชื่อโครงการ",
        "รายละเอียดของกิจกรรม",
        "งบประมาณ\n(บาท)",
        "สถานที่ดำเนินการ",
        "แหล่งงบประมาณ",
        "หน่วยดำเนินการ",
        "ระยะเวลาดำเนินการ",
    ]
    widths = [600, 3200, 3600, 1300, 1900, 1500, 1200, 1800]
    rows: list = [R([C(h, bold=True) for h in header], header=True)]
    strategy = program = None
    n = 0
    for idx, p in enumerate(S.CHANG):
        if p.strategy != strategy:
            strategy, program = p.strategy, None
            rows.append([C(f"ยุทธศาสตร์ที่ {p.strategy} {S.STRATEGIES[p.strategy]}", span=8, bold=True)])
        if p.program != program:
            program, n = p.program, 0
            rows.append(
                [C(f"{p.strategy}.{S.STRATEGY_PROGRAMS[p.strategy].index(p.program) + 1} {p.program}", span=8, bold=True)]
            )
        n += 1
        style = "thai" if idx % 3 == 0 else "comma"
        activity = p.activity
        rest = ""
        if "พร้อม" in activity:
            cut = activity.index("พร้อม")
            activity, rest = activity[:cut].strip(), activity[cut:]
        rows.append([str(n), p.name, activity, money(p.budget, style), p.location, p.source or "ข้อบัญญัติ", "กองช่าง", p.period])
        if rest:
            rows.append(["", "", rest, "", "", "", "", ""])
    total = sum(Decimal(p.budget) for p in S.CHANG)
    rows.append([C("รวมทั้งสิ้น", span=3, bold=True), C(money(str(total)), bold=True), C(span=4)])
    doc.table(rows, widths)
    doc.save(out / "กองช่าง.docx")


def suksa(out: Path) -> None:
    doc = Doc(landscape=True)
    title(doc, "กองการศึกษา ศาสนาและวัฒนธรรม")
    doc.p(f"3. ยุทธศาสตร์{S.STRATEGIES[3]}", bold=True)
    lead = ["ที่", "โครงการ", "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ", "งบประมาณ", "สถานที่ดำเนินการ", "แหล่งที่มา", "หน่วยงานรับผิดชอบหลัก"]
    widths = [450, 2500, 2800, 1300, 1800, 900, 1100] + [400] * 12
    for k, program in enumerate(["แผนงานการศึกษา", "แผนงานการศาสนาวัฒนธรรมและนันทนาการ"], start=1):
        doc.p(f"3.{k} {program.replace('การศาสนาวัฒนธรรม', 'การศาสนา วัฒนธรรม ')}", bold=True)
        rows = month_header(FULL, lead)
        for i, p in enumerate([p for p in S.SUKSA if p.program == program], start=1):
            cells = [str(i), p.name, p.activity, money(p.budget, "baht"), p.location, "ข้อบัญญัติ", UNIT["suksa"]]
            rows.append(cells + [C("●") if m in p.months else C() for m in range(1, 13)])
        (doc.sdt_table if k == 1 else doc.table)(rows, widths)
        doc.p("")
    doc.p("บัญชีครุภัณฑ์ (แบบ ผด.02/1)", bold=True)
    doc.p("3.1 แผนงานการศึกษา", bold=True)
    rows = month_header(ABBR, ["ที่", "รายการครุภัณฑ์", "รายละเอียดของครุภัณฑ์", "งบประมาณ (บาท)", "สถานที่ดำเนินการ", "หน่วยงานรับผิดชอบหลัก"])
    for i, p in enumerate(S.SUKSA_EQUIPMENT, start=1):
        rows.append(
            [str(i), p.name, p.activity, money(p.budget), p.location, UNIT["suksa"]]
            + [C("✓", fill="FFD966") if m in p.months else C() for m in range(1, 13)]
        )
    doc.table(rows, [450, 2400, 3000, 1200, 1800, 1200] + [420] * 12)
    doc.save(out / "กองการศึกษา.docx")


def general(out: Path) -> None:
    doc = Doc()
    doc.p(f"ข้อมูลทั่วไปสำหรับจัดทำแผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {S.YEAR}", bold=True, align="center")
    profile = [
        ("ชื่อหน่วยงาน", S.ORG),
        ("อำเภอ", S.DISTRICT),
        ("จังหวัด", S.PROVINCE),
        ("ปีงบประมาณ", f"พ.ศ. {S.YEAR}"),
        ("วันที่ประกาศใช้ข้อบัญญัติงบประมาณ", "15 กันยายน 2563"),
        ("วันที่ประกาศแผนการดำเนินงาน", "9 ตุลาคม 2563"),
        ("ผู้ลงนาม", "นายประสิทธิ์ ศรีสุข"),
        ("ตำแหน่ง", f"นายก{S.ORG}"),
        ("ครั้งที่แก้ไข", "-"),
        ("ตัวเลขไทย", "ไม่ใช้"),
    ]
    doc.table([[C(k, bold=True), v] for k, v in profile], [3800, 5200])
    doc.p("")
    doc.p("ความเชื่อมโยงยุทธศาสตร์การพัฒนากับแผนงาน", bold=True)
    rows: list = [R([C("ที่", bold=True), C("ยุทธศาสตร์การพัฒนา", bold=True), C("แผนงาน", bold=True)], header=True)]
    for s, programs in S.STRATEGY_PROGRAMS.items():
        for j, program in enumerate(programs):
            first = j == 0
            rows.append(
                [
                    C(str(s) if first else "", vmerge="restart" if first else "continue"),
                    C(f"ยุทธศาสตร์ที่ {s} {S.STRATEGIES[s]}" if first else "", vmerge="restart" if first else "continue"),
                    program,
                ]
            )
    doc.table(rows, [600, 4600, 3800])
    doc.save(out / "00_ข้อมูลทั่วไป.docx")


def intro(out: Path) -> None:
    doc = Doc()
    doc.p("ส่วนที่ 1", bold=True, align="center")
    doc.p("บทนำ", bold=True, align="center")
    for line in S.INTRO:
        if line.startswith("#"):
            doc.p(line[1:], bold=True)
        else:
            doc.p(line)
    doc.save(out / "01_บทนำ.docx")


def ordinance(out: Path) -> None:
    doc = Doc()
    doc.p(f"บัญชีโครงการและรายการตามข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {S.YEAR}", bold=True, align="center")
    doc.p(S.ORG, bold=True, align="center")
    own = [p for p in S.PROJECTS + S.EQUIPMENT if not p.source]
    by_program: dict[str, list[S.P]] = {}
    for p in own:
        by_program.setdefault(p.program, []).append(p)
    rows: list = [
        R(
            [C("ที่", bold=True), C("แผนงาน", bold=True), C("โครงการ/รายการ", bold=True), C("จำนวนเงิน (บาท)", bold=True)],
            header=True,
        )
    ]
    n = 0
    for program, items in by_program.items():
        for j, p in enumerate(items):
            n += 1
            rows.append(
                [
                    str(n),
                    C(program if j == 0 else "", vmerge="restart" if j == 0 else "continue"),
                    p.name,
                    money(p.budget, "decimals"),
                ]
            )
    rows.append([C("รวมทั้งสิ้น", span=3, bold=True), money(str(sum(Decimal(p.budget) for p in own)), "decimals")])
    doc.table(rows, [600, 3000, 4400, 1600])
    doc.save(out / "02_ข้อบัญญัติงบประมาณ_2564.docx")


def devplan(out: Path) -> None:
    doc = Doc(landscape=True)
    doc.p("แผนพัฒนาท้องถิ่น (พ.ศ. 2561 - 2565)", bold=True, align="center")
    doc.p("รายละเอียดโครงการพัฒนา (แบบ ผ.02)", bold=True, align="center")
    doc.p(S.ORG, bold=True, align="center")
    lead = ["ที่", "โครงการ", "เป้าหมาย (ผลผลิตของโครงการ)"]
    years = ["2561 (บาท)", "2562 (บาท)", "2563 (บาท)", "2564 (บาท)", "2565 (บาท)"]
    top = [C(h, vmerge="restart", bold=True) for h in lead] + [
        C("งบประมาณ", span=5, bold=True, align="center"),
        C("หน่วยงานรับผิดชอบหลัก", vmerge="restart", bold=True),
    ]
    bottom = [C(vmerge="continue") for _ in lead] + [C(y, bold=True) for y in years] + [C(vmerge="continue")]
    rows: list = [R(top, header=True), R(bottom, header=True)]
    own = [p for p in S.PROJECTS if p.source != "อบจ.ชัยภูมิ"]
    for i, p in enumerate(own, start=1):
        amount = money(p.budget)
        rows.append([str(i), p.name, p.activity, "-", "-", amount, amount, amount, "อบต.หนองฉิม"])
    doc.table(rows, [500, 3400, 3600, 1100, 1100, 1100, 1100, 1100, 1300])
    doc.save(out / "03_แผนพัฒนาท้องถิ่น_2561-2565.docx")


MAKERS = (general, intro, ordinance, devplan, palad, klang, chang, suksa)


def main(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    for make in MAKERS:
        make(out)
    return sorted(out.glob("*.docx"))


def aside(inputs: Path, samples: Path) -> tuple[list[str], list[str]]:
    """Take copies of the sample drafts back out of ``inputs`` so two plans are
    not mixed. A copy identical to the one in ``samples`` goes; a sample-named
    file that differs stays (it may be the user's own work) and is listed.
    Returns (removed, kept)."""
    removed: list[str] = []
    kept: list[str] = []
    for shipped in sorted(samples.glob("*.docx")):
        copy = inputs / shipped.name
        if not copy.is_file():
            continue
        if copy.read_bytes() == shipped.read_bytes():
            copy.unlink()
            removed.append(shipped.name)
        else:
            kept.append(shipped.name)
    return removed, kept


if __name__ == "__main__":
    root = Path(__file__).resolve().parents[1]
    if sys.argv[1:2] == ["--aside"]:
        inputs = Path(sys.argv[2]) if len(sys.argv) > 2 else root / "inputs"
        removed, kept = aside(inputs, root / "samples")
        print(f"เอาสำเนาไฟล์ตัวอย่างออกจาก {inputs}/ {len(removed)} ไฟล์ (ต้นฉบับยังอยู่ใน samples/)")
        print(f"Removed {len(removed)} copies of the sample drafts from {inputs}/ (the originals stay in samples/).")
        for name in kept:
            print(f"  {name}: ชื่อเหมือนไฟล์ตัวอย่างแต่เนื้อหาต่างกัน — ไม่ได้ลบ · differs from the sample, left in place")
    else:
        main(Path(sys.argv[1]) if len(sys.argv) > 1 else root / "samples")
