"""How a simulated call reaches the app: in process through ``app.asgi``, or over a socket.

A channel opens the connection, carries text frames both ways, tells when the app has
settled (is idle, or quiet for ``DEFAULT_SETTLE`` seconds over a URL) and closes it.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

from plivo_agentstack.agent._transport import GOING_AWAY
from plivo_agentstack.agent.app import VoiceApp

from ._simulator_errors import CallEndedError, SimulatorConnectionError
from .script import SimulatorError

log: logging.Logger = logging.getLogger("plivo_agentstack.testing")

DEFAULT_SETTLE = 0.05
"""Seconds an app reached by URL must stay quiet for a step to count as settled."""
_MAX_FRAME = 64 * 2**20
_SPIN = 5  # event-loop turns the in-process app must stay idle to count as settled

_AppErrorSink = Callable[[Any, BaseException], None]
_APP_ERROR_SINK: contextvars.ContextVar[_AppErrorSink | None] = contextvars.ContextVar(
    "plivo_agentstack_simulator_app_errors", default=None
)


class _Channel(Protocol):
    close_code: int | None
    close_reason: str

    async def open(self, timeout: float) -> None: ...

    async def send(self, text: str) -> None: ...

    async def recv(self) -> str | bytes | None: ...

    async def close(self, timeout: float) -> None: ...

    async def settle(self, deadline: float, last_message_at: Callable[[], float]) -> bool: ...


class _InProcessChannel:
    """A VoiceApp driven through ``app.asgi`` with in-memory queues (no socket)."""

    def __init__(self, app: VoiceApp, headers: Mapping[str, str], sink: _AppErrorSink) -> None:
        self.app = app
        self.headers = headers
        self.sink = sink
        self.close_code: int | None = None
        self.close_reason = ""
        self.crash: BaseException | None = None
        self._inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._outbox: asyncio.Queue[str | bytes | None] = asyncio.Queue()
        self._accepted: asyncio.Future[bool] | None = None
        self._task: asyncio.Task[None] | None = None
        self._unobserve: Callable[[], None] | None = None
        self._app_waiting = False
        self._closed = False

    def _scope(self) -> dict[str, Any]:
        headers = [(b"host", b"simulator")] + [
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in self.headers.items()
        ]
        return {
            "type": "websocket",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "scheme": "ws",
            "server": ("simulator", 80),
            "client": ("127.0.0.1", 0),
            "root_path": "",
            "path": "/",
            "raw_path": b"/",
            "query_string": b"",
            "headers": headers,
            "subprotocols": [],
        }

    async def open(self, timeout: float) -> None:
        loop = asyncio.get_running_loop()
        self._accepted = loop.create_future()
        self._unobserve = self.app.dispatcher.observe_errors(self._observe)
        self._inbox.put_nowait({"type": "websocket.connect"})
        self._task = loop.create_task(self._serve(), name="simulated-call")
        self._task.add_done_callback(self._done)
        try:
            accepted = await asyncio.wait_for(asyncio.shield(self._accepted), timeout)
        except asyncio.TimeoutError:
            await self.close(timeout)
            raise SimulatorConnectionError(
                f"the app did not accept the WebSocket within {timeout:g} s"
            ) from None
        if not accepted:
            await self.close(timeout)
            if self.crash is not None:
                raise SimulatorConnectionError(
                    f"the app crashed while accepting the call: {self.crash!r}"
                ) from self.crash
            if self.close_code == GOING_AWAY:
                raise SimulatorConnectionError(
                    "the app refused the connection (close code 1001): it is draining "
                    "(app.drain() in progress) and takes no new calls"
                )
            raise SimulatorConnectionError(
                f"the app refused the connection (close code {self.close_code}); "
                "if it checks auth_secret or authenticate(), pass the right headers"
            )

    def _observe(self, session: Any, event: Any, exc: BaseException) -> None:
        if _APP_ERROR_SINK.get() is self.sink:  # this call's task, not another simulated call
            self.sink(event, exc)

    async def _serve(self) -> None:
        _APP_ERROR_SINK.set(self.sink)
        if not self.app.draining:
            # Each simulated call is served as by a server just started, which reopens an app
            # shut down earlier (a test's fixture shuts it down after its calls); a drain in
            # progress still refuses it.
            self.app.accepting = True
        await self.app.asgi(self._scope(), self._receive, self._send)

    def _done(self, task: asyncio.Task[None]) -> None:
        if not task.cancelled() and task.exception() is not None:
            self.crash = task.exception()
        if self._accepted is not None and not self._accepted.done():
            self._accepted.set_result(False)
        if not self._closed:
            self._closed = True
            self._outbox.put_nowait(None)

    async def _receive(self) -> dict[str, Any]:
        self._app_waiting = self._inbox.empty()
        try:
            return await self._inbox.get()
        finally:
            self._app_waiting = False

    async def _send(self, message: Mapping[str, Any]) -> None:
        kind = message.get("type")
        if kind == "websocket.accept":
            if self._accepted is not None and not self._accepted.done():
                self._accepted.set_result(True)
        elif kind == "websocket.send":
            if self._closed:
                raise ConnectionError("the simulated WebSocket is closed")
            text = message.get("text")
            data = message.get("bytes")
            self._outbox.put_nowait(str(text) if text is not None else bytes(data or b""))
        elif kind == "websocket.close":
            self.close_code = int(message.get("code", 1000))
            self.close_reason = str(message.get("reason") or "")
            if self._accepted is not None and not self._accepted.done():
                self._accepted.set_result(False)
            if not self._closed:
                self._closed = True
                self._outbox.put_nowait(None)

    async def send(self, text: str) -> None:
        if self._closed or self._task is None or self._task.done():
            raise CallEndedError("the app has closed the connection")
        self._inbox.put_nowait({"type": "websocket.receive", "text": text})

    async def recv(self) -> str | bytes | None:
        return await self._outbox.get()

    def _idle(self) -> bool:
        return self._app_waiting and self._inbox.empty() and self._outbox.empty()

    async def settle(self, deadline: float, last_message_at: Callable[[], float]) -> bool:
        loop = asyncio.get_running_loop()
        stable = spins = 0
        while stable < _SPIN:
            if self._closed or self._task is None or self._task.done():
                return True
            if self._idle():
                stable += 1
                await asyncio.sleep(0)
                continue
            stable = 0
            if loop.time() > deadline:
                return False
            spins += 1
            await asyncio.sleep(0 if spins < 100 else 0.001)
        return True

    async def close(self, timeout: float) -> None:
        task = self._task
        try:
            if task is not None and not task.done():
                if not self._closed:
                    self._inbox.put_nowait({"type": "websocket.disconnect", "code": 1000})
                done, _ = await asyncio.wait({task}, timeout=timeout)
                if not done:
                    log.warning(
                        "the simulated app did not finish within %.1f s; cancelling", timeout
                    )
                    task.cancel()
                    await asyncio.wait({task}, timeout=timeout)
        finally:
            if not self._closed:
                self._closed = True
                self._outbox.put_nowait(None)
            if self._unobserve is not None:
                self._unobserve()
                self._unobserve = None


class _WebsocketsChannel:
    """A real ``websockets`` client connection to a ``ws://`` / ``wss://`` URL."""

    def __init__(self, url: str, headers: Mapping[str, str]) -> None:
        self.url = url
        self.headers = headers
        self.close_code: int | None = None
        self.close_reason = ""
        self._connection: ClientConnection | None = None

    async def open(self, timeout: float) -> None:
        try:
            self._connection = await connect(
                self.url,
                compression=None,
                additional_headers=dict(self.headers) or None,
                open_timeout=timeout,
                max_size=_MAX_FRAME,
            )
        except InvalidStatus as exc:
            status = exc.response.status_code
            raise SimulatorConnectionError(
                f"the app at {self.url} refused the connection (HTTP {status}); "
                "if it checks a secret, pass it in headers= (or in the URL query)"
            ) from exc
        except (OSError, InvalidHandshake, asyncio.TimeoutError) as exc:
            raise SimulatorConnectionError(f"cannot connect to {self.url}: {exc!r}") from exc

    def _require(self) -> ClientConnection:
        if self._connection is None:
            raise SimulatorError("the connection is not open")
        return self._connection

    async def send(self, text: str) -> None:
        try:
            await self._require().send(text)
        except ConnectionClosed as exc:
            raise CallEndedError("the app has closed the connection") from exc

    async def recv(self) -> str | bytes | None:
        connection = self._require()
        try:
            return await connection.recv()
        except ConnectionClosed:
            self.close_code = connection.close_code
            self.close_reason = connection.close_reason or ""
            return None

    async def settle(self, deadline: float, last_message_at: Callable[[], float]) -> bool:
        loop = asyncio.get_running_loop()
        started = time.monotonic()
        while True:
            quiet_since = max(started, last_message_at())
            remaining = quiet_since + DEFAULT_SETTLE - time.monotonic()
            if remaining <= 0:
                return True
            if loop.time() > deadline:
                return False
            await asyncio.sleep(remaining)

    async def close(self, timeout: float) -> None:
        if self._connection is not None:
            try:
                await asyncio.wait_for(self._connection.close(), timeout)
            except (asyncio.TimeoutError, OSError, ConnectionClosed):
                log.debug("closing the simulator connection failed", exc_info=True)
