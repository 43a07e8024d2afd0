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

T = TypeVar("T", bound="Error")


@_attrs_define(repr=False, slots=False)
class Error(WireAccess):
    """Error body.

    Attributes:
        api_id (str | Unset): Identifier of the API request.
        error (str | Unset): Error description.
        message (str | Unset): Error message.
        error_code (int | Unset): Numeric Plivo error code, where the API sends one.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "error": "error",
        "message": "message",
        "error_code": "error_code",
    }

    api_id: str | Unset = UNSET
    error: str | Unset = UNSET
    message: str | Unset = UNSET
    error_code: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        error = self.error

        message = self.message

        error_code = self.error_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if error is not UNSET:
            field_dict["error"] = error
        if message is not UNSET:
            field_dict["message"] = message
        if error_code is not UNSET:
            field_dict["error_code"] = error_code

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
        error = new_instance(cls)
        error.__dict__ = d
        return error

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(Error._wire_keys)
set_defaults(
    Error,
)
