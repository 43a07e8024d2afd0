"""Paging and sorting of the fake REST API's list operations (Plivo-style ``meta``)."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final
from urllib.parse import urlencode

from ._fake_data import _sort_key
from ._fake_http import _ApiError, _Request
from ._schema import SchemaError

_DEFAULT_LIMIT: Final = 20


def _page(request: _Request, items: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """One page of ``items`` per ``limit`` / ``offset``, with ``meta`` and next/previous links."""
    limit = request.query.get("limit", _DEFAULT_LIMIT)
    offset = request.query.get("offset", 0)
    problems = []
    if limit < 1:
        problems.append(("limit", f"must be at least 1, got {limit}"))
    if offset < 0:
        problems.append(("offset", f"must not be negative, got {offset}"))
    if problems:
        raise _ApiError(400, str(SchemaError(problems)))
    total = len(items)
    others = [(key, value) for key, value in request.raw_query if key not in ("limit", "offset")]

    def link(to: int) -> str:
        return f"{request.path}?{urlencode([('limit', limit), ('offset', to), *others])}"

    return {
        "api_id": request.api_id,
        "meta": {
            "limit": limit,
            "offset": offset,
            "total_count": total,
            "previous": link(max(offset - limit, 0)) if offset > 0 else None,
            "next": link(offset + limit) if offset + limit < total else None,
        },
        "objects": copy.deepcopy(list(items[offset : offset + limit])),
    }


def _sorted(
    request: _Request, items: Iterable[dict[str, Any]], default_by: str
) -> list[dict[str, Any]]:
    """Sort by ``sort_by`` / ``sort_order`` (default: ``default_by``, newest first)."""
    sort_by = request.query.get("sort_by") or default_by
    order = (request.query.get("sort_order") or "desc").lower()
    if order not in ("asc", "desc"):
        raise _ApiError(400, f"sort_order: must be 'asc' or 'desc', got {order!r}")
    result = sorted(items, key=lambda item: _sort_key(item.get(sort_by)))
    if order == "desc":
        result.reverse()  # ties keep creation order reversed: newest first
    return result
