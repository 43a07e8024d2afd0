"""The fake API answers as the spec says: a schemathesis run of the spec against its HTTP server.

For each of the spec's operations, schemathesis generates requests from the operation's
parameter and body schemas (``openapi/agentstack.yaml``, positive data) and sends them to a
freshly seeded ``FakePlivo`` served over HTTP. Most examples are first nudged towards what the
fake accepts (ids of objects it holds, E.164 numbers, ws:// URLs ...) so that success responses
are checked as well as errors. Every response must conform: a documented status, the content
type and schema documented for it (``default`` -> ``Error``), checked by schemathesis and by
the fake's own ``SchemaValidator``; and no 5xx, ever. Schema-valid input the fake rejects on
its own rules (a 400 with an ``Error`` body) is fine: ``default`` documents it.
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from plivo_agentstack.testing.fake_api import FakePlivo, load_spec

schemathesis = pytest.importorskip(
    "schemathesis", reason="needs schemathesis (dev extra, Python 3.11+)"
)

from schemathesis import checks as st_checks  # noqa: E402 - after the importorskip
from schemathesis.core.failures import FailureGroup  # noqa: E402

SPEC_PATH = Path(__file__).resolve().parents[1] / "openapi" / "agentstack.yaml"
OPERATION_IDS = sorted(load_spec().operations)
MAX_EXAMPLES = 25

# Conformance only: not ``positive_data_acceptance`` (the fake may refuse schema-valid input
# with a documented 400) nor the negative-data or stateful checks.
CHECKS = [
    st_checks.not_a_server_error,
    st_checks.status_code_conformance,
    st_checks.content_type_conformance,
    st_checks.response_schema_conformance,
    st_checks.response_headers_conformance,
]

PHONES = ["+14155550100", "14155550101", "+442079460999", "+919876543210", "+61212345678"]
SENDERS = [PHONES[0], "ACME"]  # a number the seeded account owns, an alphanumeric sender ID
TIMES = ["2020-01-01T00:00:00Z", "2030-01-01", "2026-06-01T12:00:00+02:00"]


# --------------------------------------------------------------------------------------------
# Seeding the fake
# --------------------------------------------------------------------------------------------


def call_fake(fake: FakePlivo, method: str, path: str, body: Any = None) -> Any:
    """Send one authenticated request to the fake (no HTTP) and return its JSON body."""
    credentials = base64.b64encode(f"{fake.auth_id}:{fake.auth_token}".encode()).decode()
    response = fake.handle(
        method,
        path.replace("{auth_id}", fake.auth_id),
        headers={"Authorization": f"Basic {credentials}", "Content-Type": "application/json"},
        body=b"" if body is None else json.dumps(body).encode(),
    )
    assert 200 <= response.status < 300, (method, path, response.status, response.json())
    return response.json()


def seed(fake: FakePlivo) -> dict[str, list[Any]]:
    """Agents, an assigned number, a call and its session, messages and bought numbers."""
    account = "/v1/Account/{auth_id}"
    fake.add_number(SENDERS[0])
    agents = [
        call_fake(fake, "POST", f"{account}/Agent", body)["agent_uuid"]
        for body in (
            {"agent_name": "Support", "websocket_url": "wss://example.test/ws"},
            {"agent_name": "Sales", "websocket_url": "ws://example.test/ws", "stt": {}, "tts": {}},
        )
    ]
    assigned = ["+14155550123", "14155550124"]
    for number in assigned:
        call_fake(fake, "POST", f"{account}/Agent/{agents[0]}/Number", {"number": number})
    call = call_fake(
        fake,
        "POST",
        f"{account}/AgentCall",
        {"agent_id": agents[0], "from": PHONES[0], "to": [PHONES[1]]},
    )["call_uuid"]
    messages = call_fake(
        fake,
        "POST",
        f"{account}/Message/",
        {"src": PHONES[0], "dst": PHONES[1], "type": "mms", "media_urls": ["https://x.test/a.png"]},
    )["message_uuid"]
    messages.append(fake.receive_message(PHONES[1], PHONES[0], "hello"))
    offers = call_fake(fake, "GET", f"{account}/PhoneNumber/?country_iso=US&limit=6")["objects"]
    owned = [offer["number"] for offer in offers[:3]]
    for number in owned:
        call_fake(fake, "POST", f"{account}/PhoneNumber/{number}/", {})
    credentials = base64.b64encode(f"{fake.auth_id}:{fake.auth_token}".encode()).decode()
    upload = httpx.Request(
        "POST", "https://x.test", files=[("file", ("a.png", b"\x89PNG", "image/png"))]
    )
    uploaded = fake.handle(
        "POST",
        f"/v1/Account/{fake.auth_id}/Media/",
        headers={
            "Authorization": f"Basic {credentials}",
            "Content-Type": upload.headers["Content-Type"],
        },
        body=upload.read(),
    ).json()
    return {
        "media": [item["media_id"] for item in uploaded["objects"]],
        "agents": agents,
        "assigned": assigned,
        "calls": [call],
        "sessions": [fake.calls[call]["session_id"]],
        "messages": messages,
        "owned": owned + ["+" + owned[0]],
        "for_sale": [offer["number"] for offer in offers[3:]] + ["+442079460101"],
        "lookups": [*PHONES, "+18335550500", "+16045550600", "+971501234567"],
    }


# --------------------------------------------------------------------------------------------
# Nudging generated requests towards what the fake accepts
# --------------------------------------------------------------------------------------------

NUMBER_PARAM = {
    "unassign_agent_number": "assigned",
    "get_number": "owned",
    "update_number": "owned",
    "delete_number": "owned",
    "buy_number": "for_sale",
    "lookup_number": "lookups",
}
ID_PARAMS = {
    "agent_uuid": "agents",
    "agent_id": "agents",
    "call_uuid": "calls",
    "session_id": "sessions",
    "message_uuid": "messages",
    "media_id": "media",
}
QUERY_VALUES: dict[str, list[Any]] = {
    "limit": [1, 2, 5, 20],
    "offset": [0, 1, 3],
    "sort_order": ["asc", "desc", "ASC"],
    "sort_by": ["created_at", "agent_name", "state", "nope"],
    "country_iso": ["US", "gb", "CA", "IN", "FR"],
    "services": ["voice", "sms,voice", "mms", ""],
    "pattern": ["415", "2*", "?5", "APPLE"],
    "phone_number": PHONES,
    "from_number": PHONES,
    "to_number": PHONES,
    "number_startswith": ["1415", "+1", "44"],
    "agent_mode": ["full", "byollm", "audio_stream", "s2s"],
    "participant_mode": ["two-party", "multi-party"],
    "message_direction": ["inbound", "outbound"],
    "message_type": ["sms", "mms", "whatsapp"],
    "duration__gte": [0, 5],
    "duration__lte": [0, 100],
    "message_time": TIMES,
    "renewal_date": TIMES,
    "npanxx": ["415555", "212555", "604555"],
}
NUMBER_TYPES = {
    "search_numbers": ["any", "local", "tollfree", "mobile"],
    "list_numbers": ["any", "local", "fixed"],
    "lookup_number": ["carrier", "caller_name"],
}


def nudge(operation_id: str, case: Any, ids: dict[str, list[Any]], data: st.DataObject) -> None:
    """Replace generated values with ones the fake's rules accept (ids it holds, E.164 ...)."""
    pick = data.draw  # every choice comes from hypothesis: runs replay and shrink
    for name in list(case.path_parameters):
        if name == "number" and operation_id in NUMBER_PARAM:
            case.path_parameters[name] = pick(st.sampled_from(ids[NUMBER_PARAM[operation_id]]))
        elif name in ID_PARAMS:
            case.path_parameters[name] = pick(st.sampled_from(ids[ID_PARAMS[name]]))
    for name in list(case.query):
        if name == "type" and operation_id in NUMBER_TYPES:
            case.query[name] = pick(st.sampled_from(NUMBER_TYPES[operation_id]))
        elif name in QUERY_VALUES:
            case.query[name] = pick(st.sampled_from(QUERY_VALUES[name]))
        elif name in ID_PARAMS:
            case.query[name] = pick(st.sampled_from(ids[ID_PARAMS[name]]))
        elif "__" in name:  # time bounds
            case.query[name] = pick(st.sampled_from(TIMES))
        elif pick(st.booleans()):
            del case.query[name]  # an arbitrary filter value: most likely matches nothing
    if isinstance(case.body, dict):
        nudge_body(operation_id, case.body, ids, pick)


def nudge_body(
    operation_id: str, body: dict[str, Any], ids: dict[str, list[Any]], pick: Any
) -> None:
    """Make a generated JSON body acceptable to the fake, keeping the rest of it."""
    phone = st.sampled_from(PHONES)
    if "agent_id" in body:
        body["agent_id"] = pick(st.sampled_from(ids["agents"]))
    for key in ("from", "src", "caller_id"):
        if key in body:
            body[key] = pick(phone)
    if operation_id == "assign_agent_number":
        body["number"] = pick(st.sampled_from(["+14155550199", *ids["assigned"]]))
    if "to" in body:
        body["to"] = pick(st.lists(phone, min_size=1, max_size=3))
    if isinstance(body.get("targets"), list):
        targets = [t for t in body["targets"] if isinstance(t, dict)] or [{}]
        for target in targets:
            target["number"] = pick(st.sampled_from([*PHONES, "sip:alice@example.test"]))
        body["targets"] = targets
    if "agent_name" in body:
        body["agent_name"] = pick(st.sampled_from(["Bot", "Ünïcode agent", " spaced "]))
    if "websocket_url" in body:
        body["websocket_url"] = pick(st.sampled_from(["wss://example.test/ws", "ws://h:9000"]))
    if operation_id in ("create_agent", "update_agent"):
        body.pop("s2s", None)
        if "llm" in body and not ("stt" in body and "tts" in body):
            del body["llm"]
    if operation_id == "add_carrier_numbers":
        fresh = st.integers(1_000_000, 9_999_999).map(lambda n: f"+1415{n}")
        body["numbers"] = ",".join(pick(st.lists(fresh, min_size=1, max_size=3, unique=True)))
    if operation_id == "create_message":
        body["dst"] = pick(st.sampled_from([*PHONES, f"{PHONES[0]}<{PHONES[1]}"]))
        if body.get("src") or not body.get("powerpack_uuid"):
            body["src"] = pick(st.sampled_from(SENDERS))
        if "url" in body:  # never called: nothing advances the messages during the run
            body["url"] = pick(st.sampled_from(["https://example.test/status", "http://h:9/s?a=1"]))
        if "method" in body:
            body["method"] = pick(st.sampled_from(["POST", "GET", "post"]))
        kind = body.get("type", "sms")
        if kind == "sms":
            body.setdefault("text", "hi")
            for key in ("media_urls", "media_ids"):
                body.pop(key, None)
        elif kind == "mms" and not (body.get("media_urls") or body.get("media_ids")):
            body["media_urls"] = ["https://x.test/b.jpg"]
        elif kind == "whatsapp":
            body.setdefault("text", "hi")
        if kind != "whatsapp":
            for key in ("template", "interactive", "location"):
                body.pop(key, None)


# --------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def api_operations() -> dict[str, Any]:
    """The spec's operations as loaded by schemathesis, by operationId."""
    schema = schemathesis.openapi.from_path(str(SPEC_PATH))
    operations = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        operations[schema.get_operation_id(operation)] = operation
    assert sorted(operations) == OPERATION_IDS, "the YAML spec and the bundled one differ"
    return operations


@pytest.fixture
def served() -> Iterator[tuple[FakePlivo, str, dict[str, list[Any]]]]:
    """A freshly seeded fake, its HTTP server's base URL and the ids of what it holds."""
    fake = FakePlivo()
    ids = seed(fake)
    with fake.serve(host="127.0.0.1", port=0) as server:
        yield fake, server.base_url, ids


def run_operation(
    operation: Any,
    fake: FakePlivo,
    base_url: str,
    ids: dict[str, list[Any]],
    max_examples: int = MAX_EXAMPLES,
    phases: Sequence[Phase] = tuple(Phase),
) -> Counter[int]:
    """Send generated requests for one operation and check every response; count statuses."""
    operation_id = operation.schema.get_operation_id(operation)
    pinned = {"auth_id": fake.auth_id} if "{auth_id}" in operation.path else None
    statuses: Counter[int] = Counter()

    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        phases=phases,
    )
    @given(case=operation.as_strategy(path_parameters=pinned), data=st.data())
    def check(case: Any, data: st.DataObject) -> None:
        if data.draw(st.sampled_from(["nudged", "nudged", "nudged", "as generated"])) == "nudged":
            nudge(operation_id, case, ids, data)
        # A new connection per request (no session): keep-alive answers from the fake's server
        # wait out TCP delayed ACKs (~40 ms each).
        response = case.call(base_url=base_url, auth=(fake.auth_id, fake.auth_token))
        statuses[response.status_code] += 1
        assert response.status_code < 500, f"HTTP {response.status_code}: {response.text}"
        case.validate_response(response, checks=CHECKS)
        body = response.json() if response.content else None
        fake.spec.validate_response(operation_id, response.status_code, body)

    check()
    return statuses


def test_the_yaml_spec_has_every_operation(api_operations: dict[str, Any]) -> None:
    """schemathesis loads every operation of the YAML spec (the bundled one has the same)."""
    assert sorted(api_operations) == OPERATION_IDS


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_responses_conform_to_the_spec(
    operation_id: str,
    api_operations: dict[str, Any],
    served: tuple[FakePlivo, str, dict[str, list[Any]]],
) -> None:
    statuses = run_operation(api_operations[operation_id], *served)
    successes = sum(count for status, count in statuses.items() if 200 <= status < 300)
    assert successes, f"{operation_id}: no successful response to check, got {dict(statuses)}"
    assert sum(statuses.values()) >= MAX_EXAMPLES


class _BrokenFake(FakePlivo):
    """A fake that breaks the spec: a mistyped field, and a crash on get_number."""

    def _op_get_agent(self, request: Any) -> Any:
        return {**super()._op_get_agent(request), "created_at": 1700000000}

    def _op_get_number(self, request: Any) -> Any:
        raise RuntimeError("boom")


@pytest.mark.parametrize(
    ("operation_id", "expected"),
    [("get_agent", FailureGroup), ("get_number", AssertionError)],
)
def test_the_run_catches_a_fake_that_breaks_the_spec(
    operation_id: str, expected: type[BaseException], api_operations: dict[str, Any]
) -> None:
    fake = _BrokenFake()
    ids = seed(fake)
    with fake.serve() as server, pytest.raises(expected):
        run_operation(
            api_operations[operation_id],
            fake,
            server.base_url,
            ids,
            max_examples=10,
            phases=(Phase.generate,),  # no shrinking: the failure is all we need
        )
