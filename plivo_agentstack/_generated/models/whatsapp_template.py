# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.whatsapp_template_component import WhatsappTemplateComponent
from ..types import (
    UNSET,
    LazyModel,
    Unset,
    WireAccess,
    build_lazy,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="WhatsappTemplate")


@_attrs_define(repr=False, slots=False)
class WhatsappTemplate(WireAccess):
    """A WhatsApp template message.

    Attributes:
        name (str | Unset): Template name.
        language (str | Unset): Template language, e.g. en.
        components (list[WhatsappTemplateComponent] | Unset): Template components.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "name": "name",
        "language": "language",
        "components": "components",
    }

    name: str | Unset = UNSET
    language: str | Unset = UNSET
    components: list[WhatsappTemplateComponent] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        name = self.name

        language = self.language

        components: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.components, Unset):
            components = []
            for components_item_data in self.components:
                components_item = components_item_data.to_dict()
                components.append(components_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if language is not UNSET:
            field_dict["language"] = language
        if components is not UNSET:
            field_dict["components"] = components

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
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "components" in d:
            v = d.pop("components")
            if type(v) is list and all(WhatsappTemplateComponent._shape_ok(item) for item in v):
                d["\x00components"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["components"] = [WhatsappTemplateComponent.from_dict(item) for item in v]
        whatsapp_template = new_instance(cls)
        whatsapp_template.__dict__ = d
        return whatsapp_template

    @staticmethod
    def _shape_ok(d: Any) -> bool:
        """Whether JSON ``d`` is an object whose nested objects have the shapes they need, so
        that building this model from it later cannot fail."""
        if type(d) is not dict:
            return False
        v = d.get("components")
        if v is not None:
            if type(v) is not list:
                return False
            for item in v:
                if not (WhatsappTemplateComponent._shape_ok(item)):
                    return False
        return True

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(WhatsappTemplate._wire_keys)
set_defaults(
    WhatsappTemplate,
    lazy=(LazyModel("components", WhatsappTemplateComponent._from_json, many=True),),
)
