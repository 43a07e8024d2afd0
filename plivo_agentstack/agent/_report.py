"""What one call reports: a log line at its start and one at its end, and its telemetry.

Both lines are INFO records of the ``plivo_agentstack.agent`` logger: a readable message of
``key=value`` pairs, and the same fields on the record as one dict, ``record.plivo`` (passed
with ``extra=``), which JSON formatters pick up:

- ``call started``: ``phase`` ("start"), ``call_id``, ``agent_session_id``, ``stream_id``;
  logged when the first event arrives (it carries the ids: ``session.started`` in agent mode,
  ``start`` on a raw audio stream), or at the end of a call that received none;
- ``call ended``: the same ids, ``phase`` ("end"), ``duration_s`` (connect to disconnect),
  ``events_in`` (events received), ``messages_out`` (messages sent), ``handler_errors``,
  ``bad_frames`` (malformed frames) and ``close_code`` (the code the app closed with).

An id not known is None (``-`` in the message). When OpenTelemetry is configured the same
fields go on the call's span (``plivo_agentstack._telemetry``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Any

from plivo_agentstack._telemetry import CallTelemetry

from .session import Session

log: logging.Logger = logging.getLogger("plivo_agentstack.agent")


class CallReport:
    """The start/end log lines of one call and, when configured, its OpenTelemetry."""

    __slots__ = ("connected", "announced", "telemetry")

    def __init__(self) -> None:
        self.connected = time.monotonic()
        self.announced = False  # the start line is out
        self.telemetry = CallTelemetry.start()  # None: OpenTelemetry absent or not configured

    def started(self, session: Session) -> None:
        """The first event arrived (or the call ends without one): log the start line once."""
        fields = _ids(session)
        if self.telemetry is not None:
            self.telemetry.identify(fields)
        if self.announced:
            return
        self.announced = True
        _log("call started", {"phase": "start", **fields})

    def ended(
        self,
        session: Session,
        *,
        events_in: int,
        messages_out: int,
        handler_errors: int,
        bad_frames: int,
        close_code: int,
    ) -> None:
        """The call is over: log the end line and close its telemetry."""
        if not self.announced:
            self.started(session)
        duration = time.monotonic() - self.connected
        fields = {
            **_ids(session),
            "duration_s": round(duration, 3),
            "events_in": events_in,
            "messages_out": messages_out,
            "handler_errors": handler_errors,
            "bad_frames": bad_frames,
            "close_code": close_code,
        }
        _log("call ended", {"phase": "end", **fields})
        if self.telemetry is not None:
            self.telemetry.end(fields, duration)


def _ids(session: Session) -> dict[str, Any]:
    return {
        "call_id": session.call_uuid,
        "agent_session_id": session.agent_session_id,
        "stream_id": session.stream_id,
    }


def _log(what: str, fields: Mapping[str, Any]) -> None:
    if log.isEnabledFor(logging.INFO):
        pairs = " ".join(
            f"{key}={'-' if value is None else value}"
            for key, value in fields.items()
            if key != "phase"
        )
        log.info("%s: %s", what, pairs, extra={"plivo": dict(fields)})
