# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Account/{auth_id}/Media/{media_id}/: Get a media file's details."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.media import Media

OPERATION = "get_media"


def build_request(
    auth_id: str,
    media_id: str,
) -> dict[str, Any]:
    """Return the method, path of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/Account/{auth_id}/Media/{media_id}/".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            media_id=path_segment(OPERATION, "media_id", media_id),
        ),
    }
    return request


def parse_success(data: Any) -> Media:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return Media._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(exc.field, exc.model, OPERATION, "media.get") from None
