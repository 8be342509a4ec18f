"""The files a user keeps beside the drafts, read in one place.

``pipeline.toml`` (which rules run), ``glossary.txt`` (the organisation's own
official terms, one a line) and ``corrections.txt`` (``ผิด => ถูก``, one a
line). Offices save text files in UTF-8, UTF-16 (Notepad's "Unicode") or the
Windows Thai code page (cp874 / TIS-620); all are read. A setting of the wrong
type names its key; nothing here ends in a traceback.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import UsageError
from .thai import clean

CONFIG_NAME = "pipeline.toml"
GLOSSARY_NAME = "glossary.txt"
CORRECTIONS_NAME = "corrections.txt"
# Files beside the drafts that are not drafts (never reported as skipped).
OWN_FILES = frozenset({CONFIG_NAME, GLOSSARY_NAME, CORRECTIONS_NAME, "readme.md", ".gitkeep"})
ANNOTATOR = "งานนโยบายและแผน (ตรวจร่าง)"
_ARROW = re.compile(r"\s*(?:=>|->|→|\t)\s*")


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    glossary: tuple[str, ...] = ()  # the user's extra official terms
    corrections: tuple[tuple[str, str], ...] = ()  # (wrong, right) accepted by the user
    ignore: tuple[str, ...] = ()  # file patterns under inputs/ that are not drafts
    pdf_timeout: float = 120.0  # seconds LibreOffice may take for the PDFs ([pdf] timeout)
    report_cap: int = 20  # places shown per rule code in the terminal report ([report] cap); report.html shows all
    annotate_author: str = ANNOTATOR  # the name on the comments of annotated drafts ([annotate] author)


def inputs_dir(inputs: Path) -> Path:
    """The folder of the drafts (and of the settings beside them); ``inputs``
    may also name a single .docx."""
    return inputs.parent if inputs.is_file() else inputs


_IMPLAUSIBLE = re.compile("[^\u0e00-\u0e7f -~\r\n\t\ufeff]")


def _plausible(text: str) -> float:
    """Share of characters a Thai text file holds: Thai, printable ASCII, white space."""
    bad = len(_IMPLAUSIBLE.findall(text))
    return (len(text) - bad) / max(len(text), 1)


def read_text(path: Path) -> str:
    """A user's text file in UTF-8 (with or without BOM), UTF-16 (with or
    without BOM: Thai in UTF-16 has no zero bytes to give it away) or cp874."""
    data = path.read_bytes()
    if not data.strip():
        return ""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    decoded = []
    for encoding in ("utf-8-sig", "utf-16-le", "utf-16-be", "cp874"):
        try:
            decoded.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    best = max(decoded, key=_plausible, default=None)  # ties keep the earlier (UTF-8 first)
    if best is None or _plausible(best) < 0.9:
        raise UsageError(f"อ่าน {path.name} ไม่ได้: ไม่ใช่ไฟล์ข้อความ (บันทึกใหม่เป็น UTF-8 ใน Notepad: บันทึกเป็น › การเข้ารหัส UTF-8)")
    return best


def _raw_lines(path: Path) -> list[str]:
    if not path.is_file():
        return []
    return [line.strip() for line in read_text(path).splitlines() if line.strip() and not line.lstrip().startswith("#")]


def lines(path: Path) -> list[str]:
    """Non-empty lines that are not comments (#), normalised."""
    return [clean(line) for line in _raw_lines(path)]


def _strings(path: Path, data: dict, section: str, name: str, example: str) -> tuple[str, ...]:
    table = data.get(section, {})
    if not isinstance(table, dict):
        raise UsageError(f'{path.name}: "{section}" ต้องเป็นหัวข้อ [{section}]')
    value = table.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f'{path.name}: "{section}.{name}" ต้องเป็นรายการข้อความ เช่น {name} = {example}')
    return tuple(value)


# Every section and key pipeline.toml may hold: a misspelt one would otherwise
# be ignored in silence and the rule it meant to skip would still run.
KNOWN = {"rules": ("select", "skip"), "inputs": ("ignore",), "pdf": ("timeout",), "report": ("cap",), "annotate": ("author",)}
MAX_TIMEOUT = 3600.0  # seconds: an hour is past any plan LibreOffice converts
MAX_CAP = 100_000


def _config(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"อ่าน {path.name} ไม่ได้: {exc}") from exc
    _known(path, data)
    return data


def _known(path: Path, data: dict) -> None:
    """Exit 2 on a section or key this program does not read, naming the closest known one."""
    for section, table in data.items():
        if section not in KNOWN:
            raise UsageError(f"{path.name}: ไม่รู้จักหัวข้อ [{section}]{_closest(section, KNOWN, '[{}]')}".strip())
        if not isinstance(table, dict):
            continue  # the type check of each value names it
        for name in table:
            if name not in KNOWN[section]:
                hint = _closest(name, KNOWN[section], f"{section}.{{}}")
                raise UsageError(f'{path.name}: ไม่รู้จักค่า "{name}" ในหัวข้อ [{section}]{hint}')


def _closest(name: str, known: Iterable[str], form: str) -> str:
    from .match import closest  # rapidfuzz: only for a setting that is wrong

    hit = closest(str(name), known, cutoff=50)
    return f" — หมายถึง {form.format(hit[0])}?" if hit else f" — ที่ใช้ได้: {', '.join(form.format(k) for k in known)}"


def _corrections(path: Path) -> tuple[tuple[str, str], ...]:
    out = {}
    for line in _raw_lines(path):
        parts = _ARROW.split(line, maxsplit=1)
        if len(parts) == 2 and parts[0]:
            out[clean(parts[0])] = clean(parts[1])
    return tuple(out.items())


def load(inputs: Path) -> Settings:
    folder = inputs_dir(inputs)
    path = folder / CONFIG_NAME
    data = _config(path)
    return Settings(
        select=_strings(path, data, "rules", "select", '["missing-field"]'),
        skip=_strings(path, data, "rules", "skip", '["duplicate-project"]'),
        glossary=tuple(lines(folder / GLOSSARY_NAME)),
        corrections=_corrections(folder / CORRECTIONS_NAME),
        ignore=_strings(path, data, "inputs", "ignore", '["*.pdf", "เก่า/*"]'),
        pdf_timeout=_seconds(path, data),
        report_cap=_cap(path, data),
        annotate_author=_author(path, data),
    )


def _seconds(path: Path, data: dict) -> float:
    table = data.get("pdf", {})
    value = table.get("timeout", 120) if isinstance(table, dict) else None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= MAX_TIMEOUT:  # nan and inf fail too
        raise UsageError(f'{path.name}: "pdf.timeout" ต้องเป็นจำนวนวินาทีตั้งแต่ 1 ถึง {MAX_TIMEOUT:g} เช่น timeout = 120')
    return float(value)


def _cap(path: Path, data: dict) -> int:
    table = data.get("report", {})
    value = table.get("cap", 20) if isinstance(table, dict) else None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_CAP:
        raise UsageError(f'{path.name}: "report.cap" ต้องเป็นจำนวนเต็มตั้งแต่ 1 ถึง {MAX_CAP:,} เช่น cap = 20 (จำนวนแห่งที่แสดงต่อรหัส)')
    return value


def _author(path: Path, data: dict) -> str:
    table = data.get("annotate", {})
    value = table.get("author", ANNOTATOR) if isinstance(table, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f'{path.name}: "annotate.author" ต้องเป็นชื่อผู้ให้ความเห็น เช่น author = "งานนโยบายและแผน"')
    return value.strip()
