# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""POST /v1/Account/{auth_id}/Message/: Send an SMS, MMS or WhatsApp message."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.message_create_request import MessageCreateRequest
from ...models.message_create_result import MessageCreateResult

OPERATION = "create_message"


def build_request(
    auth_id: str,
    *,
    body: MessageCreateRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """Return the method, path and JSON body of the request."""
    request: dict[str, Any] = {
        "method": "POST",
        "url": "/v1/Account/{auth_id}/Message/".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
        ),
    }
    request["json"] = body.to_dict() if isinstance(body, MessageCreateRequest) else dict(body)
    return request


def parse_success(data: Any) -> MessageCreateResult:
    """Parse the decoded 202 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return MessageCreateResult._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "messages.create"
        ) from None
