"""A revision against the previous announced version (build --previous): its
number follows the previous one, it changes something, and projects matched
only by a likely name are named for a person to confirm."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.domain import revision_number
from ..core.model import Plan, Source
from . import Env, Hit, rule


@rule(
    "revision-number",
    "error",
    "ครั้งที่แก้ไขไม่ต่อจากฉบับก่อน",
    "a revision's number does not follow the previous version's",
    'ใส่ "ครั้งที่แก้ไข" ในข้อมูลทั่วไปเป็นครั้งถัดจากฉบับก่อน เช่น 2/2568 ต่อจาก 1/2568',
)
def number(plan: Plan, env: Env) -> Iterable[Hit]:
    diff = env.revision
    if diff is None:
        return
    before = revision_number(diff.previous_revision)
    now = revision_number(plan.profile.revision)
    expected = (before[0] if before else 0) + 1
    place = plan.profile.source_of("revision") or Source("(inputs)")
    label = f"{expected}/{plan.profile.fiscal_year}" if plan.profile.fiscal_year else str(expected)
    if now is None:
        yield Hit(place, "ข้อมูลทั่วไปไม่ระบุครั้งที่แก้ไข แต่สั่งทำแผนแก้ไข (--previous)", suggestion=label)
    elif now[0] != expected:
        was = diff.previous_revision or "ฉบับแรก"
        yield Hit(place, f"ครั้งที่แก้ไข {plan.profile.revision} ไม่ต่อจากฉบับก่อน ({was})", value=plan.profile.revision, suggestion=label)


@rule(
    "revision-unchanged",
    "warning",
    "แผนแก้ไขไม่มีส่วนที่เปลี่ยน",
    "a revision with no difference from the previous version",
    "ตรวจว่าใช้ร่างฉบับใหม่ และแผนฉบับก่อนถูกไฟล์",
)
def unchanged(plan: Plan, env: Env) -> Iterable[Hit]:
    if env.revision is not None and env.revision.empty:
        yield Hit(plan.profile.source or Source("(inputs)"), "ไม่มีโครงการที่เพิ่ม เปลี่ยน หรือยกเลิก เทียบกับแผนฉบับก่อน")


@rule(
    "revision-unsure-match",
    "warning",
    "จับคู่โครงการกับฉบับก่อนได้ไม่แน่ใจ",
    "a project matched to the previous version by a name that is only similar",
    "ถ้าเป็นโครงการเดียวกัน ไม่ต้องแก้ ถ้าไม่ใช่ ให้แก้ชื่อให้ต่างกันชัดเจน",
)
def unsure(plan: Plan, env: Env) -> Iterable[Hit]:
    if env.revision is None:
        return
    for change in env.revision.changed:
        if change.unsure:
            yield Hit(
                change.new.source,
                f'ถือว่า "{change.new.name[:60]}" คือ "{change.old.name[:60]}" ของฉบับก่อน (ชื่อคล้ายกัน {change.score:.0f}%)',
                value=change.new.name,
                suggestion=change.old.name,
            )
