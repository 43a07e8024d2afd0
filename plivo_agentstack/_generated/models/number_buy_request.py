# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.number_buy_request_verification_info import NumberBuyRequestVerificationInfo
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="NumberBuyRequest")


@_attrs_define(repr=False)
class NumberBuyRequest(WireAccess):
    """Body of buy_number.

    Attributes:
        app_id (str | Unset): Application to link the number to.
        cnam_lookup (str | Unset): CNAM lookup on incoming calls: enabled or disabled.
        ha_enable (bool | Unset): Buy the number with high availability (HA) enabled.
        compliance_application_id (str | Unset): Approved compliance application to link the number to.
        verification_info (NumberBuyRequestVerificationInfo | Unset): Verification details some countries require (free-
            form object).
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "app_id": "app_id",
        "cnam_lookup": "cnam_lookup",
        "ha_enable": "ha_enable",
        "compliance_application_id": "compliance_application_id",
        "verification_info": "verification_info",
    }

    app_id: str | Unset = UNSET
    cnam_lookup: str | Unset = UNSET
    ha_enable: bool | Unset = UNSET
    compliance_application_id: str | Unset = UNSET
    verification_info: NumberBuyRequestVerificationInfo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        app_id = self.app_id

        cnam_lookup = self.cnam_lookup

        ha_enable = self.ha_enable

        compliance_application_id = self.compliance_application_id

        verification_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.verification_info, Unset):
            verification_info = self.verification_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if app_id is not UNSET:
            field_dict["app_id"] = app_id
        if cnam_lookup is not UNSET:
            field_dict["cnam_lookup"] = cnam_lookup
        if ha_enable is not UNSET:
            field_dict["ha_enable"] = ha_enable
        if compliance_application_id is not UNSET:
            field_dict["compliance_application_id"] = compliance_application_id
        if verification_info is not UNSET:
            field_dict["verification_info"] = verification_info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        app_id = d.pop("app_id", UNSET)

        cnam_lookup = d.pop("cnam_lookup", UNSET)

        ha_enable = d.pop("ha_enable", UNSET)

        compliance_application_id = d.pop("compliance_application_id", UNSET)

        _verification_info = d.pop("verification_info", UNSET)
        verification_info: NumberBuyRequestVerificationInfo | Unset
        if _verification_info is None or isinstance(_verification_info, Unset):
            verification_info = UNSET
        else:
            verification_info = NumberBuyRequestVerificationInfo.from_dict(_verification_info)

        number_buy_request = cls(
            app_id=app_id,
            cnam_lookup=cnam_lookup,
            ha_enable=ha_enable,
            compliance_application_id=compliance_application_id,
            verification_info=verification_info,
        )

        number_buy_request.additional_properties = d
        return number_buy_request

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
