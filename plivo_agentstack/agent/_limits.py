"""Bounds on what one peer can make the server spend: log volume and unsent bytes.

- ``ReportLog``: the log lines of one call's reported errors when the app has no
  ``on_handler_error``. The first ``FULL_REPORTS`` are logged one by one (a handler exception
  with its traceback; a malformed frame, the peer's fault, as one WARNING line without one),
  later ones are counted and summarised in one line at most every ``SUMMARY_INTERVAL``
  seconds, and once more when the call ends.
- ``guard_write_buffer``: while the socket's write buffer is over its high-water mark (the
  peer is not reading what we send), the bytes waiting to be sent are checked every 10 ms;
  above the limit the connection is aborted. A peer flooding pings without reading the pongs
  is dropped there instead of growing the server's memory.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from plivo_agentstack.errors import InvalidFrameError

log: logging.Logger = logging.getLogger("plivo_agentstack.agent")

__all__ = ["FULL_REPORTS", "SUMMARY_INTERVAL", "ReportLog", "guard_write_buffer"]

FULL_REPORTS = 5  # errors of one call logged in full before the summaries
SUMMARY_INTERVAL = 10.0  # seconds between two summary lines of one call
_MAX_MESSAGE = 300  # characters of an error message in a log line
GUARD_INTERVAL = 0.01  # seconds between two looks at a paused socket's write buffer


class ReportLog:
    """Rate-limited logging of one call's reported errors (see the module docstring)."""

    __slots__ = ("logged", "suppressed", "last_line", "last_error")

    def __init__(self) -> None:
        self.logged = 0
        self.suppressed = 0
        self.last_line = 0.0
        self.last_error = ""

    def log(self, call: str | None, exc: BaseException) -> None:
        """Log ``exc`` in full, or count it for the next summary line."""
        now = time.monotonic()
        if self.logged < FULL_REPORTS:
            self.logged += 1
            self.last_line = now
            more = (
                f" (later errors of this call are summarised every {SUMMARY_INTERVAL:.0f} s)"
                if self.logged == FULL_REPORTS
                else ""
            )
            if isinstance(exc, InvalidFrameError):  # the peer's fault, not a bug: no traceback
                log.warning("call %s: %s%s", call, _short(exc), more)
            else:
                log.error(
                    "call %s: %s%s",
                    call,
                    _short(exc),
                    more,
                    exc_info=(type(exc), exc, exc.__traceback__),
                )
            return
        self.suppressed += 1
        self.last_error = _short(exc)
        if now - self.last_line >= SUMMARY_INTERVAL:
            self.flush(call)

    def flush(self, call: str | None) -> None:
        """Log the summary of the errors counted since the last line, if any."""
        if not self.suppressed:
            return
        log.warning(
            "call %s: %d more error(s) not logged one by one (last: %s)",
            call,
            self.suppressed,
            self.last_error,
        )
        self.suppressed = 0
        self.last_line = time.monotonic()


def _short(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}"
    return text if len(text) <= _MAX_MESSAGE else text[:_MAX_MESSAGE] + "..."


def guard_write_buffer(
    protocol: Any, transport: asyncio.Transport, limit: int, interval: float = GUARD_INTERVAL
) -> None:
    """Abort ``transport`` once over ``limit`` bytes wait to be sent to a peer that is not reading.

    Wraps the protocol's ``pause_writing``/``resume_writing`` (called by the transport when its
    write buffer crosses the high-water and low-water marks): only while writing is paused is
    the buffer checked, every ``interval`` seconds, so the common case costs nothing. A timer
    rather than a wrapped ``data_received``: uvloop's transports keep their own reference to
    the protocol's ``data_received``, but call ``pause_writing`` through the protocol.
    """
    loop = asyncio.get_running_loop()
    pause = protocol.pause_writing
    resume = protocol.resume_writing
    timer: asyncio.TimerHandle | None = None

    def check() -> None:
        nonlocal timer
        timer = None
        if transport.is_closing():
            return
        size = transport.get_write_buffer_size()
        if size > limit:
            log.warning(
                "dropping a WebSocket connection: %d bytes wait to be sent (limit %d) to a peer "
                "that does not read",
                size,
                limit,
            )
            transport.abort()
            return
        timer = loop.call_later(interval, check)

    def paused() -> None:
        nonlocal timer
        pause()
        if timer is None:
            timer = loop.call_later(interval, check)

    def resumed() -> None:
        nonlocal timer
        if timer is not None:
            timer.cancel()
            timer = None
        resume()

    protocol.pause_writing = paused
    protocol.resume_writing = resumed
