# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.purchased_number import PurchasedNumber
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

T = TypeVar("T", bound="NumberBuyResult")


@_attrs_define(repr=False, slots=False)
class NumberBuyResult(WireAccess):
    """Result of buy_number.

    Attributes:
        api_id (str): Identifier of the API request.
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

    api_id: str
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
        field_dict.update(
            {
                "api_id": api_id,
            }
        )
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
        return build_lazy(cls._from_json({**src_dict}))

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        if d.get("api_id") is None:
            raise missing(cls, "api_id")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "numbers" in d:
            v = d.pop("numbers")
            if type(v) is list and all(type(item) is dict for item in v):
                d["\x00numbers"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["numbers"] = [PurchasedNumber.from_dict(item) for item in v]
        number_buy_result = new_instance(cls)
        number_buy_result.__dict__ = d
        return number_buy_result

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(NumberBuyResult._wire_keys)
set_defaults(
    NumberBuyResult,
    lazy=(LazyModel("numbers", PurchasedNumber._from_json, many=True),),
)
