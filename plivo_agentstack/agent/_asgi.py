"""``VoiceApp.asgi``: the app as an ASGI 3 application (uvicorn, hypercorn, Starlette mounts).

``websocket`` scopes become calls (after the optional authentication, checked before the
handshake is accepted); a ``GET`` of the health or readiness path gets its probe answer, and
other plain HTTP requests get ``426 Upgrade Required``.

Deploys drain (``_drain``): lifespan startup wraps the server's SIGTERM/SIGINT handlers so that
the first signal drains the app before the server shuts down, and lifespan shutdown drains what
is still open. While draining, a WebSocket upgrade is refused with 503 (with the ASGI
``websocket.http.response`` extension; else closed, which uvicorn answers with 403).
"""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ._auth import ConnectRequest
from ._probes import DRAINING, Probe
from ._transport import GOING_AWAY, POLICY_VIOLATION, ASGIReceive, ASGISend, ASGITransport

if TYPE_CHECKING:
    from .app import VoiceApp


class ASGIApp:
    """ASGI 3 entry point of a ``VoiceApp``."""

    def __init__(self, app: VoiceApp) -> None:
        self.app = app

    async def __call__(
        self, scope: Mapping[str, Any], receive: ASGIReceive, send: ASGISend
    ) -> None:
        kind = scope["type"]
        if kind == "websocket":
            await self._websocket(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)
        elif kind == "http":
            await self._http(scope, send)

    async def _websocket(
        self, scope: Mapping[str, Any], receive: ASGIReceive, send: ASGISend
    ) -> None:
        message = await receive()
        if message.get("type") != "websocket.connect":
            return
        app = self.app
        if not app.accepting:
            await _refuse_while_draining(scope, send)
            return
        admission = await app.admit(ConnectRequest.from_scope(scope))
        if admission is None:
            await send({"type": "websocket.close", "code": POLICY_VIOLATION})
            return
        await send({"type": "websocket.accept"})
        transport = ASGITransport(receive, send, app.max_frame_size)
        _disable_nagle(transport)
        await app.run_call(transport, admission)

    async def _lifespan(self, receive: ASGIReceive, send: ASGISend) -> None:
        while True:
            message = await receive()
            kind = message.get("type")
            if kind == "lifespan.startup":
                self.app.drain_on_signals()
                await send({"type": "lifespan.startup.complete"})
            elif kind == "lifespan.shutdown":
                await self.app.drain()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _http(self, scope: Mapping[str, Any], send: ASGISend) -> None:
        answer = (
            self.app.probe(str(scope.get("path", ""))) if scope.get("method") == "GET" else None
        )
        if answer is not None:
            await _send_text(send, "http", answer, (b"cache-control", b"no-store"))
        else:
            upgrade = (426, "WebSocket upgrade required\n")
            await _send_text(send, "http", upgrade, (b"upgrade", b"websocket"))


async def _send_text(
    send: ASGISend, kind: str, answer: Probe, *headers: tuple[bytes, bytes]
) -> None:
    """Send a plain-text HTTP response: ``kind`` is ``http``, or ``websocket.http`` for the
    answer to a WebSocket upgrade (the ASGI ``websocket.http.response`` extension)."""
    status, text = answer
    body = text.encode()
    await send(
        {
            "type": f"{kind}.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": f"{kind}.response.body", "body": body})


async def _refuse_while_draining(scope: Mapping[str, Any], send: ASGISend) -> None:
    """Answer a WebSocket upgrade with 503 (or, without the extension, a close) while draining."""
    if "websocket.http.response" in (scope.get("extensions") or {}):
        await _send_text(send, "websocket.http", DRAINING)
    else:
        await send({"type": "websocket.close", "code": GOING_AWAY})


def _disable_nagle(transport: ASGITransport) -> None:
    """Set ``TCP_NODELAY`` on the call's socket when the ASGI server lets us reach it.

    asyncio sets it on accepted TCP connections only when the listening socket was created with
    ``IPPROTO_TCP``; ``uvicorn --workers N`` creates it without, so a message sent right after
    another waits for the peer's delayed ACK (~40 ms). ``ASGITransport.stream()`` finds uvicorn's
    socket; with any other server this does nothing.
    """
    stream = transport.stream()
    if stream is None:
        return
    sock = stream[1].get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
