# Do not edit: `nox -s codegen` derives this from plivo_agentstack/__init__.py.
"""Plivo AgentStack SDK: ``Client`` for the REST API, the error classes and ``UNSET``.

``plivo_agentstack`` is the asyncio package; ``plivo_agentstack_sync`` has the same surface,
blocking. Names are imported lazily so that importing the package stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from plivo_agentstack._generated.types import UNSET, Unset
from plivo_agentstack._lazy import lazy_exports
from plivo_agentstack._version import __version__
from plivo_agentstack.errors import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    ClientClosedError,
    ForbiddenError,
    InvalidFrameError,
    MissingFieldError,
    NoNextPageError,
    NotFoundError,
    PlivoError,
    RateLimitError,
    ResponseTooLargeError,
    ServerError,
    ValidationError,
    WebSocketError,
)

if TYPE_CHECKING:
    from plivo_agentstack._response import APIResponse

    from ._client import Client

_LAZY = {"Client": "._client", "APIResponse": "plivo_agentstack._response"}

__all__ = [
    "__version__",
    "Client",
    "APIResponse",
    "PlivoError",
    "ValidationError",
    "AuthenticationError",
    "ForbiddenError",
    "NotFoundError",
    "RateLimitError",
    "ServerError",
    "APIConnectionError",
    "APITimeoutError",
    "MissingFieldError",
    "ResponseTooLargeError",
    "ClientClosedError",
    "NoNextPageError",
    "WebSocketError",
    "InvalidFrameError",
    "UNSET",
    "Unset",
]

# Type checkers see the names in the TYPE_CHECKING block, so that a misspelt one is an error
# for them rather than ``Any`` from ``__getattr__``.
if not TYPE_CHECKING:
    __getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals())
