"""Client construction, credentials, options, lifecycle, logging and import cost."""

from __future__ import annotations

import base64
import logging
import subprocess
import sys
from typing import Any

import httpx
import pytest
import respx

import plivo_agentstack
import plivo_agentstack_sync
from tests.conftest import ACCOUNT, AUTH_ID, AUTH_TOKEN, BASE_URL, make_client, resolve

pytestmark = pytest.mark.anyio

UUID = "a1b2c3d4-0000-4000-8000-000000000001"
MISSING = (
    "auth_id and auth_token are required. Pass them directly or set PLIVO_AUTH_ID and "
    "PLIVO_AUTH_TOKEN env vars."
)


def client_class(flavor: str) -> Any:
    """The client class of a flavour."""
    return plivo_agentstack.AsyncClient if flavor == "async" else plivo_agentstack_sync.Client


@pytest.mark.parametrize("given", [{}, {"auth_id": "MA1"}, {"auth_token": "t"}])
def test_missing_credentials(flavor: str, monkeypatch: pytest.MonkeyPatch, given: Any) -> None:
    """Without credentials (arguments or environment) the constructor says what to do."""
    monkeypatch.delenv("PLIVO_AUTH_ID", raising=False)
    monkeypatch.delenv("PLIVO_AUTH_TOKEN", raising=False)
    with pytest.raises(ValueError) as info:
        client_class(flavor)(**given)
    assert str(info.value) == MISSING


async def test_credentials_from_environment(
    flavor: str, monkeypatch: pytest.MonkeyPatch, mock_api: respx.MockRouter
) -> None:
    """PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN are used when no arguments are given."""
    monkeypatch.setenv("PLIVO_AUTH_ID", "MAENV")
    monkeypatch.setenv("PLIVO_AUTH_TOKEN", "envtoken")
    route = mock_api.get("/v1/Account/MAENV/Agent/x").respond(200, json={"agent_uuid": UUID})
    client = client_class(flavor)()
    await resolve(client.agent.agents.get("x"))
    await resolve(client.close())
    expected = base64.b64encode(b"MAENV:envtoken").decode()
    assert route.calls.last.request.headers["Authorization"] == f"Basic {expected}"


async def test_positional_arguments_and_base_url(flavor: str) -> None:
    """``Client(auth_id, auth_token, base_url)`` keeps the original positional order."""
    with respx.mock(base_url="http://127.0.0.1:9999") as router:
        route = router.get("/v1/Account/MA1/Agent/x").respond(200, json={"agent_uuid": "x"})
        client = client_class(flavor)("MA1", "tok", "http://127.0.0.1:9999/")
        assert client.base_url == "http://127.0.0.1:9999"
        agent = await resolve(client.agent.agents.get("x"))
        await resolve(client.close())
    assert agent.agent_uuid == "x"
    assert route.called


async def test_headers(client: Any, mock_api: respx.MockRouter) -> None:
    """Basic auth, User-Agent with the version, Accept JSON; no Content-Type without a body."""
    route = mock_api.get(f"{ACCOUNT}/Agent/{UUID}").respond(200, json={"agent_uuid": UUID})
    await resolve(client.agent.agents.get(UUID))
    headers = route.calls.last.request.headers
    credentials = base64.b64encode(f"{AUTH_ID}:{AUTH_TOKEN}".encode()).decode()
    assert headers["Authorization"] == f"Basic {credentials}"
    assert headers["User-Agent"] == f"plivo-agentstack-python/{plivo_agentstack.__version__}"
    assert headers["Accept"] == "application/json"
    assert "Content-Type" not in headers
    assert plivo_agentstack.__version__ == plivo_agentstack_sync.__version__ == "0.2.0"


async def test_path_values_are_escaped(client: Any, mock_api: respx.MockRouter) -> None:
    """A path value can never change the path: ``/``, ``?``, ``#`` and ``..`` are escaped."""
    route = mock_api.get(url__regex=r".*").respond(200, json={"agent_uuid": UUID})
    await resolve(client.agent.agents.get("../Number/x?y=1#z"))
    request = route.calls.last.request
    assert request.url.raw_path == (f"{ACCOUNT}/Agent/..%2FNumber%2Fx%3Fy%3D1%23z".encode())
    assert request.url.query == b""


async def test_per_call_timeout(client: Any, mock_api: respx.MockRouter) -> None:
    """``timeout=`` on a call overrides the client's 30 s default for that request only."""
    route = mock_api.get(f"{ACCOUNT}/Agent/{UUID}").respond(200, json={"agent_uuid": UUID})
    await resolve(client.agent.agents.get(UUID, timeout=2.5))
    assert route.calls.last.request.extensions["timeout"]["read"] == 2.5
    await resolve(client.agent.agents.get(UUID))
    assert route.calls.last.request.extensions["timeout"]["read"] == 30.0


async def test_with_options_shares_the_pool(client: Any, mock_api: respx.MockRouter) -> None:
    """``with_options`` changes defaults, keeps credentials and shares the connection pool."""
    route = mock_api.get(f"{ACCOUNT}/Agent/{UUID}").respond(200, json={"agent_uuid": UUID})
    fast = client.with_options(timeout=1.0, max_retries=0)
    assert type(fast) is type(client)
    assert fast._http is client._http
    assert fast.auth_id == client.auth_id
    await resolve(fast.agent.agents.get(UUID))
    assert route.calls.last.request.extensions["timeout"]["read"] == 1.0
    await resolve(fast.close())
    assert not client._http.is_closed
    assert client.timeout == 30.0


async def test_caller_supplied_http_client_is_used_and_not_closed(flavor: str) -> None:
    """A caller's httpx client carries the requests and stays open after ``close()``."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"agent_uuid": "x"})

    transport: Any
    http: Any
    if flavor == "async":
        transport = httpx.MockTransport(handler)
        http = httpx.AsyncClient(transport=transport)
    else:
        transport = httpx.MockTransport(handler)
        http = httpx.Client(transport=transport)
    client = make_client(flavor, http_client=http)
    agent = await resolve(client.agent.agents.get("x"))
    await resolve(client.close())
    assert agent.agent_uuid == "x"
    assert len(seen) == 1
    assert not http.is_closed
    await resolve(http.aclose() if flavor == "async" else http.close())


@pytest.mark.parametrize(
    ("options", "expected"),
    [({}, 7.0), ({"timeout": 2.5}, 2.5), ({"timeout": None}, None)],
)
async def test_caller_supplied_http_client_keeps_its_timeout(
    flavor: str, options: dict[str, Any], expected: float | None
) -> None:
    """A caller's httpx client keeps its own timeout unless ``timeout=`` is given as well;
    a per-call ``timeout`` still wins for that call."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"agent_uuid": "x"})

    transport = httpx.MockTransport(handler)
    http: Any = (httpx.AsyncClient if flavor == "async" else httpx.Client)(
        transport=transport, timeout=httpx.Timeout(7.0, pool=1.0)
    )
    client = make_client(flavor, http_client=http, **options)
    await resolve(client.agent.agents.get("x"))
    await resolve(client.agent.agents.get("x", timeout=1.5))
    await resolve(client.with_options(max_retries=0).agent.agents.get("x"))
    await resolve(http.aclose() if flavor == "async" else http.close())
    first, per_call, copy = (request.extensions["timeout"] for request in seen)
    assert first["read"] == first["connect"] == expected
    assert first["pool"] == (1.0 if not options else None)
    assert per_call["read"] == 1.5
    assert copy == first


async def test_context_manager_closes_own_pool(flavor: str) -> None:
    """``async with`` / ``with`` closes the client's own connection pool."""
    client = make_client(flavor)
    if flavor == "async":
        async with client as entered:
            assert entered is client
    else:
        with client as entered:
            assert entered is client
    assert client._http.is_closed


def test_repr_never_shows_the_token(flavor: str) -> None:
    """repr() of a client shows the auth id and base URL, never the token."""
    client = make_client(flavor)
    text = repr(client)
    assert AUTH_TOKEN not in text
    assert AUTH_ID in text
    assert "token" not in repr(client.agent.agents).lower()


async def test_debug_logging_without_secrets(
    client: Any, mock_api: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    """DEBUG logs show method, path, status, attempt and time; never the token or header."""
    mock_api.get(f"{ACCOUNT}/Agent/{UUID}").mock(
        side_effect=[httpx.Response(503), httpx.Response(200, json={"agent_uuid": UUID})]
    )
    with caplog.at_level(logging.DEBUG):
        await resolve(client.agent.agents.get(UUID))
    ours = [r.getMessage() for r in caplog.records if r.name == "plivo_agentstack"]
    assert any(f"GET {ACCOUNT}/Agent/{UUID} -> 503 (attempt 1," in m for m in ours)
    assert any(f"GET {ACCOUNT}/Agent/{UUID} -> 200 (attempt 2," in m for m in ours)
    assert any(m.startswith("retrying GET") for m in ours)
    credentials = base64.b64encode(f"{AUTH_ID}:{AUTH_TOKEN}".encode()).decode()
    assert AUTH_TOKEN not in caplog.text
    assert credentials not in caplog.text
    assert "Authorization" not in caplog.text


def test_invalid_settings(flavor: str) -> None:
    """Negative retry settings are rejected with a clear message."""
    with pytest.raises(ValueError, match="max_retries must be 0 or more"):
        make_client(flavor, max_retries=-1)
    with pytest.raises(ValueError, match="backoff_factor must be 0 or more"):
        make_client(flavor, backoff_factor=-0.1)


def test_sub_clients_are_lazy_and_cached(flavor: str) -> None:
    """``client.agent.agents`` is built on first use and then reused."""
    client = make_client(flavor)
    assert "agent" not in vars(client)
    assert client.agent.agents is client.agent.agents
    assert client.agent is client.agent
    assert client.numbers.lookup is client.numbers.lookup
    assert client.messages is client.messages


def test_both_flavours_have_the_same_surface() -> None:
    """Every resource method of the async package exists in the sync one with the same name."""
    async_client = make_client("async")
    sync_client = make_client("sync")
    groups = ["agent.agents", "agent.calls", "agent.numbers", "agent.sessions", "messages"]
    groups += ["numbers", "numbers.lookup"]
    for group in groups:
        left: Any = async_client
        right: Any = sync_client
        for part in group.split("."):
            left, right = getattr(left, part), getattr(right, part)
        public = {n for n in dir(left) if not n.startswith("_")}
        assert public == {n for n in dir(right) if not n.startswith("_")}, group
    assert len(public) >= 1


@pytest.mark.parametrize("package", ["plivo_agentstack", "plivo_agentstack_sync"])
def test_import_is_light(package: str) -> None:
    """Importing a package loads neither httpx nor the generated models."""
    code = (
        f"import sys, {package}; "
        "heavy = [m for m in ('httpx', 'plivo_agentstack._generated.models.agent') "
        "if m in sys.modules]; print(heavy)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def test_original_import_paths() -> None:
    """The 0.1 import paths keep working."""
    from plivo_agentstack import AsyncClient, PlivoError  # noqa: F401
    from plivo_agentstack.agent import EAGERNESS_PRESETS  # noqa: F401
    from plivo_agentstack.errors import NotFoundError, RateLimitError  # noqa: F401
    from plivo_agentstack.messaging import InteractiveMessage, Location, Template  # noqa: F401
    from plivo_agentstack.utils import validate_signature_v3  # noqa: F401
    from plivo_agentstack_sync import Client  # noqa: F401

    assert BASE_URL == "https://api.plivo.com"


# --- hygiene: headers, closed clients, size cap, timeouts, event loops ------------------------


@pytest.mark.parametrize(
    ("headers", "named"),
    [
        ({"X-Trace": "a\r\nX-Injected: 1"}, "X-Trace"),
        ({"X-Trace": "a\nb"}, "X-Trace"),
        ({"X-Trace": "a\x00b"}, "X-Trace"),
        ({"X-Trace": "caf\u00e9"}, "X-Trace"),
        ({"X-Tr\u00e4ce": "a"}, "X-Tr\u00e4ce"),
        ({"X-Trace\r\nX-Injected": "1"}, "X-Trace"),
        ({"X Trace": "a"}, "X Trace"),
        ({"": "a"}, "''"),
    ],
)
async def test_bad_extra_headers_fail_at_once(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float], headers: Any, named: str
) -> None:
    """CR/LF/NUL or non-ASCII in a header name or value: ValueError naming it, no request."""
    route = mock_api.route().respond(200, json={"agent_uuid": UUID})
    with pytest.raises(ValueError, match="extra_headers") as info:
        await resolve(client.agent.agents.get(UUID, extra_headers=headers))
    assert named in str(info.value)
    assert not route.called
    assert sleeps == []


async def test_good_extra_headers_are_sent(client: Any, mock_api: respx.MockRouter) -> None:
    """Printable ASCII (tabs too) passes the check unchanged."""
    route = mock_api.get(f"{ACCOUNT}/Agent/{UUID}").respond(200, json={"agent_uuid": UUID})
    await resolve(client.agent.agents.get(UUID, extra_headers={"X-Trace": "a b\tc;=/~"}))
    assert route.calls.last.request.headers["X-Trace"] == "a b\tc;=/~"


async def test_closed_client_raises_a_typed_error(flavor: str, mock_api: respx.MockRouter) -> None:
    """A closed client (own pool, or a caller's closed httpx client) raises ClientClosedError."""
    route = mock_api.route().respond(200, json={"agent_uuid": UUID})
    client = make_client(flavor)
    await resolve(client.close())
    with pytest.raises(plivo_agentstack.ClientClosedError) as info:
        await resolve(client.agent.agents.get(UUID))
    assert str(info.value) == "the client is closed; create a new one"
    assert isinstance(info.value, plivo_agentstack.PlivoError)
    http: Any = httpx.AsyncClient() if flavor == "async" else httpx.Client()
    await resolve(http.aclose() if flavor == "async" else http.close())
    theirs = make_client(flavor, http_client=http)
    with pytest.raises(plivo_agentstack.ClientClosedError):
        await resolve(theirs.agent.agents.get(UUID))
    assert not route.called


async def test_response_size_cap(flavor: str, mock_api: respx.MockRouter) -> None:
    """A body over ``max_response_size`` raises ResponseTooLargeError (not retried);
    ``with_options`` changes the cap; ``None`` lifts it."""
    body = {"agent_uuid": UUID, "padding": "x" * 2000}
    route = mock_api.get(f"{ACCOUNT}/Agent/{UUID}").respond(200, json=body)
    client = make_client(flavor, max_response_size=1000)
    with pytest.raises(plivo_agentstack.ResponseTooLargeError) as info:
        await resolve(client.agent.agents.get(UUID))
    assert info.value.max_size == 1000
    assert info.value.status_code == 200
    assert route.call_count == 1
    roomy = client.with_options(max_response_size=None)
    assert roomy.max_response_size is None
    assert (await resolve(roomy.agent.agents.get(UUID))).agent_uuid == UUID
    exact = client.with_options(max_response_size=len(route.calls.last.response.content))
    assert (await resolve(exact.agent.agents.get(UUID))).agent_uuid == UUID
    with pytest.raises(ValueError, match="max_response_size must be positive or None"):
        make_client(flavor, max_response_size=0)
    await resolve(client.close())


async def test_error_responses_keep_their_body(client: Any, mock_api: respx.MockRouter) -> None:
    """The streamed body is kept on the response an error carries (``.content``/``.json()``)."""
    mock_api.get(f"{ACCOUNT}/Agent/{UUID}").respond(404, json={"error": "no such agent"})
    with pytest.raises(plivo_agentstack.NotFoundError) as info:
        await resolve(client.agent.agents.get(UUID))
    assert info.value.response is not None
    assert info.value.response.json() == {"error": "no such agent"}


async def test_waiting_for_a_connection_is_not_timed(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """The client's timeout leaves the pool wait unlimited (a burst queues, it does not fail)."""
    route = mock_api.get(f"{ACCOUNT}/Agent/{UUID}").respond(200, json={"agent_uuid": UUID})
    await resolve(client.agent.agents.get(UUID))
    assert route.calls.last.request.extensions["timeout"]["pool"] is None
    await resolve(client.agent.agents.get(UUID, timeout=3.0))
    assert route.calls.last.request.extensions["timeout"] == {
        "connect": 3.0,
        "read": 3.0,
        "write": 3.0,
        "pool": None,
    }


def test_whole_request_limit_of_timeout_values() -> None:
    """A number bounds the attempt; an httpx.Timeout by its largest phase (None if unlimited)."""
    from plivo_agentstack._base_client import _whole_request_seconds

    assert _whole_request_seconds(2.0) == 2.0
    assert _whole_request_seconds(None) is None
    assert _whole_request_seconds(httpx.Timeout(5.0, read=30.0)) == 30.0
    assert _whole_request_seconds(httpx.Timeout(5.0, read=None)) is None


def test_async_client_reused_across_event_loops_with_respx() -> None:
    """``asyncio.run(setup())`` then ``asyncio.run(main())``: the pool follows the loop."""
    import asyncio

    with respx.mock(base_url=BASE_URL) as router:
        route = router.get(f"{ACCOUNT}/Agent/{UUID}").respond(200, json={"agent_uuid": UUID})
        client = make_client("async")
        first = client._http
        assert asyncio.run(client.agent.agents.get(UUID)).agent_uuid == UUID
        assert first.is_closed  # closed on its own loop when that loop ended
        assert asyncio.run(client.agent.agents.get(UUID)).agent_uuid == UUID
        copy = client.with_options(max_retries=0)
        assert asyncio.run(copy.agent.agents.get(UUID)).agent_uuid == UUID
        asyncio.run(client.close())
        with pytest.raises(plivo_agentstack.ClientClosedError):
            asyncio.run(copy.agent.agents.get(UUID))
    assert route.call_count == 3


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("LOCALHOST.", True),
        ("api.localhost", True),
        ("api.plivo.com", False),
        ("10.0.0.1", False),
        ("localhost.example.com", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    """Which hosts the environment's proxy never applies to."""
    from plivo_agentstack._transport import is_loopback

    assert is_loopback(host) is loopback


def test_environment_proxy_selection(monkeypatch: pytest.MonkeyPatch) -> None:
    """HTTPS_PROXY/HTTP_PROXY/ALL_PROXY and NO_PROXY as in httpx; loopback never proxied."""
    from plivo_agentstack._transport import env_proxy

    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        for variant in (name, name.lower()):
            monkeypatch.delenv(variant, raising=False)
    assert env_proxy("https://api.plivo.com") is None
    monkeypatch.setenv("HTTPS_PROXY", "proxy.internal:3128")
    assert env_proxy("https://api.plivo.com") == "http://proxy.internal:3128"
    assert env_proxy("http://127.0.0.1:8080") is None
    assert env_proxy("http://localhost:8080") is None
    assert env_proxy("http://[::1]:8080") is None
    monkeypatch.setenv("NO_PROXY", "plivo.com")
    assert env_proxy("https://api.plivo.com") is None


# --- configuration from the environment, aclose() ---------------------------------------------


async def test_plivo_api_url_sets_the_base_url_and_an_argument_wins(
    flavor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLIVO_API_URL", "https://proxy.example.test/plivo/")
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"https://proxy.example.test/plivo/v1/Account/{AUTH_ID}/Agent/{UUID}")
        route.respond(200, json={"agent_uuid": UUID})
        client = client_class(flavor)(AUTH_ID, AUTH_TOKEN)
        assert client.base_url == "https://proxy.example.test/plivo"
        await resolve(client.agent.agents.get(UUID))
        await resolve(client.close())
    explicit = client_class(flavor)(AUTH_ID, AUTH_TOKEN, base_url="https://other.test")
    assert explicit.base_url == "https://other.test"
    monkeypatch.setenv("PLIVO_API_URL", "")
    assert client_class(flavor)(AUTH_ID, AUTH_TOKEN).base_url == "https://api.plivo.com"


def test_plivo_log_sets_the_level_and_adds_one_stderr_handler(
    flavor: str, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    from plivo_agentstack._logs import _EnvHandler

    logger = logging.getLogger("plivo_agentstack")
    saved_level, saved_handlers = logger.level, list(logger.handlers)
    try:
        monkeypatch.setenv("PLIVO_LOG", "Debug")
        client_class(flavor)(AUTH_ID, AUTH_TOKEN)
        client_class(flavor)(AUTH_ID, AUTH_TOKEN)
        assert logger.level == logging.DEBUG
        assert sum(isinstance(h, _EnvHandler) for h in logger.handlers) == 1
        logging.getLogger("plivo_agentstack.test").debug("visible")
        assert "DEBUG plivo_agentstack.test: visible" in capfd.readouterr().err
        monkeypatch.setenv("PLIVO_LOG", "verbose")
        with pytest.raises(ValueError, match=r"PLIVO_LOG must be one of debug, info"):
            client_class(flavor)(AUTH_ID, AUTH_TOKEN)
    finally:
        logger.setLevel(saved_level)
        logger.handlers[:] = saved_handlers


async def test_aclose_closes_the_async_client(mock_api: respx.MockRouter) -> None:
    client = plivo_agentstack.AsyncClient(AUTH_ID, AUTH_TOKEN)
    await client.aclose()
    with pytest.raises(plivo_agentstack.ClientClosedError):
        await client.agent.agents.get(UUID)
    assert not hasattr(plivo_agentstack_sync.Client, "aclose")


async def test_default_headers_go_on_every_request_and_cannot_replace_auth(
    flavor: str, mock_api: respx.MockRouter
) -> None:
    route = mock_api.get(f"{ACCOUNT}/Agent/{UUID}").respond(200, json={"agent_uuid": UUID})
    client = make_client(flavor, default_headers={"X-Team": "voice", "User-Agent": "mine/1"})
    await resolve(client.agent.agents.get(UUID, extra_headers={"X-Trace": "1"}))
    headers = route.calls.last.request.headers
    assert (headers["X-Team"], headers["User-Agent"], headers["X-Trace"]) == (
        "voice",
        "mine/1",
        "1",
    )
    assert headers["Authorization"].startswith("Basic ")
    await resolve(client.close())
    with pytest.raises(ValueError, match="Authorization comes from auth_id and auth_token"):
        make_client(flavor, default_headers={"authorization": "Bearer x"})
    with pytest.raises(ValueError, match=r"default_headers: the value of 'X-Bad'"):
        make_client(flavor, default_headers={"X-Bad": "a\r\nb"})


async def test_with_options_takes_every_constructor_option(flavor: str) -> None:
    """base_url, default_headers and http_client too: such a copy has its own connections,
    keeps the credentials and leaves the original untouched."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"agent_uuid": UUID})

    original = make_client(flavor)
    moved = original.with_options(base_url="https://proxy.test/p", default_headers={"X-A": "1"})
    assert moved._http is not original._http
    assert (moved.base_url, moved.default_headers) == ("https://proxy.test/p", {"X-A": "1"})
    assert (original.base_url, original.default_headers) == (BASE_URL, {})
    with respx.mock(assert_all_called=True) as mock:
        route = mock.get(f"https://proxy.test/p/v1/Account/{AUTH_ID}/Agent/{UUID}")
        route.respond(200, json={"agent_uuid": UUID})
        await resolve(moved.agent.agents.get(UUID))
        assert route.calls.last.request.headers["X-A"] == "1"
    await resolve(moved.close())
    assert not original._http.is_closed  # the copy closed only its own connections

    transport = httpx.MockTransport(handler)
    http: Any = (
        httpx.AsyncClient(transport=transport, timeout=7.0)
        if flavor == "async"
        else httpx.Client(transport=transport, timeout=7.0)
    )
    mine = original.with_options(http_client=http)
    assert mine.timeout == http.timeout  # a new http_client keeps its own timeout
    await resolve(mine.agent.agents.get(UUID))
    assert seen and seen[-1].headers["Authorization"].startswith("Basic ")
    await resolve(mine.close())
    assert not http.is_closed
    await resolve(http.aclose() if flavor == "async" else http.close())
    await resolve(original.close())
