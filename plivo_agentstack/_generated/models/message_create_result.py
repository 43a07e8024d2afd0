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

T = TypeVar("T", bound="MessageCreateResult")


@_attrs_define(repr=False, slots=False)
class MessageCreateResult(WireAccess):
    """Result of create_message.

    Attributes:
        api_id (str): Identifier of the API request.
        message_uuid (list[str]): Identifiers of the queued messages, one per recipient, in the order of dst.
        message (str | Unset): Human-readable result message.
        invalid_number (list[str] | Unset): Destination numbers that were invalid and got no message.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "message_uuid": "message_uuid",
        "message": "message",
        "invalid_number": "invalid_number",
    }

    api_id: str
    message_uuid: list[str]
    message: str | Unset = UNSET
    invalid_number: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        message_uuid = self.message_uuid

        message = self.message

        invalid_number: list[str] | Unset = UNSET
        if not isinstance(self.invalid_number, Unset):
            invalid_number = self.invalid_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_id": api_id,
                "message_uuid": message_uuid,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if invalid_number is not UNSET:
            field_dict["invalid_number"] = invalid_number

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
        if d.get("message_uuid") is None:
            raise missing(cls, "message_uuid")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        message_create_result = new_instance(cls)
        message_create_result.__dict__ = d
        return message_create_result

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(MessageCreateResult._wire_keys)
set_defaults(
    MessageCreateResult,
)
