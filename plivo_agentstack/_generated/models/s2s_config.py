# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.llm_tool import LlmTool
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

T = TypeVar("T", bound="S2SConfig")


@_attrs_define(repr=False, slots=False)
class S2SConfig(WireAccess):
    """Speech-to-speech provider configuration; mutually exclusive with stt, llm and tts.

    Attributes:
        provider (str | Unset): S2S provider: openai_realtime, gemini_live or azure_openai.
        model (str | Unset): Provider model, e.g. gpt-4o-realtime.
        api_key (str | Unset): Provider API key (bring your own key); omit to use the platform key.
        base_url (str | Unset): Custom provider endpoint URL.
        voice (str | Unset): Voice, e.g. alloy, echo, fable, onyx, nova or shimmer.
        system_prompt (str | Unset): System prompt for the conversation.
        tools (list[LlmTool] | Unset): Functions the model may call.
        azure_deployment (str | Unset): Azure OpenAI deployment name.
        azure_endpoint (str | Unset): Azure OpenAI endpoint URL.
        api_version (str | Unset): Azure OpenAI API version.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "provider": "provider",
        "model": "model",
        "api_key": "api_key",
        "base_url": "base_url",
        "voice": "voice",
        "system_prompt": "system_prompt",
        "tools": "tools",
        "azure_deployment": "azure_deployment",
        "azure_endpoint": "azure_endpoint",
        "api_version": "api_version",
    }

    provider: str | Unset = UNSET
    model: str | Unset = UNSET
    api_key: str | Unset = UNSET
    base_url: str | Unset = UNSET
    voice: str | Unset = UNSET
    system_prompt: str | Unset = UNSET
    tools: list[LlmTool] | Unset = UNSET
    azure_deployment: str | Unset = UNSET
    azure_endpoint: str | Unset = UNSET
    api_version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        provider = self.provider

        model = self.model

        api_key = self.api_key

        base_url = self.base_url

        voice = self.voice

        system_prompt = self.system_prompt

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item = tools_item_data.to_dict()
                tools.append(tools_item)

        azure_deployment = self.azure_deployment

        azure_endpoint = self.azure_endpoint

        api_version = self.api_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if provider is not UNSET:
            field_dict["provider"] = provider
        if model is not UNSET:
            field_dict["model"] = model
        if api_key is not UNSET:
            field_dict["api_key"] = api_key
        if base_url is not UNSET:
            field_dict["base_url"] = base_url
        if voice is not UNSET:
            field_dict["voice"] = voice
        if system_prompt is not UNSET:
            field_dict["system_prompt"] = system_prompt
        if tools is not UNSET:
            field_dict["tools"] = tools
        if azure_deployment is not UNSET:
            field_dict["azure_deployment"] = azure_deployment
        if azure_endpoint is not UNSET:
            field_dict["azure_endpoint"] = azure_endpoint
        if api_version is not UNSET:
            field_dict["api_version"] = api_version

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
        if "tools" in d:
            v = d.pop("tools")
            if type(v) is list and all(LlmTool._shape_ok(item) for item in v):
                d["\x00tools"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["tools"] = [LlmTool.from_dict(item) for item in v]
        s2s_config = new_instance(cls)
        s2s_config.__dict__ = d
        return s2s_config

    @staticmethod
    def _shape_ok(d: Any) -> bool:
        """Whether JSON ``d`` is an object whose nested objects have the shapes they need, so
        that building this model from it later cannot fail."""
        if type(d) is not dict:
            return False
        v = d.get("tools")
        if v is not None:
            if type(v) is not list:
                return False
            for item in v:
                if not (LlmTool._shape_ok(item)):
                    return False
        return True

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(S2SConfig._wire_keys)
set_defaults(
    S2SConfig,
    lazy=(LazyModel("tools", LlmTool._from_json, many=True),),
)
