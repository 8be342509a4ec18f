"""Find a table's header rows and map its grid columns to fields.

Headers may span two or three rows ("พ.ศ. 2563" over ต.ค. พ.ย. ธ.ค.), cells may
be merged across columns (gridSpan) or down rows (vMerge). Labels are matched
tolerantly: spaces, dots, line breaks, brackets and digits are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.thai import be_year_in, be_years_in, calendar_month, fiscal_month_of, fiscal_year_of, key, label_year
from ..read import Row, Table

_SEQ = {"ที่", "ลำดับ", "ลำดับที่", "ข้อ"}
_NAME = {"โครงการ", "ชื่อโครงการ", "โครงการกิจกรรม", "ชื่อโครงการกิจกรรม", "รายการ", "ครุภัณฑ์", "รายการครุภัณฑ์", "ชื่อรายการ"}


_MONTH_KEYS = "ตค|พย|ธค|มค|กพ|มีค|เมย|พค|มิย|กค|สค|กย"  # abbreviated months as key() leaves them
# Whose strategy a map's header names: "ยุทธศาสตร์การพัฒนาของเทศบาล", "… อปท.", "… อบจ."
_OWNERS = "อปท|อบต|อบจ|เทศบาล(ตำบล|เมือง|นคร)?|องค์การบริหารส่วน(ตำบล|จังหวัด)|ท้องถิ่น|จังหวัด"


_BRACKETED = re.compile(r"\([^()]*\)")


def label_field(label: str) -> str | None:
    """A header label → field name, "month:N" (fiscal month), or None. A label
    not known as typed is tried without what it says in brackets ("รายการ
    (โครงการ/ครุภัณฑ์)" is the รายการ column), then by its alternatives
    ("รายการ/โครงการ")."""
    found = _label_field(label)
    if found is None and "(" in label:
        bare = _BRACKETED.sub(" ", label).strip()
        if bare and bare != label:
            found = _label_field(bare)
    if found is None and "/" in label:
        # "รายการ/โครงการ": alternatives that all name one field are that field
        fields = {_label_field(part) for part in label.split("/") if part.strip()}
        if len(fields) == 1:
            found = fields.pop()
    return found


def _label_field(label: str) -> str | None:
    k = re.sub(r"\d+", "", key(label))
    if not k or len(k) > 45:
        return None  # header labels are short; long text is data
    m = fiscal_month_of(label)
    if m:
        return f"month:{m}"
    # "ไตรมาส 1", "ไตรมาสที่ ๒", "ไตรมาส 1 (ต.ค. – ธ.ค. 68)": the months in brackets only name the quarter's
    q = re.fullmatch(rf"ไตรมาส(?:ที่)?([1-4])(?:{_MONTH_KEYS}|\d{{2,4}})*", key(label))
    if q:
        return f"quarter:{q.group(1)}"
    if k in _SEQ:
        return "seq"
    if k.startswith(("รายละเอียด", "เป้าหมายผลผลิตของครุภัณฑ์")) or k in {"กิจกรรม", "กิจกรรมที่ดำเนินการ"}:
        return "activity"
    if k in {"ประเภท", "ประเภทครุภัณฑ์"}:
        return "category"  # ผด.02/1 grouped by type: the type stands in for the item name
    short = len(k) <= 25
    if k in _NAME or (short and k.startswith(("ชื่อโครงการ", "โครงการ", "รายการครุภัณฑ์"))):
        return "name"
    # "ประมาณการปี 2570 (บาท)": a ข้อบัญญัติ's estimate column
    if k.startswith(("งบประมาณ", "จำนวนเงิน", "จำนวนงบประมาณ", "วงเงิน", "ประมาณการ")) or k in {
        "รวม",
        "รวมเงิน",
        "รวมบาท",
        "รวมเงินบาท",
    }:
        return "budget"  # ผด.02/1 as จำนวน × ราคาต่อหน่วย = รวม (บาท): the total is the item's budget
    if k.startswith("ราคาต่อหน่วย"):
        return "unit_price"
    if k in {"หน่วยนับ", "หน่วย"}:
        return "measure"  # ผด.02/1's "คัน", "เครื่อง": beside จำนวน
    if k.startswith(("สถานที่", "พื้นที่")):
        return "location"
    # "ส่วนราชการที่รับผิดชอบ", "กอง/ฝ่ายที่รับผิดชอบ": whoever is responsible is the unit
    if k.startswith(("หน่วยงาน", "หน่วยดำเนินการ", "ผู้รับผิดชอบ", "หน่วยรับผิดชอบ", "ส่วนราชการ")) or (short and "รับผิดชอบ" in k):
        return "unit"
    if k.startswith(("แหล่งงบประมาณ", "แหล่งที่มา", "แหล่งเงิน", "ที่มาของงบประมาณ")):
        return "source"
    # Exact forms only: a data cell "ยุทธศาสตร์ที่ 1 …" must not read as a header.
    if re.fullmatch(r"ยุทธศาสตร์(การพัฒนา)?(ของ)?(จังหวัด|กลุ่มจังหวัด|ชาติ)[ก-๙]*", k):
        return "linked"  # the province's (or the nation's) strategy beside the organisation's own: kept, not checked
    # "ยุทธศาสตร์การพัฒนาเทศบาลเมืองบ้านดู่": the organisation's own strategies, by its kind and name
    # (a strategy's own name, "ยุทธศาสตร์การพัฒนาท้องถิ่นด้าน…", is data: it names a ด้าน)
    if re.fullmatch(rf"ยุทธศาสตร์(การพัฒนา)?(ที่|(ของ)?({_OWNERS})[ก-๙]{{0,20}})?", k) and "ด้าน" not in k:
        return "strategy"
    if k in {"ด้าน", "กลยุทธ์", "กลยุทธ"}:
        return "sector" if k == "ด้าน" else "tactic"  # strategy-map columns the checks do not need
    if re.fullmatch(r"แผนงาน(หลัก|งาน|ที่เกี่ยวข้อง)?", k):
        return "program"
    if k.startswith("ระยะเวลา"):
        return "period"
    if k.startswith("จำนวน") or k.startswith("หมวด"):  # ผด.02/1's quantity and budget category ("ค่าครุภัณฑ์")
        return "quantity" if k.startswith("จำนวน") else "group"
    return None


# Columns a record keeps in ``extra`` without a warning: known, but no field of a record.
KEPT = {"sector", "tactic", "quantity", "group", "unit_price", "measure", "linked"}
# The headers the reader knows best, for the suggestion of an unknown one.
KNOWN_HEADERS = (
    "ที่",
    "โครงการ",
    "รายละเอียดของกิจกรรมที่เกิดขึ้นจากโครงการ",
    "งบประมาณ (บาท)",
    "สถานที่ดำเนินการ",
    "หน่วยงานรับผิดชอบหลัก",
    "แหล่งงบประมาณ",
    "ระยะเวลาดำเนินการ",
    "ยุทธศาสตร์",
    "แผนงาน",
    "ประเภท",
    "รายการครุภัณฑ์",
)


def nearest_header(label: str) -> str:
    """The known header an unknown one is most like ("" when none is)."""
    from ..core.match import closest

    hit = closest(label, KNOWN_HEADERS, cutoff=70)
    return hit[0] if hit else ""


def _is_year_label(text: str) -> bool:
    t = key(text)
    return bool(re.fullmatch(r"(พศ)?\d{4}(บาท)?", t) or re.fullmatch(r"ปี\d{4}", t))


def header_like(row: Row) -> bool:
    """Every text of the row is a label, a month or a year."""
    texts = row.texts
    if not texts:
        return False
    if len(texts) == 1 and not (_is_year_label(texts[0]) or fiscal_month_of(texts[0])):
        return False  # a merged heading row ("แผนงานการศึกษา") is data, not header
    return all(label_field(t) or _is_year_label(t) or key(t) in {"บาท", "พศ"} for t in texts)


@dataclass
class Layout:
    """Where the header ends and which grid column holds which field."""

    header_rows: list[int]  # positions (0-based) in table.rows
    fields: dict[str, int] = field(default_factory=dict)
    months: dict[int, int] = field(default_factory=dict)  # fiscal month → grid column
    quarters: dict[int, int] = field(default_factory=dict)  # fiscal quarter → grid column
    year_cols: list[tuple[str, int]] = field(default_factory=list)  # ผ.02 budget-by-year
    years: list[int] = field(default_factory=list)
    header_text: str = ""
    continued: bool = False  # a headerless table continuing the one before
    extra: dict[str, tuple[int, bool]] = field(default_factory=dict)  # header → (grid column, unknown): kept, not read
    month_years: dict[int, tuple[int, str]] = field(default_factory=dict)  # fiscal month → (fiscal year, header) a header names

    @property
    def data_start(self) -> int:
        return max(self.header_rows) + 1

    @property
    def name_col(self) -> int | None:
        """The item-name column (a ผด.02/1 by type has only a type column)."""
        return self.fields.get("name", self.fields.get("category"))


def _column_labels(table: Table, rows: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for pos in rows:
        for cell in table.rows[pos].cells:
            if cell.vmerge == "continue" or not cell.text.strip():
                continue
            for c in range(cell.col, cell.col + cell.span):
                out.setdefault(c, []).append(cell.text)
    return out


def _month_year(layout: Layout, fiscal: int, label: str, col_labels: list[str]) -> None:
    """The year a month column's header names — its own ("ต.ค. 68"), or the
    title above it: "พ.ศ. 2568" (a calendar year) or "ปีงบประมาณ พ.ศ. 2569"
    (a fiscal year) — kept, so that a month outside the plan's year is caught."""
    month = calendar_month(fiscal)
    year = label_year(label)
    if year is not None:
        layout.month_years.setdefault(fiscal, (fiscal_year_of(month, year), label))
        return
    for above in reversed(col_labels):
        year = be_year_in(above) if above != label else None
        if year is not None:
            fy = year if "ปีงบประมาณ" in key(above) else fiscal_year_of(month, year)
            layout.month_years.setdefault(fiscal, (fy, f"{above} {label}"))
            return


def find_layout(table: Table, max_start: int = 4) -> Layout | None:
    """The header of a table, or None when no row looks like one."""
    for start in range(min(max_start, len(table.rows))):
        row = table.rows[start]
        found = {label_field(t) for t in row.texts} - {None}
        named = {f for f in found if not f.startswith(("month:", "quarter:"))}
        if len(named) < 2:
            continue
        rows = [start]
        while len(rows) < 3 and rows[-1] + 1 < len(table.rows) and header_like(table.rows[rows[-1] + 1]):
            rows.append(rows[-1] + 1)
        return _layout(table, rows)
    return None


def _layout(table: Table, rows: list[int]) -> Layout:
    layout = Layout(rows)
    labels = _column_labels(table, rows)
    texts: list[str] = []
    read: set[str] = set()  # labels of the columns read (a title spanning month columns is one of them)
    unread: dict[int, str] = {}
    named = any(label_field(x) == "name" for col_labels in labels.values() for x in col_labels)
    for col in sorted(labels):
        col_labels = labels[col]
        texts.extend(col_labels)
        for lab in reversed(col_labels):  # the bottom row is the most specific
            f = label_field(lab)
            if f is None:
                continue
            read.update(col_labels)
            if f.startswith("month:"):
                layout.months.setdefault(int(f[6:]), col)
                _month_year(layout, int(f[6:]), lab, col_labels)
            elif f.startswith("quarter:"):
                layout.quarters.setdefault(int(f[8:]), col)
            elif f == "budget" and any(_is_year_label(x) or be_year_in(x) for x in col_labels):
                year = be_year_in(" ".join(col_labels))
                layout.year_cols.append((str(year) if year else lab, col))
            elif f in KEPT or (f == "category" and named):  # the type beside a name column: kept, the name is read
                layout.extra.setdefault(lab, (col, False))
            else:
                layout.fields.setdefault(f, col)
            break
        else:
            if any(_is_year_label(x) for x in col_labels) and any(label_field(x) == "budget" for x in texts):
                year = be_year_in(" ".join(col_labels))
                layout.year_cols.append((str(year) if year else col_labels[-1], col))
                read.update(col_labels)
            else:
                unread[col] = col_labels[-1]
    for col, lab in unread.items():
        if lab not in read and not _is_year_label(lab) and key(lab) not in {"บาท", "พศ"}:
            layout.extra.setdefault(lab, (col, True))
    layout.header_text = " ".join(dict.fromkeys(texts))
    layout.years = sorted(set(be_years_in(layout.header_text)))
    if len(layout.year_cols) == 1 and "budget" not in layout.fields:
        layout.fields["budget"] = layout.year_cols.pop()[1]
    return layout
