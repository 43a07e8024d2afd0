# Do not edit: `nox -s codegen` derives this from plivo_agentstack/resources/numbers_lookup.py.
"""Operations on ``client.numbers.lookup``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any, Final

from plivo_agentstack._convert import check_extra, merged, number_in_path
from plivo_agentstack._generated.api.lookup import lookup_number
from plivo_agentstack._generated.models.lookup import Lookup
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from .._base_client import APIClient, APIResource, TimeoutTypes
from .._raw import to_raw

__all__ = ["NumbersLookupResource", "NumbersLookupResourceWithRawResponse"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_GET_PARAMS: Final = {
    "number": "number",
    "type": "type",
}


class NumbersLookupResource(APIResource):
    """Operations on ``client.numbers.lookup``."""

    @cached_property
    def with_raw_response(self) -> NumbersLookupResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return NumbersLookupResourceWithRawResponse(self._client.raw_view())

    def get(
        self,
        number: str,
        *,
        type: str = "carrier",
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Lookup:
        """Look up the carrier and formats of a phone number."""
        if extra:
            check_extra(extra, _GET_PARAMS, "client.numbers.lookup.get")
        request = lookup_number.build_request(
            number_in_path(number),
            type_=type,
        )
        return self._client.request(
            request,
            lookup_number.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )


class NumbersLookupResourceWithRawResponse:
    """``NumbersLookupResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: APIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse
        raw = NumbersLookupResource(self._client)
        self.get: Final = to_raw(raw.get)
