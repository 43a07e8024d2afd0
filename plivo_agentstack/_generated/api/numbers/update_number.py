# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""POST /v1/Account/{auth_id}/Number/{number}/: Update a phone number on the account."""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

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
            auth_id=quote(str(auth_id), safe=""),
            number=quote(str(number), safe=""),
        ),
    }
    request["json"] = body.to_dict() if isinstance(body, NumberUpdateRequest) else dict(body)
    return request


def parse_success(data: Any) -> NumberUpdateResult:
    """Parse the decoded 202 body; a missing body parses as empty."""
    return NumberUpdateResult.from_dict(data if isinstance(data, Mapping) else {})
