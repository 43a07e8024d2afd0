# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Account/{auth_id}/Media/: List the media files of the account."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.media_page import MediaPage

OPERATION = "list_media"


def build_request(
    auth_id: str,
    *,
    limit: int | None = None,
    offset: int | None = None,
) -> dict[str, Any]:
    """Return the method, path, query of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/Account/{auth_id}/Media/".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
        ),
    }
    if limit is not None and not (1 <= limit <= 20):
        raise ValueError(f"{OPERATION}: limit must be from 1 to 20, got {limit!r}")
    params = {
        "limit": limit,
        "offset": offset,
    }
    request["params"] = {key: value for key, value in params.items() if value is not None}
    return request


def parse_success(data: Any) -> MediaPage:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return MediaPage._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(exc.field, exc.model, OPERATION, "media.list") from None
