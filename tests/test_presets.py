"""Tests for the semantic_vad eagerness presets and their expansion."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import pytest

import plivo_agentstack.agent as agent_pkg
from plivo_agentstack.agent.presets import EAGERNESS_PRESETS, expand_semantic_vad

LOW = {
    "completed_turn_delay_ms": 500,
    "incomplete_turn_delay_ms": 2500,
    "uncertain_turn_delay_ms": 1000,
    "min_interruption_duration_ms": 600,
    "false_interruption_timeout_ms": 1200,
}
MEDIUM = {
    "completed_turn_delay_ms": 250,
    "incomplete_turn_delay_ms": 1800,
    "uncertain_turn_delay_ms": 900,
    "min_interruption_duration_ms": 500,
    "false_interruption_timeout_ms": 1000,
}
HIGH = {
    "completed_turn_delay_ms": 150,
    "incomplete_turn_delay_ms": 1400,
    "uncertain_turn_delay_ms": 700,
    "min_interruption_duration_ms": 300,
    "false_interruption_timeout_ms": 750,
}
EXPECTED = {"low": LOW, "medium": MEDIUM, "high": HIGH, "auto": {}}


class _Model:
    """Stands in for a generated attrs model."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def to_dict(self) -> dict[str, Any]:
        return dict(self.data)


def test_preset_table_is_exact() -> None:
    assert list(EAGERNESS_PRESETS) == ["low", "medium", "high", "auto"]
    assert {name: dict(values) for name, values in EAGERNESS_PRESETS.items()} == EXPECTED


@pytest.mark.parametrize("name", ["low", "medium", "high", "auto"])
def test_string_preset_expands_to_a_fresh_copy(name: str) -> None:
    first = expand_semantic_vad(name)
    assert first == EXPECTED[name]
    assert type(first) is dict
    assert first is not None
    first["completed_turn_delay_ms"] = 1
    assert expand_semantic_vad(name) == EXPECTED[name]
    assert dict(EAGERNESS_PRESETS[name]) == EXPECTED[name]


def test_none_passes_through() -> None:
    assert expand_semantic_vad(None) is None


def test_eagerness_overlays_remaining_keys() -> None:
    value = {"eagerness": "high", "completed_turn_delay_ms": 99, "completed_turn_threshold": 0.7}
    assert expand_semantic_vad(value) == {
        **HIGH,
        "completed_turn_delay_ms": 99,
        "completed_turn_threshold": 0.7,
    }


def test_eagerness_auto_keeps_only_overrides() -> None:
    assert expand_semantic_vad({"eagerness": "auto", "min_interruption_words": 3}) == {
        "min_interruption_words": 3
    }


def test_mapping_without_eagerness_is_copied() -> None:
    value = {"completed_turn_threshold": 0.7, "incomplete_turn_threshold": 0.3}
    result = expand_semantic_vad(value)
    assert result == value
    assert result is not value


def test_read_only_mapping_is_accepted() -> None:
    value = MappingProxyType({"eagerness": "low", "speech_activation_threshold": 0.5})
    assert expand_semantic_vad(value) == {**LOW, "speech_activation_threshold": 0.5}


@pytest.mark.parametrize(
    "value",
    [
        {"eagerness": "medium", "uncertain_turn_delay_ms": 1},
        {"completed_turn_threshold": 0.7},
    ],
)
def test_caller_dict_is_never_mutated(value: dict[str, Any]) -> None:
    before = copy.deepcopy(value)
    result = expand_semantic_vad(value)
    assert value == before
    assert result is not value


def test_reusing_the_same_dict_gives_the_same_result() -> None:
    value = {"eagerness": "low", "min_interruption_words": 2}
    first = expand_semantic_vad(value)
    second = expand_semantic_vad(value)
    assert first == second == {**LOW, "min_interruption_words": 2}
    assert first is not second


def test_to_dict_objects_are_accepted() -> None:
    model = _Model({"eagerness": "medium", "completed_turn_delay_ms": 10})
    assert expand_semantic_vad(model) == {**MEDIUM, "completed_turn_delay_ms": 10}
    assert model.data == {"eagerness": "medium", "completed_turn_delay_ms": 10}
    assert expand_semantic_vad(_Model({"completed_turn_threshold": 0.5})) == {
        "completed_turn_threshold": 0.5
    }


def test_presets_cannot_be_mutated() -> None:
    with pytest.raises(TypeError):
        EAGERNESS_PRESETS["custom"] = {}  # type: ignore[index]
    with pytest.raises(TypeError):
        EAGERNESS_PRESETS["low"]["completed_turn_delay_ms"] = 1  # type: ignore[index]
    assert isinstance(EAGERNESS_PRESETS["high"], Mapping)


@pytest.mark.parametrize("bad", ["hgh", "", "LOW", "Low "])
def test_unknown_preset_lists_valid_names(bad: str) -> None:
    with pytest.raises(ValueError) as info:
        expand_semantic_vad(bad)
    message = str(info.value)
    assert message == f"Unknown semantic_vad preset {bad!r}; use one of: low, medium, high, auto"


@pytest.mark.parametrize("bad", ["urgent", ""])
def test_unknown_eagerness_lists_valid_names(bad: str) -> None:
    with pytest.raises(ValueError) as info:
        expand_semantic_vad({"eagerness": bad, "completed_turn_threshold": 0.7})
    message = str(info.value)
    assert repr(bad) in message
    assert "eagerness" in message
    assert "low, medium, high, auto" in message


@pytest.mark.parametrize(("value", "type_name"), [(3, "int"), (["low"], "list"), (1.5, "float")])
def test_wrong_type_is_a_type_error(value: Any, type_name: str) -> None:
    with pytest.raises(TypeError) as info:
        expand_semantic_vad(value)
    assert str(info.value) == (
        f"semantic_vad must be a preset name (str), a mapping, or None, got {type_name}"
    )


@pytest.mark.parametrize("eagerness", [1, None, ["low"]])
def test_non_string_eagerness_is_a_type_error(eagerness: Any) -> None:
    with pytest.raises(TypeError, match="eagerness"):
        expand_semantic_vad({"eagerness": eagerness})


def test_to_dict_returning_a_non_mapping_is_a_type_error() -> None:
    class Odd:
        def to_dict(self) -> Any:
            return ["low"]

    with pytest.raises(TypeError, match="to_dict"):
        expand_semantic_vad(Odd())


def test_agent_package_exports_lazily() -> None:
    assert agent_pkg.EAGERNESS_PRESETS is EAGERNESS_PRESETS
    assert agent_pkg.expand_semantic_vad is expand_semantic_vad
    assert {"EAGERNESS_PRESETS", "expand_semantic_vad"} <= set(dir(agent_pkg))
    assert {"EAGERNESS_PRESETS", "expand_semantic_vad"} <= set(agent_pkg.__all__)
    for name in agent_pkg.__all__:
        assert getattr(agent_pkg, name) is not None
    with pytest.raises(AttributeError, match="no_such_name"):
        agent_pkg.no_such_name  # noqa: B018
