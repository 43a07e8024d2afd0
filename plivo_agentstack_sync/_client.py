# Do not edit: `nox -s codegen` derives this from plivo_agentstack/_client.py.
"""``Client``: credentials from arguments or the environment, plus the resource accessors."""

from __future__ import annotations

import os
from collections.abc import Mapping

import httpx

from plivo_agentstack._logs import log_from_env
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from ._base_client import (
    DEFAULT_BACKOFF_FACTOR,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_DELAY,
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
    environment variables; ``base_url`` from the argument, else ``PLIVO_API_URL``, else
    ``https://api.plivo.com``. ``PLIVO_LOG=debug`` (or ``info``) shows the SDK's log records
    on stderr. Use it as a context manager, or call ``close()`` when done; a closed
    client raises ``ClientClosedError``.

    - ``timeout`` (seconds, default 30; with ``http_client``, that client's own) bounds each
      attempt as a whole: connect, sending the request and every read of the response
      together, however slowly the server trickles bytes. Waiting for a free pooled
      connection does not count, so a burst larger than the pool (100 connections) queues
      instead of failing; retries each get the full ``timeout``.
      An ``httpx.Timeout`` is used as given per phase, and the whole attempt is bounded by the
      largest of its connect/read/write limits.
    - ``max_retry_delay`` (seconds, default 60) is the longest wait before a retry. The
      back-off never exceeds it; a ``Retry-After`` (429, 503) asking for longer is not waited
      for: the error is raised at once (``RateLimitError.retry_after`` says how long the server
      asked). A wait longer than 5 s is logged as a warning on the ``plivo_agentstack`` logger.
    - ``max_response_size`` (bytes, default 16 MiB; ``None``: no limit) caps a response body;
      a larger one raises ``ResponseTooLargeError`` without being read further.
    - ``HTTPS_PROXY``/``HTTP_PROXY``/``ALL_PROXY`` and ``NO_PROXY`` apply as in httpx, except
      that a loopback ``base_url`` (``localhost``, ``127.0.0.1``, ``::1``) is never proxied.
    - A forked child (gunicorn ``--preload``, Celery prefork, multiprocessing) never uses the
      parent's connections: it opens its own on first use. The async client also follows the
      running event loop: used under a new one (a second ``asyncio.run``) it opens a fresh pool
      there, and the previous loop's connections are closed when that loop ends. Use it from
      one event loop at a time.
    - Number lookup lives on its own host (``https://lookup.plivo.com``). ``lookup_base_url``
      overrides it; when only ``base_url`` is overridden (a proxy, a test server, the fake API),
      lookup goes to ``base_url`` as well, so one override covers both hosts.
    - ``http_client``: your own ``httpx.Client``, used as is and never closed by us. We
      cannot make it fork-safe or rebind it to another loop, and its proxy settings and
      ``pool`` timeout are yours. Its own ``timeout`` applies unless you pass ``timeout``
      here too; either way, the whole-attempt bound is checked only while reading the body.
    """

    def __init__(
        self,
        auth_id: str | None = None,
        auth_token: str | None = None,
        base_url: str | None = None,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        backoff_factor: float = DEFAULT_BACKOFF_FACTOR,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        lookup_base_url: str | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        log_from_env()
        auth_id = auth_id or os.environ.get("PLIVO_AUTH_ID")
        auth_token = auth_token or os.environ.get("PLIVO_AUTH_TOKEN")
        if not auth_id or not auth_token:
            raise ValueError(_MISSING_CREDENTIALS)
        super().__init__(
            auth_id=auth_id,
            auth_token=auth_token,
            base_url=base_url or os.environ.get("PLIVO_API_URL") or DEFAULT_BASE_URL,
            timeout=timeout,
            max_retries=max_retries,
            backoff_factor=backoff_factor,
            max_retry_delay=max_retry_delay,
            http_client=http_client,
            max_response_size=max_response_size,
            server_urls=_lookup_override(lookup_base_url),
            default_headers=default_headers,
        )


def _lookup_override(lookup_base_url: str | None) -> dict[str, str] | None:
    """``{lookup's spec host: lookup_base_url}`` (the builder module is imported only then)."""
    if not lookup_base_url:
        return None
    from plivo_agentstack._generated.api.lookup.lookup_number import SERVER

    return {SERVER: lookup_base_url}
