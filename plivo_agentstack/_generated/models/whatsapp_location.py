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

T = TypeVar("T", bound="WhatsappLocation")


@_attrs_define(repr=False, slots=False)
class WhatsappLocation(WireAccess):
    """A WhatsApp location message.

    Attributes:
        latitude (str | Unset): Latitude in decimal degrees, as a string ("37.7749").
        longitude (str | Unset): Longitude in decimal degrees, as a string ("-122.4194").
        name (str | Unset): Place name.
        address (str | Unset): Address.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "latitude": "latitude",
        "longitude": "longitude",
        "name": "name",
        "address": "address",
    }

    latitude: str | Unset = UNSET
    longitude: str | Unset = UNSET
    name: str | Unset = UNSET
    address: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        latitude = self.latitude

        longitude = self.longitude

        name = self.name

        address = self.address

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if name is not UNSET:
            field_dict["name"] = name
        if address is not UNSET:
            field_dict["address"] = address

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
        whatsapp_location = new_instance(cls)
        whatsapp_location.__dict__ = d
        return whatsapp_location

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(WhatsappLocation._wire_keys)
set_defaults(
    WhatsappLocation,
)
