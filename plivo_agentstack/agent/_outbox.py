"""A call's outbound queue: bounded, thread-safe, drained by the call runner (``_call``).

``Session`` methods put serialised messages here from the loop or from handler threads; the
call's reader or its writer task takes them and sends them in order.
"""

from __future__ import annotations

import asyncio
import threading
from collections import deque
from typing import Any

from plivo_agentstack.errors import WebSocketError

from ._workers import LoopCallbacks

__all__ = ["DEFAULT_MAX_QUEUE", "DEFAULT_MAX_QUEUE_BYTES", "Outbox"]

DEFAULT_MAX_QUEUE = 1000
DEFAULT_MAX_QUEUE_BYTES = 4 * 2**20  # 4 MiB of serialised messages (ASCII JSON: 1 byte each)


class Outbox:
    """A bounded, thread-safe FIFO of serialised messages with a waiter for the writer task.

    Bounded twice: at most ``limit`` messages and ``max_bytes`` bytes, counting the messages
    taken by the sender but not sent yet (a peer that stops reading holds them).
    """

    __slots__ = (
        "_callbacks",
        "_lock",
        "_loop_thread",
        "_wake_scheduled",
        "_waiter",
        "closed",
        "in_flight",
        "in_flight_bytes",
        "limit",
        "max_bytes",
        "queued_bytes",
        "queue",
        "reader_job",
        "reader_sends",
    )

    def __init__(
        self,
        callbacks: LoopCallbacks,
        limit: int = DEFAULT_MAX_QUEUE,
        max_bytes: int = DEFAULT_MAX_QUEUE_BYTES,
    ) -> None:
        self.queue: deque[str] = deque()  # serialised messages not yet taken (read-only here)
        self._lock = threading.Lock()
        self._callbacks = callbacks  # its loop runs the writer; it wakes it from other threads
        self._loop_thread = threading.get_ident()
        self._waiter: asyncio.Future[None] | None = None
        # Taken by the sender but not sent yet (still counted against the limit); only the
        # loop thread writes it, so the sender resets it without the lock.
        self.in_flight: int = 0
        self.in_flight_bytes: int = 0
        self.queued_bytes: int = 0  # the size of the messages in ``queue``
        self._wake_scheduled = False
        self.closed: bool = False
        self.limit: int = limit
        self.max_bytes: int = max_bytes
        # True while the call's reader runs an async handler's step on the loop: no put needs
        # to wake the writer then (it could not run before that step ends anyway); the reader
        # sends what was queued when the handler returns, or wakes the writer when it waits.
        self.reader_sends: bool = False
        # The future of the sync handler the reader is waiting for: once it is done, the reader
        # resumes next and sends what the handler queued, so the writer need not wake up.
        self.reader_job: asyncio.Future[Any] | None = None

    def __len__(self) -> int:
        return len(self.queue) + self.in_flight

    @property
    def bytes(self) -> int:
        """The size of the messages held (queued, or taken by the sender and not sent yet)."""
        return self.queued_bytes + self.in_flight_bytes

    def put(self, text: str) -> None:
        """Append a message; raise ``WebSocketError`` when the call is closed or the queue full."""
        # acquire()/release() rather than ``with``: half the cost, once per message sent
        lock = self._lock
        lock.acquire()
        try:
            if self.closed:
                raise WebSocketError("the call has ended; the message was not sent")
            if len(self.queue) + self.in_flight >= self.limit:
                raise WebSocketError(
                    f"outbound queue is full ({self.limit} messages): the platform is not "
                    "reading fast enough; the message was not sent"
                )
            size = len(text)  # serialised with ensure_ascii: one byte per character
            if self.queued_bytes + self.in_flight_bytes + size > self.max_bytes:
                raise WebSocketError(self._bytes_full(size))
            self.queued_bytes += size
            self.queue.append(text)
            first = len(self.queue) == 1
        finally:
            lock.release()
        if first and not self.reader_sends:
            self._notify()

    def _bytes_full(self, size: int) -> str:
        if size > self.max_bytes:
            return (
                f"message of {size} bytes is larger than the outbound queue "
                f"(max_queue_bytes={self.max_bytes}); the message was not sent"
            )
        return (
            f"outbound queue is full ({self.queued_bytes + self.in_flight_bytes} of "
            f"max_queue_bytes={self.max_bytes} bytes held): the platform is not reading fast "
            "enough; the message was not sent"
        )

    def _notify(self) -> None:
        if threading.get_ident() != self._loop_thread:
            self._callbacks.call_after_batch(self._wake_from_thread)
        elif not self._wake_scheduled:
            # Wake the writer on the next loop turn, not now: a message queued from the loop
            # may be followed by more before the writer runs.
            self._wake_scheduled = True
            self._callbacks.loop.call_soon(self._deferred_wake)

    def _deferred_wake(self) -> None:
        self._wake_scheduled = False
        if self.queue or self.closed:
            self._wake()

    def wake(self) -> None:
        """Wake the writer if anything is queued (loop thread only)."""
        if self.queue:
            self._wake()

    def _wake_from_thread(self) -> None:
        job = self.reader_job
        if job is None or not job.done():  # e.g. the handler queued a message, then blocks
            self._wake()

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    async def wait(self) -> None:
        """Return once there is something to send or the outbox is closed."""
        if self.queue or self.closed:
            return
        self._waiter = self._callbacks.loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    def take(self) -> list[str]:
        """Remove and return every queued message, oldest first (in flight until sent)."""
        lock = self._lock
        lock.acquire()
        try:
            items = list(self.queue)
            self.queue.clear()
            self.in_flight = len(items)
            self.in_flight_bytes = self.queued_bytes
            self.queued_bytes = 0
        finally:
            lock.release()
        return items

    def close(self) -> None:
        """Refuse new messages and wake the writer so that it can finish."""
        with self._lock:
            self.closed = True
        if threading.get_ident() == self._loop_thread:
            self._wake()
        else:
            self._notify()
