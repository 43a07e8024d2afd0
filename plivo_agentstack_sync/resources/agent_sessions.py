# Do not edit: `nox -s codegen` derives this from plivo_agentstack/resources/agent_sessions.py.
"""Operations on ``client.agent.sessions``."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any, Final

from plivo_agentstack._convert import check_extra, merged
from plivo_agentstack._generated.api.agent_sessions import get_agent_session, list_agent_sessions
from plivo_agentstack._generated.models.session_record import SessionRecord
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from .._base_client import APIClient, APIResource, TimeoutTypes
from .._raw import to_raw, to_raw_page
from ..pagination import Page

__all__ = ["AgentSessionsResource", "AgentSessionsResourceWithRawResponse"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_LIST_PARAMS: Final = {
    "limit": "limit",
    "offset": "offset",
    "sort_by": "sort_by",
    "sort_order": "sort_order",
    "agent_id": "agent_id",
    "agent_mode": "agent_mode",
    "call_uuid": "call_uuid",
    "phone_number": "phone_number",
    "ended_at__gte": "ended_at__gte",
    "ended_at__lte": "ended_at__lte",
    "created_at__gte": "created_at__gte",
    "created_at__lte": "created_at__lte",
    "duration__gte": "duration__gte",
    "duration__lte": "duration__lte",
}
_GET_PARAMS: Final = {
    "session_id": "session_id",
}


class AgentSessionsResource(APIResource):
    """Operations on ``client.agent.sessions``."""

    @cached_property
    def with_raw_response(self) -> AgentSessionsResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return AgentSessionsResourceWithRawResponse(self._client.raw_view())

    def list(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        sort_by: str | None = None,
        sort_order: str | None = None,
        agent_id: str | None = None,
        agent_mode: str | None = None,
        call_uuid: str | None = None,
        phone_number: str | None = None,
        ended_at__gte: str | None = None,
        ended_at__lte: str | None = None,
        created_at__gte: str | None = None,
        created_at__lte: str | None = None,
        duration__gte: int | None = None,
        duration__lte: int | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Page[SessionRecord]:
        """List agent sessions."""
        if extra:
            check_extra(extra, _LIST_PARAMS, "client.agent.sessions.list")
        request = list_agent_sessions.build_request(
            self._client.auth_id,
            limit=limit,
            offset=offset,
            sort_by=sort_by,
            sort_order=sort_order,
            agent_id=agent_id,
            agent_mode=agent_mode,
            call_uuid=call_uuid,
            phone_number=phone_number,
            ended_at_gte=ended_at__gte,
            ended_at_lte=ended_at__lte,
            created_at_gte=created_at__gte,
            created_at_lte=created_at__lte,
            duration_gte=duration__gte,
            duration_lte=duration__lte,
        )
        return self._client.paginate(
            request,
            list_agent_sessions.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    def get(
        self,
        session_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> SessionRecord:
        """Get an agent session."""
        if extra:
            check_extra(extra, _GET_PARAMS, "client.agent.sessions.get")
        request = get_agent_session.build_request(
            self._client.auth_id,
            session_id,
        )
        return self._client.request(
            request,
            get_agent_session.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )


class AgentSessionsResourceWithRawResponse:
    """``AgentSessionsResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: APIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse
        raw = AgentSessionsResource(self._client)
        self.list: Final = to_raw_page(raw.list)
        self.get: Final = to_raw(raw.get)
