"""Path parameters: every value becomes exactly one percent-encoded segment of its own path.

The generated request builders (``_generated/api/*/*.py``) fill each ``{name}`` of a path
template through :func:`path_segment`, so that no value can steer a request to another endpoint:

- every character outside the URL's unreserved set is percent-encoded, ``/`` included, so a value
  never adds a segment, a query or a fragment;
- ``""``, ``"."`` and ``".."`` are refused: an empty segment addresses the collection (``DELETE
  /Agent/`` instead of one agent), and HTTP clients and servers remove dot segments (httpx drops
  ``..`` with the segment before it; nginx and others decode ``%2E%2E`` and resolve it again), so
  ``agents.delete("..")`` would reach ``DELETE /v1/Account/<id>``. No real id is one of these.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import quote

__all__ = ["path_segment"]

_REFUSED: Final = frozenset({"", ".", ".."})


def path_segment(operation: str, name: str, value: object) -> str:
    """Return ``value`` as one percent-encoded path segment of ``operation``'s path.

    Raises ``ValueError`` naming the operation and the parameter when ``value`` is empty, ``"."``
    or ``".."``, or is text that cannot be encoded as UTF-8 (a lone surrogate).
    """
    text = value if isinstance(value, str) else str(value)
    if text in _REFUSED:
        raise ValueError(
            f"{operation}: path parameter {name!r} must be a non-empty id other than '.' and "
            f"'..', got {text!r} (it would address another endpoint)"
        )
    try:
        return quote(text, safe="")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"{operation}: path parameter {name!r} is not encodable as UTF-8: {text!r}"
        ) from exc
