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

T = TypeVar("T", bound="LookupCountry")


@_attrs_define(repr=False, slots=False)
class LookupCountry(WireAccess):
    """Country of a looked-up number.

    Attributes:
        iso2 (str | Unset): ISO 3166-1 alpha-2 code.
        iso3 (str | Unset): ISO 3166-1 alpha-3 code.
        name (str | Unset): Country name.
        code (str | Unset): Country calling code.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "iso2": "iso2",
        "iso3": "iso3",
        "name": "name",
        "code": "code",
    }

    iso2: str | Unset = UNSET
    iso3: str | Unset = UNSET
    name: str | Unset = UNSET
    code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        iso2 = self.iso2

        iso3 = self.iso3

        name = self.name

        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if iso2 is not UNSET:
            field_dict["iso2"] = iso2
        if iso3 is not UNSET:
            field_dict["iso3"] = iso3
        if name is not UNSET:
            field_dict["name"] = name
        if code is not UNSET:
            field_dict["code"] = code

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
        lookup_country = new_instance(cls)
        lookup_country.__dict__ = d
        return lookup_country

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(LookupCountry._wire_keys)
set_defaults(
    LookupCountry,
)
