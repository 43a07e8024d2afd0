# Do not edit: `nox -s codegen` derives this from plivo_agentstack/resources/agent_numbers.py.
"""Operations on ``client.agent.numbers``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any, Final

from plivo_agentstack._convert import check_extra, compact, merged, number_in_path
from plivo_agentstack._generated.api.agent_numbers import (
    assign_agent_number,
    list_agent_numbers,
    unassign_agent_number,
)
from plivo_agentstack._generated.models.agent_number_assign_result import AgentNumberAssignResult
from plivo_agentstack._generated.models.agent_number_list import AgentNumberList
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from .._base_client import APIClient, APIResource, TimeoutTypes
from .._raw import to_raw

__all__ = ["AgentNumbersResource", "AgentNumbersResourceWithRawResponse"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_LIST_PARAMS: Final = {
    "agent_uuid": "agent_uuid",
}
_ASSIGN_PARAMS: Final = {
    "agent_uuid": "agent_uuid",
    "number": "number",
}
_UNASSIGN_PARAMS: Final = {
    "agent_uuid": "agent_uuid",
    "number": "number",
}


class AgentNumbersResource(APIResource):
    """Operations on ``client.agent.numbers``."""

    @cached_property
    def with_raw_response(self) -> AgentNumbersResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return AgentNumbersResourceWithRawResponse(self._client.raw_view())

    def list(
        self,
        agent_uuid: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> AgentNumberList:
        """List the phone numbers assigned to an agent."""
        if extra:
            check_extra(extra, _LIST_PARAMS, "client.agent.numbers.list")
        request = list_agent_numbers.build_request(
            self._client.auth_id,
            agent_uuid,
        )
        return self._client.request(
            request,
            list_agent_numbers.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    def assign(
        self,
        agent_uuid: str,
        number: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> AgentNumberAssignResult:
        """Assign a phone number to an agent.

        Args:
            number: Phone number to assign (E.164).
            **extra: Sent as extra JSON body fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _ASSIGN_PARAMS, "client.agent.numbers.assign")
        body = compact(
            {
                "number": number,
            }
        )
        body.update(extra)
        request = assign_agent_number.build_request(
            self._client.auth_id,
            agent_uuid,
            body=body,
        )
        return self._client.request(
            request,
            assign_agent_number.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )

    def unassign(
        self,
        agent_uuid: str,
        number: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> None:
        """Unassign a phone number from an agent."""
        if extra:
            check_extra(extra, _UNASSIGN_PARAMS, "client.agent.numbers.unassign")
        request = unassign_agent_number.build_request(
            self._client.auth_id,
            agent_uuid,
            number_in_path(number),
        )
        return self._client.request(
            request,
            unassign_agent_number.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )


class AgentNumbersResourceWithRawResponse:
    """``AgentNumbersResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: APIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse
        raw = AgentNumbersResource(self._client)
        self.list: Final = to_raw(raw.list)
        self.assign: Final = to_raw(raw.assign)
        self.unassign: Final = to_raw(raw.unassign)
