# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Account/{auth_id}/PhoneNumber/: Search phone numbers available to buy."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.number_search_list import NumberSearchList

OPERATION = "search_numbers"


def build_request(
    auth_id: str,
    *,
    country_iso: str,
    type_: str | None = None,
    pattern: str | None = None,
    region: str | None = None,
    services: str | None = None,
    lata: int | None = None,
    rate_center: str | None = None,
    npanxx: str | None = None,
    local_calling_area: bool | None = None,
    eligible: bool | None = None,
    city: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> dict[str, Any]:
    """Return the method, path, query of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/Account/{auth_id}/PhoneNumber/".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
        ),
    }
    if limit is not None and not (1 <= limit <= 20):
        raise ValueError(f"{OPERATION}: limit must be from 1 to 20, got {limit!r}")
    params = {
        "country_iso": country_iso,
        "type": type_,
        "pattern": pattern,
        "region": region,
        "services": services,
        "lata": lata,
        "rate_center": rate_center,
        "npanxx": npanxx,
        "local_calling_area": local_calling_area,
        "eligible": eligible,
        "city": city,
        "limit": limit,
        "offset": offset,
    }
    request["params"] = {key: value for key, value in params.items() if value is not None}
    return request


def parse_success(data: Any) -> NumberSearchList:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return NumberSearchList._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "numbers.search"
        ) from None
