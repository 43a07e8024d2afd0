"""WhatsApp message builders: templates, interactive messages and locations.

Names are imported lazily (PEP 562). To export a new name, add it to ``_import_map``
(name -> relative module), to ``__all__`` and to the ``TYPE_CHECKING`` block.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plivo_agentstack._lazy import lazy_exports

if TYPE_CHECKING:
    from .interactive import InteractiveMessage, Location
    from .templates import Template

__all__ = ["InteractiveMessage", "Location", "Template"]

_import_map: dict[str, str] = {
    "InteractiveMessage": ".interactive",
    "Location": ".interactive",
    "Template": ".templates",
}

# Type checkers see the names in the TYPE_CHECKING block, so that a misspelt one is an error
# for them rather than ``Any`` from ``__getattr__``.
if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _import_map, globals())
