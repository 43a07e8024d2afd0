# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dial_mode import DialMode
from ..types import (
    UNSET,
    Unset,
    WireAccess,
    missing,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="CallInitiateRequest")


@_attrs_define(repr=False, slots=False)
class CallInitiateRequest(WireAccess):
    """Body of initiate_call.

    Attributes:
        agent_id (str): Agent that handles the call.
        from_ (str): Caller ID (E.164).
        to (list[str]): Destination numbers (E.164); a single number is accepted.
        voicemail_detect (bool | Unset): Detect voicemail on this call. Default: False.
        dial_mode (DialMode | Unset): How several targets are dialed.
        caller_name (str | Unset): Caller name.
        time_limit (int | Unset): Maximum call duration in seconds.
        ring_timeout (int | Unset): Seconds to ring before giving up.
        machine_detection (str | Unset): Answering-machine detection setting.
        send_digits (str | Unset): DTMF digits to send once the call is answered.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "agent_id": "agent_id",
        "from": "from_",
        "to": "to",
        "voicemail_detect": "voicemail_detect",
        "dial_mode": "dial_mode",
        "caller_name": "caller_name",
        "time_limit": "time_limit",
        "ring_timeout": "ring_timeout",
        "machine_detection": "machine_detection",
        "send_digits": "send_digits",
    }

    agent_id: str
    from_: str
    to: list[str]
    voicemail_detect: bool | Unset = False
    dial_mode: DialMode | Unset = UNSET
    caller_name: str | Unset = UNSET
    time_limit: int | Unset = UNSET
    ring_timeout: int | Unset = UNSET
    machine_detection: str | Unset = UNSET
    send_digits: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        agent_id = self.agent_id

        from_ = self.from_

        to = self.to

        voicemail_detect = self.voicemail_detect

        dial_mode: str | Unset = UNSET
        if not isinstance(self.dial_mode, Unset):
            dial_mode = self.dial_mode.value

        caller_name = self.caller_name

        time_limit = self.time_limit

        ring_timeout = self.ring_timeout

        machine_detection = self.machine_detection

        send_digits = self.send_digits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_id": agent_id,
                "from": from_,
                "to": to,
            }
        )
        if voicemail_detect is not UNSET:
            field_dict["voicemail_detect"] = voicemail_detect
        if dial_mode is not UNSET:
            field_dict["dial_mode"] = dial_mode
        if caller_name is not UNSET:
            field_dict["caller_name"] = caller_name
        if time_limit is not UNSET:
            field_dict["time_limit"] = time_limit
        if ring_timeout is not UNSET:
            field_dict["ring_timeout"] = ring_timeout
        if machine_detection is not UNSET:
            field_dict["machine_detection"] = machine_detection
        if send_digits is not UNSET:
            field_dict["send_digits"] = send_digits

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
        if d.get("agent_id") is None:
            raise missing(cls, "agent_id")
        if d.get("from") is None:
            raise missing(cls, "from")
        if d.get("to") is None:
            raise missing(cls, "to")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        if "from" in d:
            d["from_"] = d.pop("from")
        if "dial_mode" in d:
            v = d["dial_mode"]
            if v is None:
                del d["dial_mode"]  # null: not set
            else:
                d["dial_mode"] = DialMode(v)
        call_initiate_request = new_instance(cls)
        call_initiate_request.__dict__ = d
        return call_initiate_request

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(CallInitiateRequest._wire_keys)
set_defaults(
    CallInitiateRequest,
)
