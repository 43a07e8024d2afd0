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

T = TypeVar("T", bound="TtsConfig")


@_attrs_define(repr=False, slots=False)
class TtsConfig(WireAccess):
    """Text-to-speech provider configuration (also used for `tts_fallback` entries).

    Attributes:
        provider (str | Unset): TTS provider: elevenlabs (default), cartesia, google, azure, openai or deepgram (case-
            insensitive).
        model (str | Unset): Provider model, e.g. eleven_flash_v2_5 or gpt-4o-mini-tts.
        api_key (str | Unset): Provider API key (bring your own key); omit to use the platform key.
        base_url (str | Unset): Custom provider endpoint URL.
        voice (str | Unset): Voice name or id, e.g. an ElevenLabs voice id or alloy (OpenAI).
        voice_id (str | Unset): Cartesia: voice id.
        model_id (str | Unset): Cartesia: model id, e.g. sonic-english or sonic-multilingual.
        output_format (str | Unset): Audio output format, e.g. pcm_16000 (recommended) or mp3_44100.
        stability (float | Unset): ElevenLabs: voice stability, 0-1.
        similarity_boost (float | Unset): ElevenLabs: similarity boost, 0-1.
        style (float | Unset): ElevenLabs: style exaggeration, 0-1.
        use_speaker_boost (bool | Unset): ElevenLabs: enable speaker boost.
        speed (float | Unset): Speaking rate, 0.1-4.0.
        sample_rate (int | Unset): Output sample rate in Hz.
        region (str | Unset): ElevenLabs: data residency region, us (default) or in.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "provider": "provider",
        "model": "model",
        "api_key": "api_key",
        "base_url": "base_url",
        "voice": "voice",
        "voice_id": "voice_id",
        "model_id": "model_id",
        "output_format": "output_format",
        "stability": "stability",
        "similarity_boost": "similarity_boost",
        "style": "style",
        "use_speaker_boost": "use_speaker_boost",
        "speed": "speed",
        "sample_rate": "sample_rate",
        "region": "region",
    }

    provider: str | Unset = UNSET
    model: str | Unset = UNSET
    api_key: str | Unset = UNSET
    base_url: str | Unset = UNSET
    voice: str | Unset = UNSET
    voice_id: str | Unset = UNSET
    model_id: str | Unset = UNSET
    output_format: str | Unset = UNSET
    stability: float | Unset = UNSET
    similarity_boost: float | Unset = UNSET
    style: float | Unset = UNSET
    use_speaker_boost: bool | Unset = UNSET
    speed: float | Unset = UNSET
    sample_rate: int | Unset = UNSET
    region: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        provider = self.provider

        model = self.model

        api_key = self.api_key

        base_url = self.base_url

        voice = self.voice

        voice_id = self.voice_id

        model_id = self.model_id

        output_format = self.output_format

        stability = self.stability

        similarity_boost = self.similarity_boost

        style = self.style

        use_speaker_boost = self.use_speaker_boost

        speed = self.speed

        sample_rate = self.sample_rate

        region = self.region

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
        if voice_id is not UNSET:
            field_dict["voice_id"] = voice_id
        if model_id is not UNSET:
            field_dict["model_id"] = model_id
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if stability is not UNSET:
            field_dict["stability"] = stability
        if similarity_boost is not UNSET:
            field_dict["similarity_boost"] = similarity_boost
        if style is not UNSET:
            field_dict["style"] = style
        if use_speaker_boost is not UNSET:
            field_dict["use_speaker_boost"] = use_speaker_boost
        if speed is not UNSET:
            field_dict["speed"] = speed
        if sample_rate is not UNSET:
            field_dict["sample_rate"] = sample_rate
        if region is not UNSET:
            field_dict["region"] = region

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
        tts_config = new_instance(cls)
        tts_config.__dict__ = d
        return tts_config

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(TtsConfig._wire_keys)
set_defaults(
    TtsConfig,
)
