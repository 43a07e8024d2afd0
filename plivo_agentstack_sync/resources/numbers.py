# Do not edit: `nox -s codegen` derives this from plivo_agentstack/resources/numbers.py.
"""Operations on ``client.numbers``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final

from plivo_agentstack._convert import check_extra, comma_joined, compact, merged, number_in_path
from plivo_agentstack._generated.api.numbers import (
    add_carrier_numbers,
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

from .._base_client import APIClient, APIResource, TimeoutTypes
from .._raw import to_raw, to_raw_page
from ..pagination import Page

if TYPE_CHECKING:
    from .numbers_lookup import (
        NumbersLookupResource,
        NumbersLookupResourceWithRawResponse,
    )

__all__ = ["NumbersResource", "NumbersResourceWithRawResponse"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_LIST_PARAMS: Final = {
    "type": "type",
    "number_startswith": "number_startswith",
    "subaccount": "subaccount",
    "alias": "alias",
    "tendlc_registration_status": "tendlc_registration_status",
    "tendlc_campaign_id": "tendlc_campaign_id",
    "toll_free_sms_verification": "toll_free_sms_verification",
    "toll_free_sms_verification_order_status": "toll_free_sms_verification_order_status",
    "renewal_date": "renewal_date",
    "renewal_date__lt": "renewal_date__lt",
    "renewal_date__lte": "renewal_date__lte",
    "renewal_date__gt": "renewal_date__gt",
    "renewal_date__gte": "renewal_date__gte",
    "cnam_lookup": "cnam_lookup",
    "services": "services",
    "limit": "limit",
    "offset": "offset",
}
_CREATE_PARAMS: Final = {
    "numbers": "numbers",
    "carrier": "carrier",
    "region": "region",
    "number_type": "number_type",
    "app_id": "app_id",
    "subaccount": "subaccount",
}
_GET_PARAMS: Final = {
    "number": "number",
}
_UPDATE_PARAMS: Final = {
    "number": "number",
    "app_id": "app_id",
    "subaccount": "subaccount",
    "alias": "alias",
    "cnam_lookup": "cnam_lookup",
    "compliance_application_id": "compliance_application_id",
    "verification_info": "verification_info",
    "cnam": "cnam",
    "cnam_callback_url": "cnam_callback_url",
    "cnam_callback_method": "cnam_callback_method",
    "caller_reputation": "caller_reputation",
    "caller_reputation_callback_url": "caller_reputation_callback_url",
    "caller_reputation_callback_method": "caller_reputation_callback_method",
    "profile_uuid": "profile_uuid",
}
_DELETE_PARAMS: Final = {
    "number": "number",
}
_SEARCH_PARAMS: Final = {
    "country_iso": "country_iso",
    "type": "type",
    "pattern": "pattern",
    "region": "region",
    "services": "services",
    "lata": "lata",
    "rate_center": "rate_center",
    "npanxx": "npanxx",
    "local_calling_area": "local_calling_area",
    "eligible": "eligible",
    "city": "city",
    "limit": "limit",
    "offset": "offset",
}
_BUY_PARAMS: Final = {
    "number": "number",
    "app_id": "app_id",
    "cnam_lookup": "cnam_lookup",
    "ha_enable": "ha_enable",
    "compliance_application_id": "compliance_application_id",
    "verification_info": "verification_info",
}


class NumbersResource(APIResource):
    """Operations on ``client.numbers``."""

    @cached_property
    def with_raw_response(self) -> NumbersResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return NumbersResourceWithRawResponse(self._client.raw_view())

    @cached_property
    def lookup(self) -> NumbersLookupResource:
        """Operations on ``client.numbers.lookup``."""
        from .numbers_lookup import NumbersLookupResource

        return NumbersLookupResource(self._client)

    def list(
        self,
        *,
        type: str | None = None,
        number_startswith: str | None = None,
        subaccount: str | None = None,
        alias: str | None = None,
        tendlc_registration_status: str | None = None,
        tendlc_campaign_id: str | None = None,
        toll_free_sms_verification: str | None = None,
        toll_free_sms_verification_order_status: str | None = None,
        renewal_date: str | None = None,
        renewal_date__lt: str | None = None,
        renewal_date__lte: str | None = None,
        renewal_date__gt: str | None = None,
        renewal_date__gte: str | None = None,
        cnam_lookup: str | None = None,
        services: str | None = None,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Page[PhoneNumber]:
        """List the phone numbers on the account."""
        if extra:
            check_extra(extra, _LIST_PARAMS, "client.numbers.list")
        request = list_numbers.build_request(
            self._client.auth_id,
            type_=type,
            number_startswith=number_startswith,
            subaccount=subaccount,
            alias=alias,
            tendlc_registration_status=tendlc_registration_status,
            tendlc_campaign_id=tendlc_campaign_id,
            toll_free_sms_verification=toll_free_sms_verification,
            toll_free_sms_verification_order_status=toll_free_sms_verification_order_status,
            renewal_date=renewal_date,
            renewal_date_lt=renewal_date__lt,
            renewal_date_lte=renewal_date__lte,
            renewal_date_gt=renewal_date__gt,
            renewal_date_gte=renewal_date__gte,
            cnam_lookup=cnam_lookup,
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

    def create(
        self,
        numbers: str | Sequence[str],
        carrier: str,
        region: str,
        *,
        number_type: str | None = None,
        app_id: str | None = None,
        subaccount: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> NumberUpdateResult:
        """Add numbers you rent from your own carrier to the account.

        Args:
            numbers: The numbers to add, comma-separated (a list of numbers is joined that way).
            carrier: Id of the incoming carrier the numbers belong to.
            region: Region of the numbers, e.g. California.
            number_type: Type of the numbers, e.g. local, national, mobile, fixed (default
                local).
            app_id: Application the numbers are linked to.
            subaccount: Subaccount the numbers are added to.
            **extra: Sent as extra JSON body fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _CREATE_PARAMS, "client.numbers.create")
        body = compact(
            {
                "numbers": comma_joined(numbers),
                "carrier": carrier,
                "region": region,
                "number_type": number_type,
                "app_id": app_id,
                "subaccount": subaccount,
            }
        )
        body.update(extra)
        request = add_carrier_numbers.build_request(
            self._client.auth_id,
            body=body,
        )
        return self._client.request(
            request,
            add_carrier_numbers.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )

    def get(
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
        if extra:
            check_extra(extra, _GET_PARAMS, "client.numbers.get")
        request = get_number.build_request(
            self._client.auth_id,
            number_in_path(number),
        )
        return self._client.request(
            request,
            get_number.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    def update(
        self,
        number: str,
        *,
        app_id: str | None = None,
        subaccount: str | None = None,
        alias: str | None = None,
        cnam_lookup: str | None = None,
        compliance_application_id: str | None = None,
        verification_info: Mapping[str, Any] | None = None,
        cnam: str | None = None,
        cnam_callback_url: str | None = None,
        cnam_callback_method: str | None = None,
        caller_reputation: str | None = None,
        caller_reputation_callback_url: str | None = None,
        caller_reputation_callback_method: str | None = None,
        profile_uuid: str | None = None,
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
            cnam_lookup: CNAM lookup on incoming calls: enabled or disabled.
            compliance_application_id: Approved compliance application to link the number to.
            verification_info: Verification details some countries require (free-form object).
            cnam: Caller name (CNAM) to show on outbound calls, at most 15 characters.
            cnam_callback_url: URL notified of the CNAM registration status.
            cnam_callback_method: HTTP method of the CNAM callback, GET or POST.
            caller_reputation: Caller reputation monitoring: enabled or disabled.
            caller_reputation_callback_url: URL notified of caller reputation results.
            caller_reputation_callback_method: HTTP method of the caller reputation callback,
                GET or POST.
            profile_uuid: Business profile to link the number to (CNAM, caller reputation).
            **extra: Sent as extra JSON body fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _UPDATE_PARAMS, "client.numbers.update")
        body = compact(
            {
                "app_id": app_id,
                "subaccount": subaccount,
                "alias": alias,
                "cnam_lookup": cnam_lookup,
                "compliance_application_id": compliance_application_id,
                "verification_info": verification_info,
                "cnam": cnam,
                "cnam_callback_url": cnam_callback_url,
                "cnam_callback_method": cnam_callback_method,
                "caller_reputation": caller_reputation,
                "caller_reputation_callback_url": caller_reputation_callback_url,
                "caller_reputation_callback_method": caller_reputation_callback_method,
                "profile_uuid": profile_uuid,
            }
        )
        body.update(extra)
        request = update_number.build_request(
            self._client.auth_id,
            number_in_path(number),
            body=body,
        )
        return self._client.request(
            request,
            update_number.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )

    def delete(
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
        if extra:
            check_extra(extra, _DELETE_PARAMS, "client.numbers.delete")
        request = delete_number.build_request(
            self._client.auth_id,
            number_in_path(number),
        )
        return self._client.request(
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
        npanxx: str | None = None,
        local_calling_area: bool | None = None,
        eligible: bool | None = None,
        city: str | None = None,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Page[NumberSearchResult]:
        """Search phone numbers available to buy."""
        if extra:
            check_extra(extra, _SEARCH_PARAMS, "client.numbers.search")
        request = search_numbers.build_request(
            self._client.auth_id,
            country_iso=country_iso,
            type_=type,
            pattern=pattern,
            region=region,
            services=services,
            lata=lata,
            rate_center=rate_center,
            npanxx=npanxx,
            local_calling_area=local_calling_area,
            eligible=eligible,
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

    def buy(
        self,
        number: str,
        *,
        app_id: str | None = None,
        cnam_lookup: str | None = None,
        ha_enable: bool | None = None,
        compliance_application_id: str | None = None,
        verification_info: Mapping[str, Any] | None = None,
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
            cnam_lookup: CNAM lookup on incoming calls: enabled or disabled.
            ha_enable: Buy the number with high availability (HA) enabled.
            compliance_application_id: Approved compliance application to link the number to.
            verification_info: Verification details some countries require (free-form object).
            **extra: Sent as extra JSON body fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _BUY_PARAMS, "client.numbers.buy")
        body = compact(
            {
                "app_id": app_id,
                "cnam_lookup": cnam_lookup,
                "ha_enable": ha_enable,
                "compliance_application_id": compliance_application_id,
                "verification_info": verification_info,
            }
        )
        body.update(extra)
        request = buy_number.build_request(
            self._client.auth_id,
            number_in_path(number),
            body=body,
        )
        return self._client.request(
            request,
            buy_number.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )


class NumbersResourceWithRawResponse:
    """``NumbersResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: APIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse
        raw = NumbersResource(self._client)
        self.list: Final = to_raw_page(raw.list)
        self.create: Final = to_raw(raw.create)
        self.get: Final = to_raw(raw.get)
        self.update: Final = to_raw(raw.update)
        self.delete: Final = to_raw(raw.delete)
        self.search: Final = to_raw_page(raw.search)
        self.buy: Final = to_raw(raw.buy)

    @cached_property
    def lookup(self) -> NumbersLookupResourceWithRawResponse:
        """Operations on ``client.numbers.lookup``."""
        from .numbers_lookup import NumbersLookupResourceWithRawResponse

        return NumbersLookupResourceWithRawResponse(self._client)
