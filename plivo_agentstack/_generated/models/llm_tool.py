# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.llm_tool_parameters import LlmToolParameters
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="LlmTool")


@_attrs_define(repr=False)
class LlmTool(WireAccess):
    """A function the LLM may call; the call is delivered to the customer socket as `tool.called`.

    Attributes:
        name (str | Unset): Function name.
        description (str | Unset): What the function does, shown to the LLM.
        parameters (LlmToolParameters | Unset): JSON Schema of the function arguments.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "name": "name",
        "description": "description",
        "parameters": "parameters",
    }

    name: str | Unset = UNSET
    description: str | Unset = UNSET
    parameters: LlmToolParameters | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        name = self.name

        description = self.description

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        description = d.pop("description", UNSET)

        _parameters = d.pop("parameters", UNSET)
        parameters: LlmToolParameters | Unset
        if _parameters is None or isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = LlmToolParameters.from_dict(_parameters)

        llm_tool = cls(
            name=name,
            description=description,
            parameters=parameters,
        )

        llm_tool.additional_properties = d
        return llm_tool

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
