"""The house rules of docs/architecture.md, checked on the package's own files."""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "smmplan"
MAX_LINES = 450


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported(path: Path) -> set[str]:
    """Every smmplan module or name this file imports, at any depth of the file."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def room(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_rooms_do_not_import_each_other_in_a_circle() -> None:
    known = modules()
    edges: dict[str, set[str]] = defaultdict(set)
    for module, path in known.items():
        for name in imported(path):
            if name in known and room(name) != room(module):
                edges[room(module)].add(room(name))

    def reaches(start: str) -> set[str]:
        seen: set[str] = set()
        todo = [start]
        while todo:
            for nxt in edges[todo.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    circles = {r: sorted(edges[r]) for r in sorted(edges) if r in reaches(r)}
    assert circles == {}


def test_only_the_command_line_knows_typer_and_rich() -> None:
    outside = {
        str(path.relative_to(PACKAGE.parent))
        for module, path in modules().items()
        if not module.startswith("smmplan.cli")
        and any(n.split(".")[0] in {"typer", "rich"} for n in imported(path))
    }
    assert outside == set()


def test_no_module_is_named_like_a_standard_library_module() -> None:
    clashes = sorted(
        module for module in modules() if module.rsplit(".", 1)[-1] in sys.stdlib_module_names
    )
    assert clashes == []


def test_no_module_is_longer_than_the_house_allows() -> None:
    long = {
        str(path.relative_to(PACKAGE.parent)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_an_installed_smmplan_has_every_module_and_data_file() -> None:
    """A wheel holds what setuptools finds: packages with __init__.py and the package-data."""
    import fnmatch
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["smmplan"]
    missing_init = sorted(
        str(folder.relative_to(PACKAGE.parent))
        for folder in PACKAGE.rglob("*")
        if folder.is_dir()
        and folder.name != "__pycache__"
        and any(folder.glob("*.py"))
        and not (folder / "__init__.py").exists()
    )
    unshipped = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*")
        if path.is_file()
        and path.suffix not in (".py", ".pyc")
        and not any(fnmatch.fnmatch(str(path.relative_to(PACKAGE)), p) for p in patterns)
    )
    assert (missing_init, unshipped) == ([], [])
