# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""GET /v1/Number/{number}: Look up the carrier and formats of a phone number."""

from collections.abc import Mapping
from typing import Any

from plivo_agentstack._paths import path_segment
from plivo_agentstack.errors import MissingFieldError

from ...models.lookup import Lookup

OPERATION = "lookup_number"
SERVER = "https://lookup.plivo.com"  # this operation's host: the client maps it to its override


def build_request(
    number: str,
    *,
    type_: str | None = None,
) -> dict[str, Any]:
    """Return the method, server, path, query of the request."""
    request: dict[str, Any] = {
        "method": "GET",
        "server": SERVER,
        "url": "/v1/Number/{number}".format(
            number=path_segment(OPERATION, "number", number),
        ),
    }
    params = {
        "type": type_,
    }
    request["params"] = {key: value for key, value in params.items() if value is not None}
    return request


def parse_success(data: Any) -> Lookup:
    """Parse the decoded 200 body (left unchanged); a missing body parses as empty.

    A field the API always sends that is missing raises ``MissingFieldError`` naming it and
    this operation.
    """
    try:
        return Lookup._from_json({**data} if isinstance(data, Mapping) else {})
    except MissingFieldError as exc:
        raise MissingFieldError.for_field(
            exc.field, exc.model, OPERATION, "numbers.lookup.get"
        ) from None
