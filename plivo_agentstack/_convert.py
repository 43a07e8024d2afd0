"""Argument converters used by the generated resources (named by ``x-sdk-convert`` in the spec)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from plivo_agentstack.agent.presets import expand_semantic_vad

__all__ = ["as_list", "compact", "expand_semantic_vad", "merged"]

T = TypeVar("T")


def compact(values: Mapping[str, Any]) -> dict[str, Any]:
    """Drop the ``None`` values: an argument left at ``None`` is not sent."""
    return {key: value for key, value in values.items() if value is not None}


def as_list(value: str | Iterable[T] | None) -> list[Any] | None:
    """Wrap a single string in a list; turn any other iterable into a list."""
    if value is None:
        return None
    if isinstance(value, (str, bytes)):
        return [value]
    return list(value)


def merged(extra: Mapping[str, Any], explicit: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Combine ``**extra`` keyword arguments with an explicit ``extra_query``/``extra_body``."""
    if not extra and not explicit:
        return None
    return {**extra, **(explicit or {})}
