"""One or more tests per REST operation, run against both packages via the ``client`` fixture.

Every test drives the SDK the way a user would and checks the request on the wire (method, exact
path, query, JSON body, headers) and the parsed result (model type, fields, dict-style access by
wire key, unknown fields kept, ``to_dict()`` round trip). Contract: api-facts §2.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest
import respx

import plivo_agentstack
from plivo_agentstack.messaging import InteractiveMessage, Location, Template
from plivo_agentstack.models import (
    Agent,
    AgentNumberAssignResult,
    AgentNumberList,
    CallConnectResult,
    CallDialResult,
    CallInitiateResult,
    DialTarget,
    ListMeta,
    LlmConfig,
    Lookup,
    LookupCarrier,
    LookupFormat,
    McpServer,
    Media,
    MediaList,
    MessageCreateResult,
    MessageRecord,
    MessageType,
    NumberBuyResult,
    NumberSearchResult,
    NumberUpdateResult,
    PhoneNumber,
    PurchasedNumber,
    SemanticVad,
    SessionRecord,
    SttConfig,
    TtsConfig,
)
from tests.conftest import ACCOUNT, AUTH_ID, AUTH_TOKEN, collect, make_client, resolve

pytestmark = pytest.mark.anyio

AUTH_HEADER = "Basic " + base64.b64encode(f"{AUTH_ID}:{AUTH_TOKEN}".encode()).decode("ascii")
USER_AGENT = f"plivo-agentstack-python/{plivo_agentstack.__version__}"

AGENT_UUID = "c3f1a2b4-5d6e-4f70-8a91-b2c3d4e5f601"
CALL_UUID = "9b2e4f6a-1c3d-4e5f-8a7b-0c1d2e3f4a5b"
SESSION_ID = "5e7a9c1b-3d5f-4a7c-9e1b-3d5f7a9c1e3b"
MESSAGE_UUID = "0936ec98-7c4c-11f0-8a4b-0242ac110005"
API_ID = "d2b7c9e0-7c4c-11f0-a1b2-0242ac110002"
NUMBER = "+14155550100"
NUMBER_IN_PATH = "14155550100"  # the + rule: numbers travel in URL paths without the leading +
OTHER_NUMBER = "+14155550101"
THIRD_NUMBER = "+14155550102"
WS_URL = "wss://agents.example.com/ws"

VAD_PRESET_HIGH = {
    "completed_turn_delay_ms": 150,
    "incomplete_turn_delay_ms": 1400,
    "uncertain_turn_delay_ms": 700,
    "min_interruption_duration_ms": 300,
    "false_interruption_timeout_ms": 750,
}
VAD_PRESET_LOW = {
    "completed_turn_delay_ms": 500,
    "incomplete_turn_delay_ms": 2500,
    "uncertain_turn_delay_ms": 1000,
    "min_interruption_duration_ms": 600,
    "false_interruption_timeout_ms": 1200,
}


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def last_request(mock_api: respx.MockRouter) -> httpx.Request:
    """The last request the router saw (exactly one request per operation here)."""
    assert mock_api.calls.call_count == 1
    return mock_api.calls.last.request


def body_of(request: httpx.Request) -> Any:
    """The decoded JSON body of a request."""
    return json.loads(request.content)


def query_of(request: httpx.Request) -> dict[str, str]:
    """The query of a request as a dict (asserting no key is repeated)."""
    items = request.url.params.multi_items()
    assert len({key for key, _ in items}) == len(items), items
    return dict(items)


def raw_path(request: httpx.Request) -> str:
    """The path as sent on the wire (percent-encoding kept, query stripped)."""
    return request.url.raw_path.decode("ascii").split("?", 1)[0]


def assert_headers(request: httpx.Request, *, json_body: bool) -> None:
    """Basic auth, User-Agent, and Content-Type exactly when a JSON body is sent."""
    assert request.headers["Authorization"] == AUTH_HEADER
    assert request.headers["User-Agent"] == USER_AGENT
    if json_body:
        assert request.headers["Content-Type"] == "application/json"
    else:
        assert request.content == b""
        assert "Content-Type" not in request.headers


def assert_model(result: Any, cls: type, payload: dict[str, Any]) -> None:
    """Type, wire-key access, unknown keys kept and a lossless ``to_dict()``."""
    assert isinstance(result, cls)
    assert result.to_dict() == payload
    assert cls.from_dict(result.to_dict()) == result  # type: ignore[attr-defined]
    assert result.get("definitely_missing") is None
    assert "definitely_missing" not in result
    with pytest.raises(KeyError):
        result["definitely_missing"]
    assert result["brand_new_field"] == payload["brand_new_field"]
    assert "brand_new_field" in result


def page_envelope(
    objects: list[dict[str, Any]], *, path: str, offset: int, limit: int, total: int
) -> dict[str, Any]:
    """A ``{api_id, meta, objects}`` list response as the API sends it."""
    following = offset + len(objects)
    return {
        "api_id": API_ID,
        "meta": {
            "limit": limit,
            "offset": offset,
            "total_count": total,
            "previous": f"{path}?limit={limit}&offset={offset - limit}" if offset else None,
            "next": f"{path}?limit={limit}&offset={following}" if following < total else None,
        },
        "objects": objects,
    }


def three_pages(items: list[dict[str, Any]], *, path: str) -> list[httpx.Response]:
    """Five items as three pages of two (offsets 0, 2, 4; ``next`` None on the last)."""
    assert len(items) == 5
    return [
        httpx.Response(
            200,
            json=page_envelope(
                items[offset : offset + 2], path=path, offset=offset, limit=2, total=5
            ),
        )
        for offset in (0, 2, 4)
    ]


def assert_three_page_requests(route: respx.Route, path: str, first_query: dict[str, str]) -> None:
    """Three GETs on ``path``: the first with ``first_query``, then offset 2 and 4, same rest."""
    assert route.call_count == 3
    requests = [call.request for call in route.calls]
    for request in requests:
        assert request.method == "GET"
        assert request.url.path == path
        assert_headers(request, json_body=False)
    assert query_of(requests[0]) == first_query
    assert query_of(requests[1]) == {**first_query, "offset": "2"}
    assert query_of(requests[2]) == {**first_query, "offset": "4"}


# --------------------------------------------------------------------------------------------
# Agents: client.agent.agents
# --------------------------------------------------------------------------------------------

AGENT_PATH = f"{ACCOUNT}/Agent"
AGENT_ITEM_PATH = f"{ACCOUNT}/Agent/{AGENT_UUID}"


def agent_payload(**overrides: Any) -> dict[str, Any]:
    """A realistic Agent body, with a field this SDK version does not know."""
    payload: dict[str, Any] = {
        "api_id": API_ID,
        "message": "agent created",
        "agent_uuid": AGENT_UUID,
        "agent_name": "Support Bot",
        "websocket_url": WS_URL,
        "stt": {"provider": "deepgram", "model": "nova-3", "language": "en"},
        "llm": {"provider": "openai", "model": "gpt-4o", "temperature": 0.2},
        "tts": {"provider": "elevenlabs", "voice": "EXAVITQu4vr4xnSDxMaL"},
        "welcome_greeting": "Hi, thanks for calling Acme. How can I help?",
        "speaks_first": "agent",
        "byok": False,
        "created_at": "2026-03-01T10:15:00Z",
        "brand_new_field": {"rollout": "beta"},
    }
    payload.update(overrides)
    return payload


def agent_item(index: int) -> dict[str, Any]:
    """A short Agent list item."""
    return {
        "agent_uuid": f"c3f1a2b4-5d6e-4f70-8a91-b2c3d4e5f60{index}",
        "agent_name": f"Agent {index}",
        "websocket_url": WS_URL,
        "participant_mode": "dual",
        "created_at": f"2026-03-0{index}T09:00:00Z",
    }


async def test_agents_create_minimal(client: Any, mock_api: respx.MockRouter) -> None:
    """agents.create POSTs the two required fields to /Agent and parses an Agent."""
    payload = agent_payload()
    mock_api.post(AGENT_PATH).respond(201, json=payload)

    agent = await resolve(
        client.agent.agents.create(agent_name="Support Bot", websocket_url=WS_URL)
    )

    request = last_request(mock_api)
    assert request.method == "POST"
    assert request.url.path == AGENT_PATH
    assert query_of(request) == {}
    assert body_of(request) == {"agent_name": "Support Bot", "websocket_url": WS_URL}
    assert_headers(request, json_body=True)
    assert_model(agent, Agent, payload)
    assert agent.agent_uuid == AGENT_UUID
    assert agent["agent_uuid"] == AGENT_UUID
    assert "agent_uuid" in agent
    assert agent.agent_name == "Support Bot"
    assert agent.byok is False
    assert isinstance(agent.stt, SttConfig)
    assert agent.stt.provider == "deepgram"
    assert isinstance(agent.llm, LlmConfig)
    assert agent["llm"]["model"] == "gpt-4o"


async def test_agents_create_nested_config_dicts_and_models(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """Nested config given as plain dicts or model instances is sent as plain JSON objects."""
    mock_api.post(AGENT_PATH).respond(201, json=agent_payload())

    await resolve(
        client.agent.agents.create(
            agent_name="Support Bot",
            websocket_url=WS_URL,
            stt={"provider": "deepgram"},
            llm=LlmConfig(provider="openai", model="gpt-4o"),
            tts=TtsConfig(provider="elevenlabs", voice="EXAVITQu4vr4xnSDxMaL"),
            llm_fallback=[
                LlmConfig(provider="anthropic", model="claude-sonnet-4-20250514"),
                {"provider": "groq", "model": "llama-3.3-70b-versatile"},
            ],
            mcp_servers=[McpServer(type_="http", url="https://mcp.example.com/sse")],
            callbacks={"hangup": {"url": "https://example.com/hangup", "method": "POST"}},
            semantic_vad=SemanticVad(completed_turn_delay_ms=200),
            allow_interruptions=True,
        )
    )

    request = last_request(mock_api)
    assert body_of(request) == {
        "agent_name": "Support Bot",
        "websocket_url": WS_URL,
        "stt": {"provider": "deepgram"},
        "llm": {"provider": "openai", "model": "gpt-4o"},
        "tts": {"provider": "elevenlabs", "voice": "EXAVITQu4vr4xnSDxMaL"},
        "llm_fallback": [
            {"provider": "anthropic", "model": "claude-sonnet-4-20250514"},
            {"provider": "groq", "model": "llama-3.3-70b-versatile"},
        ],
        "mcp_servers": [{"type": "http", "url": "https://mcp.example.com/sse"}],
        "callbacks": {"hangup": {"url": "https://example.com/hangup", "method": "POST"}},
        "semantic_vad": {"completed_turn_delay_ms": 200},
        "allow_interruptions": True,
    }
    assert_headers(request, json_body=True)


async def test_agents_create_drops_none_and_passes_extra_kwargs(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """None keyword arguments are not sent; unknown keyword arguments go into the body."""
    mock_api.post(AGENT_PATH).respond(201, json=agent_payload())

    await resolve(
        client.agent.agents.create(
            agent_name="Support Bot",
            websocket_url=WS_URL,
            welcome_greeting=None,
            semantic_vad=None,
            stt=None,
            prefill_cache=False,
            tool_call_timeout_s=45,
            brand_new_option={"enabled": True},
        )
    )

    assert body_of(last_request(mock_api)) == {
        "agent_name": "Support Bot",
        "websocket_url": WS_URL,
        "prefill_cache": False,
        "tool_call_timeout_s": 45,
        "brand_new_option": {"enabled": True},
    }


async def test_agents_create_semantic_vad_preset(client: Any, mock_api: respx.MockRouter) -> None:
    """semantic_vad="high" is expanded into the preset object before sending."""
    mock_api.post(AGENT_PATH).respond(201, json=agent_payload())

    await resolve(
        client.agent.agents.create(
            agent_name="Support Bot", websocket_url=WS_URL, semantic_vad="high"
        )
    )

    assert body_of(last_request(mock_api))["semantic_vad"] == VAD_PRESET_HIGH


async def test_agents_create_semantic_vad_auto_sends_empty_object(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """semantic_vad="auto" sends an empty object (server defaults)."""
    mock_api.post(AGENT_PATH).respond(201, json=agent_payload())

    await resolve(
        client.agent.agents.create(
            agent_name="Support Bot", websocket_url=WS_URL, semantic_vad="auto"
        )
    )

    assert body_of(last_request(mock_api))["semantic_vad"] == {}


async def test_agents_update_semantic_vad_eagerness_overlay(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """An ``eagerness`` dict is the preset overlaid with the other keys; the input is untouched."""
    mock_api.patch(AGENT_ITEM_PATH).respond(200, json=agent_payload(message="agent updated"))
    settings = {"eagerness": "low", "min_interruption_duration_ms": 200}

    await resolve(client.agent.agents.update(AGENT_UUID, semantic_vad=settings))

    request = last_request(mock_api)
    assert request.method == "PATCH"
    assert body_of(request) == {
        "semantic_vad": {**VAD_PRESET_LOW, "min_interruption_duration_ms": 200}
    }
    assert settings == {"eagerness": "low", "min_interruption_duration_ms": 200}


async def test_agents_semantic_vad_unknown_preset_raises_before_sending(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """An unknown preset or eagerness raises ValueError and sends nothing."""
    mock_api.post(AGENT_PATH).respond(201, json=agent_payload())
    mock_api.patch(AGENT_ITEM_PATH).respond(200, json=agent_payload())

    with pytest.raises(ValueError, match="bogus"):
        await resolve(
            client.agent.agents.create(
                agent_name="Support Bot", websocket_url=WS_URL, semantic_vad="bogus"
            )
        )
    with pytest.raises(ValueError, match="bogus"):
        await resolve(client.agent.agents.update(AGENT_UUID, semantic_vad="bogus"))
    with pytest.raises(ValueError, match="bogus"):
        await resolve(client.agent.agents.update(AGENT_UUID, semantic_vad={"eagerness": "bogus"}))

    assert not mock_api.calls


async def test_agents_get(client: Any, mock_api: respx.MockRouter) -> None:
    """agents.get GETs /Agent/{uuid} (no trailing slash, no query) and parses an Agent."""
    payload = agent_payload()
    del payload["message"]
    mock_api.get(AGENT_ITEM_PATH).respond(200, json=payload)

    agent = await resolve(client.agent.agents.get(AGENT_UUID))

    request = last_request(mock_api)
    assert request.method == "GET"
    assert request.url.path == AGENT_ITEM_PATH
    assert query_of(request) == {}
    assert_headers(request, json_body=False)
    assert_model(agent, Agent, payload)
    assert agent["websocket_url"] == WS_URL
    assert agent.get("message") is None
    assert "message" not in agent
    assert isinstance(agent.tts, TtsConfig)
    assert agent.tts.voice == "EXAVITQu4vr4xnSDxMaL"


async def test_agents_get_extra_kwargs_go_to_query(client: Any, mock_api: respx.MockRouter) -> None:
    """Unknown keyword arguments of a GET are sent as query parameters."""
    mock_api.get(AGENT_ITEM_PATH).respond(200, json=agent_payload())

    await resolve(client.agent.agents.get(AGENT_UUID, include="config"))

    assert query_of(last_request(mock_api)) == {"include": "config"}


async def test_agents_list_first_page(client: Any, mock_api: respx.MockRouter) -> None:
    """agents.list(limit=2) sends only limit=2 and returns one page of Agent objects."""
    payload = page_envelope(
        [agent_item(1), agent_item(2)], path=AGENT_PATH, offset=0, limit=2, total=5
    )
    mock_api.get(AGENT_PATH).respond(200, json=payload)

    page = await resolve(client.agent.agents.list(limit=2))

    request = last_request(mock_api)
    assert request.method == "GET"
    assert request.url.path == AGENT_PATH
    assert query_of(request) == {"limit": "2"}
    assert_headers(request, json_body=False)
    assert len(page.objects) == 2
    assert all(isinstance(agent, Agent) for agent in page.objects)
    assert [agent.agent_uuid for agent in page.objects] == [
        agent_item(1)["agent_uuid"],
        agent_item(2)["agent_uuid"],
    ]
    assert page.objects[0]["agent_name"] == "Agent 1"
    assert isinstance(page.meta, ListMeta)
    assert page.meta.total_count == 5
    assert page.meta.limit == 2
    assert page["api_id"] == API_ID
    assert page.to_dict() == payload


async def test_agents_list_sends_only_given_params(client: Any, mock_api: respx.MockRouter) -> None:
    """Without arguments nothing is sent; filters and unknown kwargs go to the query."""
    route = mock_api.get(AGENT_PATH)
    route.side_effect = [
        httpx.Response(200, json=page_envelope([], path=AGENT_PATH, offset=0, limit=20, total=0)),
        httpx.Response(200, json=page_envelope([], path=AGENT_PATH, offset=0, limit=20, total=0)),
    ]

    empty = await resolve(client.agent.agents.list())
    await resolve(
        client.agent.agents.list(
            sort_by="created_at",
            sort_order="desc",
            participant_mode="multi",
            agent_mode=None,
            name_contains="support",
        )
    )

    assert empty.objects == []
    assert query_of(route.calls[0].request) == {}
    assert query_of(route.calls[1].request) == {
        "sort_by": "created_at",
        "sort_order": "desc",
        "participant_mode": "multi",
        "name_contains": "support",
    }


async def test_agents_list_walks_three_pages(client: Any, mock_api: respx.MockRouter) -> None:
    """Iterating agents.list(limit=2) fetches offsets 0, 2, 4 and yields every agent in order."""
    items = [agent_item(i) for i in range(1, 6)]
    route = mock_api.get(AGENT_PATH)
    route.side_effect = three_pages(items, path=AGENT_PATH)

    agents = await collect(client.agent.agents.list(limit=2))

    assert all(isinstance(agent, Agent) for agent in agents)
    assert [agent.agent_uuid for agent in agents] == [item["agent_uuid"] for item in items]
    assert_three_page_requests(route, AGENT_PATH, {"limit": "2"})


async def test_agents_update(client: Any, mock_api: respx.MockRouter) -> None:
    """agents.update PATCHes only the given fields to /Agent/{uuid} and parses an Agent."""
    payload = agent_payload(message="agent updated", welcome_greeting="Hello again!")
    mock_api.patch(AGENT_ITEM_PATH).respond(200, json=payload)

    agent = await resolve(
        client.agent.agents.update(
            AGENT_UUID,
            welcome_greeting="Hello again!",
            tts={"provider": "elevenlabs", "voice": "EXAVITQu4vr4xnSDxMaL", "speed": 1.1},
            agent_name=None,
            interruption_mode="adaptive",
        )
    )

    request = last_request(mock_api)
    assert request.method == "PATCH"
    assert request.url.path == AGENT_ITEM_PATH
    assert query_of(request) == {}
    assert body_of(request) == {
        "welcome_greeting": "Hello again!",
        "tts": {"provider": "elevenlabs", "voice": "EXAVITQu4vr4xnSDxMaL", "speed": 1.1},
        "interruption_mode": "adaptive",
    }
    assert_headers(request, json_body=True)
    assert_model(agent, Agent, payload)
    assert agent.welcome_greeting == "Hello again!"
    assert agent["message"] == "agent updated"


async def test_agents_delete(client: Any, mock_api: respx.MockRouter) -> None:
    """agents.delete DELETEs /Agent/{uuid} with no body and returns None on 204."""
    mock_api.delete(AGENT_ITEM_PATH).respond(204)

    result = await resolve(client.agent.agents.delete(AGENT_UUID))

    request = last_request(mock_api)
    assert request.method == "DELETE"
    assert request.url.path == AGENT_ITEM_PATH
    assert query_of(request) == {}
    assert_headers(request, json_body=False)
    assert result is None


# --------------------------------------------------------------------------------------------
# Calls: client.agent.calls
# --------------------------------------------------------------------------------------------

CALL_PATH = f"{ACCOUNT}/AgentCall"


def initiate_payload() -> dict[str, Any]:
    """A realistic initiate response."""
    return {
        "api_id": API_ID,
        "message": "call initiated",
        "call_uuid": CALL_UUID,
        "status": "initiated",
        "brand_new_field": "queued-at-edge",
    }


async def test_calls_initiate_single_destination(client: Any, mock_api: respx.MockRouter) -> None:
    """calls.initiate wraps a single ``to`` in a list and sends voicemail_detect=false."""
    payload = initiate_payload()
    mock_api.post(CALL_PATH).respond(201, json=payload)

    result = await resolve(client.agent.calls.initiate("agent-1", NUMBER, OTHER_NUMBER))

    request = last_request(mock_api)
    assert request.method == "POST"
    assert request.url.path == CALL_PATH
    assert query_of(request) == {}
    assert body_of(request) == {
        "agent_id": "agent-1",
        "from": NUMBER,
        "to": [OTHER_NUMBER],
        "voicemail_detect": False,
    }
    assert_headers(request, json_body=True)
    assert_model(result, CallInitiateResult, payload)
    assert result.call_uuid == CALL_UUID
    assert result["status"] == "initiated"


async def test_calls_initiate_list_destinations_and_options(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """A list ``to`` is sent as a list; options, None dropping and extra kwargs in the body."""
    mock_api.post(CALL_PATH).respond(201, json=initiate_payload())

    await resolve(
        client.agent.calls.initiate(
            AGENT_UUID,
            NUMBER,
            [OTHER_NUMBER, THIRD_NUMBER],
            voicemail_detect=True,
            dial_mode="sequential",
            ring_timeout=30,
            caller_name=None,
            custom_tag="campaign-42",
        )
    )

    assert body_of(last_request(mock_api)) == {
        "agent_id": AGENT_UUID,
        "from": NUMBER,
        "to": [OTHER_NUMBER, THIRD_NUMBER],
        "voicemail_detect": True,
        "dial_mode": "sequential",
        "ring_timeout": 30,
        "custom_tag": "campaign-42",
    }


async def test_calls_initiate_extra_body_and_query(client: Any, mock_api: respx.MockRouter) -> None:
    """Per-call extra_body is merged into the POST body, extra_query/extra_headers are sent."""
    mock_api.post(CALL_PATH).respond(201, json=initiate_payload())

    await resolve(
        client.agent.calls.initiate(
            AGENT_UUID,
            NUMBER,
            OTHER_NUMBER,
            extra_body={"foo": 1},
            extra_query={"debug": "1"},
            extra_headers={"X-Trace": "1"},
        )
    )

    request = last_request(mock_api)
    assert body_of(request) == {
        "agent_id": AGENT_UUID,
        "from": NUMBER,
        "to": [OTHER_NUMBER],
        "voicemail_detect": False,
        "foo": 1,
    }
    assert query_of(request) == {"debug": "1"}
    assert request.headers["X-Trace"] == "1"
    assert_headers(request, json_body=True)


async def test_calls_connect(client: Any, mock_api: respx.MockRouter) -> None:
    """calls.connect POSTs {"agent_id"} to /AgentCall/{call_uuid}/connect."""
    path = f"{CALL_PATH}/{CALL_UUID}/connect"
    payload = {
        "api_id": API_ID,
        "message": "call connected",
        "agent_session_id": SESSION_ID,
        "status": "connecting",
        "brand_new_field": 7,
    }
    mock_api.post(path).respond(201, json=payload)

    result = await resolve(client.agent.calls.connect(CALL_UUID, AGENT_UUID))

    request = last_request(mock_api)
    assert request.method == "POST"
    assert request.url.path == path
    assert query_of(request) == {}
    assert body_of(request) == {"agent_id": AGENT_UUID}
    assert_headers(request, json_body=True)
    assert_model(result, CallConnectResult, payload)
    assert result.agent_session_id == SESSION_ID
    assert result["status"] == "connecting"


async def test_calls_dial(client: Any, mock_api: respx.MockRouter) -> None:
    """calls.dial POSTs targets (dicts or DialTarget) and sends dial_timeout as "timeout"."""
    path = f"{CALL_PATH}/{CALL_UUID}/dial"
    payload = {
        "api_id": API_ID,
        "message": "dialing",
        "status": "dialing",
        "call_uuid": CALL_UUID,
        "brand_new_field": ["leg-1"],
    }
    mock_api.post(path).respond(201, json=payload)

    result = await resolve(
        client.agent.calls.dial(
            CALL_UUID,
            targets=[
                {"number": OTHER_NUMBER},
                DialTarget(number=THIRD_NUMBER, send_digits="wwww1"),
            ],
            dial_timeout=20,
            dial_mode="parallel",
            caller_id=NUMBER,
            time_limit=None,
        )
    )

    request = last_request(mock_api)
    assert request.method == "POST"
    assert request.url.path == path
    assert query_of(request) == {}
    assert body_of(request) == {
        "targets": [
            {"number": OTHER_NUMBER},
            {"number": THIRD_NUMBER, "send_digits": "wwww1"},
        ],
        "timeout": 20,
        "dial_mode": "parallel",
        "caller_id": NUMBER,
    }
    assert_headers(request, json_body=True)
    assert_model(result, CallDialResult, payload)
    assert result.status == "dialing"
    assert result["call_uuid"] == CALL_UUID


# --------------------------------------------------------------------------------------------
# Agent numbers: client.agent.numbers
# --------------------------------------------------------------------------------------------

AGENT_NUMBER_PATH = f"{ACCOUNT}/Agent/{AGENT_UUID}/Number"


async def test_agent_numbers_assign(client: Any, mock_api: respx.MockRouter) -> None:
    """agent.numbers.assign POSTs {"number"} to /Agent/{uuid}/Number."""
    payload = {
        "api_id": API_ID,
        "message": "number assigned",
        "agent_uuid": AGENT_UUID,
        "number": NUMBER,
        "brand_new_field": True,
    }
    mock_api.post(AGENT_NUMBER_PATH).respond(201, json=payload)

    result = await resolve(client.agent.numbers.assign(AGENT_UUID, NUMBER))

    request = last_request(mock_api)
    assert request.method == "POST"
    assert request.url.path == AGENT_NUMBER_PATH
    assert query_of(request) == {}
    assert body_of(request) == {"number": NUMBER}
    assert_headers(request, json_body=True)
    assert_model(result, AgentNumberAssignResult, payload)
    assert result.number == NUMBER
    assert result["message"] == "number assigned"


async def test_agent_numbers_list(client: Any, mock_api: respx.MockRouter) -> None:
    """agent.numbers.list GETs /Agent/{uuid}/Number and returns the number strings."""
    payload = {
        "api_id": API_ID,
        "agent_uuid": AGENT_UUID,
        "numbers": [NUMBER, OTHER_NUMBER],
        "brand_new_field": "x",
    }
    mock_api.get(AGENT_NUMBER_PATH).respond(200, json=payload)

    result = await resolve(client.agent.numbers.list(AGENT_UUID))

    request = last_request(mock_api)
    assert request.method == "GET"
    assert request.url.path == AGENT_NUMBER_PATH
    assert query_of(request) == {}
    assert_headers(request, json_body=False)
    assert_model(result, AgentNumberList, payload)
    assert result.numbers == [NUMBER, OTHER_NUMBER]
    assert result["agent_uuid"] == AGENT_UUID


async def test_agent_numbers_unassign(client: Any, mock_api: respx.MockRouter) -> None:
    """agent.numbers.unassign DELETEs /Agent/{uuid}/Number/{digits} (the + dropped), None."""
    mock_api.delete(f"{AGENT_NUMBER_PATH}/{NUMBER_IN_PATH}").respond(204)

    result = await resolve(client.agent.numbers.unassign(AGENT_UUID, NUMBER))

    request = last_request(mock_api)
    assert request.method == "DELETE"
    assert raw_path(request) == f"{AGENT_NUMBER_PATH}/{NUMBER_IN_PATH}"
    assert query_of(request) == {}
    assert_headers(request, json_body=False)
    assert result is None


# --------------------------------------------------------------------------------------------
# Sessions: client.agent.sessions
# --------------------------------------------------------------------------------------------

SESSION_PATH = f"{ACCOUNT}/AgentSession"


def session_item(index: int) -> dict[str, Any]:
    """A realistic session record."""
    return {
        "agent_session_uuid": f"5e7a9c1b-3d5f-4a7c-9e1b-3d5f7a9c1e3{index}",
        "agent_uuid": AGENT_UUID,
        "agent_name": "Support Bot",
        "primary_call_uuid": CALL_UUID,
        "agent_mode": "full",
        "participant_mode": "dual",
        "state": "completed",
        "created_at": "2026-03-01T10:15:00Z",
        "ended_at": "2026-03-01T10:18:20Z",
        "duration_seconds": 200,
        "turn_count": 12,
        "has_stt": True,
        "has_llm": True,
        "has_tts": True,
        "has_s2s": False,
        "total_cost": "0.04210",
        "from_number": NUMBER,
        "to_number": OTHER_NUMBER,
    }


async def test_sessions_list_first_page_with_filters(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """sessions.list sends its filters (double-underscore names kept) and gives a page."""
    payload = page_envelope(
        [session_item(1), session_item(2)], path=SESSION_PATH, offset=0, limit=2, total=2
    )
    mock_api.get(SESSION_PATH).respond(200, json=payload)

    page = await resolve(
        client.agent.sessions.list(
            limit=2,
            agent_id=AGENT_UUID,
            phone_number=NUMBER,
            ended_at__gte="2026-03-01T00:00:00Z",
            duration__lte=600,
            call_uuid=None,
        )
    )

    request = last_request(mock_api)
    assert request.method == "GET"
    assert request.url.path == SESSION_PATH
    assert query_of(request) == {
        "limit": "2",
        "agent_id": AGENT_UUID,
        "phone_number": NUMBER,
        "ended_at__gte": "2026-03-01T00:00:00Z",
        "duration__lte": "600",
    }
    assert_headers(request, json_body=False)
    assert all(isinstance(session, SessionRecord) for session in page.objects)
    assert page.objects[0].agent_session_uuid == session_item(1)["agent_session_uuid"]
    assert page.objects[1]["turn_count"] == 12
    assert page.meta.total_count == 2
    assert page.meta.next_ is None
    assert page["api_id"] == API_ID


async def test_sessions_list_walks_three_pages(client: Any, mock_api: respx.MockRouter) -> None:
    """Iterating sessions.list(limit=2, agent_id=...) keeps the filter on every page."""
    items = [session_item(i) for i in range(1, 6)]
    route = mock_api.get(SESSION_PATH)
    route.side_effect = three_pages(items, path=SESSION_PATH)

    sessions = await collect(client.agent.sessions.list(limit=2, agent_id=AGENT_UUID))

    assert all(isinstance(session, SessionRecord) for session in sessions)
    assert [session["agent_session_uuid"] for session in sessions] == [
        item["agent_session_uuid"] for item in items
    ]
    assert_three_page_requests(route, SESSION_PATH, {"limit": "2", "agent_id": AGENT_UUID})


async def test_sessions_get(client: Any, mock_api: respx.MockRouter) -> None:
    """sessions.get GETs /AgentSession/{id} and parses a SessionRecord."""
    path = f"{SESSION_PATH}/{SESSION_ID}"
    payload = {"api_id": API_ID, **session_item(1), "brand_new_field": {"mos": 4.3}}
    mock_api.get(path).respond(200, json=payload)

    session = await resolve(client.agent.sessions.get(SESSION_ID))

    request = last_request(mock_api)
    assert request.method == "GET"
    assert request.url.path == path
    assert query_of(request) == {}
    assert_headers(request, json_body=False)
    assert_model(session, SessionRecord, payload)
    assert session.duration_seconds == 200
    assert session["total_cost"] == "0.04210"
    assert session.has_s2s is False


# --------------------------------------------------------------------------------------------
# Messages: client.messages
# --------------------------------------------------------------------------------------------

MESSAGE_PATH = f"{ACCOUNT}/Message/"
MESSAGE_ITEM_PATH = f"{ACCOUNT}/Message/{MESSAGE_UUID}/"


def queued_payload() -> dict[str, Any]:
    """A realistic create-message response (message_uuid is a list)."""
    return {
        "api_id": API_ID,
        "message": "message(s) queued",
        "message_uuid": [MESSAGE_UUID],
        "brand_new_field": "x",
    }


def message_item(index: int) -> dict[str, Any]:
    """A realistic message record."""
    return {
        "error_code": None,
        "from_number": NUMBER.lstrip("+"),
        "to_number": OTHER_NUMBER.lstrip("+"),
        "message_direction": "outbound",
        "message_state": "delivered",
        "message_type": "sms",
        "message_uuid": f"0936ec98-7c4c-11f0-8a4b-0242ac11000{index}",
        "message_time": f"2026-03-0{index} 10:15:00+00:00",
        "resource_uri": f"{ACCOUNT}/Message/0936ec98-7c4c-11f0-8a4b-0242ac11000{index}/",
        "total_amount": "0.00500",
        "total_rate": "0.00500",
        "units": 1,
        "powerpack_id": None,
    }


async def test_messages_create_sms(client: Any, mock_api: respx.MockRouter) -> None:
    """messages.create POSTs to /Message/ with the defaults type=sms, method=POST."""
    payload = queued_payload()
    mock_api.post(MESSAGE_PATH).respond(202, json=payload)

    result = await resolve(
        client.messages.create(dst=OTHER_NUMBER, src=NUMBER, text="Your code is 123456")
    )

    request = last_request(mock_api)
    assert request.method == "POST"
    assert request.url.path == MESSAGE_PATH
    assert query_of(request) == {}
    assert body_of(request) == {
        "dst": OTHER_NUMBER,
        "src": NUMBER,
        "text": "Your code is 123456",
        "type": "sms",
        "method": "POST",
    }
    assert_headers(request, json_body=True)
    assert_model(result, MessageCreateResult, payload)
    assert result.message_uuid == [MESSAGE_UUID]
    assert result["message"] == "message(s) queued"


async def test_messages_create_mms_options_and_extras(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """MMS options are sent, None dropped, and unknown keyword arguments go into the body."""
    mock_api.post(MESSAGE_PATH).respond(202, json=queued_payload())

    await resolve(
        client.messages.create(
            dst=OTHER_NUMBER,
            src=NUMBER,
            text="",
            type_=MessageType.MMS,
            url="https://example.com/status",
            method="GET",
            media_urls=["https://example.com/a.png", "https://example.com/b.png"],
            log=False,
            message_expiry=3600,
            powerpack_uuid=None,
            trackable=None,
            brand_new_option="on",
        )
    )

    assert body_of(last_request(mock_api)) == {
        "dst": OTHER_NUMBER,
        "src": NUMBER,
        "text": "",
        "type": "mms",
        "url": "https://example.com/status",
        "method": "GET",
        "media_urls": ["https://example.com/a.png", "https://example.com/b.png"],
        "log": False,
        "message_expiry": 3600,
        "brand_new_option": "on",
    }


async def test_messages_create_whatsapp_template(client: Any, mock_api: respx.MockRouter) -> None:
    """A Template builder passed as ``template=`` is sent as its built dict."""
    mock_api.post(MESSAGE_PATH).respond(202, json=queued_payload())
    template = Template("order_update").add_body_param("42").add_body_currency("$9", "USD", 9000)

    await resolve(
        client.messages.create(dst=OTHER_NUMBER, src=NUMBER, type_="whatsapp", template=template)
    )

    body = body_of(last_request(mock_api))
    currency = {"fallback_value": "$9", "currency_code": "USD", "amount_1000": 9000}
    assert body == {
        "dst": OTHER_NUMBER,
        "src": NUMBER,
        "type": "whatsapp",
        "method": "POST",
        "template": {
            "name": "order_update",
            "language": "en",
            "components": [
                {
                    "type": "body",
                    "parameters": [
                        {"type": "text", "text": "42"},
                        {"type": "currency", "currency": currency},  # currency_code, not code
                    ],
                }
            ],
        },
    }
    assert body["template"] == template.build()


async def test_messages_create_whatsapp_interactive_and_location(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """InteractiveMessage.button(...) and Location.build(...) are sent as built."""
    route = mock_api.post(MESSAGE_PATH)
    route.side_effect = [
        httpx.Response(202, json=queued_payload()),
        httpx.Response(202, json=queued_payload()),
    ]
    interactive = InteractiveMessage.button(
        "Confirm your delivery slot?",
        [{"id": "slot-am", "title": "Morning"}, {"id": "slot-pm", "title": "Afternoon"}],
        footer_text="Acme Logistics",
    )
    location = Location.build(37.7749, -122.4194, name="Acme HQ", address="1 Market St, SF")

    await resolve(
        client.messages.create(
            dst=OTHER_NUMBER, src=NUMBER, type_="whatsapp", interactive=interactive
        )
    )
    await resolve(
        client.messages.create(dst=OTHER_NUMBER, src=NUMBER, type_="whatsapp", location=location)
    )

    first, second = (body_of(call.request) for call in route.calls)
    assert first["interactive"] == {
        "type": "button",
        "body": {"text": "Confirm your delivery slot?"},
        "action": {
            "buttons": [
                {"type": "reply", "reply": {"id": "slot-am", "title": "Morning"}},
                {"type": "reply", "reply": {"id": "slot-pm", "title": "Afternoon"}},
            ]
        },
        "footer": {"text": "Acme Logistics"},
    }
    assert first["type"] == "whatsapp"
    assert "location" not in first
    assert second["location"] == {  # coordinates travel as strings (real-api.md §1)
        "latitude": "37.7749",
        "longitude": "-122.4194",
        "name": "Acme HQ",
        "address": "1 Market St, SF",
    }
    assert "interactive" not in second


async def test_messages_get(client: Any, mock_api: respx.MockRouter) -> None:
    """messages.get GETs /Message/{uuid}/ (trailing slash) and parses a MessageRecord."""
    payload = {
        "api_id": API_ID,
        **message_item(5),
        "message_uuid": MESSAGE_UUID,
        "requester_ip": "203.0.113.10",
        "brand_new_field": {"segments": 1},
    }
    mock_api.get(MESSAGE_ITEM_PATH).respond(200, json=payload)

    message = await resolve(client.messages.get(MESSAGE_UUID))

    request = last_request(mock_api)
    assert request.method == "GET"
    assert request.url.path == MESSAGE_ITEM_PATH
    assert query_of(request) == {}
    assert_headers(request, json_body=False)
    assert_model(message, MessageRecord, payload)
    assert message.message_uuid == MESSAGE_UUID
    assert message["message_state"] == "delivered"
    assert message.units == 1


async def test_messages_list_first_page_defaults(client: Any, mock_api: respx.MockRouter) -> None:
    """messages.list() sends limit=20&offset=0 by default; filters keep their wire names."""
    route = mock_api.get(MESSAGE_PATH)
    payload = page_envelope(
        [message_item(1), message_item(2)], path=MESSAGE_PATH, offset=0, limit=20, total=2
    )
    route.side_effect = [httpx.Response(200, json=payload), httpx.Response(200, json=payload)]

    page = await resolve(client.messages.list())
    await resolve(
        client.messages.list(
            limit=2,
            message_direction="outbound",
            message_time__gte="2026-03-01 00:00:00",
            error_code="30007",
            from_number=None,
            conversation_origin="service",
        )
    )

    first, second = (call.request for call in route.calls)
    assert first.method == "GET"
    assert first.url.path == MESSAGE_PATH
    assert query_of(first) == {"limit": "20", "offset": "0"}
    assert_headers(first, json_body=False)
    assert query_of(second) == {
        "limit": "2",
        "offset": "0",
        "message_direction": "outbound",
        "message_time__gte": "2026-03-01 00:00:00",
        "error_code": "30007",
        "conversation_origin": "service",
    }
    assert all(isinstance(message, MessageRecord) for message in page.objects)
    assert page.objects[1]["message_uuid"] == message_item(2)["message_uuid"]
    assert page.meta.total_count == 2
    assert page["api_id"] == API_ID


async def test_messages_list_walks_three_pages(client: Any, mock_api: respx.MockRouter) -> None:
    """Iterating messages.list(limit=2, ...) fetches offsets 0, 2, 4 with the same filters."""
    items = [message_item(i) for i in range(1, 6)]
    route = mock_api.get(MESSAGE_PATH)
    route.side_effect = three_pages(items, path=MESSAGE_PATH)

    messages = await collect(client.messages.list(limit=2, message_state="delivered"))

    assert all(isinstance(message, MessageRecord) for message in messages)
    assert [message.message_uuid for message in messages] == [
        item["message_uuid"] for item in items
    ]
    assert_three_page_requests(
        route, MESSAGE_PATH, {"limit": "2", "offset": "0", "message_state": "delivered"}
    )


async def test_messages_list_per_call_options_apply_to_every_page(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """extra_headers / extra_query / extra kwargs of a list call are sent on later pages too."""
    items = [message_item(i) for i in range(1, 6)]
    route = mock_api.get(MESSAGE_PATH)
    route.side_effect = three_pages(items, path=MESSAGE_PATH)

    messages = await collect(
        client.messages.list(
            limit=2,
            extra_headers={"X-Trace": "1"},
            extra_query={"debug": "1"},
            brand_new_filter="yes",
        )
    )

    assert len(messages) == 5
    assert_three_page_requests(
        route,
        MESSAGE_PATH,
        {"limit": "2", "offset": "0", "debug": "1", "brand_new_filter": "yes"},
    )
    assert all(call.request.headers["X-Trace"] == "1" for call in route.calls)


async def test_messages_list_media(client: Any, mock_api: respx.MockRouter) -> None:
    """messages.list_media GETs /Message/{uuid}/Media/ and parses Media objects."""
    path = f"{MESSAGE_ITEM_PATH}Media/"
    payload = {
        "api_id": API_ID,
        "objects": [
            {
                "media_id": "1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a5b",
                "content_type": "image/png",
                "media_url": f"https://media.plivo.com{ACCOUNT}/Message/{MESSAGE_UUID}/Media/1/",
                "size": 20480,
                "message_uuid": MESSAGE_UUID,
            }
        ],
        "brand_new_field": 1,
    }
    mock_api.get(path).respond(200, json=payload)

    result = await resolve(client.messages.list_media(MESSAGE_UUID))

    request = last_request(mock_api)
    assert request.method == "GET"
    assert request.url.path == path
    assert query_of(request) == {}
    assert_headers(request, json_body=False)
    assert_model(result, MediaList, payload)
    assert len(result.objects) == 1
    assert isinstance(result.objects[0], Media)
    assert result.objects[0].content_type == "image/png"
    assert result["objects"][0]["size"] == 20480


# --------------------------------------------------------------------------------------------
# Account phone numbers: client.numbers
# --------------------------------------------------------------------------------------------

NUMBER_LIST_PATH = f"{ACCOUNT}/Number/"
NUMBER_ITEM_PATH = f"{ACCOUNT}/Number/{NUMBER_IN_PATH}/"
SEARCH_PATH = f"{ACCOUNT}/PhoneNumber/"
BUY_PATH = f"{ACCOUNT}/PhoneNumber/{NUMBER_IN_PATH}/"


def phone_number_item(index: int) -> dict[str, Any]:
    """A realistic owned phone number."""
    number = f"1415555010{index}"
    return {
        "number": number,
        "alias": f"Line {index}",
        "application": f"{ACCOUNT}/Application/29986316244302815/",
        "carrier": "Plivo",
        "city": "San Francisco",
        "country": "United States",
        "number_type": "local",
        "monthly_rental_rate": "0.50000",
        "region": "California, UNITED STATES",
        "resource_uri": f"{ACCOUNT}/Number/{number}/",
        "sms_enabled": True,
        "sms_rate": "0.00000",
        "sub_account": None,
        "voice_enabled": True,
        "voice_rate": "0.00850",
        "added_on": "2026-01-15",
        "renewal_date": "2026-04-15",
    }


def search_item(index: int) -> dict[str, Any]:
    """A realistic available (searchable) number."""
    number = f"1415555020{index}"
    return {
        "number": number,
        "prefix": "415",
        "city": "San Francisco",
        "country": "United States",
        "lata": 722,
        "monthly_rental_rate": "0.50000",
        "rate_center": "SNFC CA",
        "region": "California",
        "resource_uri": f"{ACCOUNT}/PhoneNumber/{number}/",
        "restriction": None,
        "restriction_text": None,
        "setup_rate": "0.00000",
        "sms_enabled": True,
        "sms_rate": "0.00000",
        "type": "local",
        "voice_enabled": True,
        "voice_rate": "0.00850",
    }


async def test_numbers_list_first_page(client: Any, mock_api: respx.MockRouter) -> None:
    """numbers.list sends limit/offset defaults plus filters to /Number/ and gives a page."""
    payload = page_envelope(
        [phone_number_item(1), phone_number_item(2)],
        path=NUMBER_LIST_PATH,
        offset=0,
        limit=20,
        total=2,
    )
    mock_api.get(NUMBER_LIST_PATH).respond(200, json=payload)

    page = await resolve(client.numbers.list(type="local", number_startswith="1415", alias=None))

    request = last_request(mock_api)
    assert request.method == "GET"
    assert request.url.path == NUMBER_LIST_PATH
    assert query_of(request) == {
        "type": "local",
        "number_startswith": "1415",
        "limit": "20",
        "offset": "0",
    }
    assert_headers(request, json_body=False)
    assert all(isinstance(number, PhoneNumber) for number in page.objects)
    assert page.objects[0].number == "14155550101"
    assert page.objects[1]["voice_rate"] == "0.00850"
    assert page.meta.total_count == 2
    assert page["api_id"] == API_ID


async def test_numbers_list_walks_three_pages(client: Any, mock_api: respx.MockRouter) -> None:
    """Iterating numbers.list(limit=2) fetches offsets 0, 2, 4."""
    items = [phone_number_item(i) for i in range(1, 6)]
    route = mock_api.get(NUMBER_LIST_PATH)
    route.side_effect = three_pages(items, path=NUMBER_LIST_PATH)

    numbers = await collect(client.numbers.list(limit=2))

    assert [number["number"] for number in numbers] == [item["number"] for item in items]
    assert_three_page_requests(route, NUMBER_LIST_PATH, {"limit": "2", "offset": "0"})


async def test_numbers_get(client: Any, mock_api: respx.MockRouter) -> None:
    """numbers.get GETs /Number/{number}/ with ``+`` percent-encoded and parses a PhoneNumber."""
    payload = {"api_id": API_ID, **phone_number_item(0), "brand_new_field": "cnam"}
    mock_api.get(NUMBER_ITEM_PATH).respond(200, json=payload)

    number = await resolve(client.numbers.get(NUMBER))

    request = last_request(mock_api)
    assert request.method == "GET"
    assert raw_path(request) == NUMBER_ITEM_PATH
    assert query_of(request) == {}
    assert_headers(request, json_body=False)
    assert_model(number, PhoneNumber, payload)
    assert number.number == "14155550100"
    assert number["sms_enabled"] is True


async def test_numbers_update(client: Any, mock_api: respx.MockRouter) -> None:
    """numbers.update POSTs (not PATCH) the given fields to /Number/{number}/."""
    payload = {"api_id": API_ID, "message": "changed", "brand_new_field": None}
    mock_api.post(NUMBER_ITEM_PATH).respond(202, json=payload)

    result = await resolve(
        client.numbers.update(NUMBER, app_id="29986316244302815", alias="Support", subaccount=None)
    )

    request = last_request(mock_api)
    assert request.method == "POST"
    assert raw_path(request) == NUMBER_ITEM_PATH
    assert query_of(request) == {}
    assert body_of(request) == {"app_id": "29986316244302815", "alias": "Support"}
    assert_headers(request, json_body=True)
    assert isinstance(result, NumberUpdateResult)
    assert result.to_dict() == payload
    assert result.message == "changed"
    assert "brand_new_field" in result
    assert result["brand_new_field"] is None


async def test_numbers_delete(client: Any, mock_api: respx.MockRouter) -> None:
    """numbers.delete DELETEs /Number/{number}/ and returns None on 204."""
    mock_api.delete(NUMBER_ITEM_PATH).respond(204)

    result = await resolve(client.numbers.delete(NUMBER))

    request = last_request(mock_api)
    assert request.method == "DELETE"
    assert raw_path(request) == NUMBER_ITEM_PATH
    assert query_of(request) == {}
    assert_headers(request, json_body=False)
    assert result is None


async def test_numbers_search_first_page(client: Any, mock_api: respx.MockRouter) -> None:
    """numbers.search("US", ...) GETs /PhoneNumber/ with country_iso and limit/offset."""
    payload = page_envelope(
        [search_item(1), search_item(2)], path=SEARCH_PATH, offset=0, limit=5, total=2
    )
    mock_api.get(SEARCH_PATH).respond(200, json=payload)

    page = await resolve(client.numbers.search("US", type="local", pattern="415", limit=5))

    request = last_request(mock_api)
    assert request.method == "GET"
    assert request.url.path == SEARCH_PATH
    assert query_of(request) == {
        "country_iso": "US",
        "type": "local",
        "pattern": "415",
        "limit": "5",
        "offset": "0",
    }
    assert_headers(request, json_body=False)
    assert all(isinstance(result, NumberSearchResult) for result in page.objects)
    first = page.objects[0]
    assert first.type_ == "local"
    assert first["type"] == "local"
    assert first.lata == 722
    assert page.meta.total_count == 2
    assert page["api_id"] == API_ID


async def test_numbers_search_walks_three_pages(client: Any, mock_api: respx.MockRouter) -> None:
    """Iterating numbers.search("US", limit=2) keeps country_iso on every page."""
    items = [search_item(i) for i in range(1, 6)]
    route = mock_api.get(SEARCH_PATH)
    route.side_effect = three_pages(items, path=SEARCH_PATH)

    results = await collect(client.numbers.search("US", limit=2))

    assert [result.number for result in results] == [item["number"] for item in items]
    assert_three_page_requests(
        route, SEARCH_PATH, {"country_iso": "US", "limit": "2", "offset": "0"}
    )


async def test_numbers_buy_without_options_sends_no_body(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """numbers.buy(number) POSTs to /PhoneNumber/{number}/ with no body at all."""
    payload = {
        "api_id": API_ID,
        "message": "created",
        "status": "fulfilled",
        "numbers": [{"number": NUMBER.lstrip("+"), "status": "Success"}],
        "brand_new_field": "x",
    }
    mock_api.post(BUY_PATH).respond(201, json=payload)

    result = await resolve(client.numbers.buy(NUMBER))

    request = last_request(mock_api)
    assert request.method == "POST"
    assert raw_path(request) == BUY_PATH
    assert query_of(request) == {}
    assert request.content == b""
    assert_headers(request, json_body=False)
    assert_model(result, NumberBuyResult, payload)
    assert result.status == "fulfilled"
    assert isinstance(result.numbers[0], PurchasedNumber)
    assert result.numbers[0].status == "Success"


async def test_numbers_buy_with_app_id(client: Any, mock_api: respx.MockRouter) -> None:
    """numbers.buy(number, app_id=...) sends {"app_id": ...}."""
    mock_api.post(BUY_PATH).respond(
        201, json={"api_id": API_ID, "message": "created", "status": "fulfilled", "numbers": []}
    )

    await resolve(client.numbers.buy(NUMBER, app_id="x"))

    request = last_request(mock_api)
    assert body_of(request) == {"app_id": "x"}
    assert_headers(request, json_body=True)


# --------------------------------------------------------------------------------------------
# Lookup: client.numbers.lookup
# --------------------------------------------------------------------------------------------

LOOKUP_PATH = f"/v1/Number/{NUMBER_IN_PATH}"
LOOKUP_URL = f"https://lookup.plivo.com{LOOKUP_PATH}"


def lookup_payload() -> dict[str, Any]:
    """A realistic carrier lookup response."""
    return {
        "api_id": API_ID,
        "phone_number": NUMBER,
        "country": {"name": "United States", "iso2": "US", "iso3": "USA", "code": 1},
        "format": {
            "e164": NUMBER,
            "national": "(415) 555-0100",
            "international": "+1 415-555-0100",
            "rfc3966": "tel:+1-415-555-0100",
        },
        "carrier": {
            "mobile_country_code": "310",
            "mobile_network_code": "160",
            "name": "T-Mobile USA, Inc.",
            "type": "mobile",
            "ported": "no",
        },
        "resource_uri": f"/v1/Number/{NUMBER}?type=carrier",
        "brand_new_field": {"line_status": "active"},
    }


async def test_lookup_get(client: Any, mock_api: respx.MockRouter) -> None:
    """lookup.get GETs https://lookup.plivo.com/v1/Number/{number} (its own host) ?type=carrier."""
    payload = lookup_payload()
    mock_api.get(LOOKUP_URL).respond(200, json=payload)

    result = await resolve(client.numbers.lookup.get(NUMBER))

    request = last_request(mock_api)
    assert request.method == "GET"
    assert request.url.host == "lookup.plivo.com"
    assert raw_path(request) == LOOKUP_PATH
    assert query_of(request) == {"type": "carrier"}
    assert_headers(request, json_body=False)
    assert_model(result, Lookup, payload)
    assert result.phone_number == NUMBER
    assert isinstance(result.carrier, LookupCarrier)
    assert result.carrier.type_ == "mobile"
    assert result.carrier["name"] == "T-Mobile USA, Inc."
    assert isinstance(result.format_, LookupFormat)
    assert result["format"]["national"] == "(415) 555-0100"


async def test_lookup_get_other_type(client: Any, mock_api: respx.MockRouter) -> None:
    """lookup.get(number, type="caller_name") overrides the default type."""
    mock_api.get(LOOKUP_URL).respond(200, json=lookup_payload())

    await resolve(client.numbers.lookup.get(NUMBER, type="caller_name"))

    assert query_of(last_request(mock_api)) == {"type": "caller_name"}


@pytest.mark.parametrize(
    ("options", "host"),
    [
        ({}, "https://lookup.plivo.com"),
        ({"lookup_base_url": "https://lookup.proxy.test/"}, "https://lookup.proxy.test"),
        ({"base_url": "http://127.0.0.1:9"}, "http://127.0.0.1:9"),
        (
            {"base_url": "http://127.0.0.1:9", "lookup_base_url": "http://127.0.0.1:8"},
            "http://127.0.0.1:8",
        ),
    ],
)
async def test_lookup_host_follows_the_overrides(
    flavor: str, options: dict[str, str], host: str
) -> None:
    """lookup_base_url wins; an overridden base_url alone takes lookup along; else its host."""
    api = make_client(flavor, **options)
    with respx.mock(assert_all_called=False) as router:
        router.get(f"{host}{LOOKUP_PATH}").respond(200, json=lookup_payload())
        router.get(url__regex=r".*/Agent/a1$").respond(200, json=agent_payload())
        await resolve(api.numbers.lookup.get(NUMBER))
        assert str(router.calls.last.request.url).startswith(f"{host}/v1/Number/")
        await resolve(api.with_options(max_retries=0).numbers.lookup.get(NUMBER))
        assert str(router.calls.last.request.url).startswith(f"{host}/v1/Number/")
        await resolve(api.agent.agents.get("a1"))  # everything else stays on base_url
        expected_base = options.get("base_url", "https://api.plivo.com")
        assert str(router.calls.last.request.url).startswith(expected_base + "/v1/Account/")
    await resolve(api.close())


# --------------------------------------------------------------------------------------------
# Per-call options
# --------------------------------------------------------------------------------------------


async def test_per_call_extra_headers_and_query_on_get(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """extra_headers are added to the request and extra_query to the query of a GET."""
    mock_api.get(AGENT_ITEM_PATH).respond(200, json=agent_payload())

    await resolve(
        client.agent.agents.get(
            AGENT_UUID, extra_headers={"X-Trace": "1"}, extra_query={"debug": "1"}
        )
    )

    request = last_request(mock_api)
    assert request.headers["X-Trace"] == "1"
    assert query_of(request) == {"debug": "1"}
    assert_headers(request, json_body=False)


async def test_per_call_extra_body_on_patch(client: Any, mock_api: respx.MockRouter) -> None:
    """extra_body adds fields to the PATCH body; a named argument wins over an extra field of
    the same wire name, which is sent only when the argument is not given."""
    mock_api.patch(AGENT_ITEM_PATH).respond(200, json=agent_payload())

    await resolve(
        client.agent.agents.update(
            AGENT_UUID, agent_name="Renamed", extra_body={"foo": 1, "agent_name": "Override"}
        )
    )
    assert body_of(last_request(mock_api)) == {"agent_name": "Renamed", "foo": 1}

    await resolve(client.agent.agents.update(AGENT_UUID, extra_body={"agent_name": "Raw"}))
    assert body_of(mock_api.calls.last.request) == {"agent_name": "Raw"}


async def test_per_call_extra_kwargs_on_delete_go_to_query(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """Unknown keyword arguments of a DELETE are sent as query parameters, never as a body."""
    mock_api.delete(NUMBER_ITEM_PATH).respond(204)

    await resolve(client.numbers.delete(NUMBER, force="true"))

    request = last_request(mock_api)
    assert query_of(request) == {"force": "true"}
    assert_headers(request, json_body=False)


# --- **extra: typos are refused, the rest reaches the API -------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda c: c.agent.agents.create(
                agent_name="Bot", websocket_url=WS_URL, welcome_gretting="Hi"
            ),
            r"client\.agent\.agents\.create\(\) got an unexpected keyword argument "
            r"'welcome_gretting'; did you mean 'welcome_greeting'\?",
        ),
        (lambda c: c.agent.agents.list(limt=5), r"did you mean 'limit'\?"),
        (lambda c: c.agent.agents.get(AGENT_UUID, max_retry=2), r"did you mean 'max_retries'\?"),
        (
            lambda c: c.messages.create(dst="+14155550100", text="hi", type="whatsapp"),
            r"client\.messages\.create\(\) got 'type', the wire name of its parameter 'type_': "
            r"pass type_=\.\.\. instead",
        ),
    ],
    ids=["create-typo", "list-typo", "option-typo", "wire-name"],
)
async def test_a_keyword_close_to_a_parameter_raises_with_the_suggestion(
    client: Any, mock_api: respx.MockRouter, call: Any, message: str
) -> None:
    """Nothing is sent: the typo is a ``TypeError`` naming the parameter meant."""
    with pytest.raises(TypeError, match=message):
        await resolve(call(client))
    assert mock_api.calls.call_count == 0


async def test_named_arguments_win_and_unknown_keywords_reach_the_api(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """A keyword far from every parameter is sent as is (forward compatibility); a named
    argument wins over ``extra_query`` / ``extra_body`` of the same name."""
    mock_api.post(MESSAGE_PATH).respond(202, json=queued_payload())
    mock_api.get(AGENT_PATH).respond(
        200, json=page_envelope([], path=AGENT_PATH, offset=0, limit=5, total=0)
    )

    await resolve(
        client.messages.create(
            dst="+14155550100",
            text="hi",
            type_="sms",
            brand_new_field=1,
            extra_body={"type": "whatsapp", "text": "raw"},
        )
    )
    body = body_of(last_request(mock_api))
    assert (body["type"], body["text"], body["brand_new_field"]) == ("sms", "hi", 1)

    await resolve(
        client.agent.agents.list(limit=5, brand_new_filter="x", extra_query={"limit": 20})
    )
    assert query_of(mock_api.calls.last.request) == {"limit": "5", "brand_new_filter": "x"}


# --- with_raw_response: status, headers, request id and the parsed value -----------------------


async def test_with_raw_response_returns_status_headers_request_id_and_the_model(
    client: Any, mock_api: respx.MockRouter
) -> None:
    from plivo_agentstack import APIResponse

    mock_api.get(AGENT_ITEM_PATH).respond(
        200, json=agent_payload(), headers={"X-RateLimit-Remaining": "41"}
    )
    for view in (
        client.with_raw_response.agent.agents,
        client.agent.with_raw_response.agents,
        client.agent.agents.with_raw_response,
    ):
        raw = await resolve(view.get(AGENT_UUID))
        assert isinstance(raw, APIResponse)
        assert (raw.status_code, raw.headers["x-ratelimit-remaining"]) == (200, "41")
        assert raw.request_id == API_ID
        agent = raw.parse()
        assert isinstance(agent, Agent) and agent.agent_uuid == AGENT_UUID
        assert raw.http_response.request.url.path == AGENT_ITEM_PATH
    plain = await resolve(client.agent.agents.get(AGENT_UUID))  # the client itself is unchanged
    assert isinstance(plain, Agent)


async def test_with_raw_response_of_a_list_is_the_first_page_and_errors_still_raise(
    client: Any, mock_api: respx.MockRouter
) -> None:
    route = mock_api.get(AGENT_PATH)
    route.side_effect = [
        httpx.Response(
            200,
            json=page_envelope([agent_item(1)], path=AGENT_PATH, offset=0, limit=1, total=2),
        ),
        httpx.Response(
            200,
            json=page_envelope([agent_item(2)], path=AGENT_PATH, offset=1, limit=1, total=2),
        ),
    ]
    raw = await resolve(client.with_raw_response.agent.agents.list(limit=1))
    assert raw.status_code == 200 and raw.request_id == API_ID
    page = raw.parse()
    assert [a.agent_name for a in page.objects] == ["Agent 1"]
    following = await resolve(page.get_next_page())  # later pages come parsed
    assert [a.agent_name for a in following.objects] == ["Agent 2"]

    mock_api.get(AGENT_ITEM_PATH).respond(404, json={"api_id": "e-1", "error": "not found"})
    with pytest.raises(plivo_agentstack.NotFoundError, match=r"not found \(HTTP 404, api_id e-1\)"):
        await resolve(client.with_raw_response.agent.agents.get(AGENT_UUID))
