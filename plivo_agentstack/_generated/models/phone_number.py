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

T = TypeVar("T", bound="PhoneNumber")


@_attrs_define(repr=False, slots=False)
class PhoneNumber(WireAccess):
    """A phone number on the account.

    Attributes:
        number (str): Phone number.
        api_id (str | Unset): Identifier of the API request.
        alias (None | str | Unset): Alias.
        application (None | str | Unset): Application the number is linked to.
        carrier (str | Unset): Carrier.
        city (str | Unset): City.
        country (str | Unset): Country.
        number_type (str | Unset): Number type, e.g. local.
        monthly_rental_rate (str | Unset): Monthly rental rate, a decimal string, e.g. "0.80000".
        region (str | Unset): Region.
        resource_uri (str | Unset): Resource path.
        sms_enabled (bool | Unset): Whether SMS is supported.
        sms_rate (str | Unset): SMS rate, a decimal string, e.g. "0.00000".
        sub_account (None | str | Unset): Subaccount the number belongs to.
        voice_enabled (bool | Unset): Whether voice is supported.
        voice_rate (str | Unset): Voice rate per minute, a decimal string, e.g. "0.00850".
        added_on (str | Unset): Date the number was added.
        renewal_date (str | Unset): Next renewal date.
        active (bool | Unset): Whether the number is active.
        cnam_lookup (None | str | Unset): CNAM lookup on incoming calls: enabled or disabled.
        compliance_application_id (None | str | Unset): Compliance application linked to the number.
        compliance_status (None | str | Unset): Compliance status of the number, e.g. accepted.
        mms_enabled (bool | Unset): Whether MMS is supported.
        mms_rate (str | Unset): MMS rate, a decimal string, e.g. "0.00000".
        tendlc_campaign_id (None | str | Unset): 10DLC campaign the number is linked to (US).
        tendlc_registration_status (None | str | Unset): 10DLC registration status of the number (US), e.g. COMPLETED.
        toll_free_sms_verification (None | str | Unset): Toll-free SMS verification status, e.g. verified.
        toll_free_sms_verification_id (None | str | Unset): Toll-free SMS verification request of the number.
        toll_free_sms_verification_order_status (None | str | Unset): Status of the toll-free SMS verification order.
        sub_account_name (None | str | Unset): Name of the subaccount the number belongs to.
        cnam (None | str | Unset): Caller name (CNAM) registered for outbound calls.
        profile_uuid (None | str | Unset): Business profile linked to the number.
        caller_reputation_status (None | str | Unset): Status of caller reputation monitoring on the number.
        description (None | str | Unset): Description of the number.
        plivo_number (bool | Unset): Whether the number is a Plivo number (false for an incoming carrier's number).
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "number": "number",
        "api_id": "api_id",
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
        "active": "active",
        "cnam_lookup": "cnam_lookup",
        "compliance_application_id": "compliance_application_id",
        "compliance_status": "compliance_status",
        "mms_enabled": "mms_enabled",
        "mms_rate": "mms_rate",
        "tendlc_campaign_id": "tendlc_campaign_id",
        "tendlc_registration_status": "tendlc_registration_status",
        "toll_free_sms_verification": "toll_free_sms_verification",
        "toll_free_sms_verification_id": "toll_free_sms_verification_id",
        "toll_free_sms_verification_order_status": "toll_free_sms_verification_order_status",
        "sub_account_name": "sub_account_name",
        "cnam": "cnam",
        "profile_uuid": "profile_uuid",
        "caller_reputation_status": "caller_reputation_status",
        "description": "description",
        "plivo_number": "plivo_number",
    }

    number: str
    api_id: str | Unset = UNSET
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
    active: bool | Unset = UNSET
    cnam_lookup: None | str | Unset = UNSET
    compliance_application_id: None | str | Unset = UNSET
    compliance_status: None | str | Unset = UNSET
    mms_enabled: bool | Unset = UNSET
    mms_rate: str | Unset = UNSET
    tendlc_campaign_id: None | str | Unset = UNSET
    tendlc_registration_status: None | str | Unset = UNSET
    toll_free_sms_verification: None | str | Unset = UNSET
    toll_free_sms_verification_id: None | str | Unset = UNSET
    toll_free_sms_verification_order_status: None | str | Unset = UNSET
    sub_account_name: None | str | Unset = UNSET
    cnam: None | str | Unset = UNSET
    profile_uuid: None | str | Unset = UNSET
    caller_reputation_status: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    plivo_number: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        number = self.number

        api_id = self.api_id

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

        active = self.active

        cnam_lookup: None | str | Unset
        if isinstance(self.cnam_lookup, Unset):
            cnam_lookup = UNSET
        else:
            cnam_lookup = self.cnam_lookup

        compliance_application_id: None | str | Unset
        if isinstance(self.compliance_application_id, Unset):
            compliance_application_id = UNSET
        else:
            compliance_application_id = self.compliance_application_id

        compliance_status: None | str | Unset
        if isinstance(self.compliance_status, Unset):
            compliance_status = UNSET
        else:
            compliance_status = self.compliance_status

        mms_enabled = self.mms_enabled

        mms_rate = self.mms_rate

        tendlc_campaign_id: None | str | Unset
        if isinstance(self.tendlc_campaign_id, Unset):
            tendlc_campaign_id = UNSET
        else:
            tendlc_campaign_id = self.tendlc_campaign_id

        tendlc_registration_status: None | str | Unset
        if isinstance(self.tendlc_registration_status, Unset):
            tendlc_registration_status = UNSET
        else:
            tendlc_registration_status = self.tendlc_registration_status

        toll_free_sms_verification: None | str | Unset
        if isinstance(self.toll_free_sms_verification, Unset):
            toll_free_sms_verification = UNSET
        else:
            toll_free_sms_verification = self.toll_free_sms_verification

        toll_free_sms_verification_id: None | str | Unset
        if isinstance(self.toll_free_sms_verification_id, Unset):
            toll_free_sms_verification_id = UNSET
        else:
            toll_free_sms_verification_id = self.toll_free_sms_verification_id

        toll_free_sms_verification_order_status: None | str | Unset
        if isinstance(self.toll_free_sms_verification_order_status, Unset):
            toll_free_sms_verification_order_status = UNSET
        else:
            toll_free_sms_verification_order_status = self.toll_free_sms_verification_order_status

        sub_account_name: None | str | Unset
        if isinstance(self.sub_account_name, Unset):
            sub_account_name = UNSET
        else:
            sub_account_name = self.sub_account_name

        cnam: None | str | Unset
        if isinstance(self.cnam, Unset):
            cnam = UNSET
        else:
            cnam = self.cnam

        profile_uuid: None | str | Unset
        if isinstance(self.profile_uuid, Unset):
            profile_uuid = UNSET
        else:
            profile_uuid = self.profile_uuid

        caller_reputation_status: None | str | Unset
        if isinstance(self.caller_reputation_status, Unset):
            caller_reputation_status = UNSET
        else:
            caller_reputation_status = self.caller_reputation_status

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        plivo_number = self.plivo_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
            }
        )
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
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
        if active is not UNSET:
            field_dict["active"] = active
        if cnam_lookup is not UNSET:
            field_dict["cnam_lookup"] = cnam_lookup
        if compliance_application_id is not UNSET:
            field_dict["compliance_application_id"] = compliance_application_id
        if compliance_status is not UNSET:
            field_dict["compliance_status"] = compliance_status
        if mms_enabled is not UNSET:
            field_dict["mms_enabled"] = mms_enabled
        if mms_rate is not UNSET:
            field_dict["mms_rate"] = mms_rate
        if tendlc_campaign_id is not UNSET:
            field_dict["tendlc_campaign_id"] = tendlc_campaign_id
        if tendlc_registration_status is not UNSET:
            field_dict["tendlc_registration_status"] = tendlc_registration_status
        if toll_free_sms_verification is not UNSET:
            field_dict["toll_free_sms_verification"] = toll_free_sms_verification
        if toll_free_sms_verification_id is not UNSET:
            field_dict["toll_free_sms_verification_id"] = toll_free_sms_verification_id
        if toll_free_sms_verification_order_status is not UNSET:
            field_dict["toll_free_sms_verification_order_status"] = (
                toll_free_sms_verification_order_status
            )
        if sub_account_name is not UNSET:
            field_dict["sub_account_name"] = sub_account_name
        if cnam is not UNSET:
            field_dict["cnam"] = cnam
        if profile_uuid is not UNSET:
            field_dict["profile_uuid"] = profile_uuid
        if caller_reputation_status is not UNSET:
            field_dict["caller_reputation_status"] = caller_reputation_status
        if description is not UNSET:
            field_dict["description"] = description
        if plivo_number is not UNSET:
            field_dict["plivo_number"] = plivo_number

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
        if d.get("number") is None:
            raise missing(cls, "number")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        phone_number = new_instance(cls)
        phone_number.__dict__ = d
        return phone_number

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(PhoneNumber._wire_keys)
set_defaults(
    PhoneNumber,
)
