# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""POST /v1/Account/{auth_id}/AgentCall/{call_uuid}/connect: Connect an existing call to an agent."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.call_connect_request import CallConnectRequest
from ...models.call_connect_result import CallConnectResult

OPERATION = "connect_call"


def build_request(
    auth_id: str,
    call_uuid: str,
    *,
    body: CallConnectRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """Return the method, path and JSON body of the request."""
    request: dict[str, Any] = {
        "method": "POST",
        "url": "/v1/Account/{auth_id}/AgentCall/{call_uuid}/connect".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            call_uuid=path_segment(OPERATION, "call_uuid", call_uuid),
        ),
    }
    request["json"] = body.to_dict() if isinstance(body, CallConnectRequest) else dict(body)
    return request


def parse_success(data: Any) -> CallConnectResult:
    """Parse the decoded 201 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return CallConnectResult._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "agent.calls.connect"
        ) from None
