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

T = TypeVar("T", bound="NumberPrerequisite")


@_attrs_define(repr=False, slots=False)
class NumberPrerequisite(WireAccess):
    """A document requirement of a number for sale (more keys may be sent).

    Attributes:
        proof_required (bool | Unset): Whether a proof document is required.
        proof_type (list[str] | Unset): Accepted proof documents.
        scope (str | Unset): Where the requirement applies, e.g. local or national.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "proof_required": "proof_required",
        "proof_type": "proof_type",
        "scope": "scope",
    }

    proof_required: bool | Unset = UNSET
    proof_type: list[str] | Unset = UNSET
    scope: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        proof_required = self.proof_required

        proof_type: list[str] | Unset = UNSET
        if not isinstance(self.proof_type, Unset):
            proof_type = self.proof_type

        scope = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if proof_required is not UNSET:
            field_dict["proof_required"] = proof_required
        if proof_type is not UNSET:
            field_dict["proof_type"] = proof_type
        if scope is not UNSET:
            field_dict["scope"] = scope

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
        number_prerequisite = new_instance(cls)
        number_prerequisite.__dict__ = d
        return number_prerequisite

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(NumberPrerequisite._wire_keys)
set_defaults(
    NumberPrerequisite,
)
