# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.whatsapp_template_component_parameters_item import (
    WhatsappTemplateComponentParametersItem,
)
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="WhatsappTemplateComponent")


@_attrs_define(repr=False)
class WhatsappTemplateComponent(WireAccess):
    """A component (header, body or button) of a WhatsApp template.

    Attributes:
        type_ (str | Unset): Component type: header, body or button.
        sub_type (str | Unset): Button sub type, e.g. url or quick_reply.
        index (str | Unset): Button index.
        parameters (list[WhatsappTemplateComponentParametersItem] | Unset): Template parameters.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "type": "type_",
        "sub_type": "sub_type",
        "index": "index",
        "parameters": "parameters",
    }

    type_: str | Unset = UNSET
    sub_type: str | Unset = UNSET
    index: str | Unset = UNSET
    parameters: list[WhatsappTemplateComponentParametersItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        type_ = self.type_

        sub_type = self.sub_type

        index = self.index

        parameters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = []
            for parameters_item_data in self.parameters:
                parameters_item = parameters_item_data.to_dict()
                parameters.append(parameters_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if sub_type is not UNSET:
            field_dict["sub_type"] = sub_type
        if index is not UNSET:
            field_dict["index"] = index
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        sub_type = d.pop("sub_type", UNSET)

        index = d.pop("index", UNSET)

        _parameters = d.pop("parameters", UNSET)
        parameters: list[WhatsappTemplateComponentParametersItem] | Unset = UNSET
        if _parameters is not UNSET and _parameters is not None:
            parameters = []
            for parameters_item_data in _parameters:
                parameters_item = WhatsappTemplateComponentParametersItem.from_dict(
                    parameters_item_data
                )

                parameters.append(parameters_item)

        whatsapp_template_component = cls(
            type_=type_,
            sub_type=sub_type,
            index=index,
            parameters=parameters,
        )

        whatsapp_template_component.additional_properties = d
        return whatsapp_template_component

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
