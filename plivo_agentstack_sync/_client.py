# Do not edit: `nox -s codegen` derives this from plivo_agentstack/_client.py.
"""``Client``: credentials from arguments or the environment, plus the resource accessors."""

from __future__ import annotations

import os

import httpx

from ._base_client import (
    DEFAULT_BACKOFF_FACTOR,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    TimeoutTypes,
)
from .resources import ClientResources

__all__ = ["Client"]

_MISSING_CREDENTIALS = (
    "auth_id and auth_token are required. Pass them directly or set PLIVO_AUTH_ID and "
    "PLIVO_AUTH_TOKEN env vars."
)


class Client(ClientResources):
    """Async client for the Plivo AgentStack REST API (agents, calls, messages, numbers).

    Credentials come from ``auth_id``/``auth_token`` or the ``PLIVO_AUTH_ID``/``PLIVO_AUTH_TOKEN``
    environment variables. Use it as a context manager, or call ``close()`` when done.
    """

    def __init__(
        self,
        auth_id: str | None = None,
        auth_token: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        backoff_factor: float = DEFAULT_BACKOFF_FACTOR,
    ) -> None:
        auth_id = auth_id or os.environ.get("PLIVO_AUTH_ID")
        auth_token = auth_token or os.environ.get("PLIVO_AUTH_TOKEN")
        if not auth_id or not auth_token:
            raise ValueError(_MISSING_CREDENTIALS)
        super().__init__(
            auth_id=auth_id,
            auth_token=auth_token,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            backoff_factor=backoff_factor,
            http_client=http_client,
        )
