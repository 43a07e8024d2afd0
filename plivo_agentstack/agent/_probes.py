"""Health and readiness probes: plain HTTP ``GET`` answers, before any WebSocket auth, unlogged.

``VoiceApp(health_path="/healthz", ready_path="/readyz")``: the health path answers 200 while
the process serves; the ready path answers 200 while the app accepts calls and 503 once it is
shutting down, so a load balancer stops sending new calls first. Both servers answer them (the
standalone one from its request hook, ``app.asgi`` for ``http`` scopes), and the per-probe log
lines of ``websockets`` and uvicorn's access log are filtered out.
"""

from __future__ import annotations

import logging
from typing import Final

__all__ = ["DRAINING", "Probe", "probe_answer", "quiet_probe_logs"]

Probe = tuple[int, str]  # (HTTP status, body)
# The answer while the app drains: to the readiness probe and to a new WebSocket upgrade.
DRAINING: Final[Probe] = (503, "shutting down\n")

_PROBE_LOGGERS: Final = ("websockets.server", "uvicorn.access")


def probe_answer(
    target: str, health_path: str | None, ready_path: str | None, accepting: bool
) -> Probe | None:
    """The answer to a ``GET`` of ``target`` (path and query), or None when it is no probe."""
    path = target.split("?", 1)[0]
    if health_path is not None and path == health_path:
        return 200, "ok\n"
    if ready_path is not None and path == ready_path:
        return (200, "ready\n") if accepting else DRAINING
    return None


_PROBE_PATHS: set[str] = set()  # every app's probe paths in this process


class _ProbeLogFilter(logging.Filter):
    """Drops the per-probe records: uvicorn's access lines for a probe path, and the
    ``websockets`` handshake line of a 200/503 answer (only probes get those before a
    handshake; refusals are 401/403)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        if record.name == "uvicorn.access":
            path = args[2] if len(args) >= 3 else None  # (client, method, path, version, status)
            return not (isinstance(path, str) and path.split("?", 1)[0] in _PROBE_PATHS)
        if record.msg == "HTTP response sent (%d %s)":
            return not (args and args[0] in (200, 503))
        return True


_FILTER: Final = _ProbeLogFilter()


def quiet_probe_logs(*paths: str | None) -> None:
    """Keep the probes of ``paths`` out of the ``websockets`` and uvicorn logs."""
    _PROBE_PATHS.update(path for path in paths if path)
    for name in _PROBE_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
