"""Inbound authentication holds on every way of serving, over real sockets on 127.0.0.1.

One matrix: each serving mode of ``ws_helpers.SERVING_MODES`` (standalone, ``app.asgi`` under
uvicorn, the Starlette adapter given the socket before or after accepting it) x each way a
client may present (or not) the secret. Also: ``authenticate`` sees one normalised path in
every mode, the secret never reaches a log record, and a call cannot start without admission.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from websockets.exceptions import ConnectionClosed, InvalidStatus

from plivo_agentstack.agent import ConnectRequest, Session, ToolCall, VoiceApp
from plivo_agentstack.agent._auth import SecretRedactor, normalize_path
from tests.ws_helpers import SERVING_MODES, Platform, running, tool_called

pytestmark = pytest.mark.anyio

SECRET = "s3cr3t-Value_42"


@pytest.fixture(params=SERVING_MODES)
def mode(request: pytest.FixtureRequest) -> str:
    """Every way the SDK serves a VoiceApp."""
    return str(request.param)


def tracked_app(**options: Any) -> tuple[VoiceApp, list[str]]:
    """A VoiceApp that answers tool calls and records every handler that ran."""
    app = VoiceApp(**options)
    ran: list[str] = []

    @app.on_connect
    def connected(session: Session) -> None:
        ran.append("connect")

    @app.on_event
    def any_event(session: Session, event: Any) -> None:
        ran.append("event")

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, "ok")

    return app, ran


async def assert_refused(url: str, mode: str, **options: Any) -> None:
    """The connection is refused before any handler could run."""
    if mode == "starlette-accepted":
        # The endpoint accepted the socket before handing it over: refused by a 1008 close.
        async with Platform.call(url, **options) as platform:
            with pytest.raises(ConnectionClosed):
                await platform.send(tool_called("t-refused"))
                await asyncio.wait_for(platform.connection.recv(), 10)
            assert platform.connection.close_code == 1008
        return
    with pytest.raises(InvalidStatus) as info:
        async with Platform.call(url, **options):
            pass
    assert info.value.response.status_code in (401, 403)


async def assert_served(url: str, **options: Any) -> None:
    """The connection becomes a call: a tool call is answered."""
    async with Platform.call(url, **options) as platform:
        await platform.send(tool_called("t1"))
        assert await platform.recv() == {"type": "tool.result", "id": "t1", "result": "ok"}


REFUSED: dict[str, tuple[str, dict[str, Any]]] = {
    "nothing": ("/ws", {}),
    "wrong header": ("/ws", {"additional_headers": {"agentSecret": SECRET + "x"}}),
    "wrong query": (f"/ws?agentSecret={SECRET[:-1]}", {}),
    "empty header": ("/ws", {"additional_headers": {"agentSecret": ""}}),
    "other header name": ("/ws", {"additional_headers": {"X-Agent-Secret": SECRET}}),
}
ACCEPTED: dict[str, tuple[str, dict[str, Any]]] = {
    "header": ("/ws", {"additional_headers": {"agentSecret": SECRET}}),
    "header, other case": ("/ws", {"additional_headers": {"AGENTSECRET": SECRET}}),
    "query": (f"/ws?agentSecret={SECRET}", {}),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
async def test_a_client_without_the_secret_never_reaches_a_handler(mode: str, case: str) -> None:
    """Every serving mode refuses a missing or wrong secret, then still serves the right one."""
    app, ran = tracked_app(auth_secret=SECRET)
    suffix, options = REFUSED[case]
    async with running(app, mode) as url:
        await assert_refused(url + suffix, mode, **options)
        assert ran == []
        await assert_served(url + "/ws", additional_headers={"agentSecret": SECRET})
    assert ran[0] == "connect"


@pytest.mark.parametrize("case", sorted(ACCEPTED))
async def test_the_secret_is_accepted_from_the_header_or_the_query(mode: str, case: str) -> None:
    """The header (any case) and the query parameter both carry the secret."""
    app, ran = tracked_app(auth_secret=SECRET)
    suffix, options = ACCEPTED[case]
    async with running(app, mode) as url:
        await assert_served(url + suffix, **options)
    assert ran[:2] == ["connect", "event"]


# Spellings of /admin that a path check must not miss.
ADMIN_SPELLINGS = ["/admin", "/%61dmin", "/public/../admin", "//admin", "/./admin", "/%2e%2e/admin"]


async def test_authenticate_sees_one_normalised_path_in_every_mode(mode: str) -> None:
    """A check that blocks ``/admin`` blocks every spelling of it, whichever way it is served."""
    seen: list[tuple[str, str]] = []

    def authenticate(request: ConnectRequest) -> bool:
        seen.append((request.raw_path, request.path))
        return request.path != "/admin"

    app, ran = tracked_app(authenticate=authenticate)
    async with running(app, mode) as url:
        for spelling in ADMIN_SPELLINGS:
            await assert_refused(url + spelling, mode)
        assert ran == []
        await assert_served(url + "/public/calls")
    assert [path for _, path in seen] == ["/admin"] * len(ADMIN_SPELLINGS) + ["/public/calls"]
    assert [raw for raw, _ in seen][:2] == ["/admin", "/%61dmin"]


class LogCapture(logging.Handler):
    """Keeps every record of the loggers it is attached to, at DEBUG."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.attached: dict[str, int] = {}

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def attach(self, *names: str) -> None:
        """Capture these loggers (again: uvicorn's config replaces their handlers)."""
        for name in names:
            logger = logging.getLogger(name)
            self.attached.setdefault(name, logger.level)
            logger.setLevel(logging.DEBUG)
            if self not in logger.handlers:
                logger.addHandler(self)

    def detach(self) -> None:
        """Remove the handler and restore the levels."""
        for name, level in self.attached.items():
            logging.getLogger(name).removeHandler(self)
            logging.getLogger(name).setLevel(level)


@pytest.fixture
def log_capture() -> Iterator[LogCapture]:
    """A capture of the SDK's and websockets' loggers (add uvicorn's once it has started)."""
    capture = LogCapture()
    capture.attach("plivo_agentstack", "websockets.server")  # not our test client
    try:
        yield capture
    finally:
        capture.detach()


async def test_the_secret_never_reaches_a_log_record(mode: str, log_capture: LogCapture) -> None:
    """With DEBUG logging everywhere, neither form of the secret (nor a wrong one) is logged."""
    app, _ = tracked_app(auth_secret=SECRET)
    async with running(app, mode, log_level="debug") as url:
        log_capture.attach("uvicorn", "uvicorn.access")
        await assert_served(url + f"/ws?agentSecret={SECRET}")
        await assert_served(url + "/ws", additional_headers={"agentSecret": SECRET})
        await assert_refused(url + "/ws?agentSecret=wrong-guess-123", mode)
    messages = [record.getMessage() for record in log_capture.records]
    assert not [m for m in messages if SECRET in m or "wrong-guess-123" in m]
    # The request lines were logged, redacted: the check above looked at the right records.
    assert any("agentSecret=***" in m for m in messages), messages


@pytest.mark.parametrize(
    "secret", ["sécret", "tab\tin", " padded", "padded ", "new\nline", "", "\x00"]
)
def test_a_secret_no_header_could_carry_is_refused_at_construction(secret: str) -> None:
    """Non-ASCII, control characters or edge spaces: a clear ValueError, not a silent mismatch."""
    with pytest.raises(ValueError, match="auth_secret must"):
        VoiceApp(auth_secret=secret)


async def test_a_call_cannot_start_without_this_apps_admission() -> None:
    """``run_call`` refuses a missing admission and one issued by another app."""
    app, other = VoiceApp(), VoiceApp()
    admission = await other.admit(ConnectRequest.from_target("/ws", [], None))
    assert admission is not None
    for wrong in (None, admission):
        with pytest.raises(TypeError, match="needs the Admission"):
            app.run_call(object(), wrong)  # type: ignore[arg-type]


async def test_admit_refuses_when_the_check_fails() -> None:
    """``admit`` returns None for a refused request and an Admission for an accepted one."""
    app = VoiceApp(auth_secret=SECRET)
    refused = await app.admit(ConnectRequest.from_target("/ws?agentSecret=no", [], None))
    accepted = await app.admit(ConnectRequest.from_target(f"/ws?agentSecret={SECRET}", [], None))
    assert refused is None
    assert accepted is not None and accepted.request.query["agentSecret"] == SECRET


def test_the_redactor_hides_secret_values_and_parameters() -> None:
    """Query values, header dumps and the bare secret (also percent-encoded) are replaced."""
    app = VoiceApp(auth_secret="a b+c")
    redactor = SecretRedactor()
    redactor.protect(app)
    assert redactor.redact("GET /ws?x=1&agentSecret=guess&y=2") == "GET /ws?x=1&agentSecret=***&y=2"
    assert redactor.redact("< agentsecret: a b+c") == "< agentsecret: ***"
    assert redactor.redact("< agentSecret:  other guess") == "< agentSecret: ***"
    assert redactor.redact("saw a%20b%2Bc and a+b%2Bc") == "saw *** and ***"
    assert redactor.redact("nothing here") == "nothing here"


def test_the_redactor_forgets_the_secret_of_a_collected_app() -> None:
    """A secret stays redacted while its app lives, and no longer once the app is gone."""
    import gc

    redactor = SecretRedactor()
    kept = VoiceApp(auth_secret="kept-secret-1234")
    gone = VoiceApp(auth_secret="gone-secret-5678")
    redactor.protect(kept)
    redactor.protect(gone)
    assert redactor.redact("kept-secret-1234 gone-secret-5678") == "*** ***"
    del gone
    gc.collect()
    assert redactor.redact("kept-secret-1234 gone-secret-5678") == "*** gone-secret-5678"
    del kept
    gc.collect()
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "kept-secret-1234", None, None)
    assert redactor.filter(record) and record.getMessage() == "kept-secret-1234"


@given(st.text())
def test_normalised_paths_have_no_dot_or_empty_segments(raw: str) -> None:
    """Whatever the client sends, the checked path is absolute and has no ``.``/``..``/``//``."""
    path = normalize_path(raw)
    assert path.startswith("/")
    inner = path.strip("/").split("/") if path.strip("/") else []
    assert "" not in inner and "." not in inner and ".." not in inner


@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=40))
def test_both_server_flavours_normalise_a_path_alike(raw_path: str) -> None:
    """The standalone request target and an ASGI scope (with or without raw_path) agree."""
    from urllib.parse import quote, unquote

    target = "/" + quote(raw_path, safe="/%;=")
    standalone = ConnectRequest.from_target(target, [], None)
    scope: dict[str, Any] = {"type": "websocket", "path": unquote(target), "headers": []}
    without_raw = ConnectRequest.from_scope(scope)
    with_raw = ConnectRequest.from_scope({**scope, "raw_path": target.encode("latin-1")})
    assert standalone.path == with_raw.path == without_raw.path
