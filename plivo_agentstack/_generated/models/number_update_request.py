# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.number_update_request_verification_info import NumberUpdateRequestVerificationInfo
from ..types import (
    UNSET,
    LazyModel,
    Unset,
    WireAccess,
    build_lazy,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="NumberUpdateRequest")


@_attrs_define(repr=False, slots=False)
class NumberUpdateRequest(WireAccess):
    """Body of update_number.

    Attributes:
        app_id (str | Unset): Application to link the number to.
        subaccount (str | Unset): Subaccount to move the number to.
        alias (str | Unset): Alias.
        cnam_lookup (str | Unset): CNAM lookup on incoming calls: enabled or disabled.
        compliance_application_id (str | Unset): Approved compliance application to link the number to.
        verification_info (NumberUpdateRequestVerificationInfo | Unset): Verification details some countries require
            (free-form object).
        cnam (str | Unset): Caller name (CNAM) to show on outbound calls, at most 15 characters.
        cnam_callback_url (str | Unset): URL notified of the CNAM registration status.
        cnam_callback_method (str | Unset): HTTP method of the CNAM callback, GET or POST.
        caller_reputation (str | Unset): Caller reputation monitoring: enabled or disabled.
        caller_reputation_callback_url (str | Unset): URL notified of caller reputation results.
        caller_reputation_callback_method (str | Unset): HTTP method of the caller reputation callback, GET or POST.
        profile_uuid (str | Unset): Business profile to link the number to (CNAM, caller reputation).
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "app_id": "app_id",
        "subaccount": "subaccount",
        "alias": "alias",
        "cnam_lookup": "cnam_lookup",
        "compliance_application_id": "compliance_application_id",
        "verification_info": "verification_info",
        "cnam": "cnam",
        "cnam_callback_url": "cnam_callback_url",
        "cnam_callback_method": "cnam_callback_method",
        "caller_reputation": "caller_reputation",
        "caller_reputation_callback_url": "caller_reputation_callback_url",
        "caller_reputation_callback_method": "caller_reputation_callback_method",
        "profile_uuid": "profile_uuid",
    }

    app_id: str | Unset = UNSET
    subaccount: str | Unset = UNSET
    alias: str | Unset = UNSET
    cnam_lookup: str | Unset = UNSET
    compliance_application_id: str | Unset = UNSET
    verification_info: NumberUpdateRequestVerificationInfo | Unset = UNSET
    cnam: str | Unset = UNSET
    cnam_callback_url: str | Unset = UNSET
    cnam_callback_method: str | Unset = UNSET
    caller_reputation: str | Unset = UNSET
    caller_reputation_callback_url: str | Unset = UNSET
    caller_reputation_callback_method: str | Unset = UNSET
    profile_uuid: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        app_id = self.app_id

        subaccount = self.subaccount

        alias = self.alias

        cnam_lookup = self.cnam_lookup

        compliance_application_id = self.compliance_application_id

        verification_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.verification_info, Unset):
            verification_info = self.verification_info.to_dict()

        cnam = self.cnam

        cnam_callback_url = self.cnam_callback_url

        cnam_callback_method = self.cnam_callback_method

        caller_reputation = self.caller_reputation

        caller_reputation_callback_url = self.caller_reputation_callback_url

        caller_reputation_callback_method = self.caller_reputation_callback_method

        profile_uuid = self.profile_uuid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if app_id is not UNSET:
            field_dict["app_id"] = app_id
        if subaccount is not UNSET:
            field_dict["subaccount"] = subaccount
        if alias is not UNSET:
            field_dict["alias"] = alias
        if cnam_lookup is not UNSET:
            field_dict["cnam_lookup"] = cnam_lookup
        if compliance_application_id is not UNSET:
            field_dict["compliance_application_id"] = compliance_application_id
        if verification_info is not UNSET:
            field_dict["verification_info"] = verification_info
        if cnam is not UNSET:
            field_dict["cnam"] = cnam
        if cnam_callback_url is not UNSET:
            field_dict["cnam_callback_url"] = cnam_callback_url
        if cnam_callback_method is not UNSET:
            field_dict["cnam_callback_method"] = cnam_callback_method
        if caller_reputation is not UNSET:
            field_dict["caller_reputation"] = caller_reputation
        if caller_reputation_callback_url is not UNSET:
            field_dict["caller_reputation_callback_url"] = caller_reputation_callback_url
        if caller_reputation_callback_method is not UNSET:
            field_dict["caller_reputation_callback_method"] = caller_reputation_callback_method
        if profile_uuid is not UNSET:
            field_dict["profile_uuid"] = profile_uuid

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
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "verification_info" in d:
            v = d.pop("verification_info")
            if type(v) is dict:
                d["\x00verification_info"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["verification_info"] = NumberUpdateRequestVerificationInfo.from_dict(v)
        number_update_request = new_instance(cls)
        number_update_request.__dict__ = d
        return number_update_request

    @staticmethod
    def _shape_ok(d: Any) -> bool:
        """Whether JSON ``d`` is an object whose nested objects have the shapes they need, so
        that building this model from it later cannot fail."""
        if type(d) is not dict:
            return False
        v = d.get("verification_info")
        if v is not None and type(v) is not dict:
            return False
        return True

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(NumberUpdateRequest._wire_keys)
set_defaults(
    NumberUpdateRequest,
    lazy=(LazyModel("verification_info", NumberUpdateRequestVerificationInfo._from_json),),
)
