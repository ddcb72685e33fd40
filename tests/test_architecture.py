"""The package's layout holds: no module imports (even lazily, inside a function) one that imports
it back, so every module imports on its own, in any order; and the CLI has no run logic of its own."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "wipo_bc_standard"


def module_files() -> dict[str, Path]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


MODULES = module_files()


def _ancestors(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


class _Imports(ast.NodeVisitor):
    """The modules of the package one module imports, at load time or inside functions (not under
    ``if TYPE_CHECKING``). Importing ``a.b.c`` runs ``a`` and ``a.b`` first: those count too, except
    the importer's own packages, which have begun loading before it (unless names are taken from them)."""

    def __init__(self, name: str, is_package: bool) -> None:
        self.name = name
        self.package = name if is_package else name.rpartition(".")[0]
        self.found: set[str] = set()

    def visit_If(self, node: ast.If) -> None:
        if not (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"):
            self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.package.split(".")
            base = base[:len(base) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
        else:
            target = node.module or ""
        for alias in node.names:
            full = f"{target}.{alias.name}"
            self._add(full if full in MODULES else target)

    def visit_Call(self, node: ast.Call) -> None:
        # importlib.import_module("wipo_bc_standard.x"): an import too.
        if (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module" and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            self._add(node.args[0].value)
        self.generic_visit(node)

    def _add(self, module: str) -> None:
        if module not in MODULES:
            return
        own = set(_ancestors(self.name))
        self.found.update(m for m in _ancestors(module) if m in MODULES and m not in own and m != self.name)
        if module != self.name:
            self.found.add(module)  # a name from the importer's own package counts: it may not be defined yet


def import_graph() -> dict[str, set[str]]:
    graph = {}
    for name, path in MODULES.items():
        visitor = _Imports(name, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        graph[name] = visitor.found
    # The CLI imports its command modules by name (cli.COMMAND_MODULES).
    from wipo_bc_standard.cli import COMMAND_MODULES
    graph["wipo_bc_standard.cli"] |= {f"wipo_bc_standard.cli.{m}" for m in COMMAND_MODULES}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_one_that_imports_it_back() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_check_sees_cycles() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def public_types(sources: dict[str, str]) -> dict[str, list[str]]:
    """Each public type name a module binds at its top level, with the modules binding it: its classes
    and type aliases (``Name = tuple[...]``, ``Name = other.Name``); an import binds nothing here."""
    found: dict[str, list[str]] = {}
    for module, source in sources.items():
        for node in ast.parse(source).body:
            names: list[str] = []
            if isinstance(node, ast.ClassDef):
                names = [node.name]
            elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = [t.id for t in targets if isinstance(t, ast.Name) and t.id[:1].isupper()
                         and not t.id.isupper()]  # CamelCase: a type; UPPER_CASE: a constant
            for name in names:
                if not name.startswith("_"):
                    found.setdefault(name, []).append(module)
    return found


def different_things(found: dict[str, list[str]], value: Callable[[str, str], object]) -> dict[str, list[str]]:
    """The names bound in several modules to more than one object: a re-export (``Name = x.Name``) of
    the same object is one thing under one name."""
    return {name: modules for name, modules in found.items()
            if len({id(value(module, name)) for module in modules}) > 1}


def test_no_two_modules_define_one_public_type_name() -> None:
    """A public name means one thing: ``Task`` or ``Hit`` imported from two places must not be two types."""
    import importlib

    sources = {name: path.read_text(encoding="utf-8") for name, path in MODULES.items()}
    found = {name: modules for name, modules in public_types(sources).items() if len(modules) > 1}
    assert different_things(found, lambda module, name: getattr(importlib.import_module(module), name)) == {}


def test_the_type_name_check_sees_duplicates_not_re_exports() -> None:
    sources = {"a": "class Hit:\n    pass\nSpan = tuple[int, int]\nLIMIT = 3\n",
               "b": "from .a import Hit\nHit2 = Hit\nSpan = tuple[str, str]\nLIMIT = 4\n",
               "c": "import a\nHit = a.Hit\n", "d": "Hit = tuple[str, int]\n"}
    found = public_types(sources)
    assert {name: modules for name, modules in found.items() if len(modules) > 1} == \
        {"Hit": ["a", "c", "d"], "Span": ["a", "b"]}
    objects = {("a", "Hit"): int, ("c", "Hit"): int, ("d", "Hit"): str, ("a", "Span"): list, ("b", "Span"): list}
    assert different_things({"Hit": ["a", "c"], "Span": ["a", "b"]}, lambda m, n: objects[m, n]) == {}
    assert different_things({"Hit": ["a", "c", "d"]}, lambda m, n: objects[m, n]) == {"Hit": ["a", "c", "d"]}


# Run in a fresh interpreter: import the third-party libraries the package uses (they are not under
# test, and importing them once keeps this fast), then, for each module, fork a child that imports
# that module alone: its state is the parent's, in which no module of the package is loaded yet.
_IMPORT_ALONE = """
import importlib, os, sys, traceback
for library in sys.argv[1].split():
    try:
        importlib.import_module(library)
    except ImportError:
        pass  # optional: a module needing it fails below, and says so
assert not any(m.startswith("wipo_bc_standard") for m in sys.modules)
failed = 0
for module in sys.argv[2:]:
    pid = os.fork()
    if pid == 0:
        try:
            importlib.import_module(module)
        except BaseException:
            sys.stderr.write(f"--- {module}\\n{traceback.format_exc()}")
            sys.stderr.flush()
            os._exit(1)
        os._exit(0)
    failed += os.waitpid(pid, 0)[1] != 0
sys.exit(1 if failed else 0)
"""


def third_party_imports() -> set[str]:
    names = set()
    for path in MODULES.values():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names.add(node.module)
    return {n for n in names if not n.startswith(("wipo_bc_standard", "__future__"))}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="imports each module in a forked child; no os.fork here")
def test_every_module_imports_on_its_own() -> None:
    """``python -c "import wipo_bc_standard.<m>"`` works for every module, whatever was imported before."""
    modules = sorted(m for m in MODULES if not m.endswith(".__main__"))  # importing __main__ runs the CLI
    result = subprocess.run([sys.executable, "-c", _IMPORT_ALONE, " ".join(sorted(third_party_imports())), *modules], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-5000:]


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("wipo_bc_standard.cli.")))
def test_cli_commands_leave_the_run_to_the_runner(name: str) -> None:
    """A command parses its arguments and calls the runner: it builds no checker, pool or summary."""
    run_logic = {"wipo_bc_standard.engine", "wipo_bc_standard.parallel", "wipo_bc_standard.progress",
                 "wipo_bc_standard.rules.ledger_chain"}
    assert not (import_graph()[name] & run_logic)
    source = MODULES[name].read_text(encoding="utf-8")
    assert "Summary(" not in source and "Checker(" not in source and "BaselineFilter(" not in source


def test_the_models_version_is_the_standard_version() -> None:
    from typing import get_args

    from wipo_bc_standard.constants import STANDARD_VERSION
    from wipo_bc_standard.model.common import Version
    assert get_args(get_args(Version)[0]) == (STANDARD_VERSION,)


def test_the_did_schema_spells_the_one_did_pattern() -> None:
    """schemas/did.schema.json is generated (the drift test in test_validate.py); its DID patterns are
    identity.did's, character for character."""
    import json

    from wipo_bc_standard.identity import did
    allowed = {f"^{did.DID_PATTERN}$", f"^(?:{did.DID_URL_PATTERN}|[/?#].*)$"}

    def patterns(node: object) -> list[str]:
        if isinstance(node, dict):
            own = [node["pattern"]] if isinstance(node.get("pattern"), str) and "did:" in node["pattern"] else []
            return own + [p for value in node.values() for p in patterns(value)]
        return [p for value in node for p in patterns(value)] if isinstance(node, list) else []

    found = patterns(json.loads((PACKAGE.parent / "schemas" / "did.schema.json").read_text(encoding="utf-8")))
    assert found and set(found) <= allowed
