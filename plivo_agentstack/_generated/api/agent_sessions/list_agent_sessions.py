# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Account/{auth_id}/AgentSession: List agent sessions."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.session_list import SessionList

OPERATION = "list_agent_sessions"


def build_request(
    auth_id: str,
    *,
    limit: int | None = None,
    offset: int | None = None,
    sort_by: str | None = None,
    sort_order: str | None = None,
    agent_id: str | None = None,
    agent_mode: str | None = None,
    call_uuid: str | None = None,
    phone_number: str | None = None,
    ended_at_gte: str | None = None,
    ended_at_lte: str | None = None,
    created_at_gte: str | None = None,
    created_at_lte: str | None = None,
    duration_gte: int | None = None,
    duration_lte: int | None = None,
) -> dict[str, Any]:
    """Return the method, path, query of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/Account/{auth_id}/AgentSession".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
        ),
    }
    params = {
        "limit": limit,
        "offset": offset,
        "sort_by": sort_by,
        "sort_order": sort_order,
        "agent_id": agent_id,
        "agent_mode": agent_mode,
        "call_uuid": call_uuid,
        "phone_number": phone_number,
        "ended_at__gte": ended_at_gte,
        "ended_at__lte": ended_at_lte,
        "created_at__gte": created_at_gte,
        "created_at__lte": created_at_lte,
        "duration__gte": duration_gte,
        "duration__lte": duration_lte,
    }
    request["params"] = {key: value for key, value in params.items() if value is not None}
    return request


def parse_success(data: Any) -> SessionList:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return SessionList._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "agent.sessions.list"
        ) from None
