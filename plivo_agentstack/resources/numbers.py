# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""Operations on ``client.numbers``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

from plivo_agentstack._convert import compact, merged, number_in_path
from plivo_agentstack._generated.api.numbers import (
    buy_number,
    delete_number,
    get_number,
    list_numbers,
    search_numbers,
    update_number,
)
from plivo_agentstack._generated.models.number_buy_result import NumberBuyResult
from plivo_agentstack._generated.models.number_search_result import NumberSearchResult
from plivo_agentstack._generated.models.number_update_result import NumberUpdateResult
from plivo_agentstack._generated.models.phone_number import PhoneNumber
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from .._base_client import AsyncAPIResource, TimeoutTypes
from ..pagination import AsyncPaginator

if TYPE_CHECKING:
    from .numbers_lookup import AsyncNumbersLookupResource

__all__ = ["AsyncNumbersResource"]


class AsyncNumbersResource(AsyncAPIResource):
    """Operations on ``client.numbers``."""

    @cached_property
    def lookup(self) -> AsyncNumbersLookupResource:
        """Operations on ``client.numbers.lookup``."""
        from .numbers_lookup import AsyncNumbersLookupResource

        return AsyncNumbersLookupResource(self._client)

    def list(
        self,
        *,
        type: str | None = None,
        number_startswith: str | None = None,
        subaccount: str | None = None,
        alias: str | None = None,
        services: str | None = None,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> AsyncPaginator[PhoneNumber]:
        """List the phone numbers on the account."""
        request = list_numbers.build_request(
            self._client.auth_id,
            type_=type,
            number_startswith=number_startswith,
            subaccount=subaccount,
            alias=alias,
            services=services,
            limit=limit,
            offset=offset,
        )
        return self._client.paginate(
            request,
            list_numbers.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    async def get(
        self,
        number: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> PhoneNumber:
        """Get a phone number on the account."""
        request = get_number.build_request(
            self._client.auth_id,
            number_in_path(number),
        )
        return await self._client.request(
            request,
            get_number.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    async def update(
        self,
        number: str,
        *,
        app_id: str | None = None,
        subaccount: str | None = None,
        alias: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> NumberUpdateResult:
        """Update a phone number on the account.

        Args:
            app_id: Application to link the number to.
            subaccount: Subaccount to move the number to.
            alias: Alias.
            **extra: Sent as extra JSON body fields.
        """
        body = compact(
            {
                "app_id": app_id,
                "subaccount": subaccount,
                "alias": alias,
            }
        )
        body.update(extra)
        request = update_number.build_request(
            self._client.auth_id,
            number_in_path(number),
            body=body,
        )
        return await self._client.request(
            request,
            update_number.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )

    async def delete(
        self,
        number: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> None:
        """Release (unrent) a phone number."""
        request = delete_number.build_request(
            self._client.auth_id,
            number_in_path(number),
        )
        return await self._client.request(
            request,
            delete_number.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    def search(
        self,
        country_iso: str,
        *,
        type: str | None = None,
        pattern: str | None = None,
        region: str | None = None,
        services: str | None = None,
        lata: int | None = None,
        rate_center: str | None = None,
        city: str | None = None,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> AsyncPaginator[NumberSearchResult]:
        """Search phone numbers available to buy."""
        request = search_numbers.build_request(
            self._client.auth_id,
            country_iso=country_iso,
            type_=type,
            pattern=pattern,
            region=region,
            services=services,
            lata=lata,
            rate_center=rate_center,
            city=city,
            limit=limit,
            offset=offset,
        )
        return self._client.paginate(
            request,
            search_numbers.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    async def buy(
        self,
        number: str,
        *,
        app_id: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> NumberBuyResult:
        """Buy (rent) a phone number.

        Args:
            app_id: Application to link the number to.
            **extra: Sent as extra JSON body fields.
        """
        body = compact(
            {
                "app_id": app_id,
            }
        )
        body.update(extra)
        request = buy_number.build_request(
            self._client.auth_id,
            number_in_path(number),
            body=body,
        )
        return await self._client.request(
            request,
            buy_number.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )
