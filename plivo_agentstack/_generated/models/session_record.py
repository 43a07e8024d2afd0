# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    WireAccess,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="SessionRecord")


@_attrs_define(repr=False, slots=False)
class SessionRecord(WireAccess):
    """A finished or running agent session.

    Attributes:
        agent_session_uuid (str | Unset): Session identifier (Node SDK key).
        agent_session_id (str | Unset): Session identifier (Python SDK key).
        agent_uuid (str | Unset): Agent identifier.
        agent_name (str | Unset): Agent name.
        plivo_auth_id (str | Unset): Account auth ID.
        primary_call_uuid (str | Unset): Call that started the session.
        agent_mode (str | Unset): Pipeline mode of the agent.
        participant_mode (str | Unset): Participant mode.
        state (str | Unset): Session state, e.g. completed.
        created_at (str | Unset): Start time.
        ended_at (None | str | Unset): End time.
        duration_seconds (int | Unset): Duration in seconds.
        turn_count (int | Unset): Number of conversation turns.
        has_stt (bool | Unset): Whether STT was used.
        has_llm (bool | Unset): Whether an LLM was used.
        has_tts (bool | Unset): Whether TTS was used.
        has_s2s (bool | Unset): Whether speech-to-speech was used.
        total_cost (str | Unset): Total cost as a decimal string.
        from_number (str | Unset): Caller number.
        to_number (str | Unset): Called number.
        call_legs (Any | Unset): Call legs of the session.
        record_url (None | str | Unset): Recording URL.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "agent_session_uuid": "agent_session_uuid",
        "agent_session_id": "agent_session_id",
        "agent_uuid": "agent_uuid",
        "agent_name": "agent_name",
        "plivo_auth_id": "plivo_auth_id",
        "primary_call_uuid": "primary_call_uuid",
        "agent_mode": "agent_mode",
        "participant_mode": "participant_mode",
        "state": "state",
        "created_at": "created_at",
        "ended_at": "ended_at",
        "duration_seconds": "duration_seconds",
        "turn_count": "turn_count",
        "has_stt": "has_stt",
        "has_llm": "has_llm",
        "has_tts": "has_tts",
        "has_s2s": "has_s2s",
        "total_cost": "total_cost",
        "from_number": "from_number",
        "to_number": "to_number",
        "call_legs": "call_legs",
        "record_url": "record_url",
    }

    agent_session_uuid: str | Unset = UNSET
    agent_session_id: str | Unset = UNSET
    agent_uuid: str | Unset = UNSET
    agent_name: str | Unset = UNSET
    plivo_auth_id: str | Unset = UNSET
    primary_call_uuid: str | Unset = UNSET
    agent_mode: str | Unset = UNSET
    participant_mode: str | Unset = UNSET
    state: str | Unset = UNSET
    created_at: str | Unset = UNSET
    ended_at: None | str | Unset = UNSET
    duration_seconds: int | Unset = UNSET
    turn_count: int | Unset = UNSET
    has_stt: bool | Unset = UNSET
    has_llm: bool | Unset = UNSET
    has_tts: bool | Unset = UNSET
    has_s2s: bool | Unset = UNSET
    total_cost: str | Unset = UNSET
    from_number: str | Unset = UNSET
    to_number: str | Unset = UNSET
    call_legs: Any | Unset = UNSET
    record_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        agent_session_uuid = self.agent_session_uuid

        agent_session_id = self.agent_session_id

        agent_uuid = self.agent_uuid

        agent_name = self.agent_name

        plivo_auth_id = self.plivo_auth_id

        primary_call_uuid = self.primary_call_uuid

        agent_mode = self.agent_mode

        participant_mode = self.participant_mode

        state = self.state

        created_at = self.created_at

        ended_at: None | str | Unset
        if isinstance(self.ended_at, Unset):
            ended_at = UNSET
        else:
            ended_at = self.ended_at

        duration_seconds = self.duration_seconds

        turn_count = self.turn_count

        has_stt = self.has_stt

        has_llm = self.has_llm

        has_tts = self.has_tts

        has_s2s = self.has_s2s

        total_cost = self.total_cost

        from_number = self.from_number

        to_number = self.to_number

        call_legs = self.call_legs

        record_url: None | str | Unset
        if isinstance(self.record_url, Unset):
            record_url = UNSET
        else:
            record_url = self.record_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if agent_session_uuid is not UNSET:
            field_dict["agent_session_uuid"] = agent_session_uuid
        if agent_session_id is not UNSET:
            field_dict["agent_session_id"] = agent_session_id
        if agent_uuid is not UNSET:
            field_dict["agent_uuid"] = agent_uuid
        if agent_name is not UNSET:
            field_dict["agent_name"] = agent_name
        if plivo_auth_id is not UNSET:
            field_dict["plivo_auth_id"] = plivo_auth_id
        if primary_call_uuid is not UNSET:
            field_dict["primary_call_uuid"] = primary_call_uuid
        if agent_mode is not UNSET:
            field_dict["agent_mode"] = agent_mode
        if participant_mode is not UNSET:
            field_dict["participant_mode"] = participant_mode
        if state is not UNSET:
            field_dict["state"] = state
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at
        if duration_seconds is not UNSET:
            field_dict["duration_seconds"] = duration_seconds
        if turn_count is not UNSET:
            field_dict["turn_count"] = turn_count
        if has_stt is not UNSET:
            field_dict["has_stt"] = has_stt
        if has_llm is not UNSET:
            field_dict["has_llm"] = has_llm
        if has_tts is not UNSET:
            field_dict["has_tts"] = has_tts
        if has_s2s is not UNSET:
            field_dict["has_s2s"] = has_s2s
        if total_cost is not UNSET:
            field_dict["total_cost"] = total_cost
        if from_number is not UNSET:
            field_dict["from_number"] = from_number
        if to_number is not UNSET:
            field_dict["to_number"] = to_number
        if call_legs is not UNSET:
            field_dict["call_legs"] = call_legs
        if record_url is not UNSET:
            field_dict["record_url"] = record_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        return cls._from_json({**src_dict})

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        session_record = new_instance(cls)
        session_record.__dict__ = d
        return session_record

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(SessionRecord._wire_keys)
set_defaults(
    SessionRecord,
)
