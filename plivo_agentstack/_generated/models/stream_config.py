# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stream_config_extra_headers import StreamConfigExtraHeaders
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

T = TypeVar("T", bound="StreamConfig")


@_attrs_define(repr=False, slots=False)
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
        return build_lazy(cls._from_json({**src_dict}))

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "extra_headers" in d:
            v = d.pop("extra_headers")
            if type(v) is dict:
                d["\x00extra_headers"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["extra_headers"] = StreamConfigExtraHeaders.from_dict(v)
        stream_config = new_instance(cls)
        stream_config.__dict__ = d
        return stream_config

    @staticmethod
    def _shape_ok(d: Any) -> bool:
        """Whether JSON ``d`` is an object whose nested objects have the shapes they need, so
        that building this model from it later cannot fail."""
        if type(d) is not dict:
            return False
        v = d.get("extra_headers")
        if v is not None and type(v) is not dict:
            return False
        return True

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(StreamConfig._wire_keys)
set_defaults(
    StreamConfig,
    lazy=(LazyModel("extra_headers", StreamConfigExtraHeaders._from_json),),
)
