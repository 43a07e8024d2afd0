# Do not edit: `nox -s codegen` derives this from fixture_pkg/resources/widgets_parts.py.
"""Operations on ``client.widgets.parts``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any, Final

from fixture_pkg._generated.api.parts import update_part
from fixture_pkg._generated.models.part import Part

from plivo_agentstack._convert import check_extra, compact
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from .._base_client import APIClient, APIResource, TimeoutTypes
from .._raw import to_raw

__all__ = ["WidgetsPartsResource", "WidgetsPartsResourceWithRawResponse"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_UPDATE_PARAMS: Final = {
    "part_id": "part_id",
    "label": "label",
}


class WidgetsPartsResource(APIResource):
    """Operations on ``client.widgets.parts``."""

    @cached_property
    def with_raw_response(self) -> WidgetsPartsResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return WidgetsPartsResourceWithRawResponse(self._client.raw_view())

    def update(
        self,
        part_id: str,
        *,
        label: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Part:
        """Update a part."""
        if extra:
            check_extra(extra, _UPDATE_PARAMS, "client.widgets.parts.update")
        body = compact(
            {
                "label": label,
            }
        )
        body.update(extra)
        request = update_part.build_request(
            part_id,
            body=body,
        )
        return self._client.request(
            request,
            update_part.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )


class WidgetsPartsResourceWithRawResponse:
    """``WidgetsPartsResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: APIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse
        raw = WidgetsPartsResource(self._client)
        self.update: Final = to_raw(raw.update)
