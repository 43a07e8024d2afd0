"""The pytest plugin: ``fake_plivo`` and ``voice_call``, in a user's suite and in ours."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

import plivo_agentstack.testing
from plivo_agentstack.agent import Session, ToolCall, VoiceApp
from plivo_agentstack.testing import FakePlivo, SayStep, ToolStep, VoiceCalls

pytest_plugins = ["pytester"]

pytestmark = pytest.mark.anyio

CALLER = "+14155550100"
CALLEE = "+14155550101"


def order_app() -> VoiceApp:
    """A small app: a greeting, a sync tool handler (runs in a worker thread) and a transfer."""
    app = VoiceApp()

    @app.on_setup
    def setup(session: Session, event: Any) -> None:
        session.speak("Hi! How can I help?")

    @app.on("user.transcription")
    async def heard(session: Session, event: Any) -> None:
        if event.is_final and "human" in event.text.lower():
            session.transfer("+15555550199")

    @app.on_tool_call
    def tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, {"status": "shipped", "order": event.arguments})

    return app


class ShutdownSpy:
    """Counts ``app.shutdown()`` calls (and still shuts the app down)."""

    def __init__(self, app: VoiceApp) -> None:
        self.count = 0
        self._original = app.shutdown
        app.shutdown = self  # type: ignore[method-assign]

    async def __call__(self) -> None:
        self.count += 1
        await self._original()


# --------------------------------------------------------------------------------------------
# A user's suite, run in a pytest sub-session
# --------------------------------------------------------------------------------------------

USER_TESTS = """
import pytest

import plivo_agentstack.testing
from plivo_agentstack.agent import VoiceApp
from plivo_agentstack.testing import FakePlivo, SayStep, ToolStep

app = VoiceApp()


@app.on_setup
def setup(session, event):
    session.speak("Hi! How can I help?")


@app.on_tool_call
def tool(session, event):
    session.send_tool_result(event.id, {"status": "shipped"})
    session.speak("Your order is shipped.")


@pytest.fixture
def anyio_backend():
    return "asyncio"


def test_plugin_comes_from_the_entry_point(request):
    plugin = request.config.pluginmanager.get_plugin("plivo_agentstack")
    assert plugin is not None
    assert plugin.__name__ == "plivo_agentstack.testing.pytest_plugin"


def test_sync_client(fake_plivo):
    assert isinstance(fake_plivo, FakePlivo)
    fake_plivo.add_number("+14155550100")
    with fake_plivo.client() as client:
        client.messages.create(dst="+14155550101", src="+14155550100", text="hi")
    assert [m["text"] for m in fake_plivo.messages.values()] == ["hi"]


@pytest.mark.anyio
async def test_async_client(fake_plivo):
    assert not fake_plivo.agents  # a fresh fake for every test
    async with fake_plivo.async_client() as client:
        agent = await client.agent.agents.create(agent_name="Bot", websocket_url="wss://x/ws")
    assert list(fake_plivo.agents) == [agent.agent_uuid]


@pytest.mark.anyio
async def test_voice_call_script(voice_call):
    result = await voice_call(app, [SayStep("hi"), ToolStep("lookup_order", {"order_id": "A-7"})])
    assert result.expect_tool_result("lookup_order") == {"status": "shipped"}
    result.expect_spoken("Your order is shipped")
    result.expect_ok()


@pytest.mark.anyio
async def test_voice_call_connect(voice_call):
    async with voice_call.connect(app, caller="+14155550123") as call:
        assert call.spoken_text == ["Hi! How can I help?"]
        assert await call.tool("lookup_order", order_id="A-7") == {"status": "shipped"}
    assert call.ended
    assert voice_call.results[-1].ok
"""


def run_user_suite(pytester: pytest.Pytester, source: str, *args: str) -> pytest.RunResult:
    """Run ``source`` as a user's test file (warnings are errors) in a pytest sub-session."""
    pytester.makeini("[pytest]\nfilterwarnings = error\n")
    pytester.makepyfile(test_user=source)
    return pytester.runpytest_inprocess("-p", "no:cacheprovider", *args)


def test_a_user_suite_uses_both_fixtures(pytester: pytest.Pytester) -> None:
    result = run_user_suite(pytester, USER_TESTS)
    result.assert_outcomes(passed=5)


def test_the_fixtures_close_what_they_opened(pytester: pytest.Pytester) -> None:
    source = """
    import socket
    import threading

    import pytest

    from plivo_agentstack.agent import VoiceApp
    from plivo_agentstack.testing import SayStep

    app = VoiceApp()
    left = {}


    @app.on_turn_completed
    def turn(session, event):  # a sync handler: runs in the app's worker threads
        session.speak("ok")


    @pytest.fixture
    def anyio_backend():
        return "asyncio"


    @pytest.mark.anyio
    async def test_open_things(fake_plivo, voice_call):
        left["threads"] = set(threading.enumerate())
        left["server"] = fake_plivo.serve()
        left["http"] = fake_plivo.http()
        async_client = fake_plivo.async_client()
        left["async_http"] = async_client._http
        left["sync_http"] = fake_plivo.client()._http
        result = await voice_call(app, [SayStep("hello")])
        assert result.spoken_text == ["ok"]
        left["call"] = await voice_call.connect(app).__aenter__()  # never exited
        await left["call"].say("and again")  # the app's worker threads run the handler
        left["started"] = set(threading.enumerate()) - left["threads"]
        names = sorted(thread.name.split("_")[0] for thread in left["started"])
        listeners = [left["server"].base_url, left["server"].lookup_url]
        ports = sorted("FakePlivo-" + url.rsplit(":", 1)[1] for url in listeners)
        assert names == [*ports, "voiceapp-handler"]


    def test_everything_was_closed():
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", left["server"].port), timeout=1).close()
        assert left["http"].is_closed
        assert left["async_http"].is_closed
        assert left["sync_http"].is_closed
        assert left["call"].ended
        assert not app.calls
        for thread in left["started"]:  # the app's worker thread, the server's
            thread.join(timeout=5)
            assert not thread.is_alive(), thread
    """
    result = run_user_suite(pytester, textwrap.dedent(source))
    result.assert_outcomes(passed=2)


def test_a_failing_user_test_reports_its_own_failure(pytester: pytest.Pytester) -> None:
    source = """
    import pytest

    from plivo_agentstack.agent import VoiceApp


    @pytest.fixture
    def anyio_backend():
        return "asyncio"


    @pytest.mark.anyio
    async def test_fails_inside_the_call(voice_call):
        async with voice_call.connect(VoiceApp()) as call:
            assert call.spoken_text == ["never said"]
    """
    result = run_user_suite(pytester, textwrap.dedent(source))
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*assert [[][]] == [[]'never said'[]]*"])
    result.stdout.no_fnmatch_line("*error*teardown*")


# --------------------------------------------------------------------------------------------
# Our own suite uses the fixtures too (registered through the same entry point)
# --------------------------------------------------------------------------------------------


def test_the_plugin_is_registered(request: pytest.FixtureRequest) -> None:
    assert request.config.pluginmanager.hasplugin("plivo_agentstack")


async def test_fake_plivo_serves_both_flavours(fake_plivo: FakePlivo) -> None:
    assert not fake_plivo.agents and not fake_plivo.requests
    async with fake_plivo.async_client() as aclient:
        created = await aclient.agent.agents.create(agent_name="Bot", websocket_url="wss://x/ws")
    (agent_uuid,) = fake_plivo.agents
    assert created.agent_uuid == agent_uuid
    with fake_plivo.client() as client:
        fetched = client.agent.agents.get(agent_uuid)
    assert fetched.agent_name == "Bot"
    assert [r.operation_id for r in fake_plivo.requests] == ["create_agent", "get_agent"]


@pytest.mark.parametrize(
    "fake_plivo", [{"auth_id": "MAOTHERAUTHID0000000", "auth_token": "secret"}], indirect=True
)
def test_fake_plivo_takes_options(fake_plivo: FakePlivo) -> None:
    assert (fake_plivo.auth_id, fake_plivo.auth_token) == ("MAOTHERAUTHID0000000", "secret")
    fake_plivo.add_number(CALLER)
    with fake_plivo.client() as client:
        client.messages.create(dst=CALLEE, src=CALLER, text="hi")
    assert fake_plivo.requests[0].path.startswith("/v1/Account/MAOTHERAUTHID0000000/")


def test_the_fixture_types_are_public(fake_plivo: FakePlivo, voice_call: VoiceCalls) -> None:
    """The fixtures give the classes ``plivo_agentstack.testing`` exports for annotations."""
    assert type(fake_plivo) is FakePlivo
    assert type(voice_call) is VoiceCalls
    assert {"FakePlivo", "VoiceCalls"} <= set(plivo_agentstack.testing.__all__)


def test_the_fixture_types_import_without_pytest() -> None:
    """Application code can annotate with ``VoiceCalls`` without pytest being imported."""
    code = (
        "import sys; from plivo_agentstack.testing import FakePlivo, VoiceCalls; "
        "print('pytest' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


async def test_voice_call_plays_a_script(voice_call: VoiceCalls) -> None:
    app = order_app()
    spy = ShutdownSpy(app)
    result = await voice_call(
        app, [SayStep("hi"), ToolStep("lookup_order", {"order_id": "A-7"})], caller=CALLER
    )
    assert result.expect_tool_result("lookup_order") == {
        "status": "shipped",
        "order": {"order_id": "A-7"},
    }
    result.expect_ok()
    assert voice_call.results == [result]
    assert spy.count == 1  # the fixture served it in-process, so it shut it down


async def test_voice_call_connect_gives_a_simulator(voice_call: VoiceCalls) -> None:
    from plivo_agentstack.testing import CallSimulator

    app = order_app()
    spy = ShutdownSpy(app)
    async with voice_call.connect(app, callee=CALLEE) as call:
        assert isinstance(call, CallSimulator)
        assert call.callee == CALLEE
        await call.say("I want a human")
        assert call.result.transfers
        assert spy.count == 0
    assert call.ended and voice_call.results[-1].ok
    assert spy.count == 1


async def test_concurrent_calls_shut_the_app_down_once(voice_call: VoiceCalls) -> None:
    app = order_app()
    spy = ShutdownSpy(app)
    async with voice_call.connect(app) as first, voice_call.connect(app) as second:
        results = await asyncio.gather(
            voice_call(app, [ToolStep("lookup_order", {"order_id": "1"})]),
            second.tool("lookup_order", order_id="2"),
            first.tool("lookup_order", order_id="3"),
        )
        assert results[1] == {"status": "shipped", "order": {"order_id": "2"}}
        assert spy.count == 0
    assert spy.count == 1
    assert len(voice_call.results) == 3


async def test_an_app_the_user_serves_is_not_shut_down(voice_call: VoiceCalls) -> None:
    app = order_app()
    async with app.serving("127.0.0.1", 0) as server:
        spy = ShutdownSpy(app)
        # Over its URL: the user serves the app, the fixture only connects to it.
        result = await voice_call(server.url, [ToolStep("lookup_order", {"order_id": "A-7"})])
        assert result.tool_results["lookup_order"]["status"] == "shipped"
        # In-process while the user's server has a call going: the app stays up.
        async with voice_call.connect(server.url) as served_call:
            await voice_call(app, [SayStep("hello")])
            assert await served_call.tool("lookup_order", order_id="B") is not None
        assert spy.count == 0


async def test_bad_options_fail_before_the_call(voice_call: VoiceCalls) -> None:
    with pytest.raises(ValueError, match="timeout"):
        voice_call.connect(order_app(), timeout=0)
    with pytest.raises(ValueError, match="ws://"):
        await voice_call("http://not-a-websocket", [SayStep("hi")])
    assert voice_call.results == []


@pytest.fixture
def leftover_calls() -> Iterator[tuple[VoiceCalls, asyncio.AbstractEventLoop]]:
    """A VoiceCalls on an event loop that outlives the test (as pytest-asyncio's may)."""
    loop = asyncio.new_event_loop()
    try:
        yield VoiceCalls(), loop
    finally:
        loop.close()


def test_teardown_ends_calls_left_open(
    leftover_calls: tuple[VoiceCalls, asyncio.AbstractEventLoop],
) -> None:
    calls, loop = leftover_calls
    app = order_app()
    spy = ShutdownSpy(app)
    call = loop.run_until_complete(calls.connect(app).__aenter__())
    assert not call.ended and spy.count == 0
    calls.close()  # what the fixture's teardown does
    assert call.ended and not app.calls
    assert spy.count == 1
    assert [result.ok for result in calls.results] == [True]
    calls.close()  # idempotent
    assert spy.count == 1
