"""The life of one call: read frames in order, dispatch them, write the outbound queue, close.

One ``CallRunner`` per WebSocket connection. Its task reads and dispatches frames one at a time
(so a call's events are handled in arrival order and a slow handler only delays its own call);
a second task writes the session's outbound queue. On close, whoever closes, the queue is
flushed within ``flush_timeout``, the socket is closed with a normal close code and
``on_disconnect`` runs exactly once.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from plivo_agentstack.errors import InvalidFrameError, WebSocketError

from ._transport import NORMAL_CLOSURE, Transport
from .events import parse_event
from .session import Outbox, Session

if TYPE_CHECKING:
    from .app import VoiceApp

log = logging.getLogger("plivo_agentstack.agent")

_LAST_EVENTS = frozenset({"session.ended", "stop"})


def event_type(event: Any) -> str | None:
    """The type string of a parsed event (typed or raw dict)."""
    if isinstance(event, dict):
        value = event.get("type") or event.get("event")
        return value if isinstance(value, str) else None
    return getattr(event, "type", None) or getattr(event, "event", None)


class CallRunner:
    """Runs one call from connect to disconnect."""

    def __init__(self, app: VoiceApp, transport: Transport) -> None:
        self.app = app
        self.transport = transport
        loop = asyncio.get_running_loop()
        self.outbox = Outbox(loop, app.max_queue)
        self.session = Session(self.outbox)
        self.task: asyncio.Task[Any] | None = None
        self.stopping = False
        self._reading = False
        self._writer: asyncio.Task[None] | None = None
        self._send_lock = asyncio.Lock()  # one sender at a time keeps the messages in order

    def stop(self) -> None:
        """Ask the call to end: it stops reading, flushes its queue and closes normally."""
        self.stopping = True
        if self._reading and self.task is not None:
            self.task.cancel()

    async def run(self) -> None:
        """Serve the call until the platform closes it, it ends, or the app shuts down."""
        self.task = asyncio.current_task()
        app = self.app
        session = self.session
        self._writer = asyncio.get_running_loop().create_task(self._write())
        app.calls.add(self)
        try:
            if app.on_connect_handler is not None:
                await app.invoke(app.on_connect_handler, session)
            while not self.stopping:
                self._reading = True
                try:
                    frame = await self.transport.recv()
                except asyncio.CancelledError:
                    if not self.stopping:
                        raise
                    _uncancel()
                    break
                finally:
                    self._reading = False
                if frame is None:
                    break
                last = await self._handle(frame)
                if self.outbox and not self._send_lock.locked():
                    await self._send_queued()  # what the handler queued, without a task switch
                if last:
                    break
        finally:
            await self._finish()

    async def _handle(self, frame: str | bytes) -> bool:
        """Parse and dispatch one frame; return True when it was the call's last event."""
        app = self.app
        session = self.session
        if isinstance(frame, bytes):
            await app.report(
                session,
                None,
                InvalidFrameError("binary frame received; the protocol sends JSON text frames"),
            )
            return False
        try:
            event = parse_event(frame)
        except InvalidFrameError as exc:
            await app.report(session, None, exc)
            return False
        kind = event_type(event)
        if kind == "session.started":
            session.agent_session_id = getattr(event, "agent_session_id", None) or None
            session.call_uuid = getattr(event, "call_id", None) or session.call_uuid
        elif kind == "start":
            session.stream_id = getattr(event, "stream_id", None) or session.stream_id
            session.call_uuid = session.call_uuid or getattr(event, "call_id", None) or None
        await app.dispatch(session, event, kind)
        return kind in _LAST_EVENTS

    async def _send_queued(self) -> bool:
        """Send every queued message in order; False once the call can send no more."""
        outbox = self.outbox
        async with self._send_lock:
            items = outbox.take()
            try:
                for text in items:
                    await self.transport.send(text)
                    outbox.sent()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - any transport failure ends the call
                await self._send_failed(exc)
                return False
        return bool(items) or not outbox.closed

    async def _send_failed(self, exc: Exception) -> None:
        """Report a failed send once, refuse further messages and end the call."""
        self.outbox.close()
        error = WebSocketError(f"sending to the platform failed ({exc!r}); closing the call")
        error.__cause__ = exc
        await self.app.report(self.session, None, error)
        self.stop()
        if not self._reading:
            # The reader is not waiting for a frame; closing the socket ends its next recv().
            await self._close_transport()

    async def _write(self) -> None:
        """Send queued messages in order until the call closes (the reader also sends)."""
        while True:
            await self.outbox.wait()
            if not await self._send_queued():
                return

    async def _finish(self) -> None:
        """Flush what is queued (bounded), close normally, run ``on_disconnect`` once."""
        app = self.app
        self.outbox.close()
        writer = self._writer
        if writer is not None:
            try:
                await asyncio.wait_for(asyncio.shield(writer), app.flush_timeout)
            except asyncio.TimeoutError:
                log.warning(
                    "call %s: %d queued message(s) not sent within %.1f s",
                    self.session.call_uuid,
                    len(self.outbox),
                    app.flush_timeout,
                )
                writer.cancel()
            except asyncio.CancelledError:
                writer.cancel()
                app.calls.discard(self)
                raise
            except Exception:  # noqa: BLE001 - already reported by the writer
                pass
        try:
            await self._close_transport()
            if app.on_disconnect_handler is not None:
                await app.invoke(app.on_disconnect_handler, self.session)
        finally:
            app.calls.discard(self)

    async def _close_transport(self) -> None:
        try:
            await self.transport.close(NORMAL_CLOSURE, "")
        except Exception:  # noqa: BLE001 - the peer may be gone already
            log.debug("closing the WebSocket failed", exc_info=True)


def _uncancel() -> None:
    """Forget a cancellation we consumed (Python 3.11+), so later timeouts behave."""
    task = asyncio.current_task()
    uncancel = getattr(task, "uncancel", None)
    if uncancel is not None:
        uncancel()
