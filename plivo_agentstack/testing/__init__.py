"""Offline tools for your own tests: a stateful fake of the REST API and a call simulator.

Names are imported lazily (PEP 562). To export a new name, add it to ``_import_map``
(name -> relative module), to ``__all__`` and to the ``TYPE_CHECKING`` block.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__: list[str] = []

_import_map: dict[str, str] = {}


def __getattr__(name: str) -> Any:
    """Import an exported name on first access and cache it in the module globals."""
    try:
        module_name = _import_map[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module_name, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the module globals plus the lazily exported names."""
    return sorted(set(globals()) | set(__all__))
