# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""GET /v1/Gauge/{gauge_id}: Read a gauge on its own host."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.part import Part

OPERATION = "read_gauge"
SERVER = "https://gauges.example.com"  # this operation's host: the client maps it to its override


def build_request(
    gauge_id: str,
) -> dict[str, Any]:
    """Return the method, server, path of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "server": SERVER,
        "url": "/v1/Gauge/{gauge_id}".format(
            gauge_id=path_segment(OPERATION, "gauge_id", gauge_id),
        ),
    }
    return request


def parse_success(data: Any) -> Part:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return Part._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "widgets.gauges.read"
        ) from None
