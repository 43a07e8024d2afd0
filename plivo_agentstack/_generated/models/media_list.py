# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.media import Media
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="MediaList")


@_attrs_define(repr=False)
class MediaList(WireAccess):
    """Media attached to a message.

    Attributes:
        api_id (str | Unset): Identifier of the API request.
        message_uuid (str | Unset): Message the media belong to.
        objects (list[Media] | Unset): Media files.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "message_uuid": "message_uuid",
        "objects": "objects",
    }

    api_id: str | Unset = UNSET
    message_uuid: str | Unset = UNSET
    objects: list[Media] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        message_uuid = self.message_uuid

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
        if message_uuid is not UNSET:
            field_dict["message_uuid"] = message_uuid
        if objects is not UNSET:
            field_dict["objects"] = objects

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        api_id = d.pop("api_id", UNSET)

        message_uuid = d.pop("message_uuid", UNSET)

        _objects = d.pop("objects", UNSET)
        objects: list[Media] | Unset = UNSET
        if _objects is not UNSET and _objects is not None:
            objects = []
            for objects_item_data in _objects:
                objects_item = Media.from_dict(objects_item_data)

                objects.append(objects_item)

        media_list = cls(
            api_id=api_id,
            message_uuid=message_uuid,
            objects=objects,
        )

        media_list.additional_properties = d
        return media_list

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
