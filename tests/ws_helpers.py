"""Helpers for WebSocket tests: serve a VoiceApp for real on 127.0.0.1, talk to it as the platform.

``running(app, mode)`` serves the app standalone (``mode="standalone"``) or as an ASGI app under
uvicorn (``mode="asgi"``) and yields its ``ws://`` URL. ``Platform`` is a real ``websockets``
client playing the platform's side of one call.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from plivo_agentstack.agent import VoiceApp

# A safety net so that a broken server fails a test instead of hanging it; not a speed check.
RECV_TIMEOUT = 10.0


# Every way the SDK serves a VoiceApp: standalone, ``app.asgi`` under uvicorn, and the
# Starlette/FastAPI adapter given the socket before or after the endpoint accepted it.
SERVING_MODES = ("standalone", "asgi", "starlette", "starlette-accepted")


def starlette_app(app: VoiceApp, *, accept_first: bool) -> Any:
    """A Starlette app whose every WebSocket route is served by ``app.handle_starlette``."""
    from starlette.applications import Starlette
    from starlette.routing import WebSocketRoute
    from starlette.websockets import WebSocket

    async def endpoint(websocket: WebSocket) -> None:
        if accept_first:
            await websocket.accept()
        await app.handle_starlette(websocket)

    return Starlette(routes=[WebSocketRoute("/{path:path}", endpoint)])


@contextlib.asynccontextmanager
async def running(app: VoiceApp, mode: str, log_level: str = "warning") -> AsyncIterator[str]:
    """Serve ``app`` on an ephemeral port of 127.0.0.1 (one of ``SERVING_MODES``), yield its URL.

    uvicorn runs with ``app.uvicorn_config()``, the configuration the README documents.
    """
    if mode == "standalone":
        async with app.serving("127.0.0.1", 0) as server:
            yield server.url
        return
    if mode == "asgi":
        target = app.asgi
    elif mode in ("starlette", "starlette-accepted"):
        target = starlette_app(app, accept_first=mode == "starlette-accepted")
    else:
        raise ValueError(f"unknown serving mode {mode!r}; one of {SERVING_MODES}")
    # The documented configuration (README "Security"): what users are told to run.
    options = app.uvicorn_config(host="127.0.0.1", log_level=log_level)
    async with uvicorn_serving(target, **options) as port:
        yield f"ws://127.0.0.1:{port}"


@contextlib.asynccontextmanager
async def uvicorn_serving(target: Any, **options: Any) -> AsyncIterator[int]:
    """Run ``target`` under uvicorn (``uvicorn.Config`` options) on an ephemeral port; yield it."""
    server = uvicorn.Server(uvicorn.Config(target, **{**options, "port": 0}))
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield int(server.servers[0].sockets[0].getsockname()[1])
    finally:
        server.should_exit = True
        await task


class Platform:
    """The platform's side of one call: send events, read what the app sends."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection

    @classmethod
    @contextlib.asynccontextmanager
    async def call(cls, url: str, **kwargs: Any) -> AsyncIterator[Platform]:
        """Open one call's WebSocket to the app."""
        async with connect(url, compression=None, **kwargs) as connection:
            yield cls(connection)

    async def send(self, frame: Any) -> None:
        """Send a dict as JSON, or a str/bytes frame as is."""
        if isinstance(frame, (str, bytes)):
            await self.connection.send(frame)
        else:
            await self.connection.send(json.dumps(frame))

    async def recv(self) -> dict[str, Any]:
        """The next message from the app, decoded."""
        text = await asyncio.wait_for(self.connection.recv(), RECV_TIMEOUT)
        message = json.loads(text)
        assert isinstance(message, dict)
        return message

    async def recv_many(self, count: int) -> list[dict[str, Any]]:
        """The next ``count`` messages."""
        return [await self.recv() for _ in range(count)]

    async def recv_until_closed(self) -> tuple[list[dict[str, Any]], int | None]:
        """Every message until the app closes the socket, and the close code."""
        messages: list[dict[str, Any]] = []
        while True:
            try:
                text = await asyncio.wait_for(self.connection.recv(), RECV_TIMEOUT)
            except ConnectionClosed:
                break
            messages.append(json.loads(text))
        return messages, self.connection.close_code


def session_started(session_id: str = "as-1", call_id: str = "call-1") -> dict[str, Any]:
    """A realistic ``session.started`` frame."""
    return {
        "type": "session.started",
        "agent_session_id": session_id,
        "call_id": call_id,
        "caller": "+14155550100",
        "callee": "+14155550101",
        "agent_id": "agent-1",
        "audio_format": "pcm",
        "sample_rate": 16000,
        "channels": 1,
        "frame_size_ms": 20,
    }


def tool_called(call_id: str, name: str = "lookup_order", **arguments: Any) -> dict[str, Any]:
    """A realistic ``tool.called`` frame."""
    return {"type": "tool.called", "id": call_id, "name": name, "arguments": arguments}


def session_ended() -> dict[str, Any]:
    """A realistic ``session.ended`` frame."""
    return {"type": "session.ended", "duration_seconds": 42, "turn_count": 3, "reason": "hangup"}


def call_tasks(app: VoiceApp) -> list[asyncio.Task[Any]]:
    """The tasks running the app's calls in progress (to await their end with ``finished``)."""
    return [call.task for call in app.calls if call.task is not None]


async def finished(tasks: list[asyncio.Task[Any]]) -> None:
    """Wait until these calls have ended completely (end of ``on_disconnect`` and the report)."""
    assert tasks, "no call was in progress"
    _, pending = await asyncio.wait(tasks, timeout=RECV_TIMEOUT)
    assert not pending, "a call did not end"
