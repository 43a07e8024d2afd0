"""Offline outbound calls: each call placed on a ``FakePlivo`` dials the agent's VoiceApp.

``OutboundCalls(fake, script)`` makes ``calls.initiate(...)`` on the fake behave like the real
platform: the simulator connects to the agent's ``websocket_url`` (a VoiceApp you serve on
127.0.0.1) and plays ``script`` as the callee, in a background thread, while your code carries
on. ``await outbound.wait(call_uuid)`` returns the call's :class:`CallResult`; the fake's session
record is then marked completed with the call's duration and turn count.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from typing import Any

from .fake_api import FakePlivo
from .script import SimulatorError
from .simulator import DEFAULT_TIMEOUT, CallResult, ScriptLike, run_call

__all__ = ["OutboundCalls"]

log: logging.Logger = logging.getLogger("plivo_agentstack.testing")


class OutboundCalls:
    """Plays ``script`` against the agent's ``websocket_url`` for every call placed on ``fake``."""

    def __init__(
        self,
        fake: FakePlivo,
        script: ScriptLike,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.fake = fake
        self.script = script
        self.timeout = timeout
        self.headers = headers
        self._lock = threading.Lock()
        self._results: dict[str, concurrent.futures.Future[CallResult]] = {}
        fake.on_call_initiated(self._on_call)

    @property
    def call_uuids(self) -> list[str]:
        """The calls placed so far, in order."""
        with self._lock:
            return list(self._results)

    def _on_call(self, agent: dict[str, Any], call: dict[str, Any]) -> None:
        url = agent.get("websocket_url")
        future: concurrent.futures.Future[CallResult] = concurrent.futures.Future()
        with self._lock:
            self._results[call["call_uuid"]] = future
        if not isinstance(url, str) or not url.startswith(("ws://", "wss://")):
            future.set_exception(
                SimulatorError(f"agent {agent.get('agent_uuid')} has no ws:// websocket_url")
            )
            return
        worker = threading.Thread(
            target=self._run,
            args=(url, call, future),
            name=f"outbound-call-{call['call_uuid'][:8]}",
            daemon=True,
        )
        worker.start()

    def _run(
        self, url: str, call: dict[str, Any], future: concurrent.futures.Future[CallResult]
    ) -> None:
        to = call.get("to") or []
        try:
            result = run_call(
                url,
                self.script,
                timeout=self.timeout,
                caller=call.get("from"),
                callee=to[0] if to else None,
                headers=self.headers,
                start_fields={
                    "call_id": call["call_uuid"],
                    "agent_session_id": call.get("session_id") or "",
                    "agent_id": call.get("agent_id") or "",
                },
            )
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the call
            log.warning("simulated call %s failed: %s", call["call_uuid"], exc)
            future.set_exception(exc)
            return
        session_id = call.get("session_id")
        if isinstance(session_id, str):
            try:
                self.fake.update_session(
                    session_id,
                    state="completed",
                    duration_seconds=max(1, round(result.duration)),
                    turn_count=sum(
                        1
                        for line in result.transcript
                        if line.who == "user" and not line.text.startswith("[")
                    ),
                )
            except KeyError:
                pass  # the session was deleted meanwhile
        future.set_result(result)

    def _future(self, call_uuid: str) -> concurrent.futures.Future[CallResult]:
        with self._lock:
            future = self._results.get(call_uuid)
        if future is None:
            raise KeyError(f"no call {call_uuid!r} was placed on the fake")
        return future

    async def wait(self, call_uuid: str) -> CallResult:
        """Wait (without blocking the loop) for a placed call to finish; return its result."""
        return await asyncio.wrap_future(self._future(call_uuid))

    def wait_blocking(self, call_uuid: str, timeout: float | None = None) -> CallResult:
        """Blocking :meth:`wait`, for sync scripts."""
        return self._future(call_uuid).result(timeout)
