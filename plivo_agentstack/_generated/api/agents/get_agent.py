# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Account/{auth_id}/Agent/{agent_uuid}: Get an agent."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.agent import Agent

OPERATION = "get_agent"


def build_request(
    auth_id: str,
    agent_uuid: str,
) -> dict[str, Any]:
    """Return the method, path of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/Account/{auth_id}/Agent/{agent_uuid}".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            agent_uuid=path_segment(OPERATION, "agent_uuid", agent_uuid),
        ),
    }
    return request


def parse_success(data: Any) -> Agent:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return Agent._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "agent.agents.get"
        ) from None
