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

T = TypeVar("T", bound="CarrierNumbersRequest")


@_attrs_define(repr=False, slots=False)
class CarrierNumbersRequest(WireAccess):
    """Body of add_carrier_numbers.

    Attributes:
        numbers (str): The numbers to add, comma-separated (a list of numbers is joined that way).
        carrier (str): Id of the incoming carrier the numbers belong to.
        region (str): Region of the numbers, e.g. California.
        number_type (str | Unset): Type of the numbers, e.g. local, national, mobile, fixed (default local).
        app_id (str | Unset): Application the numbers are linked to.
        subaccount (str | Unset): Subaccount the numbers are added to.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "numbers": "numbers",
        "carrier": "carrier",
        "region": "region",
        "number_type": "number_type",
        "app_id": "app_id",
        "subaccount": "subaccount",
    }

    numbers: str
    carrier: str
    region: str
    number_type: str | Unset = UNSET
    app_id: str | Unset = UNSET
    subaccount: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        numbers = self.numbers

        carrier = self.carrier

        region = self.region

        number_type = self.number_type

        app_id = self.app_id

        subaccount = self.subaccount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "numbers": numbers,
                "carrier": carrier,
                "region": region,
            }
        )
        if number_type is not UNSET:
            field_dict["number_type"] = number_type
        if app_id is not UNSET:
            field_dict["app_id"] = app_id
        if subaccount is not UNSET:
            field_dict["subaccount"] = subaccount

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
        if d.get("numbers") is None:
            raise missing(cls, "numbers")
        if d.get("carrier") is None:
            raise missing(cls, "carrier")
        if d.get("region") is None:
            raise missing(cls, "region")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        carrier_numbers_request = new_instance(cls)
        carrier_numbers_request.__dict__ = d
        return carrier_numbers_request

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(CarrierNumbersRequest._wire_keys)
set_defaults(
    CarrierNumbersRequest,
)
