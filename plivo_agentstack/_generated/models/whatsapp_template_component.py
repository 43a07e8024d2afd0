# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.whatsapp_template_component_parameters_item import (
    WhatsappTemplateComponentParametersItem,
)
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

T = TypeVar("T", bound="WhatsappTemplateComponent")


@_attrs_define(repr=False, slots=False)
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
        return build_lazy(cls._from_json({**src_dict}))

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "type" in d:
            d["type_"] = d.pop("type")
        if "parameters" in d:
            v = d.pop("parameters")
            if type(v) is list and all(type(item) is dict for item in v):
                d["\x00parameters"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["parameters"] = [
                    WhatsappTemplateComponentParametersItem.from_dict(item) for item in v
                ]
        whatsapp_template_component = new_instance(cls)
        whatsapp_template_component.__dict__ = d
        return whatsapp_template_component

    @staticmethod
    def _shape_ok(d: Any) -> bool:
        """Whether JSON ``d`` is an object whose nested objects have the shapes they need, so
        that building this model from it later cannot fail."""
        if type(d) is not dict:
            return False
        v = d.get("parameters")
        if v is not None:
            if type(v) is not list:
                return False
            for item in v:
                if type(item) is not dict:
                    return False
        return True

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(WhatsappTemplateComponent._wire_keys)
set_defaults(
    WhatsappTemplateComponent,
    lazy=(LazyModel("parameters", WhatsappTemplateComponentParametersItem._from_json, many=True),),
)
