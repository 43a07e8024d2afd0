"""Path parameters reach exactly their own endpoint, in both packages and in the fake API.

The operations come from the bundled spec (every path parameter of every operation), not from a
hand-written list: ``""``, ``"."`` and ``".."`` are refused before any I/O with a ``ValueError``
naming the operation and the parameter, and for any other string the path httpx puts on the
wire is the operation's path with that value as exactly one segment.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
import respx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plivo_agentstack import _convert
from plivo_agentstack._paths import path_segment
from plivo_agentstack.testing import FakePlivo
from plivo_agentstack.testing._spec import load_spec
from tests.conftest import AUTH_ID, any_success_body, make_client, resolve

pytestmark = pytest.mark.anyio

REFUSED = ["", ".", ".."]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Case:
    """One operation of the spec with the path parameters the caller passes."""

    operation_id: str
    group: str
    method: str
    path: str
    params: tuple[str, ...]  # path parameters other than auth_id, in path order
    converts: tuple[str | None, ...]  # each one's x-sdk-convert (e.g. number_in_path), if any

    def sent_value(self, name: str, value: str) -> str:
        """What the SDK puts in the path for ``value`` (after the parameter's x-sdk-convert)."""
        convert = self.converts[self.params.index(name)]
        return value if convert is None else str(getattr(_convert, convert)(value))

    def bound(self, client: Any) -> Any:
        """The resource method of ``client`` for this operation."""
        target = client
        for part in self.group.split("."):
            target = getattr(target, part)
        return getattr(target, self.method)

    def call(self, client: Any, values: dict[str, str]) -> Any:
        """Call the operation with ``values`` for the path parameters, dummies for the rest."""
        import inspect

        method = self.bound(client)
        args: list[Any] = []
        for name, parameter in inspect.signature(method).parameters.items():
            if parameter.default is not parameter.empty or parameter.kind in (
                parameter.VAR_KEYWORD,
                parameter.VAR_POSITIONAL,
            ):
                continue
            args.append(values[name] if name in values else dummy(str(parameter.annotation)))
        return method(*args, max_retries=0)

    def expected_segments(self, values: dict[str, str]) -> list[str]:
        """The decoded segments of the path the request must go to."""
        return [
            PLACEHOLDER.sub(
                lambda m: AUTH_ID if m[1] == "auth_id" else self.sent_value(m[1], values[m[1]]),
                part,
            )
            for part in self.path.split("/")
        ]


def dummy(annotation: str) -> Any:
    """A valid value for a required non-path argument (the call never reaches the network)."""
    if annotation.startswith("Sequence"):
        return [{"number": "+14155550100"}] if "Mapping" in annotation else ["x"]
    return {"int": 1, "bool": True, "float": 1.0}.get(annotation, "x")


def spec_cases() -> list[Case]:
    """Every operation of the bundled spec."""
    document = load_spec().document
    shared = document["components"]["parameters"]
    cases = []
    for path, item in document["paths"].items():
        for verb, operation in item.items():
            if verb in ("parameters", "summary", "description", "servers"):
                continue
            declared = {}
            for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
                if "$ref" in parameter:
                    parameter = shared[parameter["$ref"].rsplit("/", 1)[1]]
                declared[parameter["name"]] = parameter
            names = tuple(n for n in PLACEHOLDER.findall(path) if n != "auth_id")
            cases.append(
                Case(
                    operation["operationId"],
                    operation["x-sdk-group"],
                    operation["x-sdk-method"],
                    path,
                    names,
                    tuple(declared[n].get("x-sdk-convert") for n in names),
                )
            )
    return cases


CASES = spec_cases()
WITH_PARAMS = [case for case in CASES if case.params]
REFUSAL_CASES = [
    pytest.param(case, name, value, id=f"{case.operation_id}-{name}-{value or 'empty'}")
    for case in WITH_PARAMS
    for name in case.params
    for value in REFUSED
]


def test_the_spec_drives_the_cases() -> None:
    """Every generated operation is a case; those with ids in their path are all covered."""
    import plivo_agentstack._generated.api as api

    generated = {
        module.stem
        for module in Path(api.__file__).parent.glob("*/*.py")
        if module.stem != "__init__"
    }
    assert {case.operation_id for case in CASES} == generated
    assert {c.operation_id for c in WITH_PARAMS} >= {
        "delete_agent",
        "unassign_agent_number",
        "get_message",
        "buy_number",
        "lookup_number",
    }


@pytest.mark.parametrize(("case", "name", "value"), REFUSAL_CASES)
async def test_dot_and_empty_ids_are_refused(
    flavor: str, mock_api: respx.MockRouter, case: Case, name: str, value: str
) -> None:
    """``""``, ``"."``, ``".."`` never reach the network: ValueError naming op and parameter."""
    route = mock_api.route().respond(200, json=any_success_body())
    client = make_client(flavor)
    values = {other: "id-1" for other in case.params}
    values[name] = value
    with pytest.raises(ValueError) as info:
        await resolve(case.call(client, values))
    message = str(info.value)
    assert message.startswith(f"{case.operation_id}: path parameter {name!r}")
    assert repr(value) in message
    assert not route.called
    await resolve(client.close())


async def test_a_client_with_a_dot_auth_id_is_refused(
    flavor: str, mock_api: respx.MockRouter
) -> None:
    """The ``auth_id`` segment goes through the same check."""
    route = mock_api.route().respond(200, json=any_success_body())
    client = make_client(flavor, auth_id="..")
    with pytest.raises(ValueError, match=r"^get_agent: path parameter 'auth_id'"):
        await resolve(client.agent.agents.get("a1"))
    assert not route.called


NUMBER_CASES = [
    pytest.param(case, name, id=f"{case.operation_id}-{name}")
    for case in WITH_PARAMS
    for name, convert in zip(case.params, case.converts, strict=True)
    if convert == "number_in_path"
]


def test_the_plus_rule_covers_every_phone_number_in_a_path() -> None:
    """The spec marks each phone number path parameter; the known ones are all there."""
    assert {case.values[0].operation_id for case in NUMBER_CASES} == {
        "unassign_agent_number",
        "get_number",
        "update_number",
        "delete_number",
        "buy_number",
        "lookup_number",
    }


@pytest.mark.parametrize(("case", "name"), NUMBER_CASES)
async def test_numbers_travel_in_paths_without_the_plus(flavor: str, case: Case, name: str) -> None:
    """``+14155550100`` and ``14155550100`` reach the same path: ``.../14155550100``."""
    client = make_client(flavor)
    sent = []
    with respx.mock() as router:
        route = router.route().respond(200, json=any_success_body())
        for number in ("+14155550100", "14155550100"):
            values = {other: "id-1" for other in case.params}
            values[name] = number
            await resolve(case.call(client, values))
            sent.append(route.calls.last.request.url.raw_path.decode().partition("?")[0])
    await resolve(client.close())
    assert sent[0] == sent[1]
    assert sent[0].split("/")[case.path.split("/").index("{" + name + "}")] == "14155550100"


def test_path_segment_encodes_everything_but_unreserved() -> None:
    """One segment: ``/``, ``?``, ``#``, ``%`` and non-ASCII are percent-encoded; lone
    surrogates are refused."""
    assert path_segment("op", "id", "a/b?c#d%e") == "a%2Fb%3Fc%23d%25e"
    assert path_segment("op", "id", "...") == "..."
    assert path_segment("op", "id", "é") == "%C3%A9"
    assert path_segment("op", "id", 42) == "42"
    with pytest.raises(ValueError, match="op: path parameter 'id' is not encodable"):
        path_segment("op", "id", "\ud800")


@pytest.fixture(scope="module")
def clients() -> Iterator[dict[str, Any]]:
    """One client per flavour for the property test (building one per example is slow)."""
    built = {flavor: make_client(flavor) for flavor in ("async", "sync")}
    yield built
    built["sync"].close()
    asyncio.run(built["async"].close())


ACCEPTED = st.text().filter(lambda text: text not in REFUSED)
# Drawn before the test body runs (a draw inside an anyio test can end it with StopTest).
CASE_AND_VALUES = st.sampled_from(WITH_PARAMS).flatmap(
    lambda case: st.tuples(
        st.just(case), st.fixed_dictionaries({name: ACCEPTED for name in case.params})
    )
)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(drawn=CASE_AND_VALUES)
async def test_any_id_is_exactly_one_segment(
    flavor: str, clients: dict[str, Any], drawn: tuple[Case, dict[str, str]]
) -> None:
    """For any accepted string, the raw path sent is the operation's path with that value as
    one segment (split the raw path on ``/``, decode each segment, compare)."""
    case, values = drawn
    with respx.mock() as router:  # any host: some operations live on their own (lookup)
        route = router.route().respond(200, json=any_success_body())
        await resolve(case.call(clients[flavor], {name: "id-1" for name in case.params}))
        baseline = route.calls.last.request.url
        if any(case.sent_value(name, value) in REFUSED for name, value in values.items()):
            with pytest.raises(ValueError, match=f"^{case.operation_id}: path parameter"):
                await resolve(case.call(clients[flavor], values))  # e.g. "+" is "" once sent
            return
        await resolve(case.call(clients[flavor], values))
    url = route.calls.last.request.url
    raw_path = url.raw_path.decode("ascii").partition("?")[0]  # raw_path includes the query
    sent = [unquote(segment) for segment in raw_path.split("/")]
    assert sent == case.expected_segments(values)
    assert url.query == baseline.query  # nothing of the value spilled into the query
    assert url.fragment == ""


# --- the fake API routes the encoded forms as one literal segment ----------------------------


@pytest.mark.parametrize(
    ("encoded", "literal"),
    [("%2E", "."), ("%2E%2E", ".."), ("%2e%2E", ".."), ("a%2Fb", "a/b"), ("%2E%2E%2F", "../")],
)
def test_fake_api_routes_encoded_dots_and_slashes_as_one_value(encoded: str, literal: str) -> None:
    """``%2E%2E`` is an agent id ``..`` (404 from delete_agent), never ``DELETE /Account/X``."""
    fake = FakePlivo()
    account = f"/v1/Account/{fake.auth_id}"
    agent = fake.handle(
        "POST",
        f"{account}/Agent",
        headers=fake_auth(fake),
        body=b'{"agent_name": "keep", "websocket_url": "wss://x.test/ws"}',
    ).json()
    response = fake.handle("DELETE", f"{account}/Agent/{encoded}", headers=fake_auth(fake))
    assert response.status == 404
    recorded = fake.requests[-1]
    assert recorded.operation_id == "delete_agent"
    assert literal in response.json()["error"]
    unassign = fake.handle(
        "DELETE", f"{account}/Agent/{agent['agent_uuid']}/Number/{encoded}", headers=fake_auth(fake)
    )
    assert fake.requests[-1].operation_id == "unassign_agent_number"
    assert unassign.status == 404
    assert list(fake.agents) == [agent["agent_uuid"]]  # nothing else was deleted


@pytest.mark.parametrize("segment", [".", ".."])
def test_fake_api_never_takes_a_literal_dot_segment_as_an_id(segment: str) -> None:
    """A raw ``/Agent/..`` (a client that did not resolve it) matches no operation: 404."""
    fake = FakePlivo()
    response = fake.handle(
        "GET", f"/v1/Account/{fake.auth_id}/Agent/{segment}", headers=fake_auth(fake)
    )
    assert response.status == 404
    assert fake.requests[-1].operation_id is None


async def test_fake_server_receives_encoded_ids_from_the_sdk(flavor: str) -> None:
    """Over a real socket, an id with ``/`` and dots reaches the fake as one value."""
    fake = FakePlivo()
    with fake.serve() as server:
        client = make_client(
            flavor, auth_id=fake.auth_id, auth_token=fake.auth_token, base_url=server.base_url
        )
        for value in ["../x", "a/../..", "%2E%2E", "..."]:
            with pytest.raises(Exception) as info:
                await resolve(client.agent.agents.delete(value))
            assert type(info.value).__name__ == "NotFoundError"
            recorded = fake.requests[-1]
            assert recorded.operation_id == "delete_agent"
            assert recorded.path == f"/v1/Account/{fake.auth_id}/Agent/{value}"
        await resolve(client.close())


def fake_auth(fake: FakePlivo) -> dict[str, str]:
    """Basic auth headers for a FakePlivo."""
    import base64

    token = base64.b64encode(f"{fake.auth_id}:{fake.auth_token}".encode()).decode()
    return {"Authorization": f"Basic {token}", "Content-Type": "application/json"}
