# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lookup_carrier import LookupCarrier
from ..models.lookup_country import LookupCountry
from ..models.lookup_format import LookupFormat
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="Lookup")


@_attrs_define(repr=False)
class Lookup(WireAccess):
    """Number lookup result.

    Attributes:
        api_id (str | Unset): Identifier of the API request.
        phone_number (str | Unset): Number looked up (E.164).
        country (LookupCountry | Unset): Country of a looked-up number.
        carrier (LookupCarrier | Unset): Carrier of a looked-up number.
        format_ (LookupFormat | Unset): Formatted representations of a looked-up number.
        resource_uri (str | Unset): Resource path.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "phone_number": "phone_number",
        "country": "country",
        "carrier": "carrier",
        "format": "format_",
        "resource_uri": "resource_uri",
    }

    api_id: str | Unset = UNSET
    phone_number: str | Unset = UNSET
    country: LookupCountry | Unset = UNSET
    carrier: LookupCarrier | Unset = UNSET
    format_: LookupFormat | Unset = UNSET
    resource_uri: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        phone_number = self.phone_number

        country: dict[str, Any] | Unset = UNSET
        if not isinstance(self.country, Unset):
            country = self.country.to_dict()

        carrier: dict[str, Any] | Unset = UNSET
        if not isinstance(self.carrier, Unset):
            carrier = self.carrier.to_dict()

        format_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.to_dict()

        resource_uri = self.resource_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if country is not UNSET:
            field_dict["country"] = country
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if format_ is not UNSET:
            field_dict["format"] = format_
        if resource_uri is not UNSET:
            field_dict["resource_uri"] = resource_uri

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        api_id = d.pop("api_id", UNSET)

        phone_number = d.pop("phone_number", UNSET)

        _country = d.pop("country", UNSET)
        country: LookupCountry | Unset
        if _country is None or isinstance(_country, Unset):
            country = UNSET
        else:
            country = LookupCountry.from_dict(_country)

        _carrier = d.pop("carrier", UNSET)
        carrier: LookupCarrier | Unset
        if _carrier is None or isinstance(_carrier, Unset):
            carrier = UNSET
        else:
            carrier = LookupCarrier.from_dict(_carrier)

        _format_ = d.pop("format", UNSET)
        format_: LookupFormat | Unset
        if _format_ is None or isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = LookupFormat.from_dict(_format_)

        resource_uri = d.pop("resource_uri", UNSET)

        lookup = cls(
            api_id=api_id,
            phone_number=phone_number,
            country=country,
            carrier=carrier,
            format_=format_,
            resource_uri=resource_uri,
        )

        lookup.additional_properties = d
        return lookup

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
