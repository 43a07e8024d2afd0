# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="NumberUpdateRequest")


@_attrs_define(repr=False)
class NumberUpdateRequest(WireAccess):
    """Body of update_number.

    Attributes:
        app_id (str | Unset): Application to link the number to.
        subaccount (str | Unset): Subaccount to move the number to.
        alias (str | Unset): Alias.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "app_id": "app_id",
        "subaccount": "subaccount",
        "alias": "alias",
    }

    app_id: str | Unset = UNSET
    subaccount: str | Unset = UNSET
    alias: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        app_id = self.app_id

        subaccount = self.subaccount

        alias = self.alias

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if app_id is not UNSET:
            field_dict["app_id"] = app_id
        if subaccount is not UNSET:
            field_dict["subaccount"] = subaccount
        if alias is not UNSET:
            field_dict["alias"] = alias

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        app_id = d.pop("app_id", UNSET)

        subaccount = d.pop("subaccount", UNSET)

        alias = d.pop("alias", UNSET)

        number_update_request = cls(
            app_id=app_id,
            subaccount=subaccount,
            alias=alias,
        )

        number_update_request.additional_properties = d
        return number_update_request

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
