# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""GET /v1/Account/{auth_id}/Widget: List widgets."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.widget_list import WidgetList

OPERATION = "list_widgets"


def build_request(
    auth_id: str,
    *,
    limit: int | None = None,
    offset: int | None = None,
    type_: str | None = None,
    created_gte: str | None = None,
) -> dict[str, Any]:
    """Return the method, path, query of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/Account/{auth_id}/Widget".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
        ),
    }
    if limit is not None and not (1 <= limit <= 20):
        raise ValueError(f"{OPERATION}: limit must be from 1 to 20, got {limit!r}")
    params = {
        "limit": limit,
        "offset": offset,
        "type": type_,
        "created__gte": created_gte,
    }
    request["params"] = {key: value for key, value in params.items() if value is not None}
    return request


def parse_success(data: Any) -> WidgetList:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return WidgetList._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(exc.field, exc.model, OPERATION, "widgets.list") from None
