"""The fake REST API's agents and the numbers assigned to them (``_op_*`` handlers)."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Mapping
from typing import Any, Final

from ._fake_data import _agent_mode, _byok, _digits, _has, _is_phone
from ._fake_http import _ApiError, _Request
from ._fake_paging import _page, _sorted
from ._fake_state import _FakeState
from ._schema import SchemaError

_AGENT_READ_ONLY: Final = frozenset(
    {"agent_uuid", "created_at", "updated_at", "byok", "api_id", "message"}
)


class _AgentsMixin(_FakeState):
    """Create, read, update and delete agents; assign, list and unassign their numbers."""

    @staticmethod
    def _check_agent(agent: Mapping[str, Any]) -> None:
        problems = []
        name = agent.get("agent_name")
        if isinstance(name, str) and not name.strip():
            problems.append(("agent_name", "must not be empty"))
        url = agent.get("websocket_url")
        if isinstance(url, str) and not url.startswith(("ws://", "wss://")):
            problems.append(("websocket_url", f"must be a ws:// or wss:// URL, got {url!r}"))
        if _has(agent, "s2s") and any(_has(agent, key) for key in ("stt", "llm", "tts")):
            problems.append(("s2s", "cannot be combined with stt, llm or tts"))
        if _has(agent, "llm") and not (_has(agent, "stt") and _has(agent, "tts")):
            problems.append(("llm", "requires stt and tts"))
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))

    def _op_create_agent(self, request: _Request) -> Any:
        fields = {key: value for key, value in request.body.items() if key not in _AGENT_READ_ONLY}
        self._check_agent(fields)
        now = self._timestamp()
        agent_uuid = str(uuid.uuid4())
        agent = {
            "agent_uuid": agent_uuid,
            **copy.deepcopy(fields),
            "byok": _byok(fields),
            "created_at": now,
            "updated_at": now,
        }
        self._agents[agent_uuid] = agent
        self._agent_numbers[agent_uuid] = []
        return {"api_id": request.api_id, "message": "agent created", **copy.deepcopy(agent)}

    def _op_get_agent(self, request: _Request) -> Any:
        agent = self._agent(request.params["agent_uuid"])
        return {"api_id": request.api_id, **copy.deepcopy(agent)}

    def _op_list_agents(self, request: _Request) -> Any:
        query = request.query
        items = [
            agent
            for agent in self._agents.values()
            if ("agent_mode" not in query or _agent_mode(agent) == query["agent_mode"])
            and (
                "participant_mode" not in query
                or agent.get("participant_mode", "two-party") == query["participant_mode"]
            )
        ]
        return _page(request, _sorted(request, items, "created_at"))

    def _op_update_agent(self, request: _Request) -> Any:
        agent = self._agent(request.params["agent_uuid"])
        changes = {key: value for key, value in request.body.items() if key not in _AGENT_READ_ONLY}
        merged = {**agent, **copy.deepcopy(changes)}
        self._check_agent(merged)
        merged["byok"] = _byok(merged)
        merged["updated_at"] = self._timestamp()
        self._agents[agent["agent_uuid"]] = merged
        return {"api_id": request.api_id, "message": "agent updated", **copy.deepcopy(merged)}

    def _op_delete_agent(self, request: _Request) -> Any:
        agent = self._agent(request.params["agent_uuid"])
        del self._agents[agent["agent_uuid"]]
        self._agent_numbers.pop(agent["agent_uuid"], None)
        return None

    # -- agent numbers -----------------------------------------------------------------------

    def _op_assign_agent_number(self, request: _Request) -> Any:
        agent_uuid = self._agent(request.params["agent_uuid"])["agent_uuid"]
        number = request.body["number"]
        if not _is_phone(number):
            raise _ApiError(400, f"number: {number!r} is not an E.164 phone number")
        digits = _digits(number)
        for other, numbers in self._agent_numbers.items():
            if other != agent_uuid and any(_digits(n) == digits for n in numbers):
                raise _ApiError(400, f"number: {number} is already assigned to agent {other}")
        numbers = self._agent_numbers.setdefault(agent_uuid, [])
        if not any(_digits(n) == digits for n in numbers):
            numbers.append(number)
        return {
            "api_id": request.api_id,
            "message": "number assigned",
            "agent_uuid": agent_uuid,
            "number": number,
        }

    def _op_list_agent_numbers(self, request: _Request) -> Any:
        agent_uuid = self._agent(request.params["agent_uuid"])["agent_uuid"]
        return {
            "api_id": request.api_id,
            "agent_uuid": agent_uuid,
            "numbers": list(self._agent_numbers.get(agent_uuid, [])),
        }

    def _op_unassign_agent_number(self, request: _Request) -> Any:
        agent_uuid = self._agent(request.params["agent_uuid"])["agent_uuid"]
        number = request.params["number"]
        numbers = self._agent_numbers.get(agent_uuid, [])
        kept = [n for n in numbers if _digits(n) != _digits(number)]
        if len(kept) == len(numbers):
            raise _ApiError(404, f"number {number} is not assigned to agent {agent_uuid}")
        self._agent_numbers[agent_uuid] = kept
        return None
