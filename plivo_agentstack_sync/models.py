# Do not edit: `nox -s codegen` derives this from plivo_agentstack.models.
"""Same as ``plivo_agentstack.models``: shared by both packages, re-exported here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import plivo_agentstack.models as _shared

if TYPE_CHECKING:
    from plivo_agentstack.models import *  # noqa: F403

__all__ = list(_shared.__all__)

# Type checkers see the star import, so that a misspelt name is an error for them rather than
# ``Any`` from ``__getattr__``.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        return getattr(_shared, name)

    def __dir__() -> list[str]:
        return sorted(__all__)
