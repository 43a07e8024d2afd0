# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""The resource accessors of the client, one lazy property per top-level group of the spec."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import AsyncAPIClient

if TYPE_CHECKING:
    from .agent import AsyncAgentResource, AsyncAgentResourceWithRawResponse
    from .media import AsyncMediaResource, AsyncMediaResourceWithRawResponse
    from .messages import AsyncMessagesResource, AsyncMessagesResourceWithRawResponse
    from .numbers import AsyncNumbersResource, AsyncNumbersResourceWithRawResponse

__all__ = ["AsyncClientResources", "AsyncClientResourcesWithRawResponse"]


class AsyncClientResources(AsyncAPIClient):
    """The request loop plus a lazily created resource per top-level API group."""

    @cached_property
    def with_raw_response(self) -> AsyncClientResourcesWithRawResponse:
        """The same resources, their methods returning ``APIResponse`` (status, headers,
        request id and ``parse()``): ``client.with_raw_response.agent.agents.get(...)``."""
        return AsyncClientResourcesWithRawResponse(self.raw_view())

    @cached_property
    def agent(self) -> AsyncAgentResource:
        """Operations on ``client.agent``."""
        from .agent import AsyncAgentResource

        return AsyncAgentResource(self)

    @cached_property
    def media(self) -> AsyncMediaResource:
        """Operations on ``client.media``."""
        from .media import AsyncMediaResource

        return AsyncMediaResource(self)

    @cached_property
    def messages(self) -> AsyncMessagesResource:
        """Operations on ``client.messages``."""
        from .messages import AsyncMessagesResource

        return AsyncMessagesResource(self)

    @cached_property
    def numbers(self) -> AsyncNumbersResource:
        """Operations on ``client.numbers``."""
        from .numbers import AsyncNumbersResource

        return AsyncNumbersResource(self)


class AsyncClientResourcesWithRawResponse:
    """``client.with_raw_response``: every resource, its methods returning ``APIResponse``."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse

    @cached_property
    def agent(self) -> AsyncAgentResourceWithRawResponse:
        """Operations on ``client.agent``."""
        from .agent import AsyncAgentResourceWithRawResponse

        return AsyncAgentResourceWithRawResponse(self._client)

    @cached_property
    def media(self) -> AsyncMediaResourceWithRawResponse:
        """Operations on ``client.media``."""
        from .media import AsyncMediaResourceWithRawResponse

        return AsyncMediaResourceWithRawResponse(self._client)

    @cached_property
    def messages(self) -> AsyncMessagesResourceWithRawResponse:
        """Operations on ``client.messages``."""
        from .messages import AsyncMessagesResourceWithRawResponse

        return AsyncMessagesResourceWithRawResponse(self._client)

    @cached_property
    def numbers(self) -> AsyncNumbersResourceWithRawResponse:
        """Operations on ``client.numbers``."""
        from .numbers import AsyncNumbersResourceWithRawResponse

        return AsyncNumbersResourceWithRawResponse(self._client)
