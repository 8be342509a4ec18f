"""Thai text quality across the whole run: the seed's four mistakes, no false
alarms on clean text, idempotent normalisation, and corrections that reach the
documents only when accepted."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.app import build
from pipeline.core.thai import clean, dictionary_words, typing_problems
from pipeline.render.linebreak import plain as unmark
from pipeline.rules.runner import run_checks
from pipeline.rules.text import base_terms, doubled, near_misses

from ..conftest import SAMPLES, plan_of, row, seed_docx, write_plan

TEXT_RULES = ["thai-typing", "near-miss-term", "doubled-word"]
WIKI = Path(__import__("pythainlp").__file__).parent / "corpus" / "wikipedia_titles_th.txt"


def seed_inputs(folder: Path) -> Path:
    write_plan(folder, [row("1", "ถนน", "100")])
    seed_docx(folder / "seed.docx")
    return folder


def test_raw_seed_reports_all_four_mistakes_at_their_paragraphs(folder: Path) -> None:
    report = run_checks(plan_of(seed_inputs(folder)), [*TEXT_RULES, "fiscal-year-mismatch"])
    got = {(f.code, f.source.paragraph, f.value, f.suggestion) for f in report.findings}
    assert got == {
        ("near-miss-term", 4, "ยุทธศาสตร์กี่", "ยุทธศาสตร์ที่"),
        ("fiscal-year-mismatch", 5, "ประจำปี พ.ศ. 2563", "ประจำปี พ.ศ. 2564"),
        ("doubled-word", 9, "แผนแผนการ", "แผนการ"),
        ("near-miss-term", 17, "ประเมินผม", "ประเมินผล"),
    }


def test_corrected_sample_has_no_text_findings_and_no_warnings_at_all() -> None:
    report = run_checks(plan_of(SAMPLES))
    assert [f for f in report.findings if f.code in TEXT_RULES] == []
    assert report.warnings == 0  # documented in the README: the sample runs clean


def test_false_positive_rate_on_clean_thai_text() -> None:
    """3,000 Thai Wikipedia titles (pythainlp's corpus): real, clean text that
    is not ours. Measured: near-miss 0, doubled-word 2 (repeated syllables in
    foreign names), thai-typing 1 (a real doubled ์ in a title)."""
    lines = [x for x in WIKI.read_text(encoding="utf-8").splitlines() if re.search("[ก-ฮ]", x)][::20][:3000]
    terms = frozenset(clean(t) for t in base_terms())
    near = sum(1 for x in lines if near_misses(clean(x), terms))
    twice = sum(1 for x in lines if doubled(clean(x)))
    typing = sum(1 for x in lines if typing_problems(x))
    assert near == 0 and twice <= 3 and typing <= 2, (near, twice, typing)


WORDS = sorted(w for w in dictionary_words() if 2 <= len(w) <= 12)


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_normalisation_is_idempotent(text: str) -> None:
    assert clean(clean(text)) == clean(text)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
def test_normalisation_never_changes_clean_thai(ws: list[str]) -> None:
    text = " ".join(ws)
    if typing_problems(text):
        return  # the dictionary itself holds a few mis-typed entries
    assert clean(text) == text


def _text(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        return unmark(re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode("utf-8")))


def test_corrections_reach_the_documents_only_when_accepted(folder: Path, tmp_path: Path) -> None:
    seed_inputs(folder)
    (folder / "seed.docx").rename(folder / "intro.docx")
    # not accepted: character fixes only (the doubled word and near-misses stay as typed)
    plain = build(folder, tmp_path / "plain", draft=True, select=TEXT_RULES)
    text = _text(tmp_path / "plain" / "plan.docx")
    assert plain.applied == [] and "แผนแผนการ" in text and "ประเมินผม" in text
    # accepted on the command line: every suggestion is applied and reported
    accepted = build(folder, tmp_path / "all", draft=True, select=TEXT_RULES, accept=True)
    text = _text(tmp_path / "all" / "plan.docx")
    assert "แผนแผนการ" not in text and "ประเมินผล" in text and "ประเมินผม" not in text
    assert {(w, r) for w, r, _ in accepted.applied} == {
        ("ยุทธศาสตร์กี่", "ยุทธศาสตร์ที่"),
        ("แผนแผนการ", "แผนการ"),
        ("ประเมินผม", "ประเมินผล"),
    }
    report = json.loads((tmp_path / "all" / "report.json").read_text(encoding="utf-8"))
    assert {c["original"] for c in report["corrections_applied"]} == {"ยุทธศาสตร์กี่", "แผนแผนการ", "ประเมินผม"}
    # accepted one by one in a plain file next to the drafts
    (folder / "corrections.txt").write_text("# คำที่ยอมรับ\nประเมินผม => ประเมินผล\n", encoding="utf-8")
    chosen = build(folder, tmp_path / "chosen", draft=True, select=TEXT_RULES)
    text = _text(tmp_path / "chosen" / "plan.docx")
    assert chosen.applied == [("ประเมินผม", "ประเมินผล", 1)] and "แผนแผนการ" in text and "ประเมินผม" not in text
    assert "ประเมินผม" in "".join(p.text for p in plan_of(folder).intro)  # the inputs keep what was typed


def test_character_fixes_are_always_applied_to_rendered_text(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ก่อสร้างถนน เเละท่อ ทํางาน", "100")])
    build(folder, tmp_path / "out", draft=True)
    text = _text(tmp_path / "out" / "plan.docx")
    assert "ก่อสร้างถนน และท่อ ทำงาน" in text and "เเ" not in text


MARKERS = ["บ้าน", "ซอยบ้าน", "สายบ้าน", "นาย", "นาง", "หมู่บ้าน"]
PEOPLE = sorted(
    x.strip()
    for x in (Path(__import__("pythainlp").__file__).parent / "corpus" / "person_names_male_th.txt")
    .read_text(encoding="utf-8")
    .split()
    if re.fullmatch("[ก-๛]{2,8}", x.strip())
)[:400]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(MARKERS), st.sampled_from(sorted(base_terms())), st.sampled_from(PEOPLE))
def test_a_clean_term_inside_a_longer_name_raises_nothing(marker: str, term: str, person: str) -> None:
    """ "ซอยบ้านนายสมปอง", "บ้านหนองบัวแดงใต้": a term (or a village) that opens a
    longer name is that name, never a near miss — in a project name and in
    the location column alike."""
    from pipeline.rules.spelling import near_misses

    terms = frozenset(clean(t) for t in base_terms() if len(clean(t)) >= 4)
    name = clean(f"{marker}{term}{person}")
    text = f"ก่อสร้างถนน {name} หมู่ที่ 3"
    start = text.index(name)
    for location in (False, True):
        hits = near_misses(text, terms, frozenset({clean(term)}), location)
        assert not [h for h in hits if h[2] >= start and h[3] <= start + len(name)], (name, hits)


def test_a_quote_is_cut_between_words_never_inside_one() -> None:
    from pipeline.rules.spelling import quote

    text = "ก่อสร้างถนนคอนกรีตเสริมเหล็ก ระยะทาง 1,200 เมตร ผิวจราจรกว้าง 4 เมตร บ้านบ่อแฮ้ว หมู่ที่ 7 ดำเนินการโดยกองช่าง"
    start = text.index("ผิวจราจร")
    got = quote(text, start, start + len("ผิวจราจร"))
    inner = got.strip("…")
    assert inner in text and not inner.endswith("หมู") and not inner.endswith("หมู่ที")
    before, after = text[: text.index(inner)], text[text.index(inner) + len(inner) :]
    marks = "[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]"  # vowels and tone marks that sit on a letter
    assert not after or not re.match(marks, after[0])  # no mark torn from its letter at either end
    assert not re.match(marks, inner[0]) and before + inner + after == text
