# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""The resource accessors of the client, one lazy property per top-level group of the spec."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import AsyncAPIClient

if TYPE_CHECKING:
    from .widgets import AsyncWidgetsResource, AsyncWidgetsResourceWithRawResponse

__all__ = ["AsyncClientResources", "AsyncClientResourcesWithRawResponse"]


class AsyncClientResources(AsyncAPIClient):
    """The request loop plus a lazily created resource per top-level API group."""

    @cached_property
    def with_raw_response(self) -> AsyncClientResourcesWithRawResponse:
        """The same resources, their methods returning ``APIResponse`` (status, headers,
        request id and ``parse()``): ``client.with_raw_response.agent.agents.get(...)``."""
        return AsyncClientResourcesWithRawResponse(self.raw_view())

    @cached_property
    def widgets(self) -> AsyncWidgetsResource:
        """Operations on ``client.widgets``."""
        from .widgets import AsyncWidgetsResource

        return AsyncWidgetsResource(self)


class AsyncClientResourcesWithRawResponse:
    """``client.with_raw_response``: every resource, its methods returning ``APIResponse``."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse

    @cached_property
    def widgets(self) -> AsyncWidgetsResourceWithRawResponse:
        """Operations on ``client.widgets``."""
        from .widgets import AsyncWidgetsResourceWithRawResponse

        return AsyncWidgetsResourceWithRawResponse(self._client)
