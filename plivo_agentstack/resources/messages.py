# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""Operations on ``client.messages``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any, Final

from plivo_agentstack._convert import check_extra, compact, join_recipients, merged
from plivo_agentstack._generated.api.messages import (
    create_message,
    get_message,
    list_message_media,
    list_messages,
)
from plivo_agentstack._generated.models.media_list import MediaList
from plivo_agentstack._generated.models.message_create_result import MessageCreateResult
from plivo_agentstack._generated.models.message_record import MessageRecord
from plivo_agentstack._generated.models.message_type import MessageType
from plivo_agentstack._types import NOT_GIVEN, NotGiven, SupportsToDict

from .._base_client import AsyncAPIClient, AsyncAPIResource, TimeoutTypes
from .._raw import to_raw, to_raw_page
from ..pagination import AsyncPaginator

__all__ = ["AsyncMessagesResource", "AsyncMessagesResourceWithRawResponse"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_LIST_PARAMS: Final = {
    "limit": "limit",
    "offset": "offset",
    "message_direction": "message_direction",
    "message_state": "message_state",
    "message_type": "message_type",
    "message_time__gt": "message_time__gt",
    "message_time__gte": "message_time__gte",
    "message_time__lt": "message_time__lt",
    "message_time__lte": "message_time__lte",
    "subaccount": "subaccount",
    "error_code": "error_code",
    "powerpack_id": "powerpack_id",
    "from_number": "from_number",
    "to_number": "to_number",
    "conversation_id": "conversation_id",
    "conversation_origin": "conversation_origin",
    "message_time": "message_time",
    "destination_country_iso2": "destination_country_iso2",
    "tendlc_campaign_id": "tendlc_campaign_id",
    "tendlc_registration_status": "tendlc_registration_status",
}
_CREATE_PARAMS: Final = {
    "dst": "dst",
    "src": "src",
    "text": "text",
    "type_": "type_",
    "type": "type_",
    "url": "url",
    "method": "method",
    "media_urls": "media_urls",
    "media_ids": "media_ids",
    "powerpack_uuid": "powerpack_uuid",
    "template": "template",
    "interactive": "interactive",
    "location": "location",
    "log": "log",
    "trackable": "trackable",
    "message_expiry": "message_expiry",
    "dlt_entity_id": "dlt_entity_id",
    "dlt_template_id": "dlt_template_id",
    "dlt_template_category": "dlt_template_category",
}
_GET_PARAMS: Final = {
    "message_uuid": "message_uuid",
}
_LIST_MEDIA_PARAMS: Final = {
    "message_uuid": "message_uuid",
}


class AsyncMessagesResource(AsyncAPIResource):
    """Operations on ``client.messages``."""

    @cached_property
    def with_raw_response(self) -> AsyncMessagesResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncMessagesResourceWithRawResponse(self._client.raw_view())

    def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        message_direction: str | None = None,
        message_state: str | None = None,
        message_type: str | None = None,
        message_time__gt: str | None = None,
        message_time__gte: str | None = None,
        message_time__lt: str | None = None,
        message_time__lte: str | None = None,
        subaccount: str | None = None,
        error_code: str | None = None,
        powerpack_id: str | None = None,
        from_number: str | None = None,
        to_number: str | None = None,
        conversation_id: str | None = None,
        conversation_origin: str | None = None,
        message_time: str | None = None,
        destination_country_iso2: str | None = None,
        tendlc_campaign_id: str | None = None,
        tendlc_registration_status: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> AsyncPaginator[MessageRecord]:
        """List messages, newest first."""
        if extra:
            check_extra(extra, _LIST_PARAMS, "client.messages.list")
        request = list_messages.build_request(
            self._client.auth_id,
            limit=limit,
            offset=offset,
            message_direction=message_direction,
            message_state=message_state,
            message_type=message_type,
            message_time_gt=message_time__gt,
            message_time_gte=message_time__gte,
            message_time_lt=message_time__lt,
            message_time_lte=message_time__lte,
            subaccount=subaccount,
            error_code=error_code,
            powerpack_id=powerpack_id,
            from_number=from_number,
            to_number=to_number,
            conversation_id=conversation_id,
            conversation_origin=conversation_origin,
            message_time=message_time,
            destination_country_iso2=destination_country_iso2,
            tendlc_campaign_id=tendlc_campaign_id,
            tendlc_registration_status=tendlc_registration_status,
        )
        return self._client.paginate(
            request,
            list_messages.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    async def create(
        self,
        *,
        dst: str | Sequence[str],
        src: str | None = None,
        text: str | None = None,
        type_: MessageType | str = MessageType.SMS,
        url: str | None = None,
        method: str = "POST",
        media_urls: Sequence[str] | None = None,
        media_ids: Sequence[str] | None = None,
        powerpack_uuid: str | None = None,
        template: Mapping[str, Any] | SupportsToDict | None = None,
        interactive: Mapping[str, Any] | SupportsToDict | None = None,
        location: Mapping[str, Any] | SupportsToDict | None = None,
        log: bool | None = None,
        trackable: bool | None = None,
        message_expiry: int | None = None,
        dlt_entity_id: str | None = None,
        dlt_template_id: str | None = None,
        dlt_template_category: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> MessageCreateResult:
        """Send an SMS, MMS or WhatsApp message.

        Args:
            dst: Destination number, or several joined by "<" (14156667777<14157778888); a list
                of numbers is joined that way. One message is queued per recipient.
            src: Sender number or ID.
            text: Message text (caption for media).
            type_: Message channel.
            url: Delivery status callback URL.
            method: HTTP method of the status callback.
            media_urls: URLs of media to send (MMS / WhatsApp).
            media_ids: IDs of uploaded media to send.
            powerpack_uuid: Powerpack to send from.
            template: A WhatsApp template message.
            interactive: A WhatsApp interactive message (button, list or cta_url).
            location: A WhatsApp location message.
            log: Whether the message content is logged.
            trackable: Whether delivery is tracked.
            message_expiry: Seconds after which an undelivered message expires.
            dlt_entity_id: DLT entity ID (India).
            dlt_template_id: DLT template ID (India).
            dlt_template_category: DLT template category (India).
            **extra: Sent as extra JSON body fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _CREATE_PARAMS, "client.messages.create")
        body = compact(
            {
                "dst": join_recipients(dst),
                "src": src,
                "text": text,
                "type": type_,
                "url": url,
                "method": method,
                "media_urls": media_urls,
                "media_ids": media_ids,
                "powerpack_uuid": powerpack_uuid,
                "template": template,
                "interactive": interactive,
                "location": location,
                "log": log,
                "trackable": trackable,
                "message_expiry": message_expiry,
                "dlt_entity_id": dlt_entity_id,
                "dlt_template_id": dlt_template_id,
                "dlt_template_category": dlt_template_category,
            }
        )
        body.update(extra)
        request = create_message.build_request(
            self._client.auth_id,
            body=body,
        )
        return await self._client.request(
            request,
            create_message.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )

    async def get(
        self,
        message_uuid: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> MessageRecord:
        """Get a message."""
        if extra:
            check_extra(extra, _GET_PARAMS, "client.messages.get")
        request = get_message.build_request(
            self._client.auth_id,
            message_uuid,
        )
        return await self._client.request(
            request,
            get_message.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    async def list_media(
        self,
        message_uuid: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> MediaList:
        """List the media attached to a message."""
        if extra:
            check_extra(extra, _LIST_MEDIA_PARAMS, "client.messages.list_media")
        request = list_message_media.build_request(
            self._client.auth_id,
            message_uuid,
        )
        return await self._client.request(
            request,
            list_message_media.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )


class AsyncMessagesResourceWithRawResponse:
    """``AsyncMessagesResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse
        raw = AsyncMessagesResource(self._client)
        self.list: Final = to_raw_page(raw.list)
        self.create: Final = to_raw(raw.create)
        self.get: Final = to_raw(raw.get)
        self.list_media: Final = to_raw(raw.list_media)
