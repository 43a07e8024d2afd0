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

T = TypeVar("T", bound="BackgroundAudio")


@_attrs_define(repr=False, slots=False)
class BackgroundAudio(WireAccess):
    """Background sound mixed into the call.

    Attributes:
        sound (str | Unset): Built-in sound: office, city-street, crowded-room, call-center, typing or typing-short.
        volume (float | Unset): Volume, 0.0-1.0 (0.3-0.5 recommended).
        loop (bool | Unset): Loop the sound (server default true).
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "sound": "sound",
        "volume": "volume",
        "loop": "loop",
    }

    sound: str | Unset = UNSET
    volume: float | Unset = UNSET
    loop: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        sound = self.sound

        volume = self.volume

        loop = self.loop

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sound is not UNSET:
            field_dict["sound"] = sound
        if volume is not UNSET:
            field_dict["volume"] = volume
        if loop is not UNSET:
            field_dict["loop"] = loop

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
        background_audio = new_instance(cls)
        background_audio.__dict__ = d
        return background_audio

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(BackgroundAudio._wire_keys)
set_defaults(
    BackgroundAudio,
)
