# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""POST /v1/Account/{auth_id}/Number/{number}/: Update a phone number on the account."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.number_update_request import NumberUpdateRequest
from ...models.number_update_result import NumberUpdateResult

OPERATION = "update_number"


def build_request(
    auth_id: str,
    number: str,
    *,
    body: NumberUpdateRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """Return the method, path and JSON body of the request."""
    request: dict[str, Any] = {
        "method": "POST",
        "url": "/v1/Account/{auth_id}/Number/{number}/".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            number=path_segment(OPERATION, "number", number),
        ),
    }
    request["json"] = body.to_dict() if isinstance(body, NumberUpdateRequest) else dict(body)
    return request


def parse_success(data: Any) -> NumberUpdateResult:
    """Parse the decoded 202 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return NumberUpdateResult._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "numbers.update"
        ) from None
