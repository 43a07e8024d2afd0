"""Worker threads for sync handlers, with hand-offs batched in both directions.

``loop.run_in_executor`` pays, per call, a ``concurrent.futures.Future`` with its condition
variable, a thread wake-up and a ``call_soon_threadsafe`` (a self-pipe write and a loop wake-up)
for the result, plus one more for each message the handler queues. With a sync handler on every
20 ms audio frame of every call, those hand-offs cost more than the rest of the server. Here:

- ``LoopCallbacks`` runs callbacks from other threads on the loop with one loop wake-up for
  everything queued until the loop gets to them;
- ``HandlerThreads`` keeps one awake worker looking for jobs while there is work: jobs submitted
  while it is awake cost no thread wake-up. A worker that takes a job while others are waiting
  and nobody else is looking wakes (or starts) one more first, so a handler that blocks delays
  only its own call.
"""

from __future__ import annotations

import asyncio
import threading
import weakref
from collections import deque
from collections.abc import Callable
from typing import Any

__all__ = ["HandlerThreads", "LoopCallbacks", "loop_callbacks"]


class LoopCallbacks:
    """``call_soon_threadsafe`` with one loop wake-up per batch of callbacks."""

    __slots__ = ("loop", "_queue", "_late", "_scheduled", "__weakref__")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop: asyncio.AbstractEventLoop = loop
        self._queue: deque[tuple[Callable[..., object], tuple[Any, ...]]] = deque()
        self._late: deque[tuple[Callable[..., object], tuple[Any, ...]]] = deque()
        self._scheduled = False

    def call_soon(self, callback: Callable[..., object], *args: Any) -> None:
        """Run ``callback(*args)`` on the loop soon; callable from any thread."""
        self._queue.append((callback, args))
        self._schedule()

    def call_after_batch(self, callback: Callable[..., object], *args: Any) -> None:
        """Like :meth:`call_soon`, but after the ``call_soon`` callbacks of the same batch."""
        self._late.append((callback, args))
        self._schedule()

    def _schedule(self) -> None:
        if not self._scheduled:
            # Two threads may both get here: the second wake-up finds an empty queue.
            self._scheduled = True
            try:
                self.loop.call_soon_threadsafe(self._run)
            except RuntimeError:  # the loop is closed: nothing will run the callbacks
                self._scheduled = False
                self._queue.clear()
                self._late.clear()

    def _run(self) -> None:
        # Reset the flag before draining: a callback queued after this point either is drained
        # below or schedules another run.
        self._scheduled = False
        for queue in (self._queue, self._late):
            while queue:
                callback, args = queue.popleft()
                try:
                    callback(*args)
                except Exception as exc:  # noqa: BLE001 - as asyncio does for its own callbacks
                    self.loop.call_exception_handler(
                        {"message": f"exception in callback {callback!r}", "exception": exc}
                    )


_CALLBACKS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, LoopCallbacks] = (
    weakref.WeakKeyDictionary()
)


_last: tuple[asyncio.AbstractEventLoop | None, LoopCallbacks | None] = (None, None)


def loop_callbacks(loop: asyncio.AbstractEventLoop) -> LoopCallbacks:
    """The ``LoopCallbacks`` of ``loop`` (one per loop, so that its batches are shared)."""
    global _last
    last_loop, callbacks = _last  # one tuple: loops in other threads may swap it
    if last_loop is loop and callbacks is not None:
        return callbacks  # called once per sync handler: skip the weak-dict lookup
    callbacks = _CALLBACKS.get(loop)
    if callbacks is None:
        callbacks = _CALLBACKS[loop] = LoopCallbacks(loop)
    _last = (loop, callbacks)
    return callbacks


def _resolve(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.cancelled():
        return
    if error is None:
        future.set_result(result)
    elif isinstance(error, StopIteration):  # a future refuses it: it would end the awaiter
        wrapped = RuntimeError(f"handler raised {error!r}")
        wrapped.__cause__ = error
        future.set_exception(wrapped)
    else:
        future.set_exception(error)


_Job = tuple[LoopCallbacks, "asyncio.Future[Any]", Callable[..., Any], tuple[Any, ...]]


class HandlerThreads:
    """A growable pool of daemon threads running sync handlers for coroutines to await."""

    def __init__(self, max_threads: int, name: str = "voiceapp-handler") -> None:
        if max_threads < 1:
            raise ValueError(f"max_threads must be at least 1, got {max_threads}")
        self.max_threads = max_threads
        self.name = name
        self._lock = threading.Lock()
        self._jobs: deque[_Job] = deque()
        self._parked: list[threading.Lock] = []  # each worker asleep holds its own lock
        self._looking = 0  # workers awake and about to take a job
        self._threads = 0
        self._closed = False

    @property
    def threads(self) -> int:
        """How many worker threads are alive."""
        return self._threads

    def run(self, fn: Callable[..., Any], *args: Any) -> asyncio.Future[Any]:
        """Run ``fn(*args)`` in a worker thread; resolve the returned future with its outcome."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Any] = loop.create_future()
        callbacks = loop_callbacks(loop)
        with self._lock:
            if self._closed:
                raise RuntimeError("the handler threads are shut down")
            self._jobs.append((callbacks, future, fn, args))
            wake = self._add_looker() if not self._looking else None
        if wake is not None:
            wake.release()
        return future

    def shutdown(self) -> None:
        """Let every worker exit once it is idle (a handler still running finishes first)."""
        with self._lock:
            self._closed = True
            parked, self._parked = self._parked, []
            self._looking += len(parked)
        for wake in parked:
            wake.release()

    def _add_looker(self) -> threading.Lock | None:
        """Wake a parked worker, or start one; hold ``_lock``. Returns the lock to release."""
        if self._parked:
            self._looking += 1
            return self._parked.pop()
        if self._threads < self.max_threads:
            self._threads += 1
            self._looking += 1
            thread = threading.Thread(
                target=self._work, name=f"{self.name}_{self._threads}", daemon=True
            )
            thread.start()
        return None  # every thread is busy: the job waits for the first one to finish

    def _work(self) -> None:
        wake = threading.Lock()
        wake.acquire()
        jobs = self._jobs
        lock = self._lock
        counted = True  # whoever started or woke this thread counted it as looking
        while True:
            other = None
            with lock:
                if counted:
                    self._looking -= 1
                if jobs:
                    callbacks, future, fn, args = jobs.popleft()
                    if jobs and not self._looking:
                        other = self._add_looker()
                elif self._closed:
                    self._threads -= 1
                    return
                else:
                    self._parked.append(wake)
                    future = None
            if future is None:
                wake.acquire()  # asleep until run() or shutdown() counts us as looking again
                counted = True
                continue
            counted = False  # running a job: looking again only at the next pass above
            if other is not None:
                other.release()
            try:
                result = fn(*args)
            except BaseException as exc:  # noqa: BLE001 - handed to the awaiting coroutine
                callbacks.call_soon(_resolve, future, None, exc)
            else:
                callbacks.call_soon(_resolve, future, result, None)
            del fn, args, future
