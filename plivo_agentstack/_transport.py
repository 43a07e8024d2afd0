"""The connection pool a client builds for itself (not used for a caller's ``http_client``).

- Every network operation (connect, TLS handshake, write, read) is capped at the time left of
  the attempt's :class:`~plivo_agentstack._deadline.Deadline`, so ``timeout`` bounds the whole
  request rather than each socket operation.
- The proxy comes from the environment (``HTTPS_PROXY``/``HTTP_PROXY``/``ALL_PROXY``, honouring
  ``NO_PROXY``) as in httpx, except that loopback hosts (``localhost``, ``127.0.0.0/8``, ``::1``)
  are never proxied: a local fake or test server must not hand its credentials to a proxy.

Hand-written, async; ``plivo_agentstack_sync/_transport.py`` is derived from it by unasync.
Imported on first use of a client (it imports httpcore, which ``import plivo_agentstack`` avoids).
"""

from __future__ import annotations

import ipaddress
import ssl
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import httpcore
import httpx

from plivo_agentstack._deadline import CURRENT

__all__ = ["build_http_client", "env_proxy", "is_loopback"]


def _capped(timeout: float | None, expired: type[Exception]) -> float | None:
    """``timeout`` capped at the current attempt's time left; raise ``expired`` when none is."""
    deadline = CURRENT.get()
    if deadline is None:
        return timeout
    remaining = deadline.remaining()
    if remaining <= 0:
        raise expired(f"the request took longer than its timeout ({deadline.seconds:g} s)")
    return remaining if timeout is None or remaining < timeout else timeout


class _DeadlineStream(httpcore.AsyncNetworkStream):
    """A connection whose reads and writes wait no longer than the attempt's time left."""

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, _capped(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, _capped(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.AsyncNetworkBackend):
    """Opens connections within the attempt's time left and wraps them in a deadline stream."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        stream = await self._inner.connect_tcp(
            host, port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )
        return _DeadlineStream(stream)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _capped(timeout, httpcore.ConnectTimeout)
        stream = await self._inner.connect_unix_socket(
            path, timeout=timeout, socket_options=socket_options
        )
        return _DeadlineStream(stream)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this machine: ``localhost`` (and ``*.localhost``) or a loopback IP."""
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def env_proxy(base_url: str) -> str | None:
    """The proxy URL the environment sets for ``base_url``, or ``None`` (never for loopback)."""
    url = httpx.URL(base_url)
    if is_loopback(url.host):
        return None
    proxies = urllib.request.getproxies_environment()
    if not proxies or urllib.request.proxy_bypass(url.host):
        return None
    proxy = proxies.get(url.scheme) or proxies.get("all")
    if not proxy:
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


def build_http_client(
    origins: Sequence[str], headers: Mapping[str, str], timeout: httpx.Timeout, max_connections: int
) -> httpx.AsyncClient:
    """The client's own httpx client: deadline-capped connections, loopback never proxied.

    ``origins[0]`` is the API's base URL; the others are per-operation hosts (lookup), each
    routed through its own proxy setting when the environment gives it another one.
    """
    # unasync: async-only
    # httpx's default: every idle connection costs each request a readability check (in anyio),
    # which made a burst three times slower with 100 of them.
    keepalive = 20
    # unasync: end
    # Threads: keep every connection, since httpcore closes idle ones beyond the keep-alive
    # limit without a lock against a thread that was just handed one (EBADF under a burst).
    # sync-only: keepalive = max_connections
    limits = httpx.Limits(max_connections=max_connections, max_keepalive_connections=keepalive)
    proxy = env_proxy(origins[0])
    mounts: dict[str, httpx.AsyncBaseTransport] = {}
    for origin in origins[1:]:
        other = env_proxy(origin)
        if other != proxy:
            url = httpx.URL(origin)
            port = f":{url.port}" if url.port else ""
            mounts[f"all://{url.host}{port}"] = _deadline_transport(other, limits)
    return httpx.AsyncClient(
        headers=headers,
        timeout=timeout,
        transport=_deadline_transport(proxy, limits),
        mounts=mounts or None,
    )


def _deadline_transport(proxy: str | None, limits: httpx.Limits) -> httpx.AsyncHTTPTransport:
    transport = httpx.AsyncHTTPTransport(proxy=proxy, limits=limits)
    pool = transport._pool
    pool._network_backend = _DeadlineBackend(pool._network_backend)
    return transport
