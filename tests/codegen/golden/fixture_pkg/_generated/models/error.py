# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="Error")


@_attrs_define(repr=False)
class Error(WireAccess):
    """An API error.

    Attributes:
        api_id (str | Unset):
        error (str | Unset):
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "error": "error",
    }

    api_id: str | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        api_id = d.pop("api_id", UNSET)

        error = d.pop("error", UNSET)

        error = cls(
            api_id=api_id,
            error=error,
        )

        error.additional_properties = d
        return error

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
