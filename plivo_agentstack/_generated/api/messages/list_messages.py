# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Account/{auth_id}/Message/: List messages, newest first."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.message_list import MessageList

OPERATION = "list_messages"


def build_request(
    auth_id: str,
    *,
    limit: int | None = None,
    offset: int | None = None,
    message_direction: str | None = None,
    message_state: str | None = None,
    message_type: str | None = None,
    message_time_gt: str | None = None,
    message_time_gte: str | None = None,
    message_time_lt: str | None = None,
    message_time_lte: str | None = None,
    subaccount: str | None = None,
    error_code: str | None = None,
    powerpack_id: str | None = None,
    from_number: str | None = None,
    to_number: str | None = None,
    conversation_id: str | None = None,
    conversation_origin: str | None = None,
    message_time: str | None = None,
    destination_country_iso2: str | None = None,
    tendlc_campaign_id: str | None = None,
    tendlc_registration_status: str | None = None,
) -> dict[str, Any]:
    """Return the method, path, query of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/Account/{auth_id}/Message/".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
        ),
    }
    if limit is not None and not (1 <= limit <= 20):
        raise ValueError(f"{OPERATION}: limit must be from 1 to 20, got {limit!r}")
    params = {
        "limit": limit,
        "offset": offset,
        "message_direction": message_direction,
        "message_state": message_state,
        "message_type": message_type,
        "message_time__gt": message_time_gt,
        "message_time__gte": message_time_gte,
        "message_time__lt": message_time_lt,
        "message_time__lte": message_time_lte,
        "subaccount": subaccount,
        "error_code": error_code,
        "powerpack_id": powerpack_id,
        "from_number": from_number,
        "to_number": to_number,
        "conversation_id": conversation_id,
        "conversation_origin": conversation_origin,
        "message_time": message_time,
        "destination_country_iso2": destination_country_iso2,
        "tendlc_campaign_id": tendlc_campaign_id,
        "tendlc_registration_status": tendlc_registration_status,
    }
    request["params"] = {key: value for key, value in params.items() if value is not None}
    return request


def parse_success(data: Any) -> MessageList:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return MessageList._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "messages.list"
        ) from None
