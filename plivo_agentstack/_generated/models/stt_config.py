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

T = TypeVar("T", bound="SttConfig")


@_attrs_define(repr=False, slots=False)
class SttConfig(WireAccess):
    """Speech-to-text provider configuration (also used for `stt_fallback` entries).

    Attributes:
        provider (str | Unset): STT provider: deepgram (default), google, azure, assemblyai, groq or openai (case-
            insensitive).
        model (str | Unset): Provider model, e.g. nova-3, nova-3-phonecall, gpt-4o-transcribe, whisper-large-v3.
        api_key (str | Unset): Provider API key (bring your own key); omit to use the platform key.
        base_url (str | Unset): Custom provider endpoint URL.
        language (str | Unset): Recognition language as a BCP-47 tag, e.g. en or en-US.
        encoding (str | Unset): Deepgram: audio encoding (server default linear16).
        sample_rate (int | Unset): Deepgram: audio sample rate in Hz (server default 16000).
        endpointing (int | Unset): Deepgram: endpointing silence in milliseconds (server default 25).
        interim_results (bool | Unset): Deepgram: emit interim results (server default true).
        smart_format (bool | Unset): Deepgram: apply smart formatting (server default false).
        punctuate (bool | Unset): Deepgram: add punctuation (server default true).
        profanity_filter (bool | Unset): Deepgram: filter profanity (server default false).
        no_delay (bool | Unset): Deepgram: disable result batching delay (server default true).
        filler_words (bool | Unset): Deepgram: transcribe filler words (server default true).
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "provider": "provider",
        "model": "model",
        "api_key": "api_key",
        "base_url": "base_url",
        "language": "language",
        "encoding": "encoding",
        "sample_rate": "sample_rate",
        "endpointing": "endpointing",
        "interim_results": "interim_results",
        "smart_format": "smart_format",
        "punctuate": "punctuate",
        "profanity_filter": "profanity_filter",
        "no_delay": "no_delay",
        "filler_words": "filler_words",
    }

    provider: str | Unset = UNSET
    model: str | Unset = UNSET
    api_key: str | Unset = UNSET
    base_url: str | Unset = UNSET
    language: str | Unset = UNSET
    encoding: str | Unset = UNSET
    sample_rate: int | Unset = UNSET
    endpointing: int | Unset = UNSET
    interim_results: bool | Unset = UNSET
    smart_format: bool | Unset = UNSET
    punctuate: bool | Unset = UNSET
    profanity_filter: bool | Unset = UNSET
    no_delay: bool | Unset = UNSET
    filler_words: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        provider = self.provider

        model = self.model

        api_key = self.api_key

        base_url = self.base_url

        language = self.language

        encoding = self.encoding

        sample_rate = self.sample_rate

        endpointing = self.endpointing

        interim_results = self.interim_results

        smart_format = self.smart_format

        punctuate = self.punctuate

        profanity_filter = self.profanity_filter

        no_delay = self.no_delay

        filler_words = self.filler_words

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
        if language is not UNSET:
            field_dict["language"] = language
        if encoding is not UNSET:
            field_dict["encoding"] = encoding
        if sample_rate is not UNSET:
            field_dict["sample_rate"] = sample_rate
        if endpointing is not UNSET:
            field_dict["endpointing"] = endpointing
        if interim_results is not UNSET:
            field_dict["interim_results"] = interim_results
        if smart_format is not UNSET:
            field_dict["smart_format"] = smart_format
        if punctuate is not UNSET:
            field_dict["punctuate"] = punctuate
        if profanity_filter is not UNSET:
            field_dict["profanity_filter"] = profanity_filter
        if no_delay is not UNSET:
            field_dict["no_delay"] = no_delay
        if filler_words is not UNSET:
            field_dict["filler_words"] = filler_words

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
        stt_config = new_instance(cls)
        stt_config.__dict__ = d
        return stt_config

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(SttConfig._wire_keys)
set_defaults(
    SttConfig,
)
