"""The whole-request time limit of one attempt, shared by the request loop and the transport.

The request loop puts a :class:`Deadline` in :data:`CURRENT` for each attempt; the network
layer of the client's own pool (``_transport.py``) caps every connect, TLS handshake, write and
read at the time left, so a peer that trickles bytes cannot stretch a call past its ``timeout``.
The clock starts at the attempt's first network operation: waiting for a free pooled connection
is not part of it.
"""

from __future__ import annotations

import time
from contextvars import ContextVar

__all__ = ["CURRENT", "Deadline"]


class Deadline:
    """``seconds`` for the network operations of one attempt, counted from the first one."""

    __slots__ = ("seconds", "expires")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expires: float | None = None

    def remaining(self) -> float:
        """Seconds left (0 or less once expired); the first call starts the clock."""
        now = time.monotonic()
        if self.expires is None:
            self.expires = now + self.seconds
            return self.seconds
        return self.expires - now


CURRENT: ContextVar[Deadline | None] = ContextVar("plivo_agentstack_deadline", default=None)
"""The deadline of the attempt running in this task (async) or thread (sync), if any."""
