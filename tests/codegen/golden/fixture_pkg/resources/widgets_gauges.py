# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""Operations on ``client.widgets.gauges``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any, Final

from fixture_pkg._generated.api.gauges import read_gauge
from fixture_pkg._generated.models.part import Part

from plivo_agentstack._convert import check_extra, merged
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from .._base_client import AsyncAPIClient, AsyncAPIResource, TimeoutTypes
from .._raw import to_raw

__all__ = ["AsyncWidgetsGaugesResource", "AsyncWidgetsGaugesResourceWithRawResponse"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_READ_PARAMS: Final = {
    "gauge_id": "gauge_id",
}


class AsyncWidgetsGaugesResource(AsyncAPIResource):
    """Operations on ``client.widgets.gauges``."""

    @cached_property
    def with_raw_response(self) -> AsyncWidgetsGaugesResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncWidgetsGaugesResourceWithRawResponse(self._client.raw_view())

    async def read(
        self,
        gauge_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Part:
        """Read a gauge on its own host."""
        if extra:
            check_extra(extra, _READ_PARAMS, "client.widgets.gauges.read")
        request = read_gauge.build_request(
            gauge_id,
        )
        return await self._client.request(
            request,
            read_gauge.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )


class AsyncWidgetsGaugesResourceWithRawResponse:
    """``AsyncWidgetsGaugesResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse
        raw = AsyncWidgetsGaugesResource(self._client)
        self.read: Final = to_raw(raw.read)
