# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.whatsapp_template_component import WhatsappTemplateComponent
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="WhatsappTemplate")


@_attrs_define(repr=False)
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
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        language = d.pop("language", UNSET)

        _components = d.pop("components", UNSET)
        components: list[WhatsappTemplateComponent] | Unset = UNSET
        if _components is not UNSET and _components is not None:
            components = []
            for components_item_data in _components:
                components_item = WhatsappTemplateComponent.from_dict(components_item_data)

                components.append(components_item)

        whatsapp_template = cls(
            name=name,
            language=language,
            components=components,
        )

        whatsapp_template.additional_properties = d
        return whatsapp_template

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
