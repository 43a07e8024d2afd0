"""Graceful drain on deploy: stop taking calls, let the calls in progress end, close the rest.

A deploy must not hang up on callers. ``VoiceApp.drain()`` stops accepting calls at once (the
readiness probe answers 503, new WebSocket upgrades get 503), waits for the calls in progress to
end by themselves up to ``drain_timeout``, reporting how many are left, then closes the rest with
1001 (going away) after flushing their queues. ``end_drain()`` (a second SIGTERM or SIGINT) cuts
the wait short.

What starts a drain:

- standalone (``app.run()``): the first SIGTERM or SIGINT; the second ends it;
- under uvicorn (also ``--workers N`` and gunicorn's uvicorn worker): the server's own SIGTERM
  and SIGINT handlers are wrapped when the app's lifespan starts (``chain_exit_signals``), so the
  first signal drains the app before the server shuts down, while it still answers probes.
  uvicorn would otherwise close every WebSocket with 1012 the moment it shuts down, before the
  app hears of it (its lifespan shutdown comes after the connections are gone);
- any ASGI server: lifespan shutdown drains what is still open then.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import signal
import threading
from collections.abc import Callable, Collection
from types import FrameType
from typing import Any, Final

__all__ = ["DrainProgress", "EXIT_SIGNALS", "chain_exit_signals", "wait_for_calls"]

log: logging.Logger = logging.getLogger("plivo_agentstack.agent")

EXIT_SIGNALS: Final = (signal.SIGTERM, signal.SIGINT)
POLL_INTERVAL = 0.1  # seconds between looks at the live calls while draining
LOG_EVERY = 10.0  # seconds between progress lines while the count of calls does not change
LOG_AT_MOST = 1.0  # seconds between progress lines while calls are ending


class DrainProgress:
    """The drain's log lines: how many calls are left, at a bounded rate."""

    def __init__(self, loop: asyncio.AbstractEventLoop, deadline: float) -> None:
        self.loop = loop
        self.deadline = deadline
        self.last_count = -1
        self.last_time = float("-inf")

    def note(self, count: int) -> None:
        """Log the count of calls left if it changed (at most every second) or every 10 s."""
        now = self.loop.time()
        since = now - self.last_time
        if (count != self.last_count and since >= LOG_AT_MOST) or since >= LOG_EVERY:
            self.last_count, self.last_time = count, now
            log.info(
                "draining: %d call(s) in progress; the rest are closed in %.0f s",
                count,
                max(0.0, self.deadline - now),
            )


async def wait_for_calls(calls: Collection[Any], timeout: float, ended: asyncio.Event) -> str:
    """Wait until ``calls`` is empty, ``timeout`` seconds pass or ``ended`` is set; say which.

    Returns ``"done"``, ``"timeout"`` or ``"ended"``.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    progress = DrainProgress(loop, deadline)
    end = loop.create_task(ended.wait())
    try:
        while calls:
            progress.note(len(calls))
            left = deadline - loop.time()
            if left <= 0:
                return "timeout"
            await asyncio.wait((end,), timeout=min(left, POLL_INTERVAL))
            if end.done():
                return "ended"
        return "done"
    finally:
        end.cancel()


SignalHandler = Callable[[int, "FrameType | None"], Any]


class _ExitSignalChain:
    """The state of wrapped exit signals: no drain yet, a drain running, or drained."""

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        drain: Callable[[], Any],
        end_drain: Callable[[], None],
    ) -> None:
        self.loop = loop
        self.drain = drain
        self.end_drain = end_drain
        self.task: asyncio.Task[None] | None = None  # the drain, once started

    def on_signal(self, previous: SignalHandler, signum: int, frame: FrameType | None) -> None:
        """A signal arrived (in the main thread, between two bytecodes of anything)."""
        try:
            if self.task is None:
                self.loop.call_soon_threadsafe(self._start, previous, signum, frame)
            elif not self.task.done():
                self.loop.call_soon_threadsafe(self.end_drain)
            else:
                previous(signum, frame)
        except RuntimeError:  # the loop is closed: nothing left to drain
            previous(signum, frame)

    def _start(self, previous: SignalHandler, signum: int, frame: FrameType | None) -> None:
        if self.task is not None:  # two signals before the loop ran: the second ends it
            self.end_drain()
            return
        self.task = self.loop.create_task(self._drain_then(previous, signum, frame))

    async def _drain_then(
        self, previous: SignalHandler, signum: int, frame: FrameType | None
    ) -> None:
        try:
            await self.drain()
        finally:
            previous(signum, frame)  # the server's own handler: it stops now


def chain_exit_signals(
    loop: asyncio.AbstractEventLoop,
    drain: Callable[[], Any],
    end_drain: Callable[[], None],
) -> bool:
    """Wrap the server's SIGTERM/SIGINT handlers: drain first, then let the server stop.

    The first signal runs ``drain()`` (a coroutine function) on ``loop`` and calls the server's
    handler once it returns; a signal during the drain calls ``end_drain()``; later ones go
    straight to the server's handler (a second Ctrl-C still forces uvicorn out). Only handlers
    set with ``signal.signal`` (uvicorn's) can be wrapped, only from the main thread; returns
    whether any was.
    """
    if threading.current_thread() is not threading.main_thread():
        return False
    chain = _ExitSignalChain(loop, drain, end_drain)
    wrapped = False
    for signum in EXIT_SIGNALS:
        previous = signal.getsignal(signum)
        if callable(previous):
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signum, functools.partial(chain.on_signal, previous))
                wrapped = True
    return wrapped
