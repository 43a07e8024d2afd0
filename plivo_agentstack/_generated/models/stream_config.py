# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stream_config_extra_headers import StreamConfigExtraHeaders
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="StreamConfig")


@_attrs_define(repr=False)
class StreamConfig(WireAccess):
    """Plivo Stream attributes (snake_case) for the audio stream to the agent.

    Attributes:
        extra_headers (StreamConfigExtraHeaders | Unset): Extra headers passed to the WebSocket (alphanumeric
            keys/values, max 512 bytes; agentUuid is always added).
        stream_timeout (int | Unset): Maximum stream duration in seconds (server default 86400).
        content_type (str | Unset): Audio content type, e.g. audio/x-mulaw;rate=8000.
        noise_cancellation (bool | Unset): Enable Plivo noise cancellation (server default false).
        noise_cancellation_level (int | Unset): Noise cancellation level, 60-100.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "extra_headers": "extra_headers",
        "stream_timeout": "stream_timeout",
        "content_type": "content_type",
        "noise_cancellation": "noise_cancellation",
        "noise_cancellation_level": "noise_cancellation_level",
    }

    extra_headers: StreamConfigExtraHeaders | Unset = UNSET
    stream_timeout: int | Unset = UNSET
    content_type: str | Unset = UNSET
    noise_cancellation: bool | Unset = UNSET
    noise_cancellation_level: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        extra_headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extra_headers, Unset):
            extra_headers = self.extra_headers.to_dict()

        stream_timeout = self.stream_timeout

        content_type = self.content_type

        noise_cancellation = self.noise_cancellation

        noise_cancellation_level = self.noise_cancellation_level

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if extra_headers is not UNSET:
            field_dict["extra_headers"] = extra_headers
        if stream_timeout is not UNSET:
            field_dict["stream_timeout"] = stream_timeout
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if noise_cancellation is not UNSET:
            field_dict["noise_cancellation"] = noise_cancellation
        if noise_cancellation_level is not UNSET:
            field_dict["noise_cancellation_level"] = noise_cancellation_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        _extra_headers = d.pop("extra_headers", UNSET)
        extra_headers: StreamConfigExtraHeaders | Unset
        if _extra_headers is None or isinstance(_extra_headers, Unset):
            extra_headers = UNSET
        else:
            extra_headers = StreamConfigExtraHeaders.from_dict(_extra_headers)

        stream_timeout = d.pop("stream_timeout", UNSET)

        content_type = d.pop("content_type", UNSET)

        noise_cancellation = d.pop("noise_cancellation", UNSET)

        noise_cancellation_level = d.pop("noise_cancellation_level", UNSET)

        stream_config = cls(
            extra_headers=extra_headers,
            stream_timeout=stream_timeout,
            content_type=content_type,
            noise_cancellation=noise_cancellation,
            noise_cancellation_level=noise_cancellation_level,
        )

        stream_config.additional_properties = d
        return stream_config

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
