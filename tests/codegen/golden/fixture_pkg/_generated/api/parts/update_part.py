# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""POST /v1/Part/{part_id}/: Update a part."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.part import Part
from ...models.part_update_request import PartUpdateRequest

OPERATION = "update_part"


def build_request(
    part_id: str,
    *,
    body: PartUpdateRequest | Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Return the method, path and JSON body of the request."""
    request: dict[str, Any] = {
        "method": "POST",
        "url": "/v1/Part/{part_id}/".format(
            part_id=path_segment(OPERATION, "part_id", part_id),
        ),
    }
    if body:
        request["json"] = body.to_dict() if isinstance(body, PartUpdateRequest) else dict(body)
    return request


def parse_success(data: Any) -> Part:
    """Parse the decoded 202 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return Part._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "widgets.parts.update"
        ) from None
