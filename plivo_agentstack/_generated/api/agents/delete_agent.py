# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""DELETE /v1/Account/{auth_id}/Agent/{agent_uuid}: Delete an agent."""

from typing import Any

from plivo_agentstack._paths import path_segment

OPERATION = "delete_agent"


def build_request(
    auth_id: str,
    agent_uuid: str,
) -> dict[str, Any]:
    """Return the method, path of the request."""
    request: dict[str, Any] = {
        "method": "DELETE",
        "url": "/v1/Account/{auth_id}/Agent/{agent_uuid}".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            agent_uuid=path_segment(OPERATION, "agent_uuid", agent_uuid),
        ),
    }
    return request


def parse_success(data: Any) -> None:
    """The 204 response has no body."""
    return None
