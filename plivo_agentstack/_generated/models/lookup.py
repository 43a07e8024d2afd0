# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.lookup_carrier import LookupCarrier
from ..models.lookup_country import LookupCountry
from ..models.lookup_format import LookupFormat
from ..types import (
    UNSET,
    LazyModel,
    Unset,
    WireAccess,
    build_lazy,
    missing,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="Lookup")


@_attrs_define(repr=False, slots=False)
class Lookup(WireAccess):
    """Number lookup result.

    Attributes:
        api_id (str): Identifier of the API request.
        phone_number (str): Number looked up (E.164).
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

    api_id: str
    phone_number: str
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
        field_dict.update(
            {
                "api_id": api_id,
                "phone_number": phone_number,
            }
        )
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
        return build_lazy(cls._from_json({**src_dict}))

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        if d.get("api_id") is None:
            raise missing(cls, "api_id")
        if d.get("phone_number") is None:
            raise missing(cls, "phone_number")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "country" in d:
            v = d.pop("country")
            if type(v) is dict:
                d["\x00country"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["country"] = LookupCountry.from_dict(v)
        if "carrier" in d:
            v = d.pop("carrier")
            if type(v) is dict:
                d["\x00carrier"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["carrier"] = LookupCarrier.from_dict(v)
        if "format" in d:
            d["format_"] = d.pop("format")
        if "format_" in d:
            v = d.pop("format_")
            if type(v) is dict:
                d["\x00format_"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["format_"] = LookupFormat.from_dict(v)
        lookup = new_instance(cls)
        lookup.__dict__ = d
        return lookup

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(Lookup._wire_keys)
set_defaults(
    Lookup,
    lazy=(
        LazyModel("country", LookupCountry._from_json),
        LazyModel("carrier", LookupCarrier._from_json),
        LazyModel("format_", LookupFormat._from_json),
    ),
)
