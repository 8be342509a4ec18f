"""report.html: the check report as a document people open, filter and print.

Built from the report's own rows through an autoescaping Jinja template
(``data/report.html.j2``), never from the terminal's export: every text from
a draft is data, escaped by Jinja. The page needs no network: its style and
its small filter script are inline, and a Content-Security-Policy allows only
that script (by hash), so even a mistake in escaping could not run one.
"""

from __future__ import annotations

import base64
import hashlib
from decimal import Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..core.model import Finding
from ..core.thai import format_amount
from ..rules import RULES
from ..rules.runner import Report
from .facts import LABEL, TITLE, code_counts, header_rows, place, shown, summary_rows, unit_rows, verdict_text

DATA = Path(__file__).resolve().parents[1] / "data"
# What every page the tool writes allows (report.html.j2 adds its one script by
# hash): nothing from the network, no plugins, frames or forms, no other script.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

# The filter: rows carry data-code and data-severity; the choice is kept in
# the address (#code=…&severity=…) so a link opens the page filtered.
SCRIPT = """
(function () {
  var code = document.getElementById('f-code'), sev = document.getElementById('f-severity');
  var rows = document.querySelectorAll('tr.finding'), files = document.querySelectorAll('tbody.file');
  var shown = document.getElementById('f-shown');
  function apply() {
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!code.value || r.dataset.code === code.value) && (!sev.value || r.dataset.severity === sev.value);
      r.hidden = !ok; if (ok) n++;
    });
    files.forEach(function (b) { b.hidden = !b.querySelector('tr.finding:not([hidden])'); });
    shown.textContent = n;
    var h = []; if (code.value) h.push('code=' + code.value); if (sev.value) h.push('severity=' + sev.value);
    history.replaceState(null, '', h.length ? '#' + h.join('&') : location.pathname);
  }
  new URLSearchParams(location.hash.slice(1)).forEach(function (v, k) {
    if (k === 'code') code.value = v; if (k === 'severity') sev.value = v;
  });
  code.addEventListener('change', apply); sev.addEventListener('change', apply);
  document.getElementById('f-form').hidden = false;
  apply();
})();
""".strip()
SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()


def _files(report: Report) -> list[dict[str, object]]:
    files: dict[str, list[Finding]] = {}
    for f in report.findings:
        files.setdefault(f.source.file, []).append(f)
    return [
        {
            "path": path,
            "errors": sum(1 for f in items if f.severity == "error"),
            "warnings": sum(1 for f in items if f.severity != "error"),
            "findings": [
                {
                    "code": f.code,
                    "severity": f.severity,
                    "label": LABEL[f.severity][0],
                    "title": RULES[f.code].title,
                    "place": place(f),
                    "message": f.message,
                    "value": f.value if f.value and f.value not in f.message else "",
                    "suggestion": f.suggestion,
                    "hint": f.hint,
                }
                for f in items
            ],
        }
        for path, items in files.items()
    ]


def _summary(report: Report) -> list[dict[str, object]]:
    rows, total = summary_rows(report)
    keys = ("name", "count", "budget", "pct", "strategy")
    return [dict(zip(keys, r, strict=True)) for r in ([*rows, total] if rows else [])]


def _revision(report: Report) -> dict[str, object] | None:
    d = report.revision
    if d is None:
        return None

    return {
        "previous": d.previous_revision or "ก่อน",
        "before": format_amount(d.previous_budget),
        "after": format_amount(d.budget),
        "rows": [("เพิ่ม", p.name, shown(p, "budget"), "") for p in d.added]
        + [("แก้ไข", c.new.name, shown(c.new, "budget"), ", ".join(c.fields)) for c in d.changed]
        + [("ยกเลิก", p.name, shown(p, "budget"), "") for p in d.cancelled],
    }


def context(report: Report) -> dict[str, object]:
    head, rest = verdict_text(report)
    counts = code_counts(report)
    return {
        "title": TITLE,
        "org": report.plan.profile.org_name,
        "header": header_rows(report),
        "notes": report.notes,
        "summary": _summary(report),
        "units": [(u, a, b, format_amount(Decimal(c))) for u, a, b, c in unit_rows(report)],
        "revision": _revision(report),
        "extras": [(p.source.where(), p.name, label, value) for p in report.plan.projects for label, value in p.extra],
        "files": _files(report),
        "total": len(report.findings),
        "codes": [
            {"code": c, "count": n, "label": LABEL[RULES[c].severity][0], "severity": RULES[c].severity, "title": RULES[c].title}
            for c, n in counts
        ],
        "ok": report.ok,
        "verdict": head,
        "verdict_rest": rest,
        "script": SCRIPT,
        "script_hash": SCRIPT_HASH,
    }


_env: Environment | None = None


def _environment() -> Environment:
    global _env
    if _env is None:
        _env = Environment(
            loader=FileSystemLoader(DATA), autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True
        )
    return _env


def to_html(report: Report) -> str:
    return _environment().get_template("report.html.j2").render(context(report))
