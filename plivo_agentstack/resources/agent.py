# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""Operations on ``client.agent``."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import AsyncAPIClient, AsyncAPIResource

if TYPE_CHECKING:
    from .agent_agents import AsyncAgentAgentsResource, AsyncAgentAgentsResourceWithRawResponse
    from .agent_calls import AsyncAgentCallsResource, AsyncAgentCallsResourceWithRawResponse
    from .agent_numbers import AsyncAgentNumbersResource, AsyncAgentNumbersResourceWithRawResponse
    from .agent_sessions import (
        AsyncAgentSessionsResource,
        AsyncAgentSessionsResourceWithRawResponse,
    )

__all__ = ["AsyncAgentResource", "AsyncAgentResourceWithRawResponse"]


class AsyncAgentResource(AsyncAPIResource):
    """Operations on ``client.agent``."""

    @cached_property
    def with_raw_response(self) -> AsyncAgentResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncAgentResourceWithRawResponse(self._client.raw_view())

    @cached_property
    def agents(self) -> AsyncAgentAgentsResource:
        """Operations on ``client.agent.agents``."""
        from .agent_agents import AsyncAgentAgentsResource

        return AsyncAgentAgentsResource(self._client)

    @cached_property
    def calls(self) -> AsyncAgentCallsResource:
        """Operations on ``client.agent.calls``."""
        from .agent_calls import AsyncAgentCallsResource

        return AsyncAgentCallsResource(self._client)

    @cached_property
    def numbers(self) -> AsyncAgentNumbersResource:
        """Operations on ``client.agent.numbers``."""
        from .agent_numbers import AsyncAgentNumbersResource

        return AsyncAgentNumbersResource(self._client)

    @cached_property
    def sessions(self) -> AsyncAgentSessionsResource:
        """Operations on ``client.agent.sessions``."""
        from .agent_sessions import AsyncAgentSessionsResource

        return AsyncAgentSessionsResource(self._client)


class AsyncAgentResourceWithRawResponse:
    """``AsyncAgentResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse

    @cached_property
    def agents(self) -> AsyncAgentAgentsResourceWithRawResponse:
        """Operations on ``client.agent.agents``."""
        from .agent_agents import AsyncAgentAgentsResourceWithRawResponse

        return AsyncAgentAgentsResourceWithRawResponse(self._client)

    @cached_property
    def calls(self) -> AsyncAgentCallsResourceWithRawResponse:
        """Operations on ``client.agent.calls``."""
        from .agent_calls import AsyncAgentCallsResourceWithRawResponse

        return AsyncAgentCallsResourceWithRawResponse(self._client)

    @cached_property
    def numbers(self) -> AsyncAgentNumbersResourceWithRawResponse:
        """Operations on ``client.agent.numbers``."""
        from .agent_numbers import AsyncAgentNumbersResourceWithRawResponse

        return AsyncAgentNumbersResourceWithRawResponse(self._client)

    @cached_property
    def sessions(self) -> AsyncAgentSessionsResourceWithRawResponse:
        """Operations on ``client.agent.sessions``."""
        from .agent_sessions import AsyncAgentSessionsResourceWithRawResponse

        return AsyncAgentSessionsResourceWithRawResponse(self._client)
