# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.dial_mode import DialMode
from ..models.dial_target import DialTarget
from ..types import (
    UNSET,
    Unset,
    WireAccess,
    build_lazy,
    missing,
    new_instance,
    set_defaults,
    split_unknown,
)

T = TypeVar("T", bound="CallDialRequest")


@_attrs_define(repr=False, slots=False)
class CallDialRequest(WireAccess):
    """Body of dial_call.

    Attributes:
        targets (list[DialTarget]): Numbers to dial.
        dial_mode (DialMode | Unset): How several targets are dialed.
        caller_id (str | Unset): Caller ID for the new legs.
        timeout (int | Unset): Ring timeout per target in seconds (sent as `timeout`; the `timeout` argument is the HTTP
            timeout).
        time_limit (int | Unset): Maximum duration of the new legs in seconds.
        hangup_on_star (bool | Unset): Let the dialed party hang up by pressing *.
        dial_music (str | Unset): Music played to the caller while dialing.
        confirm_sound (str | Unset): Sound played to the target before it joins.
        confirm_key (str | Unset): Key the target must press to join.
        sip_headers (str | Unset): Custom SIP headers sent to the targets, as Plivo takes them:
            "name1=value1,name2=value2" (a mapping is joined into that form).
        agent_id (str | Unset): Agent for the new legs.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "targets": "targets",
        "dial_mode": "dial_mode",
        "caller_id": "caller_id",
        "timeout": "timeout",
        "time_limit": "time_limit",
        "hangup_on_star": "hangup_on_star",
        "dial_music": "dial_music",
        "confirm_sound": "confirm_sound",
        "confirm_key": "confirm_key",
        "sip_headers": "sip_headers",
        "agent_id": "agent_id",
    }

    targets: list[DialTarget]
    dial_mode: DialMode | Unset = UNSET
    caller_id: str | Unset = UNSET
    timeout: int | Unset = UNSET
    time_limit: int | Unset = UNSET
    hangup_on_star: bool | Unset = UNSET
    dial_music: str | Unset = UNSET
    confirm_sound: str | Unset = UNSET
    confirm_key: str | Unset = UNSET
    sip_headers: str | Unset = UNSET
    agent_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        dial_mode: str | Unset = UNSET
        if not isinstance(self.dial_mode, Unset):
            dial_mode = self.dial_mode.value

        caller_id = self.caller_id

        timeout = self.timeout

        time_limit = self.time_limit

        hangup_on_star = self.hangup_on_star

        dial_music = self.dial_music

        confirm_sound = self.confirm_sound

        confirm_key = self.confirm_key

        sip_headers = self.sip_headers

        agent_id = self.agent_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "targets": targets,
            }
        )
        if dial_mode is not UNSET:
            field_dict["dial_mode"] = dial_mode
        if caller_id is not UNSET:
            field_dict["caller_id"] = caller_id
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if time_limit is not UNSET:
            field_dict["time_limit"] = time_limit
        if hangup_on_star is not UNSET:
            field_dict["hangup_on_star"] = hangup_on_star
        if dial_music is not UNSET:
            field_dict["dial_music"] = dial_music
        if confirm_sound is not UNSET:
            field_dict["confirm_sound"] = confirm_sound
        if confirm_key is not UNSET:
            field_dict["confirm_key"] = confirm_key
        if sip_headers is not UNSET:
            field_dict["sip_headers"] = sip_headers
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id

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
        if d.get("targets") is None:
            raise missing(cls, "targets")
        d["additional_properties"] = {} if _KNOWN.issuperset(d) else split_unknown(d, _KNOWN)
        v = d["targets"]
        d["targets"] = [DialTarget._from_json({**item}) for item in v]
        if "dial_mode" in d:
            v = d["dial_mode"]
            if v is None:
                del d["dial_mode"]  # null: not set
            else:
                d["dial_mode"] = DialMode(v)
        call_dial_request = new_instance(cls)
        call_dial_request.__dict__ = d
        return call_dial_request

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(CallDialRequest._wire_keys)
set_defaults(
    CallDialRequest,
)
