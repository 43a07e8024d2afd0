# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="Dimensions")


@_attrs_define(repr=False)
class Dimensions(WireAccess):
    """Widget size.

    Attributes:
        width (float | Unset):
        height (float | Unset):
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "width": "width",
        "height": "height",
    }

    width: float | Unset = UNSET
    height: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        width = self.width

        height = self.height

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        width = d.pop("width", UNSET)

        height = d.pop("height", UNSET)

        dimensions = cls(
            width=width,
            height=height,
        )

        dimensions.additional_properties = d
        return dimensions

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
