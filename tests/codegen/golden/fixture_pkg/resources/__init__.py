# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""The resource accessors of the client, one lazy property per top-level group of the spec."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import AsyncAPIClient

if TYPE_CHECKING:
    from .widgets import AsyncWidgetsResource

__all__ = ["AsyncClientResources"]


class AsyncClientResources(AsyncAPIClient):
    """The request loop plus a lazily created resource per top-level API group."""

    @cached_property
    def widgets(self) -> AsyncWidgetsResource:
        """Operations on ``client.widgets``."""
        from .widgets import AsyncWidgetsResource

        return AsyncWidgetsResource(self)
