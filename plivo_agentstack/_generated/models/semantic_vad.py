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

T = TypeVar("T", bound="SemanticVad")


@_attrs_define(repr=False, slots=False)
class SemanticVad(WireAccess):
    """Semantic turn-detection settings. The SDK also accepts a preset name (low, medium, high, auto) or an `eagerness` key
    and expands it client-side.

        Attributes:
            completed_turn_delay_ms (int | Unset): Delay after a completed turn before the agent responds (ms).
            incomplete_turn_delay_ms (int | Unset): Delay after an incomplete turn before the agent responds (ms).
            uncertain_turn_delay_ms (int | Unset): Delay after an uncertain turn before the agent responds (ms).
            min_interruption_duration_ms (int | Unset): Minimum user speech duration that interrupts the agent (ms).
            false_interruption_timeout_ms (int | Unset): Time after which an interruption without words is treated as false
                (ms).
            completed_turn_threshold (float | Unset): End-of-utterance probability above which a turn is complete, e.g. 0.7.
            incomplete_turn_threshold (float | Unset): End-of-utterance probability below which a turn is incomplete, e.g.
                0.3.
            speech_activation_threshold (float | Unset): Speech probability that activates the VAD, e.g. 0.5.
            min_interruption_words (int | Unset): Minimum number of words that interrupt the agent, e.g. 3.
    """

    _wire_keys: ClassVar[dict[str, str]] = {
        "completed_turn_delay_ms": "completed_turn_delay_ms",
        "incomplete_turn_delay_ms": "incomplete_turn_delay_ms",
        "uncertain_turn_delay_ms": "uncertain_turn_delay_ms",
        "min_interruption_duration_ms": "min_interruption_duration_ms",
        "false_interruption_timeout_ms": "false_interruption_timeout_ms",
        "completed_turn_threshold": "completed_turn_threshold",
        "incomplete_turn_threshold": "incomplete_turn_threshold",
        "speech_activation_threshold": "speech_activation_threshold",
        "min_interruption_words": "min_interruption_words",
    }

    completed_turn_delay_ms: int | Unset = UNSET
    incomplete_turn_delay_ms: int | Unset = UNSET
    uncertain_turn_delay_ms: int | Unset = UNSET
    min_interruption_duration_ms: int | Unset = UNSET
    false_interruption_timeout_ms: int | Unset = UNSET
    completed_turn_threshold: float | Unset = UNSET
    incomplete_turn_threshold: float | Unset = UNSET
    speech_activation_threshold: float | Unset = UNSET
    min_interruption_words: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict, keyed by wire names."""
        completed_turn_delay_ms = self.completed_turn_delay_ms

        incomplete_turn_delay_ms = self.incomplete_turn_delay_ms

        uncertain_turn_delay_ms = self.uncertain_turn_delay_ms

        min_interruption_duration_ms = self.min_interruption_duration_ms

        false_interruption_timeout_ms = self.false_interruption_timeout_ms

        completed_turn_threshold = self.completed_turn_threshold

        incomplete_turn_threshold = self.incomplete_turn_threshold

        speech_activation_threshold = self.speech_activation_threshold

        min_interruption_words = self.min_interruption_words

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if completed_turn_delay_ms is not UNSET:
            field_dict["completed_turn_delay_ms"] = completed_turn_delay_ms
        if incomplete_turn_delay_ms is not UNSET:
            field_dict["incomplete_turn_delay_ms"] = incomplete_turn_delay_ms
        if uncertain_turn_delay_ms is not UNSET:
            field_dict["uncertain_turn_delay_ms"] = uncertain_turn_delay_ms
        if min_interruption_duration_ms is not UNSET:
            field_dict["min_interruption_duration_ms"] = min_interruption_duration_ms
        if false_interruption_timeout_ms is not UNSET:
            field_dict["false_interruption_timeout_ms"] = false_interruption_timeout_ms
        if completed_turn_threshold is not UNSET:
            field_dict["completed_turn_threshold"] = completed_turn_threshold
        if incomplete_turn_threshold is not UNSET:
            field_dict["incomplete_turn_threshold"] = incomplete_turn_threshold
        if speech_activation_threshold is not UNSET:
            field_dict["speech_activation_threshold"] = speech_activation_threshold
        if min_interruption_words is not UNSET:
            field_dict["min_interruption_words"] = min_interruption_words

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
        semantic_vad = new_instance(cls)
        semantic_vad.__dict__ = d
        return semantic_vad

    @property
    def additional_keys(self) -> list[str]:
        """The keys the server sent that this SDK version does not know."""
        return list(self.additional_properties.keys())


_KNOWN: frozenset[str] = frozenset(SemanticVad._wire_keys)
set_defaults(
    SemanticVad,
)
