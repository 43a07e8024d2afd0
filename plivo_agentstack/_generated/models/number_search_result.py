# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="NumberSearchResult")


@_attrs_define(repr=False)
class NumberSearchResult(WireAccess):
    """A phone number available to buy.

    Attributes:
        number (str | Unset): Phone number.
        prefix (str | Unset): Number prefix.
        city (str | Unset): City.
        country (str | Unset): Country.
        lata (int | Unset): LATA (US).
        monthly_rental_rate (str | Unset): Monthly rental rate.
        rate_center (str | Unset): Rate center (US).
        region (str | Unset): Region.
        resource_uri (str | Unset): Resource path.
        restriction (None | str | Unset): Purchase restriction, if any.
        restriction_text (None | str | Unset): Description of the restriction.
        setup_rate (str | Unset): One-time setup rate.
        sms_enabled (bool | Unset): Whether SMS is supported.
        sms_rate (str | Unset): SMS rate.
        type_ (str | Unset): Number type, e.g. local.
        voice_enabled (bool | Unset): Whether voice is supported.
        voice_rate (str | Unset): Voice rate.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "number": "number",
        "prefix": "prefix",
        "city": "city",
        "country": "country",
        "lata": "lata",
        "monthly_rental_rate": "monthly_rental_rate",
        "rate_center": "rate_center",
        "region": "region",
        "resource_uri": "resource_uri",
        "restriction": "restriction",
        "restriction_text": "restriction_text",
        "setup_rate": "setup_rate",
        "sms_enabled": "sms_enabled",
        "sms_rate": "sms_rate",
        "type": "type_",
        "voice_enabled": "voice_enabled",
        "voice_rate": "voice_rate",
    }

    number: str | Unset = UNSET
    prefix: str | Unset = UNSET
    city: str | Unset = UNSET
    country: str | Unset = UNSET
    lata: int | Unset = UNSET
    monthly_rental_rate: str | Unset = UNSET
    rate_center: str | Unset = UNSET
    region: str | Unset = UNSET
    resource_uri: str | Unset = UNSET
    restriction: None | str | Unset = UNSET
    restriction_text: None | str | Unset = UNSET
    setup_rate: str | Unset = UNSET
    sms_enabled: bool | Unset = UNSET
    sms_rate: str | Unset = UNSET
    type_: str | Unset = UNSET
    voice_enabled: bool | Unset = UNSET
    voice_rate: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        number = self.number

        prefix = self.prefix

        city = self.city

        country = self.country

        lata = self.lata

        monthly_rental_rate = self.monthly_rental_rate

        rate_center = self.rate_center

        region = self.region

        resource_uri = self.resource_uri

        restriction: None | str | Unset
        if isinstance(self.restriction, Unset):
            restriction = UNSET
        else:
            restriction = self.restriction

        restriction_text: None | str | Unset
        if isinstance(self.restriction_text, Unset):
            restriction_text = UNSET
        else:
            restriction_text = self.restriction_text

        setup_rate = self.setup_rate

        sms_enabled = self.sms_enabled

        sms_rate = self.sms_rate

        type_ = self.type_

        voice_enabled = self.voice_enabled

        voice_rate = self.voice_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if number is not UNSET:
            field_dict["number"] = number
        if prefix is not UNSET:
            field_dict["prefix"] = prefix
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if lata is not UNSET:
            field_dict["lata"] = lata
        if monthly_rental_rate is not UNSET:
            field_dict["monthly_rental_rate"] = monthly_rental_rate
        if rate_center is not UNSET:
            field_dict["rate_center"] = rate_center
        if region is not UNSET:
            field_dict["region"] = region
        if resource_uri is not UNSET:
            field_dict["resource_uri"] = resource_uri
        if restriction is not UNSET:
            field_dict["restriction"] = restriction
        if restriction_text is not UNSET:
            field_dict["restriction_text"] = restriction_text
        if setup_rate is not UNSET:
            field_dict["setup_rate"] = setup_rate
        if sms_enabled is not UNSET:
            field_dict["sms_enabled"] = sms_enabled
        if sms_rate is not UNSET:
            field_dict["sms_rate"] = sms_rate
        if type_ is not UNSET:
            field_dict["type"] = type_
        if voice_enabled is not UNSET:
            field_dict["voice_enabled"] = voice_enabled
        if voice_rate is not UNSET:
            field_dict["voice_rate"] = voice_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        number = d.pop("number", UNSET)

        prefix = d.pop("prefix", UNSET)

        city = d.pop("city", UNSET)

        country = d.pop("country", UNSET)

        lata = d.pop("lata", UNSET)

        monthly_rental_rate = d.pop("monthly_rental_rate", UNSET)

        rate_center = d.pop("rate_center", UNSET)

        region = d.pop("region", UNSET)

        resource_uri = d.pop("resource_uri", UNSET)

        def _parse_restriction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        restriction = _parse_restriction(d.pop("restriction", UNSET))

        def _parse_restriction_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        restriction_text = _parse_restriction_text(d.pop("restriction_text", UNSET))

        setup_rate = d.pop("setup_rate", UNSET)

        sms_enabled = d.pop("sms_enabled", UNSET)

        sms_rate = d.pop("sms_rate", UNSET)

        type_ = d.pop("type", UNSET)

        voice_enabled = d.pop("voice_enabled", UNSET)

        voice_rate = d.pop("voice_rate", UNSET)

        number_search_result = cls(
            number=number,
            prefix=prefix,
            city=city,
            country=country,
            lata=lata,
            monthly_rental_rate=monthly_rental_rate,
            rate_center=rate_center,
            region=region,
            resource_uri=resource_uri,
            restriction=restriction,
            restriction_text=restriction_text,
            setup_rate=setup_rate,
            sms_enabled=sms_enabled,
            sms_rate=sms_rate,
            type_=type_,
            voice_enabled=voice_enabled,
            voice_rate=voice_rate,
        )

        number_search_result.additional_properties = d
        return number_search_result

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
