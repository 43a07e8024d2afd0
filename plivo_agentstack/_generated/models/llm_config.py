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

T = TypeVar("T", bound="LlmConfig")


@_attrs_define(repr=False, slots=False)
class LlmConfig(WireAccess):
    """LLM provider configuration (also used for `llm_fallback` entries).

    Attributes:
        provider (str | Unset): LLM provider: openai (default), anthropic, groq, google, azure, together, fireworks,
            perplexity or mistral (case-insensitive).
        model (str | Unset): Provider model, e.g. gpt-4.1-mini, claude-sonnet-4-20250514, llama-3.3-70b-versatile.
        api_key (str | Unset): Provider API key (bring your own key); omit to use the platform key.
        base_url (str | Unset): Custom provider endpoint URL.
        system_prompt (str | Unset): System prompt for the conversation.
        tools (list[LlmTool] | Unset): Functions the LLM may call.
        temperature (float | Unset): Sampling temperature, 0.0-2.0 (server default 0.2).
        max_tokens (int | Unset): Maximum number of tokens per response.
        reasoning_effort (str | Unset): Reasoning effort for o1/o3 models: low (default), medium or high.
        azure_deployment (str | Unset): Azure OpenAI deployment name.
        azure_endpoint (str | Unset): Azure OpenAI endpoint URL.
        api_version (str | Unset): Azure OpenAI API version.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "provider": "provider",
        "model": "model",
        "api_key": "api_key",
        "base_url": "base_url",
        "system_prompt": "system_prompt",
        "tools": "tools",
        "temperature": "temperature",
        "max_tokens": "max_tokens",
        "reasoning_effort": "reasoning_effort",
        "azure_deployment": "azure_deployment",
        "azure_endpoint": "azure_endpoint",
        "api_version": "api_version",
    }

    provider: str | Unset = UNSET
    model: str | Unset = UNSET
    api_key: str | Unset = UNSET
    base_url: str | Unset = UNSET
    system_prompt: str | Unset = UNSET
    tools: list[LlmTool] | Unset = UNSET
    temperature: float | Unset = UNSET
    max_tokens: int | Unset = UNSET
    reasoning_effort: str | Unset = UNSET
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

        system_prompt = self.system_prompt

        tools: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tools, Unset):
            tools = []
            for tools_item_data in self.tools:
                tools_item = tools_item_data.to_dict()
                tools.append(tools_item)

        temperature = self.temperature

        max_tokens = self.max_tokens

        reasoning_effort = self.reasoning_effort

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
        if system_prompt is not UNSET:
            field_dict["system_prompt"] = system_prompt
        if tools is not UNSET:
            field_dict["tools"] = tools
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if max_tokens is not UNSET:
            field_dict["max_tokens"] = max_tokens
        if reasoning_effort is not UNSET:
            field_dict["reasoning_effort"] = reasoning_effort
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
        llm_config = new_instance(cls)
        llm_config.__dict__ = d
        return llm_config

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


_KNOWN: frozenset[str] = frozenset(LlmConfig._wire_keys)
set_defaults(
    LlmConfig,
    lazy=(LazyModel("tools", LlmTool._from_json, many=True),),
)
