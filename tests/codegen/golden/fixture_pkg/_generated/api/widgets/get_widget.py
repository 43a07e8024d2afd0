# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""GET /v1/Account/{auth_id}/Widget/{widget_id}: Get a widget."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.widget import Widget

OPERATION = "get_widget"


def build_request(
    auth_id: str,
    widget_id: str,
) -> dict[str, Any]:
    """Return the method, path of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "url": "/v1/Account/{auth_id}/Widget/{widget_id}".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            widget_id=path_segment(OPERATION, "widget_id", widget_id),
        ),
    }
    return request


def parse_success(data: Any) -> Widget:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return Widget._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(exc.field, exc.model, OPERATION, "widgets.get") from None
