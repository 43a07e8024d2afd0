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

T = TypeVar("T", bound="ListMeta")


@_attrs_define(repr=False, slots=False)
class ListMeta(WireAccess):
    """Pagination metadata of a list response.

    Attributes:
        limit (int | Unset): Page size.
        offset (int | Unset): Offset of the first object.
        total_count (int | Unset): Total number of objects.
        previous (None | str | Unset): Path of the previous page, if any.
        next_ (None | str | Unset): Path of the next page, if any.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "limit": "limit",
        "offset": "offset",
        "total_count": "total_count",
        "previous": "previous",
        "next": "next_",
    }

    limit: int | Unset = UNSET
    offset: int | Unset = UNSET
    total_count: int | Unset = UNSET
    previous: None | str | Unset = UNSET
    next_: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        limit = self.limit

        offset = self.offset

        total_count = self.total_count

        previous: None | str | Unset
        if isinstance(self.previous, Unset):
            previous = UNSET
        else:
            previous = self.previous

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset
        if total_count is not UNSET:
            field_dict["total_count"] = total_count
        if previous is not UNSET:
            field_dict["previous"] = previous
        if next_ is not UNSET:
            field_dict["next"] = next_

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
        if "next" in d:
            d["next_"] = d.pop("next")
        list_meta = new_instance(cls)
        list_meta.__dict__ = d
        return list_meta

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(ListMeta._wire_keys)
set_defaults(
    ListMeta,
)
