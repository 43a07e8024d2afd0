# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.callback_target import CallbackTarget
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

T = TypeVar("T", bound="Callbacks")


@_attrs_define(repr=False, slots=False)
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
        return build_lazy(cls._from_json({**src_dict}))

    @classmethod
    def _from_json(cls: type[T], d: dict[str, Any]) -> T:
        """Build from a decoded JSON object, which becomes the instance's ``__dict__``.

        Only the keys present are touched; nested objects are copied, never changed.
        """
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "hangup" in d:
            v = d.pop("hangup")
            if type(v) is dict:
                d["\x00hangup"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["hangup"] = CallbackTarget.from_dict(v)
        if "recording" in d:
            v = d.pop("recording")
            if type(v) is dict:
                d["\x00recording"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["recording"] = CallbackTarget.from_dict(v)
        if "ring" in d:
            v = d.pop("ring")
            if type(v) is dict:
                d["\x00ring"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["ring"] = CallbackTarget.from_dict(v)
        if "stream_status" in d:
            v = d.pop("stream_status")
            if type(v) is dict:
                d["\x00stream_status"] = v  # built on first read (LazyModel)
            elif v is not None:  # not plain JSON: build now (raises on a bad shape)
                d["stream_status"] = CallbackTarget.from_dict(v)
        callbacks = new_instance(cls)
        callbacks.__dict__ = d
        return callbacks

    @staticmethod
    def _shape_ok(d: Any) -> bool:
        """Whether JSON ``d`` is an object whose nested objects have the shapes they need, so
        that building this model from it later cannot fail."""
        if type(d) is not dict:
            return False
        v = d.get("hangup")
        if v is not None and type(v) is not dict:
            return False
        v = d.get("recording")
        if v is not None and type(v) is not dict:
            return False
        v = d.get("ring")
        if v is not None and type(v) is not dict:
            return False
        v = d.get("stream_status")
        if v is not None and type(v) is not dict:
            return False
        return True

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(Callbacks._wire_keys)
set_defaults(
    Callbacks,
    lazy=(
        LazyModel("hangup", CallbackTarget._from_json),
        LazyModel("recording", CallbackTarget._from_json),
        LazyModel("ring", CallbackTarget._from_json),
        LazyModel("stream_status", CallbackTarget._from_json),
    ),
)
