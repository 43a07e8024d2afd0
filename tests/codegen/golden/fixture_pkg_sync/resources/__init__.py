# Do not edit: `nox -s codegen` derives this from fixture_pkg/resources/__init__.py.
"""The resource accessors of the client, one lazy property per top-level group of the spec."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import APIClient

if TYPE_CHECKING:
    from .widgets import WidgetsResource

__all__ = ["ClientResources"]


class ClientResources(APIClient):
    """The request loop plus a lazily created resource per top-level API group."""

    @cached_property
    def widgets(self) -> WidgetsResource:
        """Operations on ``client.widgets``."""
        from .widgets import WidgetsResource

        return WidgetsResource(self)
