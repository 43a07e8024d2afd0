"""What every handler group of the fake REST API shares: the declared state and the clock.

``FakePlivo`` (``fake_api``) assigns these attributes in its ``__init__`` and inherits the
handler mixins (``_fake_agents``, ``_fake_calls``, ``_fake_media``, ``_fake_messages``,
``_fake_numbers``), which all derive from :class:`_FakeState` so that each sees the state it
reads and writes.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from ._fake_http import _ApiError
from ._status_callbacks import _StatusCallback

CallInitiatedCallback = Callable[[dict[str, Any], dict[str, Any]], object]
"""``callback(agent, call)``, run after each successful ``initiate_call``."""


class _FakeState:
    """The attributes the handlers use (assigned by ``FakePlivo.__init__``) and shared lookups."""

    auth_id: str
    auth_token: str
    _clock: Callable[[], datetime]
    _lock: threading.RLock
    _account: str
    _agents: dict[str, dict[str, Any]]
    _agent_numbers: dict[str, list[str]]
    _calls: dict[str, dict[str, Any]]
    _sessions: dict[str, dict[str, Any]]
    _messages: dict[str, dict[str, Any]]
    _message_content: dict[str, dict[str, Any]]
    _media: dict[str, list[dict[str, Any]]]
    _uploads: dict[str, dict[str, Any]]  # media_id → the uploaded file's record
    _upload_content: dict[str, bytes]
    _owned: dict[str, dict[str, Any]]
    _inventory: dict[str, tuple[str, dict[str, Any]]]
    _call_callbacks: list[CallInitiatedCallback]
    _callback_errors: list[Exception]
    _in_flight: dict[str, str | None]  # messages not delivered or failed yet -> error code
    _delivery_faults: deque[str]  # error codes of the next messages to fail
    _outbox: list[_StatusCallback]  # callbacks owed, sent by the next step

    def _now(self) -> datetime:
        now = self._clock()
        return now if now.tzinfo is not None else now.replace(tzinfo=timezone.utc)

    def _timestamp(self) -> str:
        return self._now().astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _agent(self, agent_uuid: str) -> dict[str, Any]:
        agent = self._agents.get(agent_uuid)
        if agent is None:
            raise _ApiError(404, f"agent {agent_uuid!r} not found")
        return agent
