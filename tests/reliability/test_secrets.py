"""The auth token never shows in logs, reprs or errors, for both packages (real local server)."""

from __future__ import annotations

import base64
import logging
import socket
import traceback
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from plivo_agentstack.errors import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    PlivoError,
    ServerError,
)
from plivo_agentstack.utils import (
    compute_signature_v3,
    validate_request_signature_v3,
    validate_signature_v3,
)
from tests.conftest import make_client, resolve
from tests.reliability._http_server import (
    RESET_AFTER_READ,
    STALL,
    TRUNCATED,
    FaultServer,
    fault,
    respond,
)

pytestmark = pytest.mark.anyio

AUTH_ID = "MASECRETSAUTHID00001"
TOKEN = "Zq9-sEcReT-t0k3n-xV7_wQ"  # distinctive: cannot appear by accident
CREDENTIALS = base64.b64encode(f"{AUTH_ID}:{TOKEN}".encode()).decode()
# Every form the token could leak in: as is, URL-quoted, and as the Basic credentials.
LEAKS = [TOKEN, quote(TOKEN, safe=""), CREDENTIALS, CREDENTIALS[-16:]]
AGENT_UUID = "a1b2c3d4-0000-4000-8000-000000000001"
AGENT = {"api_id": "g-1", "agent_uuid": AGENT_UUID}
LIST = {
    "api_id": "l-1",
    "meta": {"limit": 20, "offset": 0, "total_count": 1, "next": None, "previous": None},
    "objects": [{"message_uuid": "m-1"}],
}
LOGGERS = ["plivo_agentstack", "plivo_agentstack_sync", "httpx", "httpcore"]


def assert_no_token(text: str, where: str) -> None:
    """Fail if any form of the token is in ``text``."""
    for leak in LEAKS:
        assert leak not in text, f"auth token leaked in {where}: {text!r}"


def error_texts(error: BaseException) -> list[str]:
    """Everything an error shows: str, repr, args, message, body, the formatted chain."""
    texts = [str(error), repr(error), repr(error.args)]
    texts.append("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    cause = error.__cause__
    while cause is not None:
        texts.extend([str(cause), repr(cause), repr(cause.args)])
        cause = cause.__cause__
    if isinstance(error, PlivoError):
        texts.extend([error.message, repr(error.body), repr(error.response)])
    return texts


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    """One scripted server for the module."""
    with FaultServer() as instance:
        yield instance


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Capture DEBUG records of the SDK, httpx and httpcore."""
    caplog.set_level(logging.DEBUG)
    for name in LOGGERS:
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def client_for(flavor: str, server: FaultServer, **kwargs: Any) -> Any:
    """A client with the secret token, pointed at the local server."""
    kwargs.setdefault("timeout", 0.25)
    return make_client(flavor, auth_id=AUTH_ID, auth_token=TOKEN, base_url=server.url, **kwargs)


async def call(client: Any, what: str) -> Any:
    """One SDK call by name; errors are returned, not raised."""
    calls = {
        "get": lambda: client.agent.agents.get(AGENT_UUID),
        "post": lambda: client.messages.create(src="+14155550100", dst="+14155550101", text="x"),
        "patch": lambda: client.agent.agents.update(AGENT_UUID, agent_name="n"),
    }
    try:
        return await resolve(calls[what]())
    except PlivoError as exc:
        return exc


SCENARIOS = {
    # name: (call, script, expected error class or None)
    "success": ("get", [respond(200, AGENT)], None),
    "post-success": ("post", [respond(202, {"api_id": "p-1", "message_uuid": ["m-1"]})], None),
    "retried-429": ("get", [respond(429, {}, {"Retry-After": "0"}), respond(200, AGENT)], None),
    "retried-500": ("get", [respond(500), respond(503), respond(200, AGENT)], None),
    "retried-reset": ("get", [fault(RESET_AFTER_READ), respond(200, AGENT)], None),
    "401": ("get", [respond(401, {"error": "Authentication failed"})], AuthenticationError),
    "500-exhausted": ("get", [respond(500, "<html>down</html>")] * 4, ServerError),
    "500-post": ("post", [respond(500, {"error": "boom"})], ServerError),
    "reset": ("patch", [fault(RESET_AFTER_READ)], APIConnectionError),
    "truncated": ("get", [fault(TRUNCATED)] * 4, APIConnectionError),
    "timeout": ("post", [fault(STALL)], APITimeoutError),
}


@pytest.mark.parametrize("name", list(SCENARIOS))
async def test_token_absent_from_debug_logs_and_errors(
    flavor: str, server: FaultServer, debug_logs: pytest.LogCaptureFixture, name: str
) -> None:
    """Successful, retried and failing requests log at DEBUG without the token."""
    what, script, error_class = SCENARIOS[name]
    server.script(*script)
    client = client_for(flavor, server)
    try:
        outcome = await call(client, what)
    finally:
        await resolve(client.close())

    # The token really was in use: every request carried it.
    assert server.requests
    assert all(r.headers["authorization"] == f"Basic {CREDENTIALS}" for r in server.requests)
    # DEBUG logging really was on: the SDK and httpcore both logged this call.
    loggers = {record.name.split(".")[0] for record in debug_logs.records}
    assert {"plivo_agentstack", "httpcore"} <= loggers, loggers

    for record in debug_logs.records:
        assert_no_token(record.getMessage(), f"log record {record.name}")
        assert_no_token(repr(record.args), f"log args of {record.name}")
        if record.exc_info:
            assert_no_token(logging.Formatter().formatException(record.exc_info), "log traceback")
    assert_no_token(debug_logs.text, "captured log text")

    if error_class is None:
        assert not isinstance(outcome, BaseException), outcome
    else:
        assert type(outcome) is error_class, outcome
        for text in error_texts(outcome):
            assert_no_token(text, f"{type(outcome).__name__}")


async def test_token_absent_from_network_error(flavor: str, sleeps: list[float]) -> None:
    """A connection refused (nothing listening) error does not carry the token."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    client = make_client(
        flavor, auth_id=AUTH_ID, auth_token=TOKEN, base_url=f"http://127.0.0.1:{port}"
    )
    try:
        with pytest.raises(APIConnectionError) as info:
            await resolve(client.agent.agents.get(AGENT_UUID, max_retries=1))
    finally:
        await resolve(client.close())
    assert len(sleeps) == 1
    for text in error_texts(info.value):
        assert_no_token(text, "APIConnectionError")


async def test_token_absent_from_client_and_resource_reprs(
    flavor: str, server: FaultServer
) -> None:
    """repr()/str() of clients, with_options copies, resources, pages and results."""
    server.script(respond(200, LIST), respond(200, AGENT))
    client = client_for(flavor, server)
    copy = client.with_options(timeout=5, max_retries=0)
    try:
        objects: list[Any] = [
            client,
            copy,
            client.with_options(backoff_factor=1.0),
            client.agent,
            client.agent.agents,
            client.agent.calls,
            client.agent.numbers,
            client.agent.sessions,
            client.messages,
            client.numbers,
            client.numbers.lookup,
            copy.agent.agents,
        ]
        listing = client.messages.list()
        objects.append(listing)
        objects.append(await resolve(listing))  # the first page (async: awaited paginator)
        objects.append(await resolve(client.agent.agents.get(AGENT_UUID)))
        for item in objects:
            assert_no_token(repr(item), f"repr({type(item).__name__})")
            assert_no_token(str(item), f"str({type(item).__name__})")
            assert_no_token(f"{item}", f"format({type(item).__name__})")
        assert AUTH_ID in repr(client)  # the repr does identify the account
    finally:
        await resolve(client.close())


async def test_token_absent_from_settings_errors(flavor: str) -> None:
    """Errors about bad client settings do not echo the token."""
    for bad in ({"max_retries": -1}, {"backoff_factor": -1.0}):
        with pytest.raises(ValueError) as info:
            make_client(flavor, auth_id=AUTH_ID, auth_token=TOKEN, **bad)
        for text in error_texts(info.value):
            assert_no_token(text, "ValueError")


def test_agent_config_secrets_are_masked_in_results() -> None:
    """A model carrying the multi-party ``plivo_auth_token`` masks it in repr()."""
    from plivo_agentstack.models import Agent

    agent = Agent.from_dict({"agent_uuid": AGENT_UUID, "plivo_auth_token": TOKEN})
    assert agent.plivo_auth_token == TOKEN
    assert_no_token(repr(agent), "repr(Agent)")
    assert_no_token(str(agent), "str(Agent)")


async def test_agent_config_token_sent_in_a_body_is_not_logged(
    flavor: str, server: FaultServer, debug_logs: pytest.LogCaptureFixture
) -> None:
    """``agents.create(plivo_auth_token=...)`` sends it, and DEBUG logs do not show it."""
    server.script(respond(500, {"error": "boom"}))
    client = make_client(flavor, base_url=server.url, timeout=0.25)  # another account's token
    try:
        with pytest.raises(ServerError) as info:
            await resolve(
                client.agent.agents.create(
                    agent_name="conf", websocket_url="wss://x.test/ws", plivo_auth_token=TOKEN
                )
            )
    finally:
        await resolve(client.close())
    assert TOKEN.encode() in server.requests[0].body  # it was sent
    assert debug_logs.records
    assert_no_token(debug_logs.text, "captured log text")
    for text in error_texts(info.value):
        assert_no_token(text, "ServerError")


def test_signature_helpers_do_not_log_or_echo_the_token(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """compute/validate signature helpers log nothing with the token, and errors omit it."""
    caplog.set_level(logging.DEBUG)
    url = "https://example.com/cb?CallUUID=abc"
    params = {"From": "+14155550100", "Text": "hi"}
    signature = compute_signature_v3("POST", url, "nonce-1", TOKEN, params)
    assert validate_signature_v3("POST", url, "nonce-1", TOKEN, signature, params)
    assert not validate_signature_v3("POST", url, "nonce-2", TOKEN, signature, params)
    headers = {"X-Plivo-Signature-V3": signature, "X-Plivo-Signature-V3-Nonce": "nonce-1"}
    assert validate_request_signature_v3(
        method="POST", url=url, headers=headers, auth_token=TOKEN, params=params
    )
    assert not validate_request_signature_v3(
        method="PUT", url=url, headers=headers, auth_token=TOKEN, params=params
    )
    failures: list[BaseException] = []
    for args in [
        ("PUT", url, "n", TOKEN, params),
        ("POST", "/relative", "n", TOKEN, params),
        ("POST", url, "n", TOKEN, {"k": object()}),
        ("GET", url, "n", TOKEN, {"k": {"nested": "x"}}),
        ("POST", url, "n", TOKEN, [("k", "v")]),
    ]:
        with pytest.raises((ValueError, TypeError)) as info:
            compute_signature_v3(*args)  # type: ignore[arg-type]
        failures.append(info.value)
    for error in failures:
        for text in error_texts(error):
            assert_no_token(text, f"{type(error).__name__} from the signature helpers")
    for record in caplog.records:
        assert_no_token(record.getMessage(), f"log record {record.name}")
    assert_no_token(caplog.text, "captured log text")
