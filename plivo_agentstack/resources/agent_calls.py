# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""Operations on ``client.agent.calls``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any, Final

from plivo_agentstack._convert import as_list, check_extra, compact, sip_headers_string
from plivo_agentstack._generated.api.agent_calls import connect_call, dial_call, initiate_call
from plivo_agentstack._generated.models.call_connect_result import CallConnectResult
from plivo_agentstack._generated.models.call_dial_result import CallDialResult
from plivo_agentstack._generated.models.call_initiate_result import CallInitiateResult
from plivo_agentstack._generated.models.dial_mode import DialMode
from plivo_agentstack._generated.models.dial_target import DialTarget
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from .._base_client import AsyncAPIClient, AsyncAPIResource, TimeoutTypes
from .._raw import to_raw

__all__ = ["AsyncAgentCallsResource", "AsyncAgentCallsResourceWithRawResponse"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_INITIATE_PARAMS: Final = {
    "agent_uuid": "agent_uuid",
    "agent_id": "agent_uuid",
    "from_": "from_",
    "from": "from_",
    "to": "to",
    "voicemail_detect": "voicemail_detect",
    "dial_mode": "dial_mode",
    "caller_name": "caller_name",
    "time_limit": "time_limit",
    "ring_timeout": "ring_timeout",
    "machine_detection": "machine_detection",
    "send_digits": "send_digits",
}
_CONNECT_PARAMS: Final = {
    "call_uuid": "call_uuid",
    "agent_uuid": "agent_uuid",
    "agent_id": "agent_uuid",
}
_DIAL_PARAMS: Final = {
    "call_uuid": "call_uuid",
    "targets": "targets",
    "dial_mode": "dial_mode",
    "caller_id": "caller_id",
    "dial_timeout": "dial_timeout",
    "timeout": "dial_timeout",
    "time_limit": "time_limit",
    "hangup_on_star": "hangup_on_star",
    "dial_music": "dial_music",
    "confirm_sound": "confirm_sound",
    "confirm_key": "confirm_key",
    "sip_headers": "sip_headers",
    "agent_uuid": "agent_uuid",
    "agent_id": "agent_uuid",
}


class AsyncAgentCallsResource(AsyncAPIResource):
    """Operations on ``client.agent.calls``."""

    @cached_property
    def with_raw_response(self) -> AsyncAgentCallsResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncAgentCallsResourceWithRawResponse(self._client.raw_view())

    async def initiate(
        self,
        agent_uuid: str,
        from_: str,
        to: str | Sequence[str],
        *,
        voicemail_detect: bool = False,
        dial_mode: DialMode | str | None = None,
        caller_name: str | None = None,
        time_limit: int | None = None,
        ring_timeout: int | None = None,
        machine_detection: str | None = None,
        send_digits: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> CallInitiateResult:
        """Start an outbound call handled by an agent.

        Args:
            agent_uuid: Agent that handles the call.
            from_: Caller ID (E.164).
            to: Destination numbers (E.164); a single number is accepted.
            voicemail_detect: Detect voicemail on this call.
            dial_mode: How several targets are dialed.
            caller_name: Caller name.
            time_limit: Maximum call duration in seconds.
            ring_timeout: Seconds to ring before giving up.
            machine_detection: Answering-machine detection setting.
            send_digits: DTMF digits to send once the call is answered.
            **extra: Sent as extra JSON body fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _INITIATE_PARAMS, "client.agent.calls.initiate")
        body = compact(
            {
                "agent_id": agent_uuid,
                "from": from_,
                "to": as_list(to),
                "voicemail_detect": voicemail_detect,
                "dial_mode": dial_mode,
                "caller_name": caller_name,
                "time_limit": time_limit,
                "ring_timeout": ring_timeout,
                "machine_detection": machine_detection,
                "send_digits": send_digits,
            }
        )
        body.update(extra)
        request = initiate_call.build_request(
            self._client.auth_id,
            body=body,
        )
        return await self._client.request(
            request,
            initiate_call.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )

    async def connect(
        self,
        call_uuid: str,
        agent_uuid: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> CallConnectResult:
        """Connect an existing call to an agent.

        Args:
            agent_uuid: Agent to connect the call to.
            **extra: Sent as extra JSON body fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _CONNECT_PARAMS, "client.agent.calls.connect")
        body = compact(
            {
                "agent_id": agent_uuid,
            }
        )
        body.update(extra)
        request = connect_call.build_request(
            self._client.auth_id,
            call_uuid,
            body=body,
        )
        return await self._client.request(
            request,
            connect_call.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )

    async def dial(
        self,
        call_uuid: str,
        targets: Sequence[DialTarget | Mapping[str, Any]],
        *,
        dial_mode: DialMode | str | None = None,
        caller_id: str | None = None,
        dial_timeout: int | None = None,
        time_limit: int | None = None,
        hangup_on_star: bool | None = None,
        dial_music: str | None = None,
        confirm_sound: str | None = None,
        confirm_key: str | None = None,
        sip_headers: str | Mapping[str, str] | None = None,
        agent_uuid: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> CallDialResult:
        """Dial more participants into a live call.

        Args:
            targets: Numbers to dial.
            dial_mode: How several targets are dialed.
            caller_id: Caller ID for the new legs.
            dial_timeout: Ring timeout per target in seconds (sent as `timeout`; the `timeout`
                argument is the HTTP timeout).
            time_limit: Maximum duration of the new legs in seconds.
            hangup_on_star: Let the dialed party hang up by pressing *.
            dial_music: Music played to the caller while dialing.
            confirm_sound: Sound played to the target before it joins.
            confirm_key: Key the target must press to join.
            sip_headers: Custom SIP headers sent to the targets, as Plivo takes them:
                "name1=value1,name2=value2" (a mapping is joined into that form).
            agent_uuid: Agent for the new legs.
            **extra: Sent as extra JSON body fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _DIAL_PARAMS, "client.agent.calls.dial")
        body = compact(
            {
                "targets": targets,
                "dial_mode": dial_mode,
                "caller_id": caller_id,
                "timeout": dial_timeout,
                "time_limit": time_limit,
                "hangup_on_star": hangup_on_star,
                "dial_music": dial_music,
                "confirm_sound": confirm_sound,
                "confirm_key": confirm_key,
                "sip_headers": sip_headers_string(sip_headers),
                "agent_id": agent_uuid,
            }
        )
        body.update(extra)
        request = dial_call.build_request(
            self._client.auth_id,
            call_uuid,
            body=body,
        )
        return await self._client.request(
            request,
            dial_call.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )


class AsyncAgentCallsResourceWithRawResponse:
    """``AsyncAgentCallsResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse
        raw = AsyncAgentCallsResource(self._client)
        self.initiate: Final = to_raw(raw.initiate)
        self.connect: Final = to_raw(raw.connect)
        self.dial: Final = to_raw(raw.dial)
