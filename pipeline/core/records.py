"""The JSON form of the model: ``records.json``, the project's native format.

Amounts are strings with two decimals, dates ISO Gregorian strings, fiscal
months 1 = ต.ค. … 12 = ก.ย. ``plan_from_json`` is the exact inverse of
``plan_to_json`` (tests and the round trip rely on it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, is_dataclass
from decimal import Decimal
from typing import Any

from .domain import PROFILE_DATES
from .model import (
    DevPlanItem,
    FileInfo,
    IntroBlock,
    Notice,
    OrdinanceLine,
    Plan,
    Profile,
    Project,
    RowStats,
    Source,
    StatedTotal,
    StrategyLink,
    YearMention,
)

SCHEMA_VERSION = 1


_FIELDS: dict[type, tuple[str, ...]] = {}


def _enc(value: Any) -> Any:
    """A value as JSON data: what ``dataclasses.asdict`` and then the number
    and date forms would give, in one walk (asdict deep-copies every value
    first, a second at 10,000 projects)."""
    if isinstance(value, (str, int, float)) or value is None:
        return value
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _enc(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_enc(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS.get(type(value))
        if names is None:
            names = _FIELDS[type(value)] = tuple(f.name for f in fields(value))
        return {name: _enc(getattr(value, name)) for name in names}
    return value


def to_jsonable(obj: Any) -> Any:
    """A dataclass (or tuple of them) as plain JSON values."""
    return _enc(obj)


def profile_to_json(profile: Profile) -> dict[str, Any]:
    return to_jsonable(profile) | {"raw": dict(profile.raw)}


def plan_to_json(plan: Plan) -> dict[str, Any]:
    """The documented ``records.json`` form of a plan."""
    data = to_jsonable(plan)
    data["profile"] = profile_to_json(plan.profile)
    for d, p in zip(data["projects"], plan.projects, strict=True):
        d["extra"] = dict(p.extra)  # header → value: a mapping, as a person reads it
    return {"schema_version": SCHEMA_VERSION, **data}


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


def _date(value: Any) -> dt.date | None:
    return None if not value else dt.date.fromisoformat(value)


def _src(d: dict[str, Any] | None) -> Source | None:
    return None if d is None else Source(**d)


def project_from_json(d: dict[str, Any]) -> Project:
    return Project(
        **{
            **d,
            "budget": _dec(d.get("budget")),
            "months": tuple(d.get("months", ())),
            "original": tuple(tuple(x) for x in d.get("original", ())),
            "extra": tuple(dict(d.get("extra") or {}).items()),
            "source": _src(d["source"]),
            "program_source": _src(d.get("program_source")),
            "strategy_source": _src(d.get("strategy_source")),
        }
    )


def plan_from_json(data: dict[str, Any]) -> Plan:
    """Inverse of :func:`plan_to_json`."""
    p = dict(data["profile"])
    profile = Profile(
        **{
            **p,
            **{name: _date(p.get(name)) for name in PROFILE_DATES},
            "source": _src(p.get("source")),
            "present": tuple(p.get("present", ())),
            "raw": tuple((k, v) for k, v in p.get("raw", {}).items()),
            "rows": tuple((k, v) for k, v in p.get("rows", [])),
        }
    )

    def many(cls: type, key: str, conv: dict[str, Any] | None = None) -> tuple:
        out = []
        names = {f.name for f in fields(cls)}
        for d in data.get(key, []):
            d = {k: v for k, v in d.items() if k in names}
            if "source" in d:
                d["source"] = _src(d["source"])
            for k, fn in (conv or {}).items():
                if k in d:
                    d[k] = fn(d[k])
            out.append(cls(**d))
        return tuple(out)

    return Plan(
        profile=profile,
        intro=many(IntroBlock, "intro"),
        projects=tuple(project_from_json(d) for d in data.get("projects", [])),
        strategies=many(StrategyLink, "strategies"),
        ordinance=many(OrdinanceLine, "ordinance", {"amount": Decimal}),
        devplan=many(
            DevPlanItem,
            "devplan",
            {"budgets": lambda b: tuple((k, Decimal(v)) for k, v in b)},
        ),
        totals=many(StatedTotal, "totals", {"amount": _dec, "rows": lambda rs: tuple(tuple(r) for r in rs)}),
        years=many(YearMention, "years"),
        files=many(FileInfo, "files", {"kinds": tuple}),
        notices=many(Notice, "notices", {"facts": lambda fs: tuple(tuple(x) for x in fs)}),
        stats=RowStats(**data.get("stats", {})),
        has_ordinance=data.get("has_ordinance", False),
        has_devplan=data.get("has_devplan", False),
        has_strategy_map=data.get("has_strategy_map", False),
    )
