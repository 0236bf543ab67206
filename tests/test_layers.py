"""The layers import one way: model, paths <- loading <- settings / search / diff / sources <- output <- ui <- cli.

Two checks. Statically, every ``import`` of every module in ``briefing/``
(lazy ones inside functions and ``TYPE_CHECKING`` ones included) may only
reach its own layer or a lower one, and no two modules import each other in
a circle. At run time, importing a layer below the UI never loads Textual or
Rich. We keep this as a test rather than import-linter contracts: it needs
no extra tool, it also sees lazy imports, and its table is the whole rule.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "briefing"

LAYERS: dict[str, int] = {
    "model": 0,
    "paths": 0,
    "loading": 1,
    "settings": 2,
    "search": 2,
    "diff": 2,
    "sources": 2,
    "output": 3,
    "ui": 4,
    "cli": 5,
    "__main__": 6,
}
"""Each part of the package and its height: a module imports only its own
part or a lower one. ``briefing/__init__.py`` (the version) is below all."""


def _part(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts)
        out[name.removesuffix(".__init__")] = path
    return out


def _imports(path: Path, name: str) -> set[str]:
    """Every module of ours that ``path`` imports, anywhere in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            # `from briefing.x import y` may name a submodule y.
            found.update(f"{base}.{a.name}" for a in node.names)
    return {m for m in found if m == "briefing" or m.startswith("briefing.")}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: {m for m in _imports(path, name) if m in modules} for name, path in modules.items()}


def test_every_part_of_the_package_has_a_layer():
    parts = {_part(name) for name in _modules()} - {None}
    assert parts <= set(LAYERS), f"add these to LAYERS: {sorted(parts - set(LAYERS))}"


def test_imports_only_go_down():
    wrong = []
    for name, imports in _graph().items():
        here = _part(name)
        for target in imports:
            there = _part(target)
            if here is None or there is None:
                if there is not None:  # briefing/__init__ importing a layer
                    wrong.append(f"{name} -> {target}")
                continue
            if LAYERS[there] > LAYERS[here] or (LAYERS[there] == LAYERS[here] and there != here):
                wrong.append(f"{name} -> {target}")
    assert wrong == []


def test_no_import_circles():
    graph = _graph()
    circles: set[tuple[str, ...]] = set()

    def visit(node: str, trail: list[str]) -> None:
        for nxt in graph[node]:
            if nxt in trail:
                loop = trail[trail.index(nxt) :]
                start = loop.index(min(loop))
                circles.add(tuple(loop[start:] + loop[:start]))
            elif nxt not in done:
                visit(nxt, [*trail, nxt])
        done.add(node)

    done: set[str] = set()
    for node in sorted(graph):
        if node not in done:
            visit(node, [node])
    # A package's __init__ re-exporting its own modules is not a circle of
    # code: drop loops that pass through a package face.
    real = [c for c in circles if not any(m + "." in other for m in c for other in c if m != other)]
    assert real == []


def test_the_detector_sees_an_upward_import(tmp_path):
    source = "from briefing.ui.app import BriefingApp\n"
    path = tmp_path / "m.py"
    path.write_text(source)
    assert _imports(path, "briefing.model.m") == {"briefing.ui.app", "briefing.ui.app.BriefingApp"}


@pytest.mark.parametrize("part", sorted(p for p, height in LAYERS.items() if height < LAYERS["ui"]))
def test_layers_below_the_ui_load_no_ui_toolkit(part):
    module = f"briefing.{part}"
    code = (
        f"import sys, importlib, pkgutil, {module} as top\n"
        "for info in pkgutil.walk_packages(getattr(top, '__path__', []), top.__name__ + '.'):\n"
        "    importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') or m.startswith('briefing.ui'))\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_only_the_command_line_reads_arguments():
    """``cli`` is thin and the layers below it take typed values: argument
    parsing (argparse) lives in ``briefing/cli`` alone."""
    readers = sorted(
        name
        for name, path in _modules().items()
        if _part(name) != "cli" and "argparse" in _stdlib_imports(path)
    )
    assert readers == []


def _stdlib_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found
