# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="PurchasedNumber")


@_attrs_define(repr=False)
class PurchasedNumber(WireAccess):
    """A number in a buy result.

    Attributes:
        number (str | Unset): Phone number.
        status (str | Unset): Purchase status.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "number": "number",
        "status": "status",
    }

    number: str | Unset = UNSET
    status: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        number = self.number

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if number is not UNSET:
            field_dict["number"] = number
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        number = d.pop("number", UNSET)

        status = d.pop("status", UNSET)

        purchased_number = cls(
            number=number,
            status=status,
        )

        purchased_number.additional_properties = d
        return purchased_number

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
