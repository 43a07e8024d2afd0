# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Account/{auth_id}/Number/{number}/: Get a phone number on the account."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment

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
    """Parse the decoded 200 body; a missing body parses as empty."""
    return PhoneNumber.from_dict(data if isinstance(data, Mapping) else {})
