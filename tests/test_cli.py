"""The command contract of SPEC §6: commands, exit codes, outputs, settings."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from pipeline.cli import main
from pipeline.rules import RULES

from .conftest import ROOT, row, write_plan


def run(*args: str) -> subprocess.CompletedProcess:
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "COLUMNS": "100"}
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=ROOT, env=env)


def test_check_exits_0_with_warnings_only(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "100"), row("2", "ถนน", "100")])  # a duplicate: warning
    out = folder.parent / "r.json"
    assert main(["check", str(folder), "--json", str(out), "--skip", "missing-emblem"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["verdict"] == {"ok": True, "errors": 0, "warnings": 1, "exit_code": 0}


def test_check_exits_1_with_errors_and_2_when_it_cannot_run(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "")])
    assert main(["check", str(folder)]) == 1
    assert main(["check", str(tmp_path / "nowhere")]) == 2
    (tmp_path / "empty").mkdir()
    assert main(["check", str(tmp_path / "empty")]) == 2
    assert main(["check", str(folder), "--skip", "no-such-rule"]) == 2
    assert main(["frobnicate"]) == 2


def test_select_and_skip_by_code_on_the_command_line(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "")])
    assert main(["check", str(folder), "--skip", "missing-field"]) == 0
    assert main(["check", str(folder), "--select", "no-schedule,deadline"]) == 0


def test_rules_config_next_to_the_inputs(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "")])
    (folder / "pipeline.toml").write_text('[rules]\nskip = ["missing-field"]\n', encoding="utf-8")
    assert main(["check", str(folder)]) == 0
    (folder / "pipeline.toml").write_text("[rules\n", encoding="utf-8")
    assert main(["check", str(folder)]) == 2


def test_build_with_errors_writes_records_and_report_but_no_official_document(folder: Path, tmp_path: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "")])
    out = tmp_path / "out"
    assert main(["build", str(folder), str(out)]) == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "annotated",  # the drafts with findings, commented, to send back to the divisions
        "manifest.json",
        "records.json",
        "records.xlsx",
        "report.html",
        "report.json",
    ]
    assert [p.name for p in (out / "annotated").iterdir()] == ["a.docx"]
    records = json.loads((out / "records.json").read_text(encoding="utf-8"))
    assert records["projects"][0]["source"] == {"file": "a.docx", "table": 1, "row": 2, "column": None, "paragraph": None}


def test_the_process_prints_a_plain_report_and_a_verdict(folder: Path) -> None:
    write_plan(folder, [row("1", "ถนน", "")])
    proc = run("check", str(folder))
    assert proc.returncode == 1
    assert "[missing-field]" in proc.stdout and "ตารางที่ 1 › แถวที่ 2" in proc.stdout and "ผลการตรวจ: ไม่ผ่าน" in proc.stdout
    assert "\x1b[" not in proc.stdout


def test_rules_command_lists_every_rule_in_thai_within_80_columns() -> None:
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "COLUMNS": "80"}
    proc = subprocess.run([sys.executable, "-m", "pipeline", "rules"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert proc.returncode == 0 and all(code in proc.stdout for code in RULES)
    assert all(r.title in proc.stdout.replace("\n", "") or r.title.split()[0] in proc.stdout for r in RULES.values())
    lines = proc.stdout.splitlines()
    assert not any(re.search(r"\b(error|warning)\b", line) for line in lines)
    assert "ข้อผิดพลาด" in proc.stdout and "คำเตือน" in proc.stdout


def test_make_targets_take_folders_with_spaces_and_thai(tmp_path: Path) -> None:
    drafts = write_plan(tmp_path / "ร่าง ของกอง", [row("1", "ก่อสร้างถนน หมู่ที่ 1", "100")])
    out = tmp_path / "ผล ลัพธ์"
    proc = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "build", f"INPUTS={drafts}", f"OUTPUTS={out}"], capture_output=True, text=True
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert (out / "report.json").exists() and (out / "records.json").exists()


def test_every_rule_has_its_own_test_file_and_a_line_in_the_rules_reference() -> None:
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for code in RULES:
        assert (ROOT / "tests" / "rules" / f"test_{code.replace('-', '_')}.py").exists(), code
        assert f"`{code}`" in reference, code


def test_a_broken_template_stops_the_build_with_exit_2_and_names_the_variable(folder: Path, tmp_path: Path, capsys) -> None:
    import shutil

    from .conftest import Doc

    write_plan(folder, [row("1", "ถนน", "100")])
    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy(ROOT / "templates" / "announcement.docx", templates)
    Doc().p("{{ org_name }} {{ ปีงบ }}").p("{{ strategy_table }}").save(templates / "plan.docx")
    assert main(["build", str(folder), str(tmp_path / "out"), "--templates", str(templates)]) == 2
    assert "strategy_table" in capsys.readouterr().err
    assert not (tmp_path / "out" / "plan.docx").exists()


def test_readme_cli_reference_matches_help() -> None:
    import re

    from pipeline.cli import parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("build", "check"):
        sub = parser()._subparsers._group_actions[0].choices[command]
        for option in re.findall(r"--[a-z-]+", sub.format_help()):
            if option != "--help":
                assert option in readme, (command, option)


def test_json_has_the_shape_of_the_builds_report(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    folder = write_plan(tmp_path / "in", [row("1", "ถนน", "1,000")])
    out = tmp_path / "out"
    assert main(["build", str(folder), str(out), "--json", str(tmp_path / "r.json")]) == 0
    built = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) == built
    assert main(["check", str(folder), "--json", str(tmp_path / "c.json")]) == 0
    assert set(json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))) == set(built)


def test_a_refused_build_leaves_no_official_document_of_an_earlier_build(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_plan(folder, [row("1", "ถนน", "1,000")])
    assert main(["build", str(folder), str(out)]) == 0
    first = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert first["official"] and set(first["documents"]) == {"plan.docx", "announcement.docx"}
    assert [i["file"] for i in first["inputs"]] == ["a.docx", "ref.docx"]
    assert all(d["build"] == first["build"] for d in first["documents"].values())
    (out / "plan.pdf").write_bytes(b"%PDF old")  # a PDF of an earlier build
    write_plan(folder, [row("1", "ถนน", "")])
    assert main(["build", str(folder), str(out)]) == 1
    assert not any((out / n).exists() for n in ("plan.docx", "announcement.docx", "plan.pdf"))
    assert sorted(p.name for p in (out / "previous").iterdir()) == ["announcement.docx", "plan.docx", "plan.pdf"]
    second = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert not second["official"] and second["documents"] == {} and second["build"] != first["build"]


def test_a_build_without_pdf_moves_an_older_pdf_aside(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "announcement.pdf").write_bytes(b"%PDF old")
    write_plan(folder, [row("1", "ถนน", "1,000")])
    assert main(["build", str(folder), str(out)]) == 0
    assert not (out / "announcement.pdf").exists() and (out / "previous" / "announcement.pdf").exists()


def test_a_build_names_each_stage_as_it_moves_on(folder: Path, tmp_path: Path) -> None:
    from pipeline import app

    write_plan(folder, [row("1", "ก่อสร้างถนน หมู่ที่ 1", "100")])
    files: list[str] = []
    stages: list[str] = []
    result = app.build(folder, tmp_path / "out", pdf=True, progress=files.append, stage=stages.append, skip=["missing-emblem"])
    assert result.report.ok and sorted(files) == ["a.docx", "ref.docx"]
    assert stages == ["ตรวจ", "สร้างเอกสาร", "PDF"]
    checked: list[str] = []
    app.check(folder, stage=checked.append)
    assert checked == ["ตรวจ"]


def test_a_command_reads_the_settings_once_and_finds_the_drafts_once_with_the_users_ignore(
    folder: Path, tmp_path: Path, monkeypatch
) -> None:
    import pipeline.app
    import pipeline.read
    from pipeline.core import settings

    write_plan(folder, [row("1", "โครงการก่อสร้างถนน", "100")])
    (folder / "เก่า.docx").write_bytes((folder / "a.docx").read_bytes())
    (folder / "pipeline.toml").write_text('[inputs]\nignore = ["เก่า.docx"]\n', encoding="utf-8")
    loads: list[Path] = []
    found: list[tuple[str, ...]] = []
    real_load, real_discover = settings.load, pipeline.read.discover

    def load(inputs: Path) -> settings.Settings:
        loads.append(inputs)
        return real_load(inputs)

    def discover(inputs: Path, ignore=()) -> pipeline.read.Found:
        found.append(tuple(ignore))
        return real_discover(inputs, ignore)

    monkeypatch.setattr(settings, "load", load)
    monkeypatch.setattr(pipeline.app, "discover", discover)
    monkeypatch.setattr(pipeline.read, "discover", discover)
    out = tmp_path / "out"
    for command in (["check", str(folder)], ["build", str(folder), str(out), "--draft"], ["forms", str(folder), str(out)]):
        loads.clear(), found.clear()
        main(command)
        assert (loads, found) == ([folder], [("เก่า.docx",)]), command[0]
    manifest = (out / "manifest.json").read_text(encoding="utf-8")
    assert "a.docx" in manifest and "เก่า.docx" not in manifest
