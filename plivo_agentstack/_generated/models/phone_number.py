# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="PhoneNumber")


@_attrs_define(repr=False)
class PhoneNumber(WireAccess):
    """A phone number on the account.

    Attributes:
        api_id (str | Unset): Identifier of the API request.
        number (str | Unset): Phone number.
        alias (None | str | Unset): Alias.
        application (None | str | Unset): Application the number is linked to.
        carrier (str | Unset): Carrier.
        city (str | Unset): City.
        country (str | Unset): Country.
        number_type (str | Unset): Number type, e.g. local.
        monthly_rental_rate (str | Unset): Monthly rental rate.
        region (str | Unset): Region.
        resource_uri (str | Unset): Resource path.
        sms_enabled (bool | Unset): Whether SMS is supported.
        sms_rate (str | Unset): SMS rate.
        sub_account (None | str | Unset): Subaccount the number belongs to.
        voice_enabled (bool | Unset): Whether voice is supported.
        voice_rate (str | Unset): Voice rate.
        added_on (str | Unset): Date the number was added.
        renewal_date (str | Unset): Next renewal date.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "number": "number",
        "alias": "alias",
        "application": "application",
        "carrier": "carrier",
        "city": "city",
        "country": "country",
        "number_type": "number_type",
        "monthly_rental_rate": "monthly_rental_rate",
        "region": "region",
        "resource_uri": "resource_uri",
        "sms_enabled": "sms_enabled",
        "sms_rate": "sms_rate",
        "sub_account": "sub_account",
        "voice_enabled": "voice_enabled",
        "voice_rate": "voice_rate",
        "added_on": "added_on",
        "renewal_date": "renewal_date",
    }

    api_id: str | Unset = UNSET
    number: str | Unset = UNSET
    alias: None | str | Unset = UNSET
    application: None | str | Unset = UNSET
    carrier: str | Unset = UNSET
    city: str | Unset = UNSET
    country: str | Unset = UNSET
    number_type: str | Unset = UNSET
    monthly_rental_rate: str | Unset = UNSET
    region: str | Unset = UNSET
    resource_uri: str | Unset = UNSET
    sms_enabled: bool | Unset = UNSET
    sms_rate: str | Unset = UNSET
    sub_account: None | str | Unset = UNSET
    voice_enabled: bool | Unset = UNSET
    voice_rate: str | Unset = UNSET
    added_on: str | Unset = UNSET
    renewal_date: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        number = self.number

        alias: None | str | Unset
        if isinstance(self.alias, Unset):
            alias = UNSET
        else:
            alias = self.alias

        application: None | str | Unset
        if isinstance(self.application, Unset):
            application = UNSET
        else:
            application = self.application

        carrier = self.carrier

        city = self.city

        country = self.country

        number_type = self.number_type

        monthly_rental_rate = self.monthly_rental_rate

        region = self.region

        resource_uri = self.resource_uri

        sms_enabled = self.sms_enabled

        sms_rate = self.sms_rate

        sub_account: None | str | Unset
        if isinstance(self.sub_account, Unset):
            sub_account = UNSET
        else:
            sub_account = self.sub_account

        voice_enabled = self.voice_enabled

        voice_rate = self.voice_rate

        added_on = self.added_on

        renewal_date = self.renewal_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if number is not UNSET:
            field_dict["number"] = number
        if alias is not UNSET:
            field_dict["alias"] = alias
        if application is not UNSET:
            field_dict["application"] = application
        if carrier is not UNSET:
            field_dict["carrier"] = carrier
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if number_type is not UNSET:
            field_dict["number_type"] = number_type
        if monthly_rental_rate is not UNSET:
            field_dict["monthly_rental_rate"] = monthly_rental_rate
        if region is not UNSET:
            field_dict["region"] = region
        if resource_uri is not UNSET:
            field_dict["resource_uri"] = resource_uri
        if sms_enabled is not UNSET:
            field_dict["sms_enabled"] = sms_enabled
        if sms_rate is not UNSET:
            field_dict["sms_rate"] = sms_rate
        if sub_account is not UNSET:
            field_dict["sub_account"] = sub_account
        if voice_enabled is not UNSET:
            field_dict["voice_enabled"] = voice_enabled
        if voice_rate is not UNSET:
            field_dict["voice_rate"] = voice_rate
        if added_on is not UNSET:
            field_dict["added_on"] = added_on
        if renewal_date is not UNSET:
            field_dict["renewal_date"] = renewal_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        api_id = d.pop("api_id", UNSET)

        number = d.pop("number", UNSET)

        def _parse_alias(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alias = _parse_alias(d.pop("alias", UNSET))

        def _parse_application(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        application = _parse_application(d.pop("application", UNSET))

        carrier = d.pop("carrier", UNSET)

        city = d.pop("city", UNSET)

        country = d.pop("country", UNSET)

        number_type = d.pop("number_type", UNSET)

        monthly_rental_rate = d.pop("monthly_rental_rate", UNSET)

        region = d.pop("region", UNSET)

        resource_uri = d.pop("resource_uri", UNSET)

        sms_enabled = d.pop("sms_enabled", UNSET)

        sms_rate = d.pop("sms_rate", UNSET)

        def _parse_sub_account(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sub_account = _parse_sub_account(d.pop("sub_account", UNSET))

        voice_enabled = d.pop("voice_enabled", UNSET)

        voice_rate = d.pop("voice_rate", UNSET)

        added_on = d.pop("added_on", UNSET)

        renewal_date = d.pop("renewal_date", UNSET)

        phone_number = cls(
            api_id=api_id,
            number=number,
            alias=alias,
            application=application,
            carrier=carrier,
            city=city,
            country=country,
            number_type=number_type,
            monthly_rental_rate=monthly_rental_rate,
            region=region,
            resource_uri=resource_uri,
            sms_enabled=sms_enabled,
            sms_rate=sms_rate,
            sub_account=sub_account,
            voice_enabled=voice_enabled,
            voice_rate=voice_rate,
            added_on=added_on,
            renewal_date=renewal_date,
        )

        phone_number.additional_properties = d
        return phone_number

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
