"""The HTTP side of the fake REST API: recorded requests, responses, faults and errors.

Also the strict JSON decoding, the ``Retry-After`` text of an injected fault and the
conversion of query string values to their schema types.
"""

from __future__ import annotations

import email.utils
import json
import math
import re
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from http import HTTPStatus
from typing import Any, Final

import attrs

from ._spec import Operation

__all__ = ["FakeResponse", "RecordedRequest"]


@attrs.frozen
class RecordedRequest:
    """One request the fake received, and what it answered (for assertions in tests).

    ``path`` is percent-decoded; ``query`` maps each parameter to its (last) value; ``json`` is
    the decoded body or ``None``; ``status`` is ``None`` for a dropped connection; ``response``
    is the decoded JSON response body, if any; ``fault`` is ``"status"`` or ``"drop"`` when
    the request was answered by :meth:`FakePlivo.fail_next`.
    """

    operation_id: str | None
    method: str
    path: str
    query: dict[str, str]
    json: Any = None
    status: int | None = None
    response: Any = None
    fault: str | None = None
    headers: dict[str, str] = attrs.field(factory=dict)


@attrs.frozen
class FakeResponse:
    """What :meth:`FakePlivo.handle` answers: a status, headers and body, or a dropped socket."""

    status: int
    headers: dict[str, str]
    content: bytes
    dropped: bool = False

    def json(self) -> Any:
        """The decoded JSON body, or ``None`` when there is none."""
        return _decode_json(self.content)


@attrs.frozen
class _Fault:
    status: int
    retry_after: str | None
    body: Any
    drop: bool


class _ApiError(Exception):
    """An error response: HTTP status and the ``error`` text of the body."""

    def __init__(self, status: int, message: str, headers: Mapping[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = dict(headers or {})


@attrs.define
class _Request:
    operation: Operation
    api_id: str
    path: str
    params: dict[str, str]
    query: dict[str, Any]
    raw_query: list[tuple[str, str]]
    body: Any
    after: list[Callable[[], None]] = attrs.field(factory=list)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _loads(content: bytes) -> Any:
    """Strict JSON: NaN/Infinity are refused, and over-deep nesting is a ValueError too."""
    try:
        return json.loads(content, parse_constant=_reject_constant)
    except RecursionError:
        raise ValueError("the JSON is nested too deeply") from None


def _decode_json(content: bytes) -> Any:
    if not content:
        return None
    try:
        return _loads(content)
    except ValueError:
        return None


def _json_response(
    status: int, payload: Any, headers: Mapping[str, str] | None = None
) -> FakeResponse:
    merged = dict(headers or {})
    if payload is None:
        return FakeResponse(status, merged, b"")
    merged.setdefault("Content-Type", "application/json")
    return FakeResponse(status, merged, json.dumps(payload).encode())


_STATUSES: Final = frozenset(status.value for status in HTTPStatus)


def _retry_after_header(value: float | str | datetime | None) -> str | None:
    """The ``Retry-After`` header text for ``fail_next(retry_after=...)``."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("retry_after must be seconds, an HTTP-date string or a datetime")
    if isinstance(value, (int, float)):
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"retry_after must be 0 or more seconds, got {value!r}")
        return str(int(value)) if float(value).is_integer() else str(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("retry_after datetime must be timezone-aware")
        return email.utils.format_datetime(value.astimezone(timezone.utc), usegmt=True)
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("retry_after must not be an empty string")
        return value
    raise TypeError(
        "retry_after must be seconds, an HTTP-date string or a datetime, "
        f"got {type(value).__name__}"
    )


def _convert_query_value(raw: str, schema: Mapping[str, Any]) -> tuple[Any, str | None]:
    """Convert a query string value to the schema's type: ``(value, problem or None)``."""
    types = schema.get("type", "string")
    names = [types] if isinstance(types, str) else list(types)
    for name in names:
        if name == "integer" and re.fullmatch(r"[+-]?\d+", raw.strip()):
            return int(raw), None
        if name == "number":
            try:
                number = float(raw)
            except ValueError:
                continue
            if math.isfinite(number):
                return number, None
        if name == "boolean" and raw.lower() in ("true", "false"):
            return raw.lower() == "true", None
        if name == "string":
            return raw, None
    return raw, f"expected {' or '.join(names)}, got {raw!r}"
