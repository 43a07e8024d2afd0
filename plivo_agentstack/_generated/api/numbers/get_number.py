# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Account/{auth_id}/Number/{number}/: Get a phone number on the account."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.phone_number import PhoneNumber

OPERATION = "get_number"


def build_request(
    auth_id: str,
    number: str,
) -> dict[str, Any]:
    """Return the method, path of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/Account/{auth_id}/Number/{number}/".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            number=path_segment(OPERATION, "number", number),
        ),
    }
    return request


def parse_success(data: Any) -> PhoneNumber:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return PhoneNumber._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(exc.field, exc.model, OPERATION, "numbers.get") from None
