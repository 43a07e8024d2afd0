# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.color import Color
from ..models.dimensions import Dimensions
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

T = TypeVar("T", bound="Widget")


@_attrs_define(repr=False, slots=False)
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
        return build_lazy(cls._from_json({**src_dict}))

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "color" in d:
            v = d["color"]
            if v is None:
                del d["color"]  # null: not set
            else:
                d["color"] = Color(v)
        if "size" in d:
            v = d.pop("size")
            if type(v) is dict:
                d["\x00size"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["size"] = Dimensions.from_dict(v)
        widget = new_instance(cls)
        widget.__dict__ = d
        return widget

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(Widget._wire_keys)
set_defaults(
    Widget,
    lazy=(LazyModel("size", Dimensions._from_json),),
)
