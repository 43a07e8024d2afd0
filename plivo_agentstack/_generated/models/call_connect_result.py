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

T = TypeVar("T", bound="CallConnectResult")


@_attrs_define(repr=False, slots=False)
class CallConnectResult(WireAccess):
    """Result of connect_call.

    Attributes:
        api_id (str): Identifier of the API request.
        message (str | Unset): Human-readable result message.
        agent_session_id (str | Unset): Agent session created for the call.
        status (str | Unset): Connection status, e.g. connecting.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "message": "message",
        "agent_session_id": "agent_session_id",
        "status": "status",
    }

    api_id: str
    message: str | Unset = UNSET
    agent_session_id: str | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        message = self.message

        agent_session_id = self.agent_session_id

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_id": api_id,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if agent_session_id is not UNSET:
            field_dict["agent_session_id"] = agent_session_id
        if status is not UNSET:
            field_dict["status"] = status

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
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        call_connect_result = new_instance(cls)
        call_connect_result.__dict__ = d
        return call_connect_result

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(CallConnectResult._wire_keys)
set_defaults(
    CallConnectResult,
)
