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

T = TypeVar("T", bound="PurchasedNumber")


@_attrs_define(repr=False, slots=False)
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
        return cls._from_json({**src_dict})

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        purchased_number = new_instance(cls)
        purchased_number.__dict__ = d
        return purchased_number

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(PurchasedNumber._wire_keys)
set_defaults(
    PurchasedNumber,
)
