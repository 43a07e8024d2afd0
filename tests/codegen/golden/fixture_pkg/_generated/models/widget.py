# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.color import Color
from ..models.dimensions import Dimensions
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="Widget")


@_attrs_define(repr=False)
class Widget(WireAccess):
    """A widget.

    Attributes:
        widget_id (str | Unset):
        name (str | Unset):
        color (Color | Unset): A widget colour.
        size (Dimensions | Unset): Widget size.
        tags (list[str] | Unset):
        note (None | str | Unset):
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "widget_id": "widget_id",
        "name": "name",
        "color": "color",
        "size": "size",
        "tags": "tags",
        "note": "note",
    }

    widget_id: str | Unset = UNSET
    name: str | Unset = UNSET
    color: Color | Unset = UNSET
    size: Dimensions | Unset = UNSET
    tags: list[str] | Unset = UNSET
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        widget_id = self.widget_id

        name = self.name

        color: str | Unset = UNSET
        if not isinstance(self.color, Unset):
            color = self.color.value

        size: dict[str, Any] | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = self.size.to_dict()

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if widget_id is not UNSET:
            field_dict["widget_id"] = widget_id
        if name is not UNSET:
            field_dict["name"] = name
        if color is not UNSET:
            field_dict["color"] = color
        if size is not UNSET:
            field_dict["size"] = size
        if tags is not UNSET:
            field_dict["tags"] = tags
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        widget_id = d.pop("widget_id", UNSET)

        name = d.pop("name", UNSET)

        _color = d.pop("color", UNSET)
        color: Color | Unset
        if _color is None or isinstance(_color, Unset):
            color = UNSET
        else:
            color = Color(_color)

        _size = d.pop("size", UNSET)
        size: Dimensions | Unset
        if _size is None or isinstance(_size, Unset):
            size = UNSET
        else:
            size = Dimensions.from_dict(_size)

        tags = cast(list[str], d.pop("tags", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        widget = cls(
            widget_id=widget_id,
            name=name,
            color=color,
            size=size,
            tags=tags,
            note=note,
        )

        widget.additional_properties = d
        return widget

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
