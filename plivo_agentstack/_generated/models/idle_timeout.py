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

T = TypeVar("T", bound="IdleTimeout")


@_attrs_define(repr=False, slots=False)
class IdleTimeout(WireAccess):
    """What the agent does when the user stays silent. Seconds (`_s`) and milliseconds (`_ms`) key forms are both in use.

    Attributes:
        no_response_timeout_s (float | Unset): Silence before the first reminder, in seconds (1-120).
        no_response_timeout_ms (int | Unset): Silence before the first reminder, in milliseconds.
        reminder_message (str | Unset): Fixed reminder text; omit for an LLM-generated nudge (required in BYOLLM mode).
        extended_wait_time_s (float | Unset): Wait after the user asks for more time, in seconds (1-300).
        extended_wait_time_ms (int | Unset): Wait after the user asks for more time, in milliseconds.
        max_retries (int | Unset): Reminders before hanging up (0-10).
        hangup_message (str | Unset): Message spoken before hanging up.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "no_response_timeout_s": "no_response_timeout_s",
        "no_response_timeout_ms": "no_response_timeout_ms",
        "reminder_message": "reminder_message",
        "extended_wait_time_s": "extended_wait_time_s",
        "extended_wait_time_ms": "extended_wait_time_ms",
        "max_retries": "max_retries",
        "hangup_message": "hangup_message",
    }

    no_response_timeout_s: float | Unset = UNSET
    no_response_timeout_ms: int | Unset = UNSET
    reminder_message: str | Unset = UNSET
    extended_wait_time_s: float | Unset = UNSET
    extended_wait_time_ms: int | Unset = UNSET
    max_retries: int | Unset = UNSET
    hangup_message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        no_response_timeout_s = self.no_response_timeout_s

        no_response_timeout_ms = self.no_response_timeout_ms

        reminder_message = self.reminder_message

        extended_wait_time_s = self.extended_wait_time_s

        extended_wait_time_ms = self.extended_wait_time_ms

        max_retries = self.max_retries

        hangup_message = self.hangup_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if no_response_timeout_s is not UNSET:
            field_dict["no_response_timeout_s"] = no_response_timeout_s
        if no_response_timeout_ms is not UNSET:
            field_dict["no_response_timeout_ms"] = no_response_timeout_ms
        if reminder_message is not UNSET:
            field_dict["reminder_message"] = reminder_message
        if extended_wait_time_s is not UNSET:
            field_dict["extended_wait_time_s"] = extended_wait_time_s
        if extended_wait_time_ms is not UNSET:
            field_dict["extended_wait_time_ms"] = extended_wait_time_ms
        if max_retries is not UNSET:
            field_dict["max_retries"] = max_retries
        if hangup_message is not UNSET:
            field_dict["hangup_message"] = hangup_message

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
        idle_timeout = new_instance(cls)
        idle_timeout.__dict__ = d
        return idle_timeout

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(IdleTimeout._wire_keys)
set_defaults(
    IdleTimeout,
)
