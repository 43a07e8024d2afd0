# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""POST /v1/Account/{auth_id}/Photo/: Upload photos."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.part import Part
from ...models.photo_upload_request import PhotoUploadRequest

OPERATION = "upload_photos"


def build_request(
    auth_id: str,
    *,
    body: PhotoUploadRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """Return the method, path and multipart body of the request."""
    request: dict[str, Any] = {
        "method": "POST",
        "url": "/v1/Account/{auth_id}/Photo/".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
        ),
    }
    request["multipart"] = body.to_dict() if isinstance(body, PhotoUploadRequest) else dict(body)
    return request


def parse_success(data: Any) -> Part:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return Part._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "widgets.photos.upload"
        ) from None
