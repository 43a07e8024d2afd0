# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""POST /v1/Account/{auth_id}/Widget: Create a widget."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.widget import Widget
from ...models.widget_create_request import WidgetCreateRequest

OPERATION = "create_widget"


def build_request(
    auth_id: str,
    *,
    body: WidgetCreateRequest | Mapping[str, Any],
) -> dict[str, Any]:
    """Return the method, path and JSON body of the request."""
    request: dict[str, Any] = {
        "method": "POST",
        "url": "/v1/Account/{auth_id}/Widget".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
        ),
    }
    request["json"] = body.to_dict() if isinstance(body, WidgetCreateRequest) else dict(body)
    return request


def parse_success(data: Any) -> Widget:
    """Parse the decoded 201 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return Widget._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "widgets.create"
        ) from None
