# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Account/{auth_id}/Number/: List the phone numbers on the account."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.phone_number_list import PhoneNumberList

OPERATION = "list_numbers"


def build_request(
    auth_id: str,
    *,
    type_: str | None = None,
    number_startswith: str | None = None,
    subaccount: str | None = None,
    alias: str | None = None,
    tendlc_registration_status: str | None = None,
    tendlc_campaign_id: str | None = None,
    toll_free_sms_verification: str | None = None,
    toll_free_sms_verification_order_status: str | None = None,
    renewal_date: str | None = None,
    renewal_date_lt: str | None = None,
    renewal_date_lte: str | None = None,
    renewal_date_gt: str | None = None,
    renewal_date_gte: str | None = None,
    cnam_lookup: str | None = None,
    services: str | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> dict[str, Any]:
    """Return the method, path, query of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/Account/{auth_id}/Number/".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
        ),
    }
    if limit is not None and not (1 <= limit <= 20):
        raise ValueError(f"{OPERATION}: limit must be from 1 to 20, got {limit!r}")
    params = {
        "type": type_,
        "number_startswith": number_startswith,
        "subaccount": subaccount,
        "alias": alias,
        "tendlc_registration_status": tendlc_registration_status,
        "tendlc_campaign_id": tendlc_campaign_id,
        "toll_free_sms_verification": toll_free_sms_verification,
        "toll_free_sms_verification_order_status": toll_free_sms_verification_order_status,
        "renewal_date": renewal_date,
        "renewal_date__lt": renewal_date_lt,
        "renewal_date__lte": renewal_date_lte,
        "renewal_date__gt": renewal_date_gt,
        "renewal_date__gte": renewal_date_gte,
        "cnam_lookup": cnam_lookup,
        "services": services,
        "limit": limit,
        "offset": offset,
    }
    request["params"] = {key: value for key, value in params.items() if value is not None}
    return request


def parse_success(data: Any) -> PhoneNumberList:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return PhoneNumberList._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(exc.field, exc.model, OPERATION, "numbers.list") from None
