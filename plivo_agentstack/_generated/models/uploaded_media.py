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
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="UploadedMedia")


@_attrs_define(repr=False, slots=False)
class UploadedMedia(WireAccess):
    """The result of one uploaded file.

    Attributes:
        media_id (str | Unset): Media identifier, for messages.create(media_ids=...).
        media_url (str | Unset): URL of the media.
        file_name (str | Unset): Name of the uploaded file.
        content_type (str | Unset): MIME type.
        size (int | Unset): Size in bytes.
        upload_time (str | Unset): When the file was uploaded.
        status (str | Unset): success or failure of this file.
        status_code (int | Unset): HTTP-style status of this file (201 when stored).
        error (str | Unset): Why this file was refused.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "media_id": "media_id",
        "media_url": "media_url",
        "file_name": "file_name",
        "content_type": "content_type",
        "size": "size",
        "upload_time": "upload_time",
        "status": "status",
        "status_code": "status_code",
        "error": "error",
    }

    media_id: str | Unset = UNSET
    media_url: str | Unset = UNSET
    file_name: str | Unset = UNSET
    content_type: str | Unset = UNSET
    size: int | Unset = UNSET
    upload_time: str | Unset = UNSET
    status: str | Unset = UNSET
    status_code: int | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        media_id = self.media_id

        media_url = self.media_url

        file_name = self.file_name

        content_type = self.content_type

        size = self.size

        upload_time = self.upload_time

        status = self.status

        status_code = self.status_code

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if media_id is not UNSET:
            field_dict["media_id"] = media_id
        if media_url is not UNSET:
            field_dict["media_url"] = media_url
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if size is not UNSET:
            field_dict["size"] = size
        if upload_time is not UNSET:
            field_dict["upload_time"] = upload_time
        if status is not UNSET:
            field_dict["status"] = status
        if status_code is not UNSET:
            field_dict["status_code"] = status_code
        if error is not UNSET:
            field_dict["error"] = error

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
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        uploaded_media = new_instance(cls)
        uploaded_media.__dict__ = d
        return uploaded_media

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(UploadedMedia._wire_keys)
set_defaults(
    UploadedMedia,
)
