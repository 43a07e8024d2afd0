# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_tool_config import AgentToolConfig
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

T = TypeVar("T", bound="AgentTool")


@_attrs_define(repr=False, slots=False)
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
        return build_lazy(cls._from_json({**src_dict}))

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "type" in d:
            d["type_"] = d.pop("type")
        if "config" in d:
            v = d.pop("config")
            if type(v) is dict:
                d["\x00config"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["config"] = AgentToolConfig.from_dict(v)
        agent_tool = new_instance(cls)
        agent_tool.__dict__ = d
        return agent_tool

    @staticmethod
    def _shape_ok(d: Any) -> bool:
        """Whether JSON ``d`` is an object whose nested objects have the shapes they need, so
        that building this model from it later cannot fail."""
        if type(d) is not dict:
            return False
        v = d.get("config")
        if v is not None and type(v) is not dict:
            return False
        return True

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(AgentTool._wire_keys)
set_defaults(
    AgentTool,
    lazy=(LazyModel("config", AgentToolConfig._from_json),),
)
