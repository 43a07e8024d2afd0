# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Account/{auth_id}/AgentSession/{session_id}: Get an agent session."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.session_record import SessionRecord

OPERATION = "get_agent_session"


def build_request(
    auth_id: str,
    session_id: str,
) -> dict[str, Any]:
    """Return the method, path of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/Account/{auth_id}/AgentSession/{session_id}".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            session_id=path_segment(OPERATION, "session_id", session_id),
        ),
    }
    return request


def parse_success(data: Any) -> SessionRecord:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return SessionRecord._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "agent.sessions.get"
        ) from None
