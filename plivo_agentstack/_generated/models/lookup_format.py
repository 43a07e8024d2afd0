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

T = TypeVar("T", bound="LookupFormat")


@_attrs_define(repr=False, slots=False)
class LookupFormat(WireAccess):
    """Formatted representations of a looked-up number.

    Attributes:
        e164 (str | Unset): E.164 format.
        national (str | Unset): National format.
        international (str | Unset): International format.
        rfc3966 (str | Unset): RFC 3966 tel URI.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "e164": "e164",
        "national": "national",
        "international": "international",
        "rfc3966": "rfc3966",
    }

    e164: str | Unset = UNSET
    national: str | Unset = UNSET
    international: str | Unset = UNSET
    rfc3966: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        e164 = self.e164

        national = self.national

        international = self.international

        rfc3966 = self.rfc3966

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if e164 is not UNSET:
            field_dict["e164"] = e164
        if national is not UNSET:
            field_dict["national"] = national
        if international is not UNSET:
            field_dict["international"] = international
        if rfc3966 is not UNSET:
            field_dict["rfc3966"] = rfc3966

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
        lookup_format = new_instance(cls)
        lookup_format.__dict__ = d
        return lookup_format

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(LookupFormat._wire_keys)
set_defaults(
    LookupFormat,
)
