# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.purchased_number import PurchasedNumber
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="NumberBuyResult")


@_attrs_define(repr=False)
class NumberBuyResult(WireAccess):
    """Result of buy_number.

    Attributes:
        api_id (str | Unset): Identifier of the API request.
        message (str | Unset): Human-readable result message.
        status (str | Unset): Order status, e.g. fulfilled.
        fallback_number (None | str | Unset): Number bought instead of the requested one, if Plivo substituted it.
        numbers (list[PurchasedNumber] | Unset): Numbers in the order.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "message": "message",
        "status": "status",
        "fallback_number": "fallback_number",
        "numbers": "numbers",
    }

    api_id: str | Unset = UNSET
    message: str | Unset = UNSET
    status: str | Unset = UNSET
    fallback_number: None | str | Unset = UNSET
    numbers: list[PurchasedNumber] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        message = self.message

        status = self.status

        fallback_number: None | str | Unset
        if isinstance(self.fallback_number, Unset):
            fallback_number = UNSET
        else:
            fallback_number = self.fallback_number

        numbers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.numbers, Unset):
            numbers = []
            for numbers_item_data in self.numbers:
                numbers_item = numbers_item_data.to_dict()
                numbers.append(numbers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if message is not UNSET:
            field_dict["message"] = message
        if status is not UNSET:
            field_dict["status"] = status
        if fallback_number is not UNSET:
            field_dict["fallback_number"] = fallback_number
        if numbers is not UNSET:
            field_dict["numbers"] = numbers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        api_id = d.pop("api_id", UNSET)

        message = d.pop("message", UNSET)

        status = d.pop("status", UNSET)

        def _parse_fallback_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fallback_number = _parse_fallback_number(d.pop("fallback_number", UNSET))

        _numbers = d.pop("numbers", UNSET)
        numbers: list[PurchasedNumber] | Unset = UNSET
        if _numbers is not UNSET and _numbers is not None:
            numbers = []
            for numbers_item_data in _numbers:
                numbers_item = PurchasedNumber.from_dict(numbers_item_data)

                numbers.append(numbers_item)

        number_buy_result = cls(
            api_id=api_id,
            message=message,
            status=status,
            fallback_number=fallback_number,
            numbers=numbers,
        )

        number_buy_result.additional_properties = d
        return number_buy_result

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
