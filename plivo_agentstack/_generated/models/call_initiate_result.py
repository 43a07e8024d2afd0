# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="CallInitiateResult")


@_attrs_define(repr=False)
class CallInitiateResult(WireAccess):
    """Result of initiate_call.

    Attributes:
        api_id (str | Unset): Identifier of the API request.
        message (str | Unset): Human-readable result message.
        call_uuid (str | Unset): Call identifier.
        status (str | Unset): Call status, e.g. initiated.
        agent_id (str | Unset): Agent handling the call.
        from_ (str | Unset): Caller ID.
        to (list[str] | Unset): Destination numbers.
        participant_mode (str | Unset): Participant mode of the call.
        mpc_name (str | Unset): Name of the multi-party conference, if any.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "message": "message",
        "call_uuid": "call_uuid",
        "status": "status",
        "agent_id": "agent_id",
        "from": "from_",
        "to": "to",
        "participant_mode": "participant_mode",
        "mpc_name": "mpc_name",
    }

    api_id: str | Unset = UNSET
    message: str | Unset = UNSET
    call_uuid: str | Unset = UNSET
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

        message = self.message

        call_uuid = self.call_uuid

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
        field_dict.update({})
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if message is not UNSET:
            field_dict["message"] = message
        if call_uuid is not UNSET:
            field_dict["call_uuid"] = call_uuid
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
        d = dict(src_dict)
        api_id = d.pop("api_id", UNSET)

        message = d.pop("message", UNSET)

        call_uuid = d.pop("call_uuid", UNSET)

        status = d.pop("status", UNSET)

        agent_id = d.pop("agent_id", UNSET)

        from_ = d.pop("from", UNSET)

        to = cast(list[str], d.pop("to", UNSET))

        participant_mode = d.pop("participant_mode", UNSET)

        mpc_name = d.pop("mpc_name", UNSET)

        call_initiate_result = cls(
            api_id=api_id,
            message=message,
            call_uuid=call_uuid,
            status=status,
            agent_id=agent_id,
            from_=from_,
            to=to,
            participant_mode=participant_mode,
            mpc_name=mpc_name,
        )

        call_initiate_result.additional_properties = d
        return call_initiate_result

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
