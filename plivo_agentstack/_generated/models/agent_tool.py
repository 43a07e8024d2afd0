# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_tool_config import AgentToolConfig
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="AgentTool")


@_attrs_define(repr=False)
class AgentTool(WireAccess):
    """A server-side sub-agent tool (prebuilt Collect* tools).

    Attributes:
        type_ (str | Unset): Tool type: collect_email, collect_address, collect_digits, collect_phone, collect_name,
            collect_dob or collect_credit_card.
        config (AgentToolConfig | Unset): Tool configuration (tool_name, tool_description, require_confirmation,
            timeout_s, ...).
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "type": "type_",
        "config": "config",
    }

    type_: str | Unset = UNSET
    config: AgentToolConfig | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        type_ = self.type_

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if config is not UNSET:
            field_dict["config"] = config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        _config = d.pop("config", UNSET)
        config: AgentToolConfig | Unset
        if _config is None or isinstance(_config, Unset):
            config = UNSET
        else:
            config = AgentToolConfig.from_dict(_config)

        agent_tool = cls(
            type_=type_,
            config=config,
        )

        agent_tool.additional_properties = d
        return agent_tool

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
