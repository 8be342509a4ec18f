"""The official documents: templates, rendering, round trip, and the real
result on paper (LibreOffice PDF, read back with poppler)."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docxtpl_lint import lint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.app import build
from pipeline.check import run_checks
from pipeline.context import plan_context
from pipeline.model import Plan, Profile, Project, Source
from pipeline.render import TEMPLATES, TemplateProblem, render_docx, to_pdf
from pipeline.summary import summarise
from pipeline.thai import clean, format_amount

from .conftest import ROOT, Doc, plan_of, profile_rows, row, write_plan


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    result = build(ROOT / "inputs", out)
    assert result.report.ok and result.official
    return out


def xml(docx: Path, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(docx) as z:
        return z.read(part).decode("utf-8")


def headers(docx: Path) -> str:
    with zipfile.ZipFile(docx) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if re.match(r"word/header\d*\.xml", n))


@pytest.mark.parametrize("name", ["plan.docx", "announcement.docx"])
def test_templates_pass_docxtpl_lint_and_their_variables_are_documented(name: str) -> None:
    result = lint(str(TEMPLATES / name))
    assert result.ok, result.to_dict()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for var in result.variables:
        assert f"`{var.split('.')[0].split('[')[0]}`" in readme, var


def test_a_template_with_an_unknown_variable_is_refused_by_name(tmp_path: Path) -> None:
    template = Doc().p("{{ org_name }} {{ ปีที่ไม่มี_or_typo }}").p("{{ orgname }}").save(tmp_path / "t.docx")
    with pytest.raises(TemplateProblem, match="orgname"):
        render_docx(template, {"org_name": "x"}, tmp_path / "o.docx")
    assert not (tmp_path / "o.docx").exists()


def test_same_inputs_give_byte_identical_documents(sample: Path, tmp_path: Path) -> None:
    again = build(ROOT / "inputs", tmp_path)
    for name in ("plan.docx", "announcement.docx", "records.json", "report.json"):
        assert (tmp_path / name).read_bytes() == (sample / name).read_bytes(), name
    assert again.official


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    shutil.copytree(ROOT / "inputs", inputs)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs.iterdir()}
    build(inputs, tmp_path / "out", draft=True)
    assert before == {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs.iterdir()}


def test_rendered_plan_reads_back_to_the_same_projects(sample: Path, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(sample / "plan.docx", tmp_path / "in" / "plan.docx")
    back = plan_of(tmp_path / "in")
    orig = plan_of(ROOT / "inputs")

    def key(p: Project) -> tuple:
        return (p.kind, p.program, p.name, p.budget, p.months, p.location, p.unit)

    assert sorted(map(key, back.projects)) == sorted(map(key, orig.projects))
    assert [b.text for b in back.intro] == [b.text for b in orig.intro]
    assert run_checks(back, ["stated-total-mismatch", "fiscal-year-mismatch"]).findings == ()


def test_forms_have_code_titles_repeated_headers_and_rows_that_do_not_split(sample: Path) -> None:
    body, head = xml(sample / "plan.docx"), headers(sample / "plan.docx")
    for code in ("แบบ ผด.01", "แบบ ผด.02", "แบบ ผด.02/1"):
        assert code in head
    assert head.count("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564") == 3
    assert body.count("<w:tblHeader/>") >= 10 and body.count("<w:cantSplit/>") >= 46
    orient = re.findall(r'<w:pgSz w:w="(\d+)" w:h="(\d+)"[^>]*/>', body)
    assert [int(w) < int(h) for w, h in orient] == [True, False, False, False]  # intro portrait, forms landscape
    assert "ฉบับร่าง" not in head


def test_thai_bold_and_sizes_are_set_for_complex_script(sample: Path) -> None:
    styles = xml(sample / "plan.docx", "word/styles.xml")
    for rpr in re.findall(r"<w:rPr>.*?</w:rPr>", styles):
        if "<w:b/>" in rpr:
            assert "<w:bCs/>" in rpr, rpr
        if "<w:sz " in rpr:
            assert "<w:szCs " in rpr, rpr
    assert 'w:cs="TH Sarabun New"' in styles and '<w:szCs w:val="32"/>' in styles


def test_form_01_percentages_add_up_to_exactly_100(sample: Path) -> None:
    ctx = plan_context(plan_of(ROOT / "inputs"))["pd01"]
    programs = [p for s in ctx["strategies"] for p in s["programs"]]
    assert sum(Decimal(p["budget_pct"]) for p in programs) == Decimal("100.00")
    assert sum(Decimal(p["count_pct"]) for p in programs) == Decimal("100.00")
    assert sum(Decimal(s["budget_pct"]) for s in ctx["strategies"]) == Decimal("100.00")


def test_announcement_text(sample: Path) -> None:
    text = re.sub(r"<[^>]+>", "", xml(sample / "announcement.docx"))
    for part in (
        "ประกาศองค์การบริหารส่วนตำบลหนองฉิม",
        "เรื่อง ประกาศใช้แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564",
        "ตั้งแต่วันที่ 1 ตุลาคม 2563 ถึงวันที่ 30 กันยายน 2564",
        "จึงประกาศให้ทราบโดยทั่วกัน",
        "ประกาศ ณ วันที่ 9 เดือน ตุลาคม พ.ศ. 2563",
        "(นายประสิทธิ์ ศรีสุข)",
        "ข้อ 26 และข้อ 27",
    ):
        assert part in text, part
    assert 'name="garuda.png"' in xml(sample / "announcement.docx")


def test_thai_digits_option_and_draft_mark(folder: Path, tmp_path: Path) -> None:
    prof = [*profile_rows(), ["ตัวเลขไทย", "ใช้"]]
    write_plan(folder, [row("1", "ถนน", "")], profile=prof)  # missing budget: an error
    assert not build(folder, tmp_path / "a").official
    result = build(folder, tmp_path / "b", draft=True)
    assert result.official and "ฉบับร่าง" in headers(tmp_path / "b" / "plan.docx")
    text = re.sub(r"<[^>]+>", "", xml(tmp_path / "b" / "announcement.docx"))
    assert "ประกาศ ณ วันที่ ๙ เดือน ตุลาคม พ.ศ. ๒๕๖๓" in text and "ประจำปีงบประมาณ พ.ศ. ๒๕๖๔" in text


AWKWARD = (
    st.text(
        alphabet=st.sampled_from(list("กขคงจนมยรลวสหอะาิีึืุูเแโใไ่้๊๋ั็์ำ &<>\"'{}%#/")),
        min_size=1,
        max_size=300,
    )
    .map(lambda s: re.sub(r"\s+", " ", s).strip())
    .filter(lambda s: s and not s.startswith("รวม"))
)


def _plan(names: list[str], budgets: list[int]) -> Plan:
    projects = tuple(
        Project(
            name=n,
            budget=Decimal(b).quantize(Decimal("0.01")),
            source=Source("x.docx", 1, i + 2),
            seq=str(i + 1),
            activity=f"กิจกรรม {n}",
            location="หมู่ที่ 1",
            unit="กองช่าง",
            strategy="การพัฒนาด้านโครงสร้างพื้นฐาน",
            program="แผนงานเคหะและชุมชน",
            months=(1 + i % 12,),
        )
        for i, (n, b) in enumerate(zip(names, budgets, strict=False))
    )
    return Plan(
        profile=Profile(org_name="อบต.ทดสอบ & <ลอง>", district="เมือง", province="ชัยภูมิ", fiscal_year=2564), projects=projects
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(AWKWARD, min_size=1, max_size=4), st.lists(st.integers(0, 10**9), min_size=4, max_size=4))
def test_round_trip_property_with_awkward_text(tmp_path: Path, names: list[str], budgets: list[int]) -> None:
    names = [n for n in dict.fromkeys(clean(n) for n in names) if n and not n.startswith("รวม")]
    if not names:
        return
    folder = tmp_path / "rt"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    plan = _plan(names, budgets)
    render_docx(TEMPLATES / "plan.docx", plan_context(plan), folder / "plan.docx")
    back = plan_of(folder)
    got = [(p.name, p.budget, p.program, p.months, p.activity) for p in back.projects]
    assert got == [(p.name, p.budget, p.program, p.months, p.activity) for p in plan.projects]


# ---------------------------------------------------------------- on paper

needs_office = pytest.mark.skipif(
    shutil.which("soffice") is None and not os.environ.get("CI"), reason="LibreOffice not installed (CI installs it)"
)


def bare(text: str) -> str:
    """Thai text without marks or spaces: pdftotext reorders combining marks."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if not ch.isspace() and unicodedata.category(ch) != "Mn")


@pytest.fixture(scope="module")
def pdfs(sample: Path) -> Path:
    written, message = to_pdf([sample / "plan.docx", sample / "announcement.docx"], sample)
    assert len(written) == 2, message
    return sample


@needs_office
def test_pdf_has_every_project_the_grand_total_and_a_thai_font(pdfs: Path) -> None:
    plan = plan_of(ROOT / "inputs")
    raw = subprocess.run(["pdftotext", "-raw", str(pdfs / "plan.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    flat = bare(raw)
    for p in plan.projects:
        assert bare(p.name) in flat, p.name
    assert format_amount(summarise(plan).budget) in raw
    fonts = subprocess.run(["pdffonts", str(pdfs / "plan.pdf")], capture_output=True, text=True, check=True).stdout
    thai = [line for line in fonts.splitlines() if re.search(r"Laksaman|Sarabun|Garuda|Loma|Kinnari|Norasi", line)]
    assert thai and all(" yes " in line for line in thai)
    ann = subprocess.run(["pdftotext", str(pdfs / "announcement.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    total = sum((p.budget or Decimal(0) for p in plan.projects), Decimal(0))
    assert format_amount(total) in ann and bare("จึงประกาศให้ทราบโดยทั่วกัน") in bare(ann)


@needs_office
def test_form_02_pages_are_landscape_and_intro_is_portrait(pdfs: Path) -> None:
    pdf = str(pdfs / "plan.pdf")
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout).group(1))
    seen = {"intro": False, "pd02": False}
    for n in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), pdf, "-"], capture_output=True, text=True).stdout
        info = subprocess.run(["pdfinfo", "-f", str(n), "-l", str(n), pdf], capture_output=True, text=True).stdout
        w, h = map(float, re.search(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info).groups())
        if bare("แบบ ผด.02") in bare(text):
            seen["pd02"] = True
            assert w > h, f"page {n} is not landscape"
        if bare("บทนำ") in bare(text) and bare("ส่วนที่ 1") in bare(text):
            seen["intro"] = True
            assert w < h, f"page {n} is not portrait"
    assert all(seen.values()), seen


def test_user_text_is_escaped_and_never_evaluated_as_a_template(folder: Path, tmp_path: Path) -> None:
    name = "ซ่อม R&D <ถนน> {{ org_name }} {% if x %}"
    write_plan(folder, [row("1", name, "100")])
    build(folder, tmp_path, draft=True)
    text = re.sub(r"<[^>]+>", "", xml(tmp_path / "plan.docx")).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    assert name in text
    (back,) = plan_of_file(tmp_path / "plan.docx").projects
    assert back.name == name


def plan_of_file(path: Path):
    folder = path.parent / "readback"
    folder.mkdir(exist_ok=True)
    shutil.copy(path, folder / path.name)
    return plan_of(folder)
