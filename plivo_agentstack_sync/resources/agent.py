# Do not edit: `nox -s codegen` derives this from plivo_agentstack/resources/agent.py.
"""Operations on ``client.agent``."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import APIClient, APIResource

if TYPE_CHECKING:
    from .agent_agents import AgentAgentsResource, AgentAgentsResourceWithRawResponse
    from .agent_calls import AgentCallsResource, AgentCallsResourceWithRawResponse
    from .agent_numbers import AgentNumbersResource, AgentNumbersResourceWithRawResponse
    from .agent_sessions import (
        AgentSessionsResource,
        AgentSessionsResourceWithRawResponse,
    )

__all__ = ["AgentResource", "AgentResourceWithRawResponse"]


class AgentResource(APIResource):
    """Operations on ``client.agent``."""

    @cached_property
    def with_raw_response(self) -> AgentResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return AgentResourceWithRawResponse(self._client.raw_view())

    @cached_property
    def agents(self) -> AgentAgentsResource:
        """Operations on ``client.agent.agents``."""
        from .agent_agents import AgentAgentsResource

        return AgentAgentsResource(self._client)

    @cached_property
    def calls(self) -> AgentCallsResource:
        """Operations on ``client.agent.calls``."""
        from .agent_calls import AgentCallsResource

        return AgentCallsResource(self._client)

    @cached_property
    def numbers(self) -> AgentNumbersResource:
        """Operations on ``client.agent.numbers``."""
        from .agent_numbers import AgentNumbersResource

        return AgentNumbersResource(self._client)

    @cached_property
    def sessions(self) -> AgentSessionsResource:
        """Operations on ``client.agent.sessions``."""
        from .agent_sessions import AgentSessionsResource

        return AgentSessionsResource(self._client)


class AgentResourceWithRawResponse:
    """``AgentResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: APIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse

    @cached_property
    def agents(self) -> AgentAgentsResourceWithRawResponse:
        """Operations on ``client.agent.agents``."""
        from .agent_agents import AgentAgentsResourceWithRawResponse

        return AgentAgentsResourceWithRawResponse(self._client)

    @cached_property
    def calls(self) -> AgentCallsResourceWithRawResponse:
        """Operations on ``client.agent.calls``."""
        from .agent_calls import AgentCallsResourceWithRawResponse

        return AgentCallsResourceWithRawResponse(self._client)

    @cached_property
    def numbers(self) -> AgentNumbersResourceWithRawResponse:
        """Operations on ``client.agent.numbers``."""
        from .agent_numbers import AgentNumbersResourceWithRawResponse

        return AgentNumbersResourceWithRawResponse(self._client)

    @cached_property
    def sessions(self) -> AgentSessionsResourceWithRawResponse:
        """Operations on ``client.agent.sessions``."""
        from .agent_sessions import AgentSessionsResourceWithRawResponse

        return AgentSessionsResourceWithRawResponse(self._client)
