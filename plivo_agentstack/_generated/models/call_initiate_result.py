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
    missing,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="CallInitiateResult")


@_attrs_define(repr=False, slots=False)
class CallInitiateResult(WireAccess):
    """Result of initiate_call.

    Attributes:
        api_id (str): Identifier of the API request.
        call_uuid (str): Call identifier.
        message (str | Unset): Human-readable result message.
        status (str | Unset): Call status, e.g. initiated.
        agent_id (str | Unset): Agent handling the call.
        from_ (str | Unset): Caller ID.
        to (list[str] | Unset): Destination numbers.
        participant_mode (str | Unset): Participant mode of the call.
        mpc_name (str | Unset): Name of the multi-party conference, if any.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "call_uuid": "call_uuid",
        "message": "message",
        "status": "status",
        "agent_id": "agent_id",
        "from": "from_",
        "to": "to",
        "participant_mode": "participant_mode",
        "mpc_name": "mpc_name",
    }

    api_id: str
    call_uuid: str
    message: str | Unset = UNSET
    status: str | Unset = UNSET
    agent_id: str | Unset = UNSET
    from_: str | Unset = UNSET
    to: list[str] | Unset = UNSET
    participant_mode: str | Unset = UNSET
    mpc_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        call_uuid = self.call_uuid

        message = self.message

        status = self.status

        agent_id = self.agent_id

        from_ = self.from_

        to: list[str] | Unset = UNSET
        if not isinstance(self.to, Unset):
            to = self.to

        participant_mode = self.participant_mode

        mpc_name = self.mpc_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_id": api_id,
                "call_uuid": call_uuid,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if status is not UNSET:
            field_dict["status"] = status
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if participant_mode is not UNSET:
            field_dict["participant_mode"] = participant_mode
        if mpc_name is not UNSET:
            field_dict["mpc_name"] = mpc_name

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
        if d.get("api_id") is None:
            raise missing(cls, "api_id")
        if d.get("call_uuid") is None:
            raise missing(cls, "call_uuid")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "from" in d:
            d["from_"] = d.pop("from")
        call_initiate_result = new_instance(cls)
        call_initiate_result.__dict__ = d
        return call_initiate_result

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(CallInitiateResult._wire_keys)
set_defaults(
    CallInitiateResult,
)
