"""The reference in docs/ says what the code does: docs/rules.md is written
from the rule catalogue by ``make docs`` and must not drift from it."""

from __future__ import annotations

import re

from pipeline.rules import RULES
from tools import docs
from tools.rule_notes import NOTES

from .conftest import ROOT


def test_docs_rules_md_is_what_make_docs_writes() -> None:
    assert docs.RULES_MD.read_text(encoding="utf-8") == docs.render(), "docs/rules.md is stale: run make docs"


def test_every_rule_has_a_note_and_every_note_a_rule() -> None:
    assert set(NOTES) == set(RULES)


def test_the_rules_page_gives_each_rule_its_code_severity_title_gloss_and_hint() -> None:
    text = docs.render()
    for code, r in RULES.items():
        part = text.split(f"### `{code}`\n", 1)[1].split("\n### ", 1)[0]
        assert r.title in part and r.gloss in part and r.hint in part and r.severity in part, code
        assert f"[`{code}`](#{code})" in text  # in the summary table, linked to its section


def test_docs_links_point_at_files_that_exist() -> None:
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(((?!https?:|#)[^)#\s]+)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), (page.name, target)


def test_commands_page_gives_every_option_of_every_command() -> None:
    from pipeline.cli import parser

    page = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    for name, sub in parser()._subparsers._group_actions[0].choices.items():
        assert f"python -m pipeline {name}" in page, name
        for option in re.findall(r"--[a-z-]+", sub.format_help()):
            if option != "--help":
                assert option in page, (name, option)


def test_architecture_page_names_every_package_of_pipeline() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for package in sorted(p.parent.name for p in (ROOT / "pipeline").glob("*/__init__.py")):
        assert f"  {package}/" in page, package


def test_settings_page_gives_every_setting() -> None:
    """A new field of Settings fails here until settings.md documents it."""
    from dataclasses import fields

    from pipeline.core.settings import Settings

    documented = {
        "select": "`[rules] select`",
        "skip": "`[rules] skip`",
        "ignore": "`[inputs] ignore`",
        "pdf_timeout": "`[pdf] timeout`",
        "report_cap": "`[report] cap`",
        "annotate_author": "`[annotate] author`",
        "glossary": "## `glossary.txt`",
        "corrections": "## `corrections.txt`",
    }
    assert {f.name for f in fields(Settings)} == set(documented)
    page = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for name, words in documented.items():
        assert words in page, name
