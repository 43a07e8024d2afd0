# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.list_meta import ListMeta
from ..models.media import Media
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="MediaPage")


@_attrs_define(repr=False)
class MediaPage(WireAccess):
    """A page of the account's media files.

    Attributes:
        api_id (str | Unset): Identifier of the API request.
        meta (ListMeta | Unset): Pagination metadata of a list response.
        objects (list[Media] | Unset): Media files.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "meta": "meta",
        "objects": "objects",
    }

    api_id: str | Unset = UNSET
    meta: ListMeta | Unset = UNSET
    objects: list[Media] | Unset = UNSET
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
        d = dict(src_dict)
        api_id = d.pop("api_id", UNSET)

        _meta = d.pop("meta", UNSET)
        meta: ListMeta | Unset
        if _meta is None or isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = ListMeta.from_dict(_meta)

        _objects = d.pop("objects", UNSET)
        objects: list[Media] | Unset = UNSET
        if _objects is not UNSET and _objects is not None:
            objects = []
            for objects_item_data in _objects:
                objects_item = Media.from_dict(objects_item_data)

                objects.append(objects_item)

        media_page = cls(
            api_id=api_id,
            meta=meta,
            objects=objects,
        )

        media_page.additional_properties = d
        return media_page

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
