# Do not edit: `nox -s codegen` derives this from plivo_agentstack/resources/__init__.py.
"""The resource accessors of the client, one lazy property per top-level group of the spec."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import APIClient

if TYPE_CHECKING:
    from .agent import AgentResource
    from .media import MediaResource
    from .messages import MessagesResource
    from .numbers import NumbersResource

__all__ = ["ClientResources"]


class ClientResources(APIClient):
    """The request loop plus a lazily created resource per top-level API group."""

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
