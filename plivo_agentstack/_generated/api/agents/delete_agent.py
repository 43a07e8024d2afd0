# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""DELETE /v1/Account/{auth_id}/Agent/{agent_uuid}: Delete an agent."""

from typing import Any
from urllib.parse import quote

OPERATION = "delete_agent"


def build_request(
    auth_id: str,
    agent_uuid: str,
) -> dict[str, Any]:
    """Return the method, path of the request."""
    request: dict[str, Any] = {
        "method": "DELETE",
        "url": "/v1/Account/{auth_id}/Agent/{agent_uuid}".format(
            auth_id=quote(str(auth_id), safe=""),
            agent_uuid=quote(str(agent_uuid), safe=""),
        ),
    }
    return request


def parse_success(data: Any) -> None:
    """The 204 response has no body."""
    return None
