"""FakePlivo, the offline fake of the REST API, driven through both SDK flavours.

Every test's fake checks at teardown that each response it sent matches the spec's response
schema for that operation and status (``fake`` fixture).
"""

from __future__ import annotations

import base64
import re
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

import plivo_agentstack
import plivo_agentstack_sync
from plivo_agentstack import (
    APIConnectionError,
    AuthenticationError,
    ForbiddenError,
    NotFoundError,
    RateLimitError,
    ServerError,
    ValidationError,
)
from plivo_agentstack.testing._schema import SchemaError, SchemaValidator
from plivo_agentstack.testing.fake_api import (
    DEFAULT_AUTH_ID,
    DEFAULT_AUTH_TOKEN,
    FakePlivo,
    RecordedRequest,
    load_spec,
)
from tests.conftest import collect, resolve

pytestmark = pytest.mark.anyio

ACCOUNT = f"/v1/Account/{DEFAULT_AUTH_ID}"
WS_URL = "wss://agents.example.com/ws"
CALLER = "+14155550100"
CALLEE = "+14155550101"
AUTH = "Basic " + base64.b64encode(f"{DEFAULT_AUTH_ID}:{DEFAULT_AUTH_TOKEN}".encode()).decode()


def check_responses(fake: FakePlivo) -> None:
    """Every recorded (not dropped) response matches its spec response schema."""
    for record in fake.requests:
        if record.status is None:
            continue
        try:
            fake.spec.validate_response(record.operation_id, record.status, record.response)
        except SchemaError as exc:  # pragma: no cover - reported as a failure
            pytest.fail(f"{record.method} {record.path} -> {record.status}: {exc}")


@pytest.fixture
def fake() -> Iterator[FakePlivo]:
    """A fresh fake; at teardown every response it sent must match the spec."""
    instance = FakePlivo()
    yield instance
    check_responses(instance)


@pytest.fixture
async def api(fake: FakePlivo, flavor: str) -> AsyncIterator[Any]:
    """An SDK client of the current flavour wired to the fake through an httpx transport."""
    client = fake.async_client() if flavor == "async" else fake.client()
    yield client
    await resolve(client.close())


def ops(fake: FakePlivo, operation_id: str) -> list[RecordedRequest]:
    """The recorded requests of one operation."""
    return [record for record in fake.requests if record.operation_id == operation_id]


async def make_agent(api: Any, name: str = "Support Bot", **fields: Any) -> Any:
    """Create an agent through the SDK."""
    return await resolve(api.agent.agents.create(agent_name=name, websocket_url=WS_URL, **fields))


# --------------------------------------------------------------------------------------------
# Agents
# --------------------------------------------------------------------------------------------


async def test_agent_create_get_update_delete(api: Any, fake: FakePlivo) -> None:
    """An agent is created with a uuid and created_at, read back, patched, then deleted."""
    created = await make_agent(
        api,
        stt={"provider": "deepgram", "api_key": "dg-key"},
        llm={"provider": "openai", "model": "gpt-4o"},
        tts={"provider": "elevenlabs"},
        semantic_vad="high",
        brand_new_option={"enabled": True},
    )
    assert re.fullmatch(r"[0-9a-f-]{36}", created.agent_uuid)
    assert created.message == "agent created"
    assert created.byok is True
    assert created.created_at
    assert created["brand_new_option"] == {"enabled": True}
    assert created.semantic_vad.completed_turn_delay_ms == 150

    fetched = await resolve(api.agent.agents.get(created.agent_uuid))
    assert fetched.agent_name == "Support Bot"
    assert fetched.stt.provider == "deepgram"
    assert fetched.get("message") is None

    updated = await resolve(
        api.agent.agents.update(created.agent_uuid, welcome_greeting="Hi!", agent_name="Renamed")
    )
    assert updated.message == "agent updated"
    assert updated.welcome_greeting == "Hi!"
    assert updated.agent_name == "Renamed"
    assert updated.llm.model == "gpt-4o"  # untouched fields are kept
    assert updated.created_at == created.created_at

    assert await resolve(api.agent.agents.delete(created.agent_uuid)) is None
    with pytest.raises(NotFoundError, match=created.agent_uuid):
        await resolve(api.agent.agents.get(created.agent_uuid))
    assert fake.agents == {}
    assert [r.status for r in fake.requests] == [201, 200, 200, 204, 404]


async def test_agent_list_pages_with_real_meta(api: Any, fake: FakePlivo) -> None:
    """Five agents in pages of two: meta has total_count and Plivo-style next/previous."""
    uuids = [(await make_agent(api, f"Agent {i}")).agent_uuid for i in range(5)]
    newest_first = list(reversed(uuids))
    path = f"{ACCOUNT}/Agent"

    first = await resolve(api.agent.agents.list(limit=2))
    assert [agent.agent_uuid for agent in first.objects] == newest_first[:2]
    assert first.meta.to_dict() == {
        "limit": 2,
        "offset": 0,
        "total_count": 5,
        "previous": None,
        "next": f"{path}?limit=2&offset=2",
    }
    last = await resolve(api.agent.agents.list(limit=2, offset=4))
    assert [agent.agent_uuid for agent in last.objects] == newest_first[4:]
    assert last.meta.previous == f"{path}?limit=2&offset=2"
    assert last.meta.next_ is None

    fake.clear_requests()
    everything = await collect(api.agent.agents.list(limit=2))
    assert [agent.agent_uuid for agent in everything] == newest_first
    pages = ops(fake, "list_agents")
    assert [r.query for r in pages] == [
        {"limit": "2"},
        {"limit": "2", "offset": "2"},
        {"limit": "2", "offset": "4"},
    ]

    by_name = await resolve(api.agent.agents.list(sort_by="agent_name", sort_order="asc"))
    assert [agent.agent_name for agent in by_name.objects] == [f"Agent {i}" for i in range(5)]


async def test_agent_list_filters(api: Any) -> None:
    """agent_mode (derived from the providers) and participant_mode filter the list."""
    full = await make_agent(api, "Full", stt={}, llm={}, tts={})
    s2s = await make_agent(
        api, "S2S", s2s={"provider": "openai_realtime"}, participant_mode="multi"
    )
    page = await resolve(api.agent.agents.list(agent_mode="full"))
    assert [a.agent_uuid for a in page.objects] == [full.agent_uuid]
    page = await resolve(api.agent.agents.list(participant_mode="multi"))
    assert [a.agent_uuid for a in page.objects] == [s2s.agent_uuid]


# --------------------------------------------------------------------------------------------
# Agent numbers
# --------------------------------------------------------------------------------------------


async def test_agent_numbers_assign_list_unassign(api: Any) -> None:
    """Assigned numbers appear in the agent's list (once) and can be unassigned."""
    agent = await make_agent(api)
    other = await make_agent(api, "Other")
    result = await resolve(api.agent.numbers.assign(agent.agent_uuid, CALLER))
    assert result.message == "number assigned"
    assert result.number == CALLER
    await resolve(api.agent.numbers.assign(agent.agent_uuid, CALLEE))
    await resolve(api.agent.numbers.assign(agent.agent_uuid, CALLEE))  # idempotent

    listed = await resolve(api.agent.numbers.list(agent.agent_uuid))
    assert listed.agent_uuid == agent.agent_uuid
    assert listed.numbers == [CALLER, CALLEE]
    assert (await resolve(api.agent.numbers.list(other.agent_uuid))).numbers == []

    with pytest.raises(ValidationError, match="already assigned"):
        await resolve(api.agent.numbers.assign(other.agent_uuid, CALLER))
    with pytest.raises(ValidationError, match="number: 'call-me'"):
        await resolve(api.agent.numbers.assign(other.agent_uuid, "call-me"))

    assert await resolve(api.agent.numbers.unassign(agent.agent_uuid, CALLER)) is None
    assert (await resolve(api.agent.numbers.list(agent.agent_uuid))).numbers == [CALLEE]
    with pytest.raises(NotFoundError):
        await resolve(api.agent.numbers.unassign(agent.agent_uuid, CALLER))
    with pytest.raises(NotFoundError):
        await resolve(api.agent.numbers.list("no-such-agent"))


# --------------------------------------------------------------------------------------------
# Calls and sessions
# --------------------------------------------------------------------------------------------


async def test_initiate_creates_session_visible_in_sessions(api: Any, fake: FakePlivo) -> None:
    """initiate returns a call uuid and creates a session found by list filters and get."""
    agent = await make_agent(api, stt={}, llm={}, tts={})
    bystander = await make_agent(api, "Bystander")
    call = await resolve(
        api.agent.calls.initiate(agent.agent_uuid, CALLER, CALLEE, dial_mode="sequential")
    )
    assert call.message == "call initiated"
    assert call.status == "initiated"
    assert call.to == [CALLEE]

    page = await resolve(api.agent.sessions.list(agent_id=agent.agent_uuid))
    assert len(page.objects) == 1
    session = page.objects[0]
    assert session.primary_call_uuid == call.call_uuid
    assert session.agent_uuid == agent.agent_uuid
    assert session.agent_mode == "full"
    assert session.has_llm is True
    assert session.from_number == CALLER
    assert session.to_number == CALLEE
    assert session.state == "initiated"
    assert session.agent_session_uuid == session.agent_session_id

    got = await resolve(api.agent.sessions.get(session.agent_session_id))
    assert got.primary_call_uuid == call.call_uuid

    for filters in (
        {"call_uuid": call.call_uuid},
        {"phone_number": CALLEE},
        {"agent_mode": "full"},
        {"created_at__gte": "2000-01-01T00:00:00Z", "duration__lte": 10},
    ):
        found = await resolve(api.agent.sessions.list(**filters))
        assert [s.agent_session_id for s in found.objects] == [session.agent_session_id], filters
    for filters in (
        {"agent_id": bystander.agent_uuid},
        {"phone_number": "+14155559999"},
        {"ended_at__gte": "2000-01-01"},
        {"duration__gte": 1},
    ):
        assert (await resolve(api.agent.sessions.list(**filters))).objects == [], filters

    fake.update_session(session.agent_session_id, state="completed", duration_seconds=42)
    assert (await resolve(api.agent.sessions.get(session.agent_session_id))).duration_seconds == 42
    assert fake.calls[call.call_uuid]["options"] == {
        "voicemail_detect": False,
        "dial_mode": "sequential",
    }
    with pytest.raises(NotFoundError):
        await resolve(api.agent.sessions.get("no-such-session"))
    with pytest.raises(ValidationError, match="ended_at__lte: 'soon'"):
        await resolve(api.agent.sessions.list(agent_id="nobody", ended_at__lte="soon"))
    with pytest.raises(NotFoundError, match="no-such-agent"):
        await resolve(api.agent.calls.initiate("no-such-agent", CALLER, CALLEE))
    with pytest.raises(ValidationError, match=r"to\[0\]"):
        await resolve(api.agent.calls.initiate(agent.agent_uuid, CALLER, "nobody"))


async def test_connect_and_dial(api: Any, fake: FakePlivo) -> None:
    """connect creates a session for an existing call; dial records its targets."""
    agent = await make_agent(api)
    connected = await resolve(api.agent.calls.connect("inbound-call-1", agent.agent_uuid))
    assert connected.status == "connecting"
    session = await resolve(api.agent.sessions.get(connected.agent_session_id))
    assert session.primary_call_uuid == "inbound-call-1"
    assert session.state == "connecting"

    dialed = await resolve(
        api.agent.calls.dial(
            "inbound-call-1",
            targets=[{"number": CALLEE}, {"number": "+14155550102", "send_digits": "ww1"}],
            dial_mode="parallel",
        )
    )
    assert dialed.status == "dialing"
    assert dialed.call_uuid == "inbound-call-1"
    dials = fake.calls["inbound-call-1"]["dials"]
    assert [target["number"] for target in dials[0]["targets"]] == [CALLEE, "+14155550102"]
    assert dials[0]["dial_mode"] == "parallel"
    legs = fake.sessions[connected.agent_session_id]["call_legs"]
    assert [leg.get("to") for leg in legs[1:]] == [CALLEE, "+14155550102"]
    found = await resolve(api.agent.sessions.list(phone_number="+14155550102"))
    assert len(found.objects) == 1

    with pytest.raises(NotFoundError, match="unknown-call"):
        await resolve(api.agent.calls.dial("unknown-call", targets=[{"number": CALLEE}]))
    with pytest.raises(ValidationError, match="targets: at least one"):
        await resolve(api.agent.calls.dial("inbound-call-1", targets=[]))
    with pytest.raises(NotFoundError):
        await resolve(api.agent.calls.connect("inbound-call-2", "no-such-agent"))


async def test_on_call_initiated_hook(api: Any, fake: FakePlivo) -> None:
    """Callbacks get the agent and the call after a successful initiate, failures included."""
    seen: list[tuple[dict[str, Any], dict[str, Any]]] = []

    @fake.on_call_initiated
    def record(agent: dict[str, Any], call: dict[str, Any]) -> None:
        seen.append((agent, call))
        fake.update_session(call["session_id"], state="in_progress")

    def broken(agent: dict[str, Any], call: dict[str, Any]) -> None:
        raise RuntimeError("simulator crashed")

    fake.on_call_initiated(broken)
    agent = await make_agent(api)
    call = await resolve(api.agent.calls.initiate(agent.agent_uuid, CALLER, [CALLEE]))

    assert len(seen) == 1
    hooked_agent, hooked_call = seen[0]
    assert hooked_agent["agent_uuid"] == agent.agent_uuid
    assert hooked_agent["websocket_url"] == WS_URL
    assert hooked_call["call_uuid"] == call.call_uuid
    assert hooked_call["from"] == CALLER
    assert hooked_call["to"] == [CALLEE]
    session = await resolve(api.agent.sessions.get(hooked_call["session_id"]))
    assert session.state == "in_progress"
    assert [str(exc) for exc in fake.callback_errors] == ["simulator crashed"]
    assert fake.update_call(call.call_uuid, status="completed")["status"] == "completed"
    with pytest.raises(KeyError):
        fake.update_call("no-such-call", status="completed")
    with pytest.raises(KeyError):
        fake.update_session("no-such-session", state="completed")

    fake.fail_next("initiate_call", status=500)
    with pytest.raises(ServerError):
        await resolve(api.agent.calls.initiate(agent.agent_uuid, CALLER, CALLEE))
    with pytest.raises(NotFoundError):
        await resolve(api.agent.calls.initiate("missing", CALLER, CALLEE))
    assert len(seen) == 1  # not called for failed requests
    with pytest.raises(TypeError):
        fake.on_call_initiated("not callable")  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------------


async def test_messages_create_get_list_media(api: Any, fake: FakePlivo) -> None:
    """One record per destination; get, filtered lists and MMS media."""
    fake.add_number(CALLER)
    sms = await resolve(
        api.messages.create(dst=f"{CALLEE}<+14155550102", src=CALLER, text="Your code is 1234")
    )
    assert sms.message == "message(s) queued"
    assert len(sms.message_uuid) == 2
    mms = await resolve(
        api.messages.create(
            dst=CALLEE,
            src=CALLER,
            type_="mms",
            text="",
            media_urls=["https://example.com/a.png", "https://example.com/b.jpg"],
        )
    )
    inbound_uuid = fake.receive_message(CALLEE, CALLER, "STOP")
    with pytest.raises(ValueError, match="src must be an E.164"):
        fake.receive_message("someone", CALLER, "hi")

    first = await resolve(api.messages.get(sms.message_uuid[0]))
    assert first.message_uuid == sms.message_uuid[0]
    assert first.from_number == CALLER.lstrip("+")
    assert first.to_number == CALLEE.lstrip("+")
    assert first.message_direction == "outbound"
    assert first.message_type == "sms"
    assert first.message_state == "queued"
    assert first.units == 1
    assert first.resource_uri == f"{ACCOUNT}/Message/{first.message_uuid}/"
    assert fake.messages[first.message_uuid]["text"] == "Your code is 1234"

    everything = await resolve(api.messages.list())
    assert everything.meta.total_count == 4
    assert everything.objects[0].message_uuid == inbound_uuid  # newest first
    outbound_mms = await resolve(api.messages.list(message_type="mms"))
    assert [m.message_uuid for m in outbound_mms.objects] == mms.message_uuid
    inbound = await resolve(api.messages.list(message_direction="inbound"))
    assert [m.message_uuid for m in inbound.objects] == [inbound_uuid]
    to_second = await resolve(api.messages.list(to_number="+14155550102"))
    assert [m.message_uuid for m in to_second.objects] == [sms.message_uuid[1]]
    from_callee = await resolve(api.messages.list(from_number=CALLEE))
    assert [m.message_uuid for m in from_callee.objects] == [inbound_uuid]
    later = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
    assert (await resolve(api.messages.list(message_time__gt=later))).objects == []
    paged = await collect(api.messages.list(limit=3))
    assert len(paged) == 4
    assert [r.query["offset"] for r in ops(fake, "list_messages")][-2:] == ["0", "3"]

    media = await resolve(api.messages.list_media(mms.message_uuid[0]))
    assert [(m.media_url, m.content_type) for m in media.objects] == [
        ("https://example.com/a.png", "image/png"),
        ("https://example.com/b.jpg", "image/jpeg"),
    ]
    assert all(m.message_uuid == mms.message_uuid[0] for m in media.objects)
    assert (await resolve(api.messages.list_media(sms.message_uuid[0]))).objects == []

    with pytest.raises(NotFoundError):
        await resolve(api.messages.get("no-such-message"))
    with pytest.raises(NotFoundError):
        await resolve(api.messages.list_media("no-such-message"))


async def test_messages_create_rejects_bad_input(api: Any, fake: FakePlivo) -> None:
    """Bad destinations, a missing text and a bad type are 400s naming the field."""
    fake.add_number(CALLER)
    with pytest.raises(ValidationError, match="dst: 'not-a-number'"):
        await resolve(api.messages.create(dst="not-a-number", src=CALLER, text="x"))
    with pytest.raises(ValidationError, match="text: required for sms"):
        await resolve(api.messages.create(dst=CALLEE, src=CALLER))
    with pytest.raises(ValidationError, match=r'type: "fax" is not one of "sms", "mms"'):
        await resolve(api.messages.create(dst=CALLEE, src=CALLER, text="x", type_="fax"))
    with pytest.raises(ValidationError, match="media_urls: mms messages need"):
        await resolve(api.messages.create(dst=CALLEE, src=CALLER, type_="mms"))
    assert fake.messages == {}


# --------------------------------------------------------------------------------------------
# Account phone numbers and lookup
# --------------------------------------------------------------------------------------------


async def test_numbers_search_buy_list_get_update_delete(api: Any, fake: FakePlivo) -> None:
    """Search the seeded inventory, buy, list, get, update and release a number."""
    found = await resolve(api.numbers.search("US", type="local", pattern="415", limit=5))
    assert found.meta.total_count == 12
    assert (
        found.meta.next_
        == f"{ACCOUNT}/PhoneNumber/?limit=5&offset=5&country_iso=US&type=local&pattern=415"
    )
    assert all(n.number.startswith("1415") and n.type_ == "local" for n in found.objects)
    assert found.objects[0].lata == 722
    every_415 = await collect(api.numbers.search("US", pattern="415", limit=5))
    assert len(every_415) == 12
    assert len(ops(fake, "search_numbers")) == 4  # 1 + 3 pages
    tollfree = await resolve(api.numbers.search("us", type="tollfree"))
    assert {n.type_ for n in tollfree.objects} == {"tollfree"}
    wildcard = await resolve(api.numbers.search("US", pattern="21?555"))
    assert wildcard.meta.total_count == 8
    assert (await resolve(api.numbers.search("GB", services="sms"))).meta.total_count == 6
    assert (await resolve(api.numbers.search("FR"))).objects == []

    number = "+" + found.objects[0].number
    bought = await resolve(api.numbers.buy(number, app_id="12345"))
    assert bought.status == "fulfilled"
    assert bought.numbers[0].number == number.lstrip("+")
    await resolve(api.numbers.buy("+" + found.objects[1].number))
    again = await resolve(api.numbers.search("US", pattern="415", limit=20))
    assert again.meta.total_count == 10
    with pytest.raises(ValidationError, match="already on this account"):
        await resolve(api.numbers.buy(number))
    with pytest.raises(NotFoundError, match="not available"):
        await resolve(api.numbers.buy("+19995550000"))

    owned = await resolve(api.numbers.list())
    assert owned.meta.total_count == 2
    assert owned.objects[1].number == number.lstrip("+")
    assert (await resolve(api.numbers.list(number_startswith="1415"))).meta.total_count == 2
    assert (await resolve(api.numbers.list(type="tollfree"))).objects == []

    got = await resolve(api.numbers.get(number))
    assert got.number == number.lstrip("+")
    assert got.application == f"{ACCOUNT}/Application/12345/"
    assert got.city == "San Francisco"
    assert got.alias is None

    changed = await resolve(api.numbers.update(number, alias="Support", app_id=""))
    assert changed.message == "changed"
    got = await resolve(api.numbers.get(number))
    assert got.alias == "Support"
    assert got.application is None
    assert (await resolve(api.numbers.list(alias="Support"))).meta.total_count == 1

    assert await resolve(api.numbers.delete(number)) is None
    with pytest.raises(NotFoundError):
        await resolve(api.numbers.get(number))
    with pytest.raises(NotFoundError):
        await resolve(api.numbers.delete(number))
    assert list(fake.owned_numbers) == [found.objects[1].number]
    with pytest.raises(ValidationError, match="country_iso: required query parameter missing"):
        await resolve(api.numbers.search(None))
    with pytest.raises(ValidationError, match="type: must be one of"):
        await resolve(api.numbers.search("US", type="satellite"))


async def test_lookup(api: Any) -> None:
    """Lookup gives deterministic country/carrier/format data for E.164 numbers."""
    first = await resolve(api.numbers.lookup.get("+14155550100"))
    second = await resolve(api.numbers.lookup.get("+14155550100"))
    assert first.to_dict() | {"api_id": ""} == second.to_dict() | {"api_id": ""}
    assert first.phone_number == "+14155550100"
    assert first.country.iso2 == "US"
    assert first.format_.national == "(415) 555-0100"
    assert first.format_.rfc3966 == "tel:+1-415-555-0100"
    assert first.carrier.name
    assert first.resource_uri == "/v1/Number/+14155550100?type=carrier"
    canada = await resolve(api.numbers.lookup.get("+16045550100"))
    assert canada.country.name == "Canada"
    uk = await resolve(api.numbers.lookup.get("+447700900123", type="caller_name"))
    assert uk.country.iso2 == "GB"
    assert uk.carrier.type_ == "mobile"
    assert "name" in uk["caller_name"]
    with pytest.raises(ValidationError, match="number: 'hello'"):
        await resolve(api.numbers.lookup.get("hello"))
    with pytest.raises(ValidationError, match="type: must be"):
        await resolve(api.numbers.lookup.get("+14155550100", type="horoscope"))
    with pytest.raises(NotFoundError, match="unknown country calling code"):
        await resolve(api.numbers.lookup.get("+999123456789"))


# --------------------------------------------------------------------------------------------
# Validation, routing, auth
# --------------------------------------------------------------------------------------------


async def test_invalid_bodies_are_validation_errors_naming_the_field(
    api: Any, fake: FakePlivo
) -> None:
    """Missing required fields, wrong types and bad enums give 400 with the field named."""
    with pytest.raises(ValidationError) as missing:
        await resolve(api.agent.agents.create(agent_name=None, websocket_url=WS_URL))
    assert missing.value.message == "agent_name: required property missing"
    assert missing.value.status_code == 400
    assert missing.value.api_id

    with pytest.raises(ValidationError, match="agent_name: expected string, got integer"):
        await make_agent(api, 42)
    with pytest.raises(ValidationError, match=r"stt\.sample_rate: expected integer, got string"):
        await make_agent(api, stt={"sample_rate": "16k"})
    with pytest.raises(ValidationError, match=r'speaks_first: "robot" is not one of "agent"'):
        await make_agent(api, speaks_first="robot")
    with pytest.raises(ValidationError, match=r"llm_fallback\[1\]\.temperature: expected number"):
        await make_agent(api, llm_fallback=[{}, {"temperature": "hot"}])
    with pytest.raises(ValidationError, match=r"mcp_servers\[0\]\.headers\.X-Key: expected string"):
        await make_agent(api, mcp_servers=[{"headers": {"X-Key": 1}}])
    with pytest.raises(ValidationError, match="websocket_url: must be a ws:// or wss:// URL"):
        await resolve(api.agent.agents.create(agent_name="x", websocket_url="http://x"))
    with pytest.raises(ValidationError, match="llm: requires stt and tts"):
        await make_agent(api, llm={"provider": "openai"})
    with pytest.raises(ValidationError, match=r"ring_timeout: expected integer, got string"):
        await resolve(
            api.agent.calls.initiate("a", CALLER, CALLEE, extra_body={"ring_timeout": "soon"})
        )
    with pytest.raises(ValidationError, match="limit: expected integer, got 'many'"):
        await resolve(api.agent.agents.list(limit="many"))
    with pytest.raises(ValidationError, match="limit: must be at least 1"):
        await resolve(api.agent.agents.list(limit=0))
    with pytest.raises(ValidationError, match="sort_order: must be 'asc' or 'desc'"):
        await resolve(api.agent.agents.list(sort_order="sideways"))
    assert fake.agents == {}
    assert {r.status for r in fake.requests} == {400}


async def test_raw_http_invalid_json_unknown_route_wrong_method(fake: FakePlivo) -> None:
    """Invalid JSON is a 400; an unknown route 404; a known path with a wrong method 405."""
    headers = {"Authorization": AUTH, "Content-Type": "application/json"}
    async with fake.async_http() as http:
        bad = await http.post(f"{ACCOUNT}/Agent", content=b"{not json", headers=headers)
        assert bad.status_code == 400
        assert bad.json()["error"].startswith("body: invalid JSON")
        assert bad.json()["api_id"]

        empty = await http.post(f"{ACCOUNT}/Agent", headers=headers)
        assert empty.status_code == 400
        assert empty.json()["error"] == "body: a JSON request body is required"

        array = await http.post(f"{ACCOUNT}/Agent", json=[1], headers=headers)
        assert array.json()["error"] == "body: expected object, got array"

        unknown = await http.get(f"{ACCOUNT}/Nope", headers=headers)
        assert unknown.status_code == 404
        assert unknown.json()["error"] == f"no API route matches GET {ACCOUNT}/Nope"

        slash = await http.get(f"{ACCOUNT}/Agent/", headers=headers)  # the spec has no slash
        assert slash.status_code == 404
        no_slash = await http.get(f"{ACCOUNT}/Message", headers=headers)  # the spec has one
        assert no_slash.status_code == 404

        wrong = await http.put(f"{ACCOUNT}/Agent", json={}, headers=headers)
        assert wrong.status_code == 405
        assert wrong.headers["Allow"] == "GET, POST"
        assert "allowed: GET, POST" in wrong.json()["error"]

        encoded = await http.get(f"{ACCOUNT}/Number/%2B14155550100/", headers=headers)
        assert encoded.status_code == 404
        assert encoded.json()["error"] == "number +14155550100 is not on this account"
    records = fake.requests
    assert records[0].operation_id == "create_agent"
    assert records[0].json is None
    assert records[3].operation_id is None
    assert records[-1].path == f"{ACCOUNT}/Number/+14155550100/"


async def test_wrong_credentials(fake: FakePlivo, flavor: str) -> None:
    """A wrong token is AuthenticationError (401); another account's path is 403."""
    client = (
        fake.async_client(auth_token="wrong") if flavor == "async" else fake.client(auth_token="x")
    )
    with pytest.raises(AuthenticationError) as info:
        await resolve(client.agent.agents.list())
    assert info.value.status_code == 401
    assert info.value.message == "Authentication failed"
    assert info.value.api_id
    await resolve(client.close())
    assert fake.requests[0].status == 401

    async with fake.async_http() as http:
        missing = await http.get(f"{ACCOUNT}/Agent")
        assert missing.status_code == 401
        assert missing.headers["WWW-Authenticate"].startswith("Basic")
        other = await http.get(
            "/v1/Account/MAOTHERACCOUNT0000000/Agent", headers={"Authorization": AUTH}
        )
        assert other.status_code == 403
        lookup = await http.get("https://lookup.plivo.com/v1/Number/+14155550100")
        assert lookup.status_code == 401


async def test_forbidden_is_raised_for_another_accounts_path(fake: FakePlivo) -> None:
    """The SDK raises ForbiddenError when the path's auth_id is not the caller's."""
    client = fake.async_client()
    with pytest.raises(ForbiddenError, match="does not match"):
        await client.request(
            {"method": "GET", "url": "/v1/Account/MAOTHER/Agent"}, lambda data: data
        )
    await client.close()


# --------------------------------------------------------------------------------------------
# Fault injection
# --------------------------------------------------------------------------------------------


async def test_fault_503_twice_then_success(api: Any, fake: FakePlivo, sleeps: list[float]) -> None:
    """get_agent fails twice with 503; the SDK retries and the third attempt succeeds."""
    agent = await make_agent(api)
    fake.fail_next("get_agent", times=2, status=503)
    got = await resolve(api.agent.agents.get(agent.agent_uuid))
    assert got.agent_uuid == agent.agent_uuid
    records = ops(fake, "get_agent")
    assert [(r.status, r.fault) for r in records] == [(503, "status"), (503, "status"), (200, None)]
    assert records[0].response["error"] == "Service Unavailable (injected fault)"
    assert len(sleeps) == 2


async def test_fault_500_on_create_message_stores_nothing(api: Any, fake: FakePlivo) -> None:
    """An injected 500 on a POST raises ServerError at once and creates nothing."""
    fake.fail_next("create_message", status=500, body={"error": "boom"})
    with pytest.raises(ServerError, match="boom") as info:
        await resolve(api.messages.create(dst=CALLEE, src=CALLER, text="hi"))
    assert info.value.status_code == 500
    assert len(fake.requests) == 1
    assert fake.requests[0].json == {"dst": CALLEE, "src": CALLER, "text": "hi", "type": "sms",
                                     "method": "POST"}  # fmt: skip
    assert fake.messages == {}
    assert (await resolve(api.messages.list())).meta.total_count == 0


async def test_fault_429_with_retry_after(api: Any, fake: FakePlivo, sleeps: list[float]) -> None:
    """A 429 with Retry-After: 0 is retried after 0 s; exhausted retries raise RateLimitError."""
    fake.fail_next("list_agents", status=429, retry_after=0)
    page = await resolve(api.agent.agents.list())
    assert page.objects == []
    assert sleeps == [0.0]
    assert fake.requests[0].status == 429

    fake.fail_next("list_agents", times=4, status=429, retry_after=1.5)
    with pytest.raises(RateLimitError) as info:
        await resolve(api.agent.agents.list())
    assert info.value.retry_after == 1.5
    assert sleeps[1:] == [1.5, 1.5, 1.5]


async def test_fault_retry_after_formats(fake: FakePlivo) -> None:
    """Retry-After is sent as seconds, an HTTP-date string as given, or a formatted datetime."""
    when = datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    fake.fail_next("list_agents", status=503, retry_after="Wed, 21 Oct 2015 07:28:00 GMT")
    fake.fail_next("list_agents", status=503, retry_after=when)
    fake.fail_next("list_agents", status=418, body="plain text")
    async with fake.async_http() as http:
        first = await http.get(f"{ACCOUNT}/Agent")
        second = await http.get(f"{ACCOUNT}/Agent")
        third = await http.get(f"{ACCOUNT}/Agent")
        fourth = await http.get(f"{ACCOUNT}/Agent")
    assert first.headers["Retry-After"] == "Wed, 21 Oct 2015 07:28:00 GMT"
    assert second.headers["Retry-After"] == "Wed, 02 Jan 2030 03:04:05 GMT"
    assert (third.status_code, third.text) == (418, "plain text")
    assert fourth.status_code == 401  # faults are used up; then normal handling (no auth here)
    fake.clear_requests()  # the plain-text body is not an Error object

    with pytest.raises(ValueError, match="unknown operation_id 'get_agents'"):
        fake.fail_next("get_agents")
    with pytest.raises(ValueError, match="times"):
        fake.fail_next("get_agent", times=0)
    with pytest.raises(ValueError, match="status"):
        fake.fail_next("get_agent", status=200)
    with pytest.raises(ValueError, match="retry_after"):
        fake.fail_next("get_agent", retry_after=-1)
    with pytest.raises(TypeError, match="retry_after"):
        fake.fail_next("get_agent", retry_after=[1])  # type: ignore[arg-type]
    fake.fail_next("get_agent")
    fake.clear_faults()
    async with fake.async_http() as http:
        assert (
            await http.get(f"{ACCOUNT}/Agent/x", headers={"Authorization": AUTH})
        ).status_code == 404


async def test_fault_drop_connection_on_post(api: Any, fake: FakePlivo) -> None:
    """A dropped connection on a POST raises APIConnectionError after exactly one request."""
    fake.fail_next("create_agent", drop_connection=True)
    with pytest.raises(APIConnectionError) as info:
        await make_agent(api)
    assert isinstance(info.value.__cause__, httpx.RemoteProtocolError)
    assert len(fake.requests) == 1
    assert fake.requests[0].fault == "drop"
    assert fake.requests[0].status is None
    assert fake.agents == {}
    await make_agent(api)  # the next request is handled normally
    assert len(fake.agents) == 1


# --------------------------------------------------------------------------------------------
# HTTP server mode and the command line
# --------------------------------------------------------------------------------------------


async def test_http_server_with_real_async_client(fake: FakePlivo, sleeps: list[float]) -> None:
    """A real AsyncClient against fake.serve(): CRUD, a retried 503 and a dropped connection."""
    fake.add_number(CALLER)
    with fake.serve() as server:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.base_url)
        async with plivo_agentstack.AsyncClient(
            fake.auth_id, fake.auth_token, base_url=server.base_url
        ) as client:
            agent = await make_agent(client)
            await client.agent.numbers.assign(agent.agent_uuid, CALLER)
            assert (await client.agent.numbers.list(agent.agent_uuid)).numbers == [CALLER]
            await client.agent.numbers.unassign(agent.agent_uuid, CALLER)  # "+" as %2B
            fake.fail_next("get_agent", status=503)
            assert (await client.agent.agents.get(agent.agent_uuid)).agent_name == "Support Bot"
            assert len(sleeps) == 1

            fake.fail_next("create_message", drop_connection=True)
            with pytest.raises(APIConnectionError):
                await client.messages.create(dst=CALLEE, src=CALLER, text="hi")
            assert len(ops(fake, "create_message")) == 1
            assert fake.messages == {}

            sent = await client.messages.create(dst=CALLEE, src=CALLER, text="again")
            assert len(sent.message_uuid) == 1
            with pytest.raises(NotFoundError):
                await client.agent.agents.get("missing")
            await client.agent.agents.delete(agent.agent_uuid)

        bad = plivo_agentstack.AsyncClient(fake.auth_id, "wrong", base_url=server.base_url)
        with pytest.raises(AuthenticationError):
            await bad.agent.agents.list()
        await bad.close()


async def test_http_server_sync_client_and_threads(fake: FakePlivo) -> None:
    """The threaded server keeps state consistent under concurrent sync clients."""
    errors: list[BaseException] = []
    with fake.serve() as server:

        def worker(index: int) -> None:
            try:
                with plivo_agentstack_sync.Client(
                    fake.auth_id, fake.auth_token, base_url=server.base_url
                ) as client:
                    for n in range(5):
                        client.agent.agents.create(agent_name=f"A{index}-{n}", websocket_url=WS_URL)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with plivo_agentstack_sync.Client(
            fake.auth_id, fake.auth_token, base_url=server.base_url
        ) as client:
            assert client.agent.agents.list(limit=5).meta.total_count == 20
            assert len(list(client.agent.agents.list(limit=7))) == 20
    assert errors == []
    assert len(fake.agents) == 20


def test_cli_serves_until_terminated() -> None:
    """``python -m ...fake_api`` binds a free port by default (so parallel runs never collide),
    prints its URL and credentials and serves requests."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "plivo_agentstack.testing.fake_api",
            "--auth-id",
            "MACLITEST",
            "--auth-token",
            "cli-token",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:(\d+))", line)
        assert match, line
        assert int(match.group(2)) not in (0, 8080)
        assert "MACLITEST" in line
        assert "cli-token" in line
        response = httpx.post(
            f"{match.group(1)}/v1/Account/MACLITEST/Agent",
            json={"agent_name": "CLI", "websocket_url": WS_URL},
            auth=("MACLITEST", "cli-token"),
        )
        assert response.status_code == 201
        assert response.json()["agent_name"] == "CLI"
        lookup = re.search(r"lookup also on (http://127\.0\.0\.1:\d+)", line)
        assert lookup, line
        found = httpx.get(
            f"{lookup.group(1)}/v1/Number/14155550100", auth=("MACLITEST", "cli-token")
        )
        assert found.status_code == 200
    finally:
        process.terminate()
        process.communicate(timeout=10)
    assert process.returncode == 0


# --------------------------------------------------------------------------------------------
# Spec self-checks and the schema validator
# --------------------------------------------------------------------------------------------


def test_spec_has_every_operation_and_the_fake_implements_them() -> None:
    """Every operation of the bundled spec (however many) has a handler in the fake."""
    spec = load_spec()
    assert spec.operations
    fake = FakePlivo()
    assert set(fake._handlers) == set(spec.operations)
    assert spec.operations["create_message"].success_status == 202
    assert spec.operations["delete_agent"].success_status == 204


def test_response_validation_catches_a_bad_response() -> None:
    """validate_response is a real check: wrong types and a body on 204 are rejected."""
    spec = load_spec()
    spec.validate_response("get_agent", 200, {"agent_uuid": "x", "byok": False})
    spec.validate_response("delete_agent", 204, None)
    spec.validate_response("delete_agent", 404, {"api_id": "x", "error": "nope"})
    with pytest.raises(SchemaError, match=r"byok: expected boolean, got string"):
        spec.validate_response("get_agent", 200, {"byok": "no"})
    with pytest.raises(SchemaError, match=r"meta\.next: expected string or null"):
        spec.validate_response("list_agents", 200, {"meta": {"next": 3}})
    with pytest.raises(SchemaError, match="must have no body"):
        spec.validate_response("delete_agent", 204, {})


def test_schema_validator_keywords() -> None:
    """Types (incl. null lists), required, items, enum, $ref/allOf, additionalProperties."""
    document = {
        "components": {
            "schemas": {
                "Color": {"type": "string", "enum": ["red", "green"]},
                "Thing": {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": {"type": "integer"},
                        "note": {"type": ["string", "null"]},
                        "color": {"allOf": [{"$ref": "#/components/schemas/Color"}]},
                        "tags": {"type": "array", "items": {"type": "string"}},
                        "labels": {"type": "object", "additionalProperties": {"type": "number"}},
                        "strict": {"type": "object", "additionalProperties": False},
                    },
                },
            }
        }
    }
    validator = SchemaValidator(document)
    thing = {"$ref": "#/components/schemas/Thing"}
    validator.validate({"id": 1, "note": None, "color": "red", "extra": True}, thing)
    validator.validate({"id": 2.0, "tags": [], "labels": {"a": 1, "b": 2.5}}, thing)
    assert validator.errors(
        {
            "id": True,
            "note": 3,
            "color": "blue",
            "tags": ["a", 1],
            "labels": {"a": "x"},
            "strict": {"z": 1},
        },
        thing,
    ) == [
        ("id", "expected integer, got boolean"),
        ("note", "expected string or null, got integer"),
        ("color", '"blue" is not one of "red", "green"'),
        ("tags[1]", "expected string, got integer"),
        ("labels.a", "expected number, got string"),
        ("strict.z", "unknown property"),
    ]
    with pytest.raises(SchemaError) as info:
        validator.validate({}, thing)
    assert (info.value.path, info.value.problem) == ("id", "required property missing")
    assert validator.errors([1], {"type": "array", "items": {"type": "string"}}) == [
        ("body[0]", "expected string, got integer")
    ]
    assert validator.is_valid(None, {"type": ["integer", "null"]})
    with pytest.raises(ValueError, match="unresolvable"):
        validator.validate(1, {"$ref": "#/components/schemas/Missing"})


def test_constructor_and_clock() -> None:
    """Credentials are checked; an injected clock drives timestamps."""
    with pytest.raises(ValueError, match="auth_id"):
        FakePlivo("")
    with pytest.raises(ValueError, match="auth_token"):
        FakePlivo(auth_token="")
    fixed = datetime(2026, 3, 1, 10, 15, tzinfo=timezone.utc)
    fake = FakePlivo("MACLOCK", "t", clock=lambda: fixed)
    fake.add_number(CALLER)
    with fake.client() as client:
        agent = client.agent.agents.create(agent_name="x", websocket_url=WS_URL)
        assert agent.created_at == "2026-03-01T10:15:00Z"
        client.messages.create(dst=CALLEE, src=CALLER, text="hi")
        assert client.messages.list().objects[0].message_time == "2026-03-01 10:15:00+00:00"
        assert client.messages.list(message_time__gte="2026-03-01").meta.total_count == 1
        assert client.messages.list(message_time__lt="2026-03-01T10:15:00Z").objects == []
        with pytest.raises(ValidationError, match="message_time__gt: 'yesterday'"):
            client.messages.list(message_time__gt="yesterday")
    check_responses(fake)


@pytest.mark.parametrize(
    "content",
    [b"[" * 100_000 + b"]" * 100_000, b'{"agent_name": "a", "wait_for_user_timeout_s": NaN}'],
    ids=["nested-too-deep", "nan"],
)
def test_hostile_json_bodies_get_a_400(fake: FakePlivo, content: bytes) -> None:
    """Absurdly nested JSON and NaN/Infinity are refused as invalid JSON, not a crash."""
    credentials = base64.b64encode(f"{fake.auth_id}:{fake.auth_token}".encode()).decode()
    response = fake.handle(
        "POST",
        f"/v1/Account/{fake.auth_id}/Agent",
        headers={"Authorization": f"Basic {credentials}", "Content-Type": "application/json"},
        body=content,
    )
    assert response.status == 400
    assert "invalid JSON" in response.json()["error"]
    assert fake.agents == {}
