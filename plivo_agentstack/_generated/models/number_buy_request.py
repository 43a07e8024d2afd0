# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.number_buy_request_verification_info import NumberBuyRequestVerificationInfo
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

T = TypeVar("T", bound="NumberBuyRequest")


@_attrs_define(repr=False, slots=False)
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
                d["verification_info"] = NumberBuyRequestVerificationInfo.from_dict(v)
        number_buy_request = new_instance(cls)
        number_buy_request.__dict__ = d
        return number_buy_request

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


_KNOWN: frozenset[str] = frozenset(NumberBuyRequest._wire_keys)
set_defaults(
    NumberBuyRequest,
    lazy=(LazyModel("verification_info", NumberBuyRequestVerificationInfo._from_json),),
)
