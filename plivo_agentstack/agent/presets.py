"""Eagerness presets for ``semantic_vad`` and their client-side expansion."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from .._types import SupportsToDict

__all__ = ["EAGERNESS_PRESETS", "expand_semantic_vad"]


def _preset(**values: int) -> Mapping[str, int]:
    return MappingProxyType(values)


EAGERNESS_PRESETS: Final[Mapping[str, Mapping[str, int]]] = MappingProxyType(
    {
        "low": _preset(
            completed_turn_delay_ms=500,
            incomplete_turn_delay_ms=2500,
            uncertain_turn_delay_ms=1000,
            min_interruption_duration_ms=600,
            false_interruption_timeout_ms=1200,
        ),
        "medium": _preset(
            completed_turn_delay_ms=250,
            incomplete_turn_delay_ms=1800,
            uncertain_turn_delay_ms=900,
            min_interruption_duration_ms=500,
            false_interruption_timeout_ms=1000,
        ),
        "high": _preset(
            completed_turn_delay_ms=150,
            incomplete_turn_delay_ms=1400,
            uncertain_turn_delay_ms=700,
            min_interruption_duration_ms=300,
            false_interruption_timeout_ms=750,
        ),
        # Empty on purpose: the server applies its own defaults.
        "auto": _preset(),
    }
)
"""Read-only map of preset name to the ``semantic_vad`` settings it stands for."""

_VALID_NAMES: Final = ", ".join(EAGERNESS_PRESETS)


def _lookup(name: str, what: str) -> dict[str, Any]:
    try:
        return dict(EAGERNESS_PRESETS[name])
    except KeyError:
        raise ValueError(f"Unknown {what} {name!r}; use one of: {_VALID_NAMES}") from None


def expand_semantic_vad(
    value: str | Mapping[str, Any] | SupportsToDict | None,
) -> dict[str, Any] | None:
    """Expand a ``semantic_vad`` preset name or ``eagerness`` shorthand into a new plain dict."""
    if value is None:
        return None
    if isinstance(value, str):
        return _lookup(value, "semantic_vad preset")
    if isinstance(value, Mapping):
        settings: Mapping[str, Any] = value
    elif isinstance(value, SupportsToDict):
        settings = value.to_dict()
        if not isinstance(settings, Mapping):
            raise TypeError(
                f"semantic_vad.to_dict() must return a mapping, got {type(settings).__name__}"
            )
    else:
        raise TypeError(
            "semantic_vad must be a preset name (str), a mapping, or None, "
            f"got {type(value).__name__}"
        )

    if "eagerness" not in settings:
        return dict(settings)
    eagerness = settings["eagerness"]
    if not isinstance(eagerness, str):
        raise TypeError(
            f"semantic_vad eagerness must be a preset name (str), got {type(eagerness).__name__}"
        )
    expanded = _lookup(eagerness, "semantic_vad eagerness")
    expanded.update((key, item) for key, item in settings.items() if key != "eagerness")
    return expanded
