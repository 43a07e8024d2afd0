# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="PhotoUploadRequest")


@_attrs_define(repr=False)
class PhotoUploadRequest(WireAccess):
    """Photos to upload.

    Attributes:
        file (list[str]): The files.
        album (str | Unset): An album name.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "file": "file",
        "album": "album",
    }

    file: list[str]
    album: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        file = self.file

        album = self.album

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )
        if album is not UNSET:
            field_dict["album"] = album

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        file = cast(list[str], d.pop("file"))

        album = d.pop("album", UNSET)

        photo_upload_request = cls(
            file=file,
            album=album,
        )

        photo_upload_request.additional_properties = d
        return photo_upload_request

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
