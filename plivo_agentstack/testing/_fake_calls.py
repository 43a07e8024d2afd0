"""The fake REST API's agent calls and agent sessions (``_op_*`` handlers)."""

from __future__ import annotations

import copy
import logging
import operator
import uuid
from collections.abc import Mapping
from typing import Any

from ._fake_data import _agent_mode, _digits, _has, _is_phone, _parse_time
from ._fake_http import _ApiError, _Request
from ._fake_paging import _page, _sorted
from ._fake_state import _FakeState
from ._schema import SchemaError

log: logging.Logger = logging.getLogger("plivo_agentstack.testing")


class _CallsMixin(_FakeState):
    """Initiate, connect and dial agent calls (running ``on_call_initiated``); read sessions."""

    def _new_session(
        self,
        agent: Mapping[str, Any],
        call_uuid: str,
        *,
        state: str,
        from_number: str | None,
        to_number: str | None,
        legs: list[dict[str, Any]],
    ) -> dict[str, Any]:
        session_id = str(uuid.uuid4())
        session: dict[str, Any] = {
            "agent_session_uuid": session_id,
            "agent_session_id": session_id,
            "agent_uuid": agent["agent_uuid"],
            "agent_name": agent.get("agent_name", ""),
            "plivo_auth_id": self.auth_id,
            "primary_call_uuid": call_uuid,
            "agent_mode": _agent_mode(agent),
            "participant_mode": agent.get("participant_mode", "two-party"),
            "state": state,
            "created_at": self._timestamp(),
            "ended_at": None,
            "duration_seconds": 0,
            "turn_count": 0,
            "has_stt": _has(agent, "stt"),
            "has_llm": _has(agent, "llm"),
            "has_tts": _has(agent, "tts"),
            "has_s2s": _has(agent, "s2s"),
            "total_cost": "0.00000",
            "call_legs": legs,
            "record_url": None,
        }
        if from_number is not None:
            session["from_number"] = from_number
        if to_number is not None:
            session["to_number"] = to_number
        self._sessions[session_id] = session
        return session

    def _op_initiate_call(self, request: _Request) -> Any:
        body = request.body
        agent = self._agent(body["agent_id"])
        from_, to = body["from"], body["to"]
        problems = []
        if not _is_phone(from_):
            problems.append(("from", f"{from_!r} is not an E.164 phone number"))
        if not to:
            problems.append(("to", "at least one destination is required"))
        problems.extend(
            (f"to[{index}]", f"{number!r} is not an E.164 phone number")
            for index, number in enumerate(to)
            if not _is_phone(number)
        )
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))
        call_uuid = str(uuid.uuid4())
        options = {
            key: value for key, value in body.items() if key not in ("agent_id", "from", "to")
        }
        legs = [
            {"call_uuid": call_uuid, "direction": "outbound", "from": from_, "to": number}
            for number in to
        ]
        session = self._new_session(
            agent, call_uuid, state="initiated", from_number=from_, to_number=to[0], legs=legs
        )
        call: dict[str, Any] = {
            "call_uuid": call_uuid,
            "direction": "outbound",
            "status": "initiated",
            "agent_id": agent["agent_uuid"],
            "from": from_,
            "to": list(to),
            "created_at": session["created_at"],
            "session_id": session["agent_session_id"],
            "options": copy.deepcopy(options),
            "dials": [],
        }
        self._calls[call_uuid] = call
        agent_copy, call_copy = copy.deepcopy(agent), copy.deepcopy(call)
        request.after.append(lambda: self._run_call_callbacks(agent_copy, call_copy))
        result: dict[str, Any] = {
            "api_id": request.api_id,
            "message": "call initiated",
            "call_uuid": call_uuid,
            "status": "initiated",
            "agent_id": agent["agent_uuid"],
            "from": from_,
            "to": list(to),
        }
        if isinstance(agent.get("participant_mode"), str):
            result["participant_mode"] = agent["participant_mode"]
        return result

    def _run_call_callbacks(self, agent: dict[str, Any], call: dict[str, Any]) -> None:
        with self._lock:
            callbacks = list(self._call_callbacks)
        for callback in callbacks:
            try:
                callback(copy.deepcopy(agent), copy.deepcopy(call))
            except Exception as exc:
                log.exception("on_call_initiated callback %r failed", callback)
                with self._lock:
                    self._callback_errors.append(exc)

    def _op_connect_call(self, request: _Request) -> Any:
        agent = self._agent(request.body["agent_id"])
        call_uuid = request.params["call_uuid"]
        call = self._calls.get(call_uuid)
        if call is None:  # a call the fake did not place (e.g. inbound): start tracking it
            call = {
                "call_uuid": call_uuid,
                "direction": "inbound",
                "status": "connecting",
                "agent_id": agent["agent_uuid"],
                "created_at": self._timestamp(),
                "options": {},
                "dials": [],
            }
            self._calls[call_uuid] = call
        else:
            call["agent_id"] = agent["agent_uuid"]
            call["status"] = "connecting"
        destinations = call.get("to") or [None]
        leg = {"call_uuid": call_uuid, "direction": call["direction"]}
        session = self._new_session(
            agent,
            call_uuid,
            state="connecting",
            from_number=call.get("from"),
            to_number=destinations[0],
            legs=[leg],
        )
        call["session_id"] = session["agent_session_id"]
        return {
            "api_id": request.api_id,
            "message": "call connected",
            "agent_session_id": session["agent_session_id"],
            "status": "connecting",
        }

    def _op_dial_call(self, request: _Request) -> Any:
        call_uuid = request.params["call_uuid"]
        call = self._calls.get(call_uuid)
        if call is None:
            raise _ApiError(404, f"call {call_uuid!r} not found")
        body = request.body
        if body.get("agent_id") is not None:
            self._agent(body["agent_id"])
        targets = body["targets"]
        problems = []
        if not targets:
            problems.append(("targets", "at least one target is required"))
        for index, target in enumerate(targets):
            number = target.get("number")
            if number is None:
                problems.append((f"targets[{index}].number", "required property missing"))
            elif not (_is_phone(number) or number.startswith("sip:")):
                problems.append(
                    (f"targets[{index}].number", f"{number!r} is not E.164 or a sip: URI")
                )
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))
        dial = {**copy.deepcopy(body), "dialed_at": self._timestamp()}
        call.setdefault("dials", []).append(dial)
        session = self._sessions.get(call.get("session_id", ""))
        if session is not None:
            caller = body.get("caller_id") or call.get("from")
            for target in targets:
                leg = {
                    "call_uuid": str(uuid.uuid4()),
                    "direction": "outbound",
                    "to": target["number"],
                }
                if caller:
                    leg["from"] = caller
                session["call_legs"].append(leg)
        return {
            "api_id": request.api_id,
            "message": "dialing",
            "status": "dialing",
            "call_uuid": call_uuid,
        }

    def _op_list_agent_sessions(self, request: _Request) -> Any:
        query = request.query
        for name in ("created_at__gte", "created_at__lte", "ended_at__gte", "ended_at__lte"):
            if name in query:
                _parse_time(name, query[name])  # a bad bound is a 400 even with no sessions
        items = [s for s in self._sessions.values() if self._session_matches(s, query)]
        return _page(request, _sorted(request, items, "created_at"))

    @staticmethod
    def _session_matches(session: Mapping[str, Any], query: Mapping[str, Any]) -> bool:
        legs = session.get("call_legs") or []
        if "agent_id" in query and session["agent_uuid"] != query["agent_id"]:
            return False
        if "agent_mode" in query and session.get("agent_mode") != query["agent_mode"]:
            return False
        if "call_uuid" in query:
            calls = {session.get("primary_call_uuid")} | {leg.get("call_uuid") for leg in legs}
            if query["call_uuid"] not in calls:
                return False
        if "phone_number" in query:
            numbers = {session.get("from_number"), session.get("to_number")}
            numbers |= {leg.get(key) for leg in legs for key in ("from", "to")}
            wanted = _digits(query["phone_number"])
            if wanted not in {_digits(n) for n in numbers if isinstance(n, str)}:
                return False
        for field in ("created_at", "ended_at"):
            for suffix, keep in (("gte", operator.ge), ("lte", operator.le)):
                name = f"{field}__{suffix}"
                if name in query:
                    bound = _parse_time(name, query[name])
                    value = session.get(field)
                    if not isinstance(value, str) or not keep(_parse_time(field, value), bound):
                        return False
        duration = session.get("duration_seconds") or 0
        if "duration__gte" in query and duration < query["duration__gte"]:
            return False
        return not ("duration__lte" in query and duration > query["duration__lte"])

    def _op_get_agent_session(self, request: _Request) -> Any:
        session_id = request.params["session_id"]
        session = self._sessions.get(session_id)
        if session is None:
            raise _ApiError(404, f"agent session {session_id!r} not found")
        return {"api_id": request.api_id, **copy.deepcopy(session)}
