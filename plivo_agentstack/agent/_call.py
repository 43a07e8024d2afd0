"""The life of one call: read frames in order, dispatch them, write the outbound queue, close.

One ``CallRunner`` per WebSocket connection. Its task reads and dispatches frames one at a time
(so a call's events are handled in arrival order and a slow handler only delays its own call)
and sends what a handler queued once the handler returns; a second task, the writer, sends what
is queued meanwhile (by a handler that waits, or from another thread). On close, whoever
closes, the queue is flushed within ``flush_timeout``, the socket is closed with a normal close
code and ``on_disconnect`` runs exactly once.

What one peer can cost is bounded here too: more than ``max_bad_frames`` malformed frames end
the call with 1008 (policy violation); a send that makes no progress for ``send_timeout``
seconds (the peer stopped reading) drops the call, as does a socket buffering more than
``max_queue_bytes`` + 1 MiB for a peer that sends without reading (``_limits``).

Each call logs a line when it starts and when it ends, with what it counted, and has spans and
metrics when OpenTelemetry is configured (``_report``); that is decided once, when it starts.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import types
from collections.abc import Coroutine, Generator
from typing import TYPE_CHECKING, Any

import attrs

from plivo_agentstack.errors import InvalidFrameError, WebSocketError

from ._limits import guard_write_buffer
from ._outbox import Outbox
from ._report import CallReport
from ._transport import NORMAL_CLOSURE, POLICY_VIOLATION, Transport, bound_read_size
from ._workers import loop_callbacks
from .events import StreamStart, parse_frame
from .session import Session

if TYPE_CHECKING:
    from ._dispatch import Dispatcher, Handler

log: logging.Logger = logging.getLogger("plivo_agentstack.agent")

_LAST_EVENTS = frozenset({"session.ended", "stop"})
_ID_EVENTS = frozenset({"session.started", "start"})
FLOOD_SLACK = 2**20  # bytes a socket may buffer beyond max_queue_bytes (pongs, a close frame)


@attrs.frozen
class CallLimits:
    """What bounds one call (``VoiceApp``'s options of the same names, read when it starts)."""

    max_queue: int
    max_queue_bytes: int
    send_timeout: float | None
    flush_timeout: float
    max_bad_frames: int | None


class CallRunner:
    """Runs one call from connect to disconnect.

    It knows its limits, the app's dispatcher (handlers, error reports) and the set of live
    calls it joins while it runs (``app.calls``, which shutdown stops), not the app itself.
    """

    def __init__(
        self,
        limits: CallLimits,
        dispatcher: Dispatcher,
        calls: set[CallRunner],
        transport: Transport,
    ) -> None:
        self.limits = limits
        self.dispatcher = dispatcher
        self.calls = calls
        self.transport = transport
        self.outbox = Outbox(
            loop_callbacks(asyncio.get_running_loop()), limits.max_queue, limits.max_queue_bytes
        )
        self.session = Session(self.outbox)
        self.task: asyncio.Task[Any] | None = None
        self.stopping = False
        self._reading = False
        self._writer: asyncio.Task[None] | None = None
        self._sending = False  # one sender at a time keeps the messages in order
        self._send_broken = False  # a send failed: nothing more is sent (or reported)
        self._send_done: asyncio.Future[None] | None = None  # the writer waiting for the reader
        self.close_code = NORMAL_CLOSURE
        self.bad_frames = 0  # malformed frames received (InvalidFrameError)
        self.events_in = 0  # events received (set when the call ends)
        self.handler_errors = 0  # handler runs that raised
        self.report = CallReport()  # the start/end log lines and, if configured, OpenTelemetry
        self._sends = 0  # messages sent: the send watchdog's measure of progress
        self._watch: asyncio.TimerHandle | None = None
        self._raw: asyncio.Transport | None = None  # the socket's transport, when reachable
        self._dropped = False  # dropped by the watchdog: the tasks may have been cancelled

    def stop(self, code: int | None = None) -> None:
        """Ask the call to end: it stops reading, flushes its queue and closes (with ``code``,
        1000 by default; the app's shutdown gives 1001, going away)."""
        if code is not None and not self.stopping:
            self.close_code = code
        self.stopping = True
        if self._reading and self.task is not None:
            self.task.cancel()

    async def run(self) -> None:
        """Serve the call until the platform closes it, it ends, or the app shuts down."""
        self.task = asyncio.current_task()
        limits = self.limits
        dispatcher = self.dispatcher
        session = self.session
        outbox = self.outbox
        recv = self.transport.recv
        closed_errors = self.transport.closed_errors
        handlers = dispatcher.handlers
        telemetry = self.report.telemetry  # decided once per call: None unless configured
        events = 0
        loop = asyncio.get_running_loop()
        self._writer = loop.create_task(self._write())
        self.calls.add(self)
        stream = self.transport.stream()
        if stream is not None:
            self._raw = stream[1]
            bound_read_size(stream[1])
            guard_write_buffer(*stream, limits.max_queue_bytes + FLOOD_SLACK)
        if limits.send_timeout is not None:
            self._watch_send(loop, limits.send_timeout, (-1, 0), 0.0)
        try:
            if dispatcher.on_connect is not None and not await dispatcher.invoke(
                dispatcher.on_connect, session, telemetry=telemetry, label="on_connect"
            ):
                self.handler_errors += 1
            # One frame per 20 ms of audio on every call: this loop is the server's hot path,
            # so the common case (a text frame, an async handler, no catch-all) is inlined.
            while not self.stopping:
                self._reading = True
                try:
                    frame = await recv()
                except closed_errors:
                    break
                except asyncio.CancelledError:
                    if not self.stopping:
                        raise
                    _uncancel()
                    break
                finally:
                    self._reading = False
                if frame is None:
                    break
                if type(frame) is not str:
                    await self._bad_frame(_not_text(frame))
                    continue
                try:
                    kind, event = parse_frame(frame, session.media_format)
                except InvalidFrameError as exc:
                    await self._bad_frame(exc)
                    continue
                events += 1
                if kind in _ID_EVENTS or events == 1:  # the first event logs the start line
                    self._note_ids(kind, event)
                handler = handlers.get(kind)
                if telemetry is not None:  # every handler run in a span, timed
                    self.handler_errors += await dispatcher.dispatch(
                        session, event, handler, telemetry, kind
                    )
                elif handler is not None and handler.is_async and dispatcher.catch_all is None:
                    outbox.reader_sends = True
                    try:
                        coroutine = handler.fn(session, event)
                        # Its first step by hand: a handler that returns without waiting (the
                        # common case) ends this loop at once, with no StopIteration raised.
                        for waiting_on in coroutine.__await__():
                            # The handler waits for something: what it queued must not wait.
                            outbox.reader_sends = False
                            outbox.wake()
                            await _resume(coroutine, waiting_on)
                            break
                    except Exception as exc:  # noqa: BLE001 - user code may raise anything
                        self.handler_errors += 1
                        await dispatcher.failed(handler, session, event, exc)
                    finally:
                        outbox.reader_sends = False
                elif handler is not None and dispatcher.catch_all is None:
                    await self._run_in_thread(handler, event)
                else:
                    self.handler_errors += await dispatcher.dispatch(session, event, handler)
                if outbox.queue and not self._sending:
                    await self._send_queued()  # what the handler queued, without a task switch
                if kind in _LAST_EVENTS:
                    break
        except asyncio.CancelledError:
            if not self._dropped:
                raise
            _uncancel()  # cancelled by the send watchdog: end the call normally
        finally:
            self.events_in = events
            try:
                await self._finish()
            finally:
                self._ended()

    async def _run_in_thread(self, handler: Handler, event: Any) -> None:
        """Run a sync handler in a worker thread and wait for it (its errors are reported)."""
        dispatcher = self.dispatcher
        outbox = self.outbox
        try:
            job = outbox.reader_job = dispatcher.run_in_thread(handler.fn, self.session, event)
            result = await job
            if result is not None and inspect.isawaitable(result):
                await result
        except Exception as exc:  # noqa: BLE001 - user code may raise anything
            self.handler_errors += 1
            await dispatcher.failed(handler, self.session, event, exc)
        finally:
            outbox.reader_job = None

    async def _bad_frame(self, error: InvalidFrameError) -> None:
        """Report a malformed frame; past ``max_bad_frames`` of them, end the call with 1008."""
        self.bad_frames += 1
        if self.report.telemetry is not None:
            self.report.telemetry.bad_frame()
        budget = self.limits.max_bad_frames
        if budget is not None and self.bad_frames > budget:
            log.warning(
                "call %s: closing with 1008 (policy violation): more than max_bad_frames=%d "
                "malformed frames",
                self.session.call_uuid,
                budget,
            )
            self.close_code = POLICY_VIOLATION
            self.stopping = True
            return
        await self.dispatcher.report(self.session, None, error)

    def _watch_send(
        self,
        loop: asyncio.AbstractEventLoop,
        timeout: float,
        seen: tuple[int, int],
        since: float,
    ) -> None:
        """Drop the call when what it sends makes no progress for ``timeout`` seconds.

        Runs every ``timeout / 4`` seconds (5 s by default). The call is waiting on the
        peer while a send is in progress or bytes sit in the socket's write buffer; progress
        is a message sent or the buffer shrinking since the last look. Waiting without
        progress for ``timeout``, the peer is taken for gone (it stopped reading).
        """
        self._watch = None
        if self.task is None or self.task.done():
            return
        now = loop.time()
        raw = self._raw
        buffered = raw.get_write_buffer_size() if raw is not None else 0
        sends, last_buffered = seen
        if not (self._sending or buffered) or self._sends != sends or buffered < last_buffered:
            since = now
        elif now - since >= timeout:
            self._drop(f"no message could be sent for {timeout:g} s (send_timeout)")
            return
        self._watch = loop.call_later(
            timeout / 4, self._watch_send, loop, timeout, (self._sends, buffered), since
        )

    def _drop(self, why: str) -> None:
        """End a call whose peer stopped reading: abort its socket (or cancel its tasks)."""
        log.warning("call %s: %s; dropping the call", self.session.call_uuid, why)
        self._dropped = True
        self._send_broken = True  # already reported here: what is queued is dropped
        self.stopping = True
        self.outbox.close()
        raw = self._raw
        if raw is not None:
            raw.abort()  # the blocked send and recv() return or raise: the call ends
            return
        # No socket to abort (an ASGI server other than uvicorn): cancel the stuck tasks.
        for task in (self._writer, self.task):
            if task is not None and not task.done():
                task.cancel()

    def _note_ids(self, kind: str, event: Any) -> None:
        """Keep the session's ids from the events that carry them; the first event logs the
        call's start line (with its ids: the platform sends them first)."""
        session = self.session
        if kind == "session.started":
            session.agent_session_id = getattr(event, "agent_session_id", None) or None
            session.call_uuid = getattr(event, "call_id", None) or session.call_uuid
        elif kind in _ID_EVENTS:
            session.stream_id = getattr(event, "stream_id", None) or session.stream_id
            session.call_uuid = session.call_uuid or getattr(event, "call_id", None) or None
            if isinstance(event, StreamStart):
                rate = event.sample_rate
                content_type = event.content_type if isinstance(event.content_type, str) else ""
                session.media_format = (content_type, rate if type(rate) is int else 8000)
        self.report.started(session)

    async def _send_queued(self) -> bool:
        """Send the queued messages in order; False once the call can send no more."""
        outbox = self.outbox
        if self._send_broken:
            outbox.take()  # already reported: drop what is left
            outbox.in_flight = outbox.in_flight_bytes = 0
            return False
        send = self.transport.send
        self._sending = True
        try:
            items = outbox.take()
            for text in items:
                await send(text)
                self._sends += 1
            outbox.in_flight = outbox.in_flight_bytes = 0
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001 - any transport failure ends the call
            await self._send_failed(exc)
            return False
        finally:
            self._sending = False
            waiter = self._send_done
            if waiter is not None and not waiter.done():
                waiter.set_result(None)
        return bool(items) or not outbox.closed

    async def _send_failed(self, exc: Exception) -> None:
        """Report a failed send once, refuse further messages and end the call."""
        self._send_broken = True
        self.outbox.close()
        if not self._dropped:  # a drop is logged by _drop(): its aborted send is no news
            error = WebSocketError(f"sending to the platform failed ({exc!r}); closing the call")
            error.__cause__ = exc
            await self.dispatcher.report(self.session, None, error)
        self.stop()
        if not self._reading:
            # The reader is not waiting for a frame; closing the socket ends its next recv().
            await self._close_transport()

    async def _write(self) -> None:
        """Send queued messages in order until the call closes (the reader also sends)."""
        while True:
            await self.outbox.wait()
            while self._sending:  # the reader is sending; its batch goes first
                self._send_done = asyncio.get_running_loop().create_future()
                try:
                    await self._send_done
                finally:
                    self._send_done = None
            if not await self._send_queued():
                return

    async def _finish(self) -> None:
        """Flush what is queued (bounded), close normally, run ``on_disconnect`` once."""
        limits = self.limits
        dispatcher = self.dispatcher
        self.outbox.close()
        writer = self._writer
        if writer is not None and not (self._dropped and writer.done()):
            try:
                await asyncio.wait_for(asyncio.shield(writer), limits.flush_timeout)
            except asyncio.TimeoutError:
                log.warning(
                    "call %s: %d queued message(s) not sent within %.1f s",
                    self.session.call_uuid,
                    len(self.outbox),
                    limits.flush_timeout,
                )
                writer.cancel()
            except asyncio.CancelledError:
                if not (self._dropped and writer.cancelled()):
                    writer.cancel()
                    self.calls.discard(self)
                    raise
            except Exception:  # noqa: BLE001 - already reported by the writer
                pass
        try:
            await self._close_transport()
            if dispatcher.on_disconnect is not None and not await dispatcher.invoke(
                dispatcher.on_disconnect,
                self.session,
                telemetry=self.report.telemetry,
                label="on_disconnect",
            ):
                self.handler_errors += 1
        finally:
            self.calls.discard(self)
            dispatcher.call_ended(self.session)
            if self._watch is not None:  # it also watched the flush and the close
                self._watch.cancel()
                self._watch = None

    def _ended(self) -> None:
        """Log the call's end line (and end its telemetry) with what it counted."""
        self.report.ended(
            self.session,
            events_in=self.events_in,
            messages_out=self._sends,
            handler_errors=self.handler_errors,
            bad_frames=self.bad_frames,
            close_code=self.close_code,
        )

    async def _close_transport(self) -> None:
        try:
            await self.transport.close(self.close_code, "")
        except Exception:  # noqa: BLE001 - the peer may be gone already
            log.debug("closing the WebSocket failed", exc_info=True)


def _not_text(frame: object) -> InvalidFrameError:
    return InvalidFrameError(
        f"{type(frame).__name__} frame received; the protocol sends JSON text frames"
    )


@types.coroutine
def _resume(coroutine: Coroutine[Any, Any, Any], waiting_on: Any) -> Generator[Any, Any, None]:
    """Go on awaiting ``coroutine``, started by hand and now suspended on ``waiting_on``.

    What ``await coroutine`` does (``yield from``), from its first suspension on: running a
    handler's first step by hand tells the reader whether the handler finished without waiting.
    """
    while True:
        try:
            sent = yield waiting_on
        except BaseException as exc:  # noqa: BLE001 - a cancellation, thrown in as await would
            try:
                waiting_on = coroutine.throw(exc)
            except StopIteration:
                return
        else:
            try:
                waiting_on = coroutine.send(sent)
            except StopIteration:
                return


def _uncancel() -> None:
    """Forget a cancellation we consumed (Python 3.11+), so later timeouts behave."""
    task = asyncio.current_task()
    uncancel = getattr(task, "uncancel", None)
    if uncancel is not None:
        uncancel()
