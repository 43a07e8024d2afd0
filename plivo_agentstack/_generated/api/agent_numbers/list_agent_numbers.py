# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Account/{auth_id}/Agent/{agent_uuid}/Number: List the phone numbers assigned to an agent."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment

from ...models.agent_number_list import AgentNumberList

OPERATION = "list_agent_numbers"


def build_request(
    auth_id: str,
    agent_uuid: str,
) -> dict[str, Any]:
    """Return the method, path of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/Account/{auth_id}/Agent/{agent_uuid}/Number".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            agent_uuid=path_segment(OPERATION, "agent_uuid", agent_uuid),
        ),
    }
    return request


def parse_success(data: Any) -> AgentNumberList:
    """Parse the decoded 200 body; a missing body parses as empty."""
    return AgentNumberList.from_dict(data if isinstance(data, Mapping) else {})
