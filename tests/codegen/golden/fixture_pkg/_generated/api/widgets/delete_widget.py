# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""DELETE /v1/Account/{auth_id}/Widget/{widget_id}: Delete a widget."""

from typing import Any

from plivo_agentstack._paths import path_segment

OPERATION = "delete_widget"


def build_request(
    auth_id: str,
    widget_id: str,
) -> dict[str, Any]:
    """Return the method, path of the request."""
    request: dict[str, Any] = {
        "method": "DELETE",
        "url": "/v1/Account/{auth_id}/Widget/{widget_id}".format(
            auth_id=path_segment(OPERATION, "auth_id", auth_id),
            widget_id=path_segment(OPERATION, "widget_id", widget_id),
        ),
    }
    return request


def parse_success(data: Any) -> None:
    """The 204 response has no body."""
    return None
