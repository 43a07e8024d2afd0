# Do not edit: `nox -s codegen` derives this from fixture_pkg/resources/__init__.py.
"""The resource accessors of the client, one lazy property per top-level group of the spec."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import APIClient

if TYPE_CHECKING:
    from .widgets import WidgetsResource, WidgetsResourceWithRawResponse

__all__ = ["ClientResources", "ClientResourcesWithRawResponse"]


class ClientResources(APIClient):
    """The request loop plus a lazily created resource per top-level API group."""

    @cached_property
    def with_raw_response(self) -> ClientResourcesWithRawResponse:
        """The same resources, their methods returning ``APIResponse`` (status, headers,
        request id and ``parse()``): ``client.with_raw_response.agent.agents.get(...)``."""
        return ClientResourcesWithRawResponse(self.raw_view())

    @cached_property
    def widgets(self) -> WidgetsResource:
        """Operations on ``client.widgets``."""
        from .widgets import WidgetsResource

        return WidgetsResource(self)


class ClientResourcesWithRawResponse:
    """``client.with_raw_response``: every resource, its methods returning ``APIResponse``."""

    def __init__(self, client: APIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse

    @cached_property
    def widgets(self) -> WidgetsResourceWithRawResponse:
        """Operations on ``client.widgets``."""
        from .widgets import WidgetsResourceWithRawResponse

        return WidgetsResourceWithRawResponse(self._client)
