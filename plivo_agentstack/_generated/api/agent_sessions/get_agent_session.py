# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Account/{auth_id}/AgentSession/{session_id}: Get an agent session."""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

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
            auth_id=quote(str(auth_id), safe=""),
            session_id=quote(str(session_id), safe=""),
        ),
    }
    return request


def parse_success(data: Any) -> SessionRecord:
    """Parse the decoded 200 body; a missing body parses as empty."""
    return SessionRecord.from_dict(data if isinstance(data, Mapping) else {})
