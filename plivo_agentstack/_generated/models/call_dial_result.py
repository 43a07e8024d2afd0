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

T = TypeVar("T", bound="CallDialResult")


@_attrs_define(repr=False, slots=False)
class CallDialResult(WireAccess):
    """Result of dial_call.

    Attributes:
        call_uuid (str): Call the targets are dialed into.
        api_id (str | Unset): Identifier of the API request.
        message (str | Unset): Human-readable result message.
        status (str | Unset): Dial status, e.g. dialing.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "call_uuid": "call_uuid",
        "api_id": "api_id",
        "message": "message",
        "status": "status",
    }

    call_uuid: str
    api_id: str | Unset = UNSET
    message: str | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        call_uuid = self.call_uuid

        api_id = self.api_id

        message = self.message

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "call_uuid": call_uuid,
            }
        )
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if message is not UNSET:
            field_dict["message"] = message
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
        if d.get("call_uuid") is None:
            raise missing(cls, "call_uuid")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        call_dial_result = new_instance(cls)
        call_dial_result.__dict__ = d
        return call_dial_result

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(CallDialResult._wire_keys)
set_defaults(
    CallDialResult,
)
