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
    missing,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="WidgetCreateRequest")


@_attrs_define(repr=False, slots=False)
class WidgetCreateRequest(WireAccess):
    """Fields of a new widget.

    Attributes:
        name (str): The widget name.
        color (Color | Unset): A widget colour.
        size (Dimensions | Unset): Widget size.
        parts (list[Dimensions] | Unset):
        tags (list[str] | Unset):
        owner_id (str | Unset):
        from_ (str | Unset):
        public (bool | Unset):  Default: False.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "name": "name",
        "color": "color",
        "size": "size",
        "parts": "parts",
        "tags": "tags",
        "owner_id": "owner_id",
        "from": "from_",
        "public": "public",
    }

    name: str
    color: Color | Unset = UNSET
    size: Dimensions | Unset = UNSET
    parts: list[Dimensions] | Unset = UNSET
    tags: list[str] | Unset = UNSET
    owner_id: str | Unset = UNSET
    from_: str | Unset = UNSET
    public: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        name = self.name

        color: str | Unset = UNSET
        if not isinstance(self.color, Unset):
            color = self.color.value

        size: dict[str, Any] | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = self.size.to_dict()

        parts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parts, Unset):
            parts = []
            for parts_item_data in self.parts:
                parts_item = parts_item_data.to_dict()
                parts.append(parts_item)

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        owner_id = self.owner_id

        from_ = self.from_

        public = self.public

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if color is not UNSET:
            field_dict["color"] = color
        if size is not UNSET:
            field_dict["size"] = size
        if parts is not UNSET:
            field_dict["parts"] = parts
        if tags is not UNSET:
            field_dict["tags"] = tags
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if from_ is not UNSET:
            field_dict["from"] = from_
        if public is not UNSET:
            field_dict["public"] = public

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
        if d.get("name") is None:
            raise missing(cls, "name")
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
        if "parts" in d:
            v = d.pop("parts")
            if type(v) is list and all(type(item) is dict for item in v):
                d["\x00parts"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["parts"] = [Dimensions.from_dict(item) for item in v]
        if "from" in d:
            d["from_"] = d.pop("from")
        widget_create_request = new_instance(cls)
        widget_create_request.__dict__ = d
        return widget_create_request

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(WidgetCreateRequest._wire_keys)
set_defaults(
    WidgetCreateRequest,
    lazy=(
        LazyModel("size", Dimensions._from_json),
        LazyModel("parts", Dimensions._from_json, many=True),
    ),
)
