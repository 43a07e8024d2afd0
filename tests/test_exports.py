"""What type checkers see of the exports: every exported name, and no ``__getattr__``.

The packages import names lazily through a module ``__getattr__`` (PEP 562). A type checker that
sees one types every unknown attribute as its return type, ``Any``: ``from plivo_agentstack
import AsyncClinet`` would pass mypy and pyright. So a ``__getattr__`` is defined only when not
``TYPE_CHECKING``, and every exported name is imported for the checkers.
"""

from __future__ import annotations

import ast
import importlib
from collections.abc import Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = sorted(
    path.relative_to(ROOT)
    for package in ("plivo_agentstack", "plivo_agentstack_sync")
    for path in (ROOT / package).rglob("*.py")
)
LAZY = [path for path in MODULES if "__getattr__" in (ROOT / path).read_text()]


def checker_view(body: Sequence[ast.stmt]) -> tuple[set[str], bool]:
    """The names a type checker sees bound by module-level ``body``, and whether it sees a star
    import (the body of ``if TYPE_CHECKING:`` counts, that of ``if not TYPE_CHECKING:`` not)."""
    names: set[str] = set()
    star = False
    for node in body:
        parts: list[Sequence[ast.stmt]] = []
        if isinstance(node, ast.If):
            test = ast.unparse(node.test)
            if test == "TYPE_CHECKING":
                parts = [node.body]
            elif test == "not TYPE_CHECKING":
                parts = [node.orelse]
            else:
                parts = [node.body, node.orelse]
        elif isinstance(node, ast.Try):
            parts = [node.body, node.orelse, node.finalbody, *(h.body for h in node.handlers)]
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                if alias.name == "*":
                    star = True
                else:
                    names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
        for part in parts:
            inner_names, inner_star = checker_view(part)
            names |= inner_names
            star = star or inner_star
    return names, star


def literal_all(tree: ast.Module) -> list[str] | None:
    """``__all__`` when the module writes it as a literal list or tuple, else None."""
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                if isinstance(node.value, (ast.List, ast.Tuple)):
                    return [ast.literal_eval(item) for item in node.value.elts]
                return None
    return None


def test_lazy_modules_exist() -> None:
    """The rule below is about something: the package inits and model modules are lazy."""
    names = {str(path) for path in LAZY}
    assert "plivo_agentstack/__init__.py" in names
    assert "plivo_agentstack_sync/agent.py" in names


@pytest.mark.parametrize("path", MODULES, ids=str)
def test_no_module_shows_a_getattr_to_type_checkers(path: Path) -> None:
    """A module ``__getattr__`` exists only for the runtime (``if not TYPE_CHECKING:``)."""
    names, _ = checker_view(ast.parse((ROOT / path).read_text()).body)
    assert "__getattr__" not in names
    assert "__dir__" not in names


@pytest.mark.parametrize("path", LAZY, ids=str)
def test_every_lazily_exported_name_is_imported_for_type_checkers(path: Path) -> None:
    """Each name of a literal ``__all__`` is bound for the checkers; a computed ``__all__``
    comes with a star import of the module it copies."""
    tree = ast.parse((ROOT / path).read_text())
    names, star = checker_view(tree.body)
    exported = literal_all(tree)
    if exported is None:
        assert star
    else:
        assert sorted(set(exported) - names) == []


@pytest.mark.parametrize("path", LAZY, ids=str)
def test_every_lazily_exported_name_resolves_at_runtime(path: Path) -> None:
    """``getattr(module, name)`` works for each name of ``__all__`` (the runtime half)."""
    dotted = ".".join(path.with_suffix("").parts).removesuffix(".__init__")
    module = importlib.import_module(dotted)
    missing = [name for name in module.__all__ if not hasattr(module, name)]
    assert missing == []
    assert set(module.__all__) <= set(dir(module))
