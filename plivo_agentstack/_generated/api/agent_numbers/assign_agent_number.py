# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""POST /v1/Account/{auth_id}/Agent/{agent_uuid}/Number: Assign a phone number to an agent."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.agent_number_assign_request import AgentNumberAssignRequest
from ...models.agent_number_assign_result import AgentNumberAssignResult

OPERATION = "assign_agent_number"


def build_request(
    auth_id: str,
    agent_uuid: str,
    *,
    body: AgentNumberAssignRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """Return the method, path and JSON body of the request."""
    request: dict[str, Any] = {
        "method": "POST",
        "url": "/v1/Account/{auth_id}/Agent/{agent_uuid}/Number".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            agent_uuid=path_segment(OPERATION, "agent_uuid", agent_uuid),
        ),
    }
    request["json"] = body.to_dict() if isinstance(body, AgentNumberAssignRequest) else dict(body)
    return request


def parse_success(data: Any) -> AgentNumberAssignResult:
    """Parse the decoded 201 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return AgentNumberAssignResult._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "agent.numbers.assign"
        ) from None
