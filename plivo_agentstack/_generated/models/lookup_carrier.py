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

T = TypeVar("T", bound="LookupCarrier")


@_attrs_define(repr=False, slots=False)
class LookupCarrier(WireAccess):
    """Carrier of a looked-up number.

    Attributes:
        name (str | Unset): Carrier name.
        type_ (str | Unset): Line type, e.g. mobile.
        mobile_country_code (str | Unset): Mobile country code (MCC).
        mobile_network_code (str | Unset): Mobile network code (MNC).
        ported (str | Unset): Whether the number was ported.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "name": "name",
        "type": "type_",
        "mobile_country_code": "mobile_country_code",
        "mobile_network_code": "mobile_network_code",
        "ported": "ported",
    }

    name: str | Unset = UNSET
    type_: str | Unset = UNSET
    mobile_country_code: str | Unset = UNSET
    mobile_network_code: str | Unset = UNSET
    ported: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        name = self.name

        type_ = self.type_

        mobile_country_code = self.mobile_country_code

        mobile_network_code = self.mobile_network_code

        ported = self.ported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if mobile_country_code is not UNSET:
            field_dict["mobile_country_code"] = mobile_country_code
        if mobile_network_code is not UNSET:
            field_dict["mobile_network_code"] = mobile_network_code
        if ported is not UNSET:
            field_dict["ported"] = ported

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
        if "type" in d:
            d["type_"] = d.pop("type")
        lookup_carrier = new_instance(cls)
        lookup_carrier.__dict__ = d
        return lookup_carrier

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(LookupCarrier._wire_keys)
set_defaults(
    LookupCarrier,
)
