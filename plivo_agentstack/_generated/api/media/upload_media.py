# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""POST /v1/Account/{auth_id}/Media/: Upload media files, to send by media_ids with messages.create."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.media_upload_request import MediaUploadRequest
from ...models.media_upload_result import MediaUploadResult

OPERATION = "upload_media"


def build_request(
    auth_id: str,
    *,
    body: MediaUploadRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """Return the method, path and multipart body of the request."""
    request: dict[str, Any] = {
        "method": "POST",
        "url": "/v1/Account/{auth_id}/Media/".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
        ),
    }
    request["multipart"] = body.to_dict() if isinstance(body, MediaUploadRequest) else dict(body)
    return request


def parse_success(data: Any) -> MediaUploadResult:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return MediaUploadResult._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(exc.field, exc.model, OPERATION, "media.upload") from None
