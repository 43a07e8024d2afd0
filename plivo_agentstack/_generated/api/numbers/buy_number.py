# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""POST /v1/Account/{auth_id}/PhoneNumber/{number}/: Buy (rent) a phone number."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.number_buy_request import NumberBuyRequest
from ...models.number_buy_result import NumberBuyResult

OPERATION = "buy_number"


def build_request(
    auth_id: str,
    number: str,
    *,
    body: NumberBuyRequest | Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Return the method, path and JSON body of the request."""
    request: dict[str, Any] = {
        "method": "POST",
        "url": "/v1/Account/{auth_id}/PhoneNumber/{number}/".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            number=path_segment(OPERATION, "number", number),
        ),
    }
    if body:
        request["json"] = body.to_dict() if isinstance(body, NumberBuyRequest) else dict(body)
    return request


def parse_success(data: Any) -> NumberBuyResult:
    """Parse the decoded 201 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return NumberBuyResult._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(exc.field, exc.model, OPERATION, "numbers.buy") from None
