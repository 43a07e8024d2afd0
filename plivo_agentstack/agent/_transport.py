"""The two ways a call's WebSocket reaches us: a ``websockets`` connection or an ASGI socket.

Both adapters give the call runner what ``Transport`` describes: ``recv()``, ``send(text)``,
``close(code, reason)``, the exceptions that mean "the peer has closed", and the asyncio
protocol and transport underneath when the server lets us reach them (``stream()``: the
standalone server and uvicorn do), which the call runner uses to drop a peer that stops reading.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Protocol

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

ASGIMessage = MutableMapping[str, Any]
ASGIReceive = Callable[[], Awaitable[ASGIMessage]]
ASGISend = Callable[[ASGIMessage], Awaitable[None]]

NORMAL_CLOSURE = 1000
GOING_AWAY = 1001  # the server is shutting down (after a drain)
POLICY_VIOLATION = 1008
MESSAGE_TOO_BIG = 1009
READ_SIZE = 64 * 1024  # bytes asked of the socket per read; below glibc's 128 KiB mmap threshold

log: logging.Logger = logging.getLogger("plivo_agentstack.agent")


def _too_big(frame: str | bytes, limit: int) -> bool:
    """Whether a frame is longer than ``limit`` bytes on the wire (UTF-8 for text)."""
    size = len(frame)
    if size > limit:
        return True
    if isinstance(frame, str) and size * 4 > limit:  # only then can UTF-8 exceed the limit
        return len(frame.encode("utf-8", "surrogatepass")) > limit
    return False


def _raw_transport(owner: Any) -> asyncio.Transport | None:
    """The asyncio transport of a protocol object (``owner.transport``), when it has one."""
    transport = getattr(owner, "transport", None)
    if isinstance(transport, asyncio.Transport):
        return transport
    return None


def bound_read_size(transport: asyncio.Transport) -> None:
    """Make asyncio's socket transport read at most ``READ_SIZE`` bytes per ``recv()``.

    asyncio asks for 256 KiB per read and shrinks the result. glibc serves a 256 KiB block with
    ``mmap`` until the process happens to free one that large, so on an unlucky process every
    incoming frame costs mmap + mremap + munmap (measured: ~20 us of system time per media
    frame, a fifth of the server's CPU). 64 KiB comes from the heap; a frame larger than that
    takes more reads. Transports without the attribute (uvloop's) are left alone.
    """
    if isinstance(getattr(transport, "max_size", None), int):
        transport.max_size = READ_SIZE  # type: ignore[attr-defined]


class Transport(Protocol):
    """What the call runner needs from a WebSocket.

    ``recv()`` returns the next frame, or ``None`` (or raises one of ``closed_errors``) once the
    peer has closed; ``send(text)`` sends one text frame and raises if the connection is gone.
    """

    @property
    def recv(self) -> Callable[[], Awaitable[str | bytes | None]]:
        """Receive the next frame."""
        ...

    @property
    def send(self) -> Callable[[str], Awaitable[None]]:
        """Send one text frame."""
        ...

    @property
    def closed_errors(self) -> tuple[type[BaseException], ...]:
        """The exceptions of ``recv()`` that mean the peer has closed."""
        ...

    async def close(self, code: int = NORMAL_CLOSURE, reason: str = "") -> None:
        """Close the connection (a no-op when it is already closed)."""
        ...

    def stream(self) -> tuple[Any, asyncio.Transport] | None:
        """The asyncio protocol and transport carrying the WebSocket, or None if unreachable."""
        ...


class WebsocketsTransport:
    """A connection accepted by the standalone ``websockets`` server."""

    __slots__ = ("_connection", "recv", "send")

    # ``recv``/``send`` are the connection's own methods: no wrapper per frame on the hot path.
    closed_errors: tuple[type[BaseException], ...] = (ConnectionClosed,)

    def __init__(self, connection: ServerConnection) -> None:
        self._connection = connection
        self.recv: Callable[[], Awaitable[str | bytes | None]] = connection.recv
        self.send: Callable[[str], Awaitable[None]] = connection.send

    async def close(self, code: int = NORMAL_CLOSURE, reason: str = "") -> None:
        """Close with ``code`` (waits for the closing handshake, bounded by ``close_timeout``).

        Frames still arriving are read and dropped meanwhile: websockets stops reading the
        socket while unread frames are queued, and the peer's close frame would wait behind
        them until the close timeout.
        """
        connection = self._connection
        drain = asyncio.get_running_loop().create_task(_discard_frames(connection))
        try:
            await connection.close(code, reason)
        finally:
            drain.cancel()

    def stream(self) -> tuple[Any, asyncio.Transport] | None:
        """The ``websockets`` connection (an asyncio protocol) and its transport."""
        transport = _raw_transport(self._connection)
        return None if transport is None else (self._connection, transport)


async def _discard_frames(connection: ServerConnection) -> None:
    try:
        while True:
            await connection.recv()
    except (ConnectionClosed, RuntimeError):  # closed, or another coroutine is reading
        pass


class ASGITransport:
    """An ASGI ``websocket`` connection that has been accepted (uvicorn, Starlette, FastAPI)."""

    __slots__ = ("_receive", "_send", "_closed", "_max_size")

    closed_errors: tuple[type[BaseException], ...] = ()  # ``recv()`` returns None instead

    def __init__(self, receive: ASGIReceive, send: ASGISend, max_size: int | None = None) -> None:
        self._receive = receive
        self._send = send
        self._closed = False
        self._max_size = max_size

    async def recv(self) -> str | bytes | None:
        """The next frame, or ``None`` once the client disconnected (or sent too big a frame)."""
        while not self._closed:
            message = await self._receive()
            kind = message.get("type")
            if kind == "websocket.receive":
                text = message.get("text")
                frame = str(text) if text is not None else bytes(message.get("bytes") or b"")
                if self._max_size is not None and _too_big(frame, self._max_size):
                    # The ASGI server has its own (larger) limit; enforce the app's, as the
                    # standalone server does: close with 1009 "message too big".
                    log.warning("closing a call: frame over max_frame_size=%d", self._max_size)
                    await self.close(MESSAGE_TOO_BIG, "frame too big")
                    return None
                return frame
            if kind == "websocket.disconnect":
                self._closed = True
        return None

    async def send(self, text: str) -> None:
        """Send one text frame."""
        if self._closed:
            raise ConnectionError("the WebSocket is closed")
        await self._send({"type": "websocket.send", "text": text})

    def stream(self) -> tuple[Any, asyncio.Transport] | None:
        """The ASGI server's protocol and its transport, or None.

        Found when ``receive`` is a method of a protocol that holds its asyncio transport
        (uvicorn), or of a wrapper keeping the server's ``receive`` as ``_receive`` (Starlette's
        ``WebSocket``, for ``handle_starlette`` under uvicorn); None with other servers.
        """
        owner = getattr(self._receive, "__self__", None)
        transport = _raw_transport(owner)
        if transport is None:
            owner = getattr(getattr(owner, "_receive", None), "__self__", None)
            transport = _raw_transport(owner)
        if transport is None or transport.get_protocol() is not owner:
            return None
        return owner, transport

    async def close(self, code: int = NORMAL_CLOSURE, reason: str = "") -> None:
        """Send the close frame unless the connection is already closed."""
        if self._closed:
            return
        self._closed = True
        try:
            await self._send({"type": "websocket.close", "code": code, "reason": reason})
        except Exception:  # noqa: BLE001 - the server may already have torn the socket down
            pass
