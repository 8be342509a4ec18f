"""A revision of the plan: the previous announced version read back, and the
difference of the two, project by project.

The previous version is its records.json, or its plan.docx as this project
rendered it (read like any draft: the forms are one more layout the reader
knows). Projects are matched by meaning, not by row: the same name (without
"โครงการ", spacing and normalising aside) and kind, else the most similar name
(rapidfuzz) — a project moved to another file or renamed slightly is
"changed", not cancelled and added; a match that is only likely is kept and
reported as unsure.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from ..core.diff import COMPARED, LIKELY, SURE, Change, Diff
from ..core.errors import UsageError
from ..core.match import ProjectIndex, project_key
from ..core.model import Plan, Profile, Project
from ..core.records import plan_from_json
from ..core.thai import key
from ..extract import extract
from ..read import Paragraph, read_inputs


def load_previous(path: Path) -> Plan:
    """The previously announced plan, from its records.json or its plan.docx."""
    if not path.is_file():
        raise UsageError(f'ไม่พบไฟล์แผนฉบับก่อน "{path}" (ใส่ plan.docx ที่ประกาศแล้ว หรือ records.json ของฉบับนั้น)')
    if path.suffix.lower() == ".json":
        try:
            return plan_from_json(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError) as exc:
            raise UsageError(f"อ่าน {path.name} ไม่ได้: ไม่ใช่ records.json ของโปรแกรมนี้ ({exc})") from exc
    if path.suffix.lower() != ".docx":
        raise UsageError(f"แผนฉบับก่อนต้องเป็น plan.docx หรือ records.json ไม่ใช่ {path.suffix}")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "plan.docx"
        copy.write_bytes(path.read_bytes())
        result = read_inputs(copy)
        plan = extract(result)
    if not plan.projects:
        raise UsageError(f"ไม่พบโครงการใน {path.name}: ใช้ plan.docx ที่โปรแกรมนี้สร้าง หรือ records.json ของฉบับนั้น")
    return replace(plan, profile=cover_profile(plan, [b.text for d in result.docs for b in d.blocks if isinstance(b, Paragraph)]))


_ORG = re.compile(r"^(องค์การบริหารส่วน\S+|เทศบาล\S+)$")
_PLACE = re.compile(r"^อำเภอ\s*(\S+)\s+จังหวัด\s*(\S+)$")


def cover_profile(plan: Plan, paragraphs: list[str]) -> Profile:
    """A plan.docx carries no profile table: its fiscal year is the one its
    titles name most, its organisation, อำเภอ and จังหวัด are the cover's lines."""
    prof = plan.profile
    if prof.fiscal_year is None and plan.years:
        prof = replace(prof, fiscal_year=Counter(y.year for y in plan.years).most_common(1)[0][0])
    for text in paragraphs[:12]:  # the cover comes first
        t = text.strip()
        if not prof.org_name and _ORG.match(t):
            prof = replace(prof, org_name=t)
        m = _PLACE.match(t)
        if m and not prof.district:
            prof = replace(prof, district=m.group(1), province=m.group(2))
    return prof


def _same(a: Project, b: Project) -> tuple[str, ...]:
    out = []
    for name, _ in COMPARED:
        va, vb = getattr(a, name), getattr(b, name)
        if isinstance(va, str):
            va, vb = key(va), key(vb)
        if va != vb:
            out.append(name)
    return tuple(out)


def _match(old: list[Project], new: list[Project]) -> tuple[list[tuple[Project, Project, float]], list[Project], list[Project]]:
    """Pairs (old, new, score), then the unmatched old and new."""
    pairs: list[tuple[Project, Project, float]] = []
    left_old, left_new = list(old), list(new)
    # 1. the same name at the same place, 2. the same name, 3. the most similar name
    for exact in (lambda p: (project_key(p.name), key(p.location)), lambda p: project_key(p.name)):
        by_key: dict[object, list[Project]] = {}
        for p in left_old:
            by_key.setdefault(exact(p), []).append(p)
        waiting, left_new = left_new, []
        for p in waiting:
            candidates = by_key.get(exact(p))
            if candidates:
                q = candidates.pop(0)
                left_old.remove(q)
                pairs.append((q, p, 100.0))
            else:
                left_new.append(p)
    still_new = []
    for p in left_new:
        index = ProjectIndex([q.name for q in left_old])
        hit = index.find(p.name, LIKELY) if left_old else None
        if hit:
            q = left_old.pop(hit[0])
            pairs.append((q, p, hit[1]))
        else:
            still_new.append(p)
    return pairs, left_old, still_new


def difference(previous: Plan, current: Plan) -> Diff:
    added: list[Project] = []
    changed: list[Change] = []
    cancelled: list[Project] = []
    for kind in ("project", "equipment"):
        pairs, gone, new = _match(list(previous.of_kind(kind)), list(current.of_kind(kind)))  # type: ignore[arg-type]
        for old, cur, score in pairs:
            fields_ = _same(old, cur)
            if fields_ or score < SURE:
                changed.append(Change(old, cur, fields_, score))
        cancelled += gone
        added += new
    budget = sum((p.budget or Decimal(0) for p in current.projects), Decimal(0))
    before = sum((p.budget or Decimal(0) for p in previous.projects), Decimal(0))
    return Diff(tuple(added), tuple(changed), tuple(cancelled), previous.profile.revision, before, budget, previous)
