# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""The resource accessors of the client, one lazy property per top-level group of the spec."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from .._base_client import AsyncAPIClient

if TYPE_CHECKING:
    from .agent import AsyncAgentResource
    from .media import AsyncMediaResource
    from .messages import AsyncMessagesResource
    from .numbers import AsyncNumbersResource

__all__ = ["AsyncClientResources"]


class AsyncClientResources(AsyncAPIClient):
    """The request loop plus a lazily created resource per top-level API group."""

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
