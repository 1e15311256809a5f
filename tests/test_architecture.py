"""The house rules of the layout, read from the source (docs/ARCHITECTURE.md explains them).

* Arrows between the top-level packages: `api` may import everything; `ingest` imports
  `graph` (never `api`); `graph` imports neither `ingest` nor `api` (`queries/` holds only
  the named queries' .cypher files, which `graph.named` reads).
* No import by string: no `importlib`, `__import__` or `import_module` in the product.
* No import circle between modules (imports guarded by `if TYPE_CHECKING:` excepted).
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("graph", "ingest", "api", "queries")
MAY_IMPORT = {
    "api": {"api", "graph", "ingest", "queries"},
    "ingest": {"ingest", "graph"},
    "graph": {"graph", "queries"},
    "queries": {"queries"},
}


def _modules() -> dict[str, Path]:
    out = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


MODULES = _modules()


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Line numbers of imports inside `if TYPE_CHECKING:` blocks."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                for sub in ast.walk(inner):
                    lines.add(getattr(sub, "lineno", -1))
    return lines


def _imported(module: str, path: Path) -> set[str]:
    """The project modules `module` imports (a `from pkg import sub` names the submodule)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_only(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name in MODULES and name != module}


IMPORTS = {module: _imported(module, path) for module, path in MODULES.items()}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_arrows(module: str) -> None:
    top = module.split(".")[0]
    wrong = {name for name in IMPORTS[module] if name.split(".")[0] not in MAY_IMPORT[top]}
    assert wrong == set(), f"{module} may import only {sorted(MAY_IMPORT[top])}"


# `importlib.metadata` (a package's version) imports nothing; these do, by a string.
_BY_STRING = {"importlib", "import_module", "__import__", "find_spec", "spec_from_file_location"}


def test_nothing_is_imported_by_string() -> None:
    offenders = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + [alias.name for alias in node.names]
            elif isinstance(node, ast.Name | ast.Attribute):
                names = [node.id if isinstance(node, ast.Name) else node.attr]
            if any(n in _BY_STRING or n.startswith("importlib.util") for n in names):
                offenders.append(f"{module}:{getattr(node, 'lineno', 0)}")
    assert offenders == []


def test_no_import_circle() -> None:
    graph = nx.DiGraph([(m, dep) for m, deps in IMPORTS.items() for dep in deps])
    # a package's __init__ importing its own submodules is a table of contents, not a circle
    graph.remove_edges_from([(a, b) for a, b in graph.edges if b.startswith(a + ".")])
    circles = sorted(sorted(c) for c in nx.simple_cycles(graph))
    assert circles == []
