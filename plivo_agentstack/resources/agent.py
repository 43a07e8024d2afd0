# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""Operations on ``client.agent``."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import AsyncAPIResource

if TYPE_CHECKING:
    from .agent_agents import AsyncAgentAgentsResource
    from .agent_calls import AsyncAgentCallsResource
    from .agent_numbers import AsyncAgentNumbersResource
    from .agent_sessions import AsyncAgentSessionsResource

__all__ = ["AsyncAgentResource"]


class AsyncAgentResource(AsyncAPIResource):
    """Operations on ``client.agent``."""

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
