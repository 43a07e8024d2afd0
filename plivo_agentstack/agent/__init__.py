"""The voice-agent layer: ``semantic_vad`` presets now; the WebSocket ``VoiceApp`` etc. later.

Names are imported lazily (PEP 562) so ``import plivo_agentstack.agent`` stays cheap. To export a
new name, add it to ``_import_map`` (name -> relative module), to ``__all__`` and to the
``TYPE_CHECKING`` block.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .presets import EAGERNESS_PRESETS, expand_semantic_vad

__all__ = ["EAGERNESS_PRESETS", "expand_semantic_vad"]

_import_map: dict[str, str] = {
    "EAGERNESS_PRESETS": ".presets",
    "expand_semantic_vad": ".presets",
}


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
