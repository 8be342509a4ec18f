"""The house rules, read from the source: small modules, small functions, and
imports that point one way (down the layers, never up).

These read pipeline/ with ast, so they fail on the commit that breaks a rule,
not when someone next notices the listing.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


# Bottom to top. Packages on one level may import each other; none imports a higher level.
LAYERS: dict[str, int] = {
    "core": 0,
    "files": 1,
    "read": 2,
    "extract": 3,
    "rules": 4,
    "report": 5,
    "render": 5,
    "revision": 6,
    "forms": 6,
    "followup": 6,
    "batch": 6,
    "annotate": 6,
    "entry": 7,  # cli.py, app.py, __main__.py, __init__.py at the top of pipeline/
}


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    """The layer of a dotted module name inside pipeline."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "entry"


def imported(path: Path) -> Iterator[str]:
    """Every pipeline module ``path`` imports, at the top or inside a
    function, with relative imports resolved (``from .. import app`` names
    pipeline.app)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.split(".")[0] == "pipeline")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                target = f"{base}.{node.module}" if node.module else base
            elif node.module and node.module.split(".")[0] == "pipeline":
                target = node.module
            else:
                continue
            if target == "pipeline":  # the package root itself: what it names are the modules
                yield from (f"pipeline.{a.name}" for a in node.names)
            else:
                yield target


def upward(importer: str, target: str) -> bool:
    return LAYERS[layer(target)] > LAYERS[layer(importer)]


def upward_imports() -> set[tuple[str, str]]:
    return {(module_name(path), target) for path in modules() for target in imported(path) if upward(module_name(path), target)}


def test_the_layer_scan_sees_relative_and_nested_imports() -> None:
    """The scan itself: a relative import inside a function, resolved to its module."""
    assert "pipeline.core.thai" in set(imported(PACKAGE / "batch" / "run.py"))
    assert layer("pipeline.app") == "entry" and layer("pipeline.core.thai.words") == "core"
    assert "pipeline.app" in set(imported(PACKAGE / "cli.py"))  # cli imports app inside its functions
    assert upward("pipeline.rules.progress", "pipeline.followup.progress") and upward("pipeline.batch.run", "pipeline.app")
    assert not upward("pipeline.followup.progress", "pipeline.rules.progress") and not upward(
        "pipeline.report.xlsx", "pipeline.render"
    )


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_over_400_lines(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.relative_to(PACKAGE)}: {lines} lines; split it by concern"


def test_no_function_is_over_60_lines() -> None:
    long = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = node.end_lineno - node.lineno + 1 if node.end_lineno else 0
                if size > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name} ({size} lines)")
    assert not long, "functions over 60 lines: " + ", ".join(long)


def test_no_module_imports_from_a_layer_above_it() -> None:
    found = upward_imports()
    assert not found, "imports up a layer: " + ", ".join(f"{a} → {b}" for a, b in sorted(found))
