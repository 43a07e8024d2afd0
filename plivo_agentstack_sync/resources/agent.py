# Do not edit: `nox -s codegen` derives this from plivo_agentstack/resources/agent.py.
"""Operations on ``client.agent``."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import APIResource

if TYPE_CHECKING:
    from .agent_agents import AgentAgentsResource
    from .agent_calls import AgentCallsResource
    from .agent_numbers import AgentNumbersResource
    from .agent_sessions import AgentSessionsResource

__all__ = ["AgentResource"]


class AgentResource(APIResource):
    """Operations on ``client.agent``."""

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
