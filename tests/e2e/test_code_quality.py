"""The code base keeps its shape: linters and mypy --strict pass, packages show the pipeline, no
import cycles, format names in the registry, small functions, libraries bounded, the CLI imported
by nothing but ``__main__``."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "guidebuilder"


@pytest.mark.parametrize("command", [
    ["ruff", "check", "."],
    ["mypy", "--strict", "guidebuilder"],
])
def test_linters_pass(command: list[str]) -> None:
    result = subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Every guidebuilder module and the guidebuilder modules it imports anywhere in its body
    (function-level and TYPE_CHECKING imports included)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                    "guidebuilder"):
                found.add(node.module)
                found.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("guidebuilder"))
        graph[_module_name(path)] = found
    return {name: {m for m in targets if m in graph and m != name}
            for name, targets in graph.items()}


def _module_sources() -> dict[str, str]:
    return {_module_name(p): p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py")}


def test_top_level_holds_few_modules() -> None:
    modules = {p.name for p in PACKAGE.glob("*.py")} - {"__init__.py", "__main__.py", "cli.py"}
    assert len(modules) <= 8, modules
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert packages >= {"reading", "guide", "brand", "plan", "text", "pdf", "deck", "run"}


def test_no_import_cycles() -> None:
    graph = _imports()
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                pytest.fail("import cycle: " + " -> ".join([*path, module, target]))
            if target not in state:
                visit(target, [*path, module])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])


def test_only_main_imports_the_cli() -> None:
    importers = {name for name, targets in _imports().items() if "guidebuilder.cli" in targets}
    assert importers == {"guidebuilder.__main__"}


# what each renderer takes from the shared text layer (guidebuilder.text), each name used in
# the renderer's code, not only imported: a renderer that measures or shortens text on its own
# would drift from the other
TEXT_LAYER_USE = {
    "pdf": {"ellipsize", "shorten", "escape", "quoteattr"},
    "deck": {"Measurer", "TextBlock", "blocks_height", "fitted_text", "paginate", "word_count"},
}


@pytest.mark.parametrize("renderer", TEXT_LAYER_USE)
def test_each_renderer_uses_the_text_layer(renderer: str) -> None:
    used: set[str] = set()
    for name, source in _module_sources().items():
        if not name.startswith(f"guidebuilder.{renderer}"):
            continue
        tree = ast.parse(source)
        imported = {alias.asname or alias.name for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module
                    and node.module.startswith("guidebuilder.text") for alias in node.names}
        used |= {node.id for node in ast.walk(tree)
                 if isinstance(node, ast.Name) and node.id in imported}
    assert used >= TEXT_LAYER_USE[renderer], TEXT_LAYER_USE[renderer] - used


def test_renderers_know_nothing_of_the_cli_or_yaml() -> None:
    for name, source in _module_sources().items():
        if name.startswith(("guidebuilder.pdf", "guidebuilder.deck", "guidebuilder.plan",
                            "guidebuilder.text")):
            tree = ast.parse(source)
            imported = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import)
                        for a in n.names}
            imported |= {n.module.split(".")[0] for n in ast.walk(tree)
                         if isinstance(n, ast.ImportFrom) and n.module}
            assert not imported & {"typer", "yaml", "click"}, name
            assert "print(" not in source, name


def test_no_function_is_longer_than_60_lines() -> None:
    long = [f"{name}.{node.name}: {node.end_lineno - node.lineno + 1} lines"
            for name, source in _module_sources().items()
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.end_lineno is not None and node.end_lineno - node.lineno + 1 > 60]
    assert long == []


def test_format_names_are_read_from_the_registry() -> None:
    """A format's name is written in the registry alone: everything else reads it from there,
    so a third format is one registry line plus its package."""
    from guidebuilder.run.formats import FORMATS

    naming = {name for name, source in _module_sources().items()
              for node in ast.walk(ast.parse(source))
              if isinstance(node, ast.Constant) and node.value in FORMATS}
    assert naming == {"guidebuilder.run.formats"}


def test_the_renderers_libraries_are_bounded_from_above() -> None:
    """Both renderers use some private names of their library (each in one module, each with a
    canary test): a new release is taken only once those tests pass with it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bounds = {re.split(r"[<>=!~ \[]", spec, maxsplit=1)[0]: spec
              for spec in project["dependencies"]}
    for library in ("reportlab", "python-pptx"):
        assert "<" in bounds[library], bounds[library]
