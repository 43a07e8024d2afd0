# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.list_meta import ListMeta
from ..models.widget import Widget
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

T = TypeVar("T", bound="WidgetList")


@_attrs_define(repr=False, slots=False)
class WidgetList(WireAccess):
    """A page of widgets.

    Attributes:
        api_id (str | Unset):
        meta (ListMeta | Unset): Paging information.
        objects (list[Widget] | Unset):
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "meta": "meta",
        "objects": "objects",
    }

    api_id: str | Unset = UNSET
    meta: ListMeta | Unset = UNSET
    objects: list[Widget] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        objects: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.objects, Unset):
            objects = []
            for objects_item_data in self.objects:
                objects_item = objects_item_data.to_dict()
                objects.append(objects_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_id is not UNSET:
            field_dict["api_id"] = api_id
        if meta is not UNSET:
            field_dict["meta"] = meta
        if objects is not UNSET:
            field_dict["objects"] = objects

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
        if "meta" in d:
            v = d.pop("meta")
            if type(v) is dict:
                d["\x00meta"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["meta"] = ListMeta.from_dict(v)
        if "objects" in d:
            v = d["objects"]
            if v is None:
                del d["objects"]  # null: not set
            else:
                d["objects"] = [Widget._from_json({**item}) for item in v]
        widget_list = new_instance(cls)
        widget_list.__dict__ = d
        return widget_list

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(WidgetList._wire_keys)
set_defaults(
    WidgetList,
    lazy=(LazyModel("meta", ListMeta._from_json),),
)
