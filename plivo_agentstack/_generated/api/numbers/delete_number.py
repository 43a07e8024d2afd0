# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""DELETE /v1/Account/{auth_id}/Number/{number}/: Release (unrent) a phone number."""

from typing import Any

from plivo_agentstack._paths import path_segment

OPERATION = "delete_number"


def build_request(
    auth_id: str,
    number: str,
) -> dict[str, Any]:
    """Return the method, path of the request."""
    request: dict[str, Any] = {
        "method": "DELETE",
        "url": "/v1/Account/{auth_id}/Number/{number}/".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            number=path_segment(OPERATION, "number", number),
        ),
    }
    return request


def parse_success(data: Any) -> None:
    """The 204 response has no body."""
    return None
