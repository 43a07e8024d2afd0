# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.uploaded_media import UploadedMedia
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

T = TypeVar("T", bound="MediaUploadResult")


@_attrs_define(repr=False, slots=False)
class MediaUploadResult(WireAccess):
    """Result of upload_media.

    Attributes:
        api_id (str): Identifier of the API request.
        objects (list[UploadedMedia] | Unset): One result per file, in upload order.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "api_id": "api_id",
        "objects": "objects",
    }

    api_id: str
    objects: list[UploadedMedia] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        api_id = self.api_id

        objects: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.objects, Unset):
            objects = []
            for objects_item_data in self.objects:
                objects_item = objects_item_data.to_dict()
                objects.append(objects_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_id": api_id,
            }
        )
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
        if d.get("api_id") is None:
            raise missing(cls, "api_id")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "objects" in d:
            v = d.pop("objects")
            if type(v) is list and all(type(item) is dict for item in v):
                d["\x00objects"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["objects"] = [UploadedMedia.from_dict(item) for item in v]
        media_upload_result = new_instance(cls)
        media_upload_result.__dict__ = d
        return media_upload_result

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(MediaUploadResult._wire_keys)
set_defaults(
    MediaUploadResult,
    lazy=(LazyModel("objects", UploadedMedia._from_json, many=True),),
)
