"""The attrs models of the REST API (generated from ``openapi/agentstack.yaml``), loaded lazily.

``from plivo_agentstack.models import SttConfig`` imports only that model's module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from plivo_agentstack._generated import models as _models

if TYPE_CHECKING:
    from plivo_agentstack._generated.models import *  # noqa: F403

__all__ = list(_models.__all__)

# Type checkers see the star import, so that a misspelt name is an error for them rather than
# ``Any`` from ``__getattr__``.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        return getattr(_models, name)

    def __dir__() -> list[str]:
        return sorted(__all__)
