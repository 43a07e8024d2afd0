# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import WireAccess

T = TypeVar("T", bound="MediaUploadRequest")


@_attrs_define(repr=False)
class MediaUploadRequest(WireAccess):
    """Files to upload (multipart/form-data).

    Attributes:
        file (list[str]): The files: paths, bytes, binary file objects or (file_name, content[, content_type]) tuples;
            content types not given are guessed from the file name.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "file": "file",
    }

    file: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        file = self.file

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        file = cast(list[str], d.pop("file"))

        media_upload_request = cls(
            file=file,
        )

        media_upload_request.additional_properties = d
        return media_upload_request

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
