# Do not edit: `nox -s codegen` derives this from plivo_agentstack/resources/__init__.py.
"""The resource accessors of the client, one lazy property per top-level group of the spec."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import APIClient

if TYPE_CHECKING:
    from .agent import AgentResource, AgentResourceWithRawResponse
    from .media import MediaResource, MediaResourceWithRawResponse
    from .messages import MessagesResource, MessagesResourceWithRawResponse
    from .numbers import NumbersResource, NumbersResourceWithRawResponse

__all__ = ["ClientResources", "ClientResourcesWithRawResponse"]


class ClientResources(APIClient):
    """The request loop plus a lazily created resource per top-level API group."""

    @cached_property
    def with_raw_response(self) -> ClientResourcesWithRawResponse:
        """The same resources, their methods returning ``APIResponse`` (status, headers,
        request id and ``parse()``): ``client.with_raw_response.agent.agents.get(...)``."""
        return ClientResourcesWithRawResponse(self.raw_view())

    @cached_property
    def agent(self) -> AgentResource:
        """Operations on ``client.agent``."""
        from .agent import AgentResource

        return AgentResource(self)

    @cached_property
    def media(self) -> MediaResource:
        """Operations on ``client.media``."""
        from .media import MediaResource

        return MediaResource(self)

    @cached_property
    def messages(self) -> MessagesResource:
        """Operations on ``client.messages``."""
        from .messages import MessagesResource

        return MessagesResource(self)

    @cached_property
    def numbers(self) -> NumbersResource:
        """Operations on ``client.numbers``."""
        from .numbers import NumbersResource

        return NumbersResource(self)


class ClientResourcesWithRawResponse:
    """``client.with_raw_response``: every resource, its methods returning ``APIResponse``."""

    def __init__(self, client: APIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse

    @cached_property
    def agent(self) -> AgentResourceWithRawResponse:
        """Operations on ``client.agent``."""
        from .agent import AgentResourceWithRawResponse

        return AgentResourceWithRawResponse(self._client)

    @cached_property
    def media(self) -> MediaResourceWithRawResponse:
        """Operations on ``client.media``."""
        from .media import MediaResourceWithRawResponse

        return MediaResourceWithRawResponse(self._client)

    @cached_property
    def messages(self) -> MessagesResourceWithRawResponse:
        """Operations on ``client.messages``."""
        from .messages import MessagesResourceWithRawResponse

        return MessagesResourceWithRawResponse(self._client)

    @cached_property
    def numbers(self) -> NumbersResourceWithRawResponse:
        """Operations on ``client.numbers``."""
        from .numbers import NumbersResourceWithRawResponse

        return NumbersResourceWithRawResponse(self._client)
