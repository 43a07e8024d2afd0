# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    WireAccess,
    missing,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="Media")


@_attrs_define(repr=False, slots=False)
class Media(WireAccess):
    """A media file attached to a message.

    Attributes:
        media_id (str): Media identifier.
        content_type (str | Unset): MIME type.
        media_url (str | Unset): URL of the media.
        size (int | Unset): Size in bytes.
        message_uuid (str | Unset): Message the media belongs to.
        file_name (str | Unset): Name of the uploaded file.
        upload_time (str | Unset): When the file was uploaded.
        api_id (str | Unset): Identifier of the API request (get_media).
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "media_id": "media_id",
        "content_type": "content_type",
        "media_url": "media_url",
        "size": "size",
        "message_uuid": "message_uuid",
        "file_name": "file_name",
        "upload_time": "upload_time",
        "api_id": "api_id",
    }

    media_id: str
    content_type: str | Unset = UNSET
    media_url: str | Unset = UNSET
    size: int | Unset = UNSET
    message_uuid: str | Unset = UNSET
    file_name: str | Unset = UNSET
    upload_time: str | Unset = UNSET
    api_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        media_id = self.media_id

        content_type = self.content_type

        media_url = self.media_url

        size = self.size

        message_uuid = self.message_uuid

        file_name = self.file_name

        upload_time = self.upload_time

        api_id = self.api_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "media_id": media_id,
            }
        )
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if media_url is not UNSET:
            field_dict["media_url"] = media_url
        if size is not UNSET:
            field_dict["size"] = size
        if message_uuid is not UNSET:
            field_dict["message_uuid"] = message_uuid
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if upload_time is not UNSET:
            field_dict["upload_time"] = upload_time
        if api_id is not UNSET:
            field_dict["api_id"] = api_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        return cls._from_json({**src_dict})

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        if d.get("media_id") is None:
            raise missing(cls, "media_id")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        media = new_instance(cls)
        media.__dict__ = d
        return media

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(Media._wire_keys)
set_defaults(
    Media,
)
