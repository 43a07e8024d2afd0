# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""POST /v1/Account/{auth_id}/PhoneNumber/{number}/: Buy (rent) a phone number."""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

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
            auth_id=quote(str(auth_id), safe=""),
            number=quote(str(number), safe=""),
        ),
    }
    if body:
        request["json"] = body.to_dict() if isinstance(body, NumberBuyRequest) else dict(body)
    return request


def parse_success(data: Any) -> NumberBuyResult:
    """Parse the decoded 201 body; a missing body parses as empty."""
    return NumberBuyResult.from_dict(data if isinstance(data, Mapping) else {})
