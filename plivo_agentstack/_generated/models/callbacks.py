# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.callback_target import CallbackTarget
from ..types import UNSET, Unset, WireAccess

T = TypeVar("T", bound="Callbacks")


@_attrs_define(repr=False)
class Callbacks(WireAccess):
    """HTTP callbacks for call lifecycle events.

    Attributes:
        hangup (CallbackTarget | Unset): A callback URL and the HTTP method used to call it.
        recording (CallbackTarget | Unset): A callback URL and the HTTP method used to call it.
        ring (CallbackTarget | Unset): A callback URL and the HTTP method used to call it.
        stream_status (CallbackTarget | Unset): A callback URL and the HTTP method used to call it.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "hangup": "hangup",
        "recording": "recording",
        "ring": "ring",
        "stream_status": "stream_status",
    }

    hangup: CallbackTarget | Unset = UNSET
    recording: CallbackTarget | Unset = UNSET
    ring: CallbackTarget | Unset = UNSET
    stream_status: CallbackTarget | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        hangup: dict[str, Any] | Unset = UNSET
        if not isinstance(self.hangup, Unset):
            hangup = self.hangup.to_dict()

        recording: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recording, Unset):
            recording = self.recording.to_dict()

        ring: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ring, Unset):
            ring = self.ring.to_dict()

        stream_status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stream_status, Unset):
            stream_status = self.stream_status.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if hangup is not UNSET:
            field_dict["hangup"] = hangup
        if recording is not UNSET:
            field_dict["recording"] = recording
        if ring is not UNSET:
            field_dict["ring"] = ring
        if stream_status is not UNSET:
            field_dict["stream_status"] = stream_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Build from decoded JSON; keys this model does not know go to additional_properties."""
        d = dict(src_dict)
        _hangup = d.pop("hangup", UNSET)
        hangup: CallbackTarget | Unset
        if _hangup is None or isinstance(_hangup, Unset):
            hangup = UNSET
        else:
            hangup = CallbackTarget.from_dict(_hangup)

        _recording = d.pop("recording", UNSET)
        recording: CallbackTarget | Unset
        if _recording is None or isinstance(_recording, Unset):
            recording = UNSET
        else:
            recording = CallbackTarget.from_dict(_recording)

        _ring = d.pop("ring", UNSET)
        ring: CallbackTarget | Unset
        if _ring is None or isinstance(_ring, Unset):
            ring = UNSET
        else:
            ring = CallbackTarget.from_dict(_ring)

        _stream_status = d.pop("stream_status", UNSET)
        stream_status: CallbackTarget | Unset
        if _stream_status is None or isinstance(_stream_status, Unset):
            stream_status = UNSET
        else:
            stream_status = CallbackTarget.from_dict(_stream_status)

        callbacks = cls(
            hangup=hangup,
            recording=recording,
            ring=ring,
            stream_status=stream_status,
        )

        callbacks.additional_properties = d
        return callbacks

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())
