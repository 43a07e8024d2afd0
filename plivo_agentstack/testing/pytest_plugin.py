"""pytest fixtures for testing code built on plivo-agentstack offline (no account, no network).

The plugin is registered through the package's ``pytest11`` entry point, so the fixtures are
available in every test suite of a project that has ``plivo-agentstack`` installed (disable
it with ``-p no:plivo_agentstack``):

``fake_plivo``
    A fresh :class:`~plivo_agentstack.testing.FakePlivo` per test. ``fake_plivo.async_client()``
    and ``fake_plivo.client()`` give SDK clients of both flavours wired to it; the HTTP pools
    and ``fake_plivo.serve()`` servers it made are closed after the test. Parametrize it
    indirectly with a mapping of ``FakePlivo`` keyword arguments to change the credentials.

``voice_call``
    A :class:`~plivo_agentstack.testing.VoiceCalls` that simulates calls against your
    :class:`~plivo_agentstack.agent.VoiceApp` (served in-process) or a ``ws://`` URL.
    ``await voice_call(app, steps)`` plays a script and returns the
    :class:`~plivo_agentstack.testing.CallResult`; ``async with voice_call.connect(app) as
    call`` gives a :class:`~plivo_agentstack.testing.CallSimulator` to drive step by step.
    Keyword options go to ``simulate_call`` / ``CallSimulator`` (``timeout``, ``caller`` ...).
    A plain fixture whose methods are coroutines, so it works with anyio's pytest plugin,
    pytest-asyncio or any other. Calls still open at teardown are ended, and an app the
    fixture served in-process is shut down (``await app.shutdown()``) once its last simulated
    call is over, unless the app is also serving calls of its own.

Annotate test parameters with ``FakePlivo`` and ``VoiceCalls`` (both in
``plivo_agentstack.testing``, importable without pytest). Example::

    import pytest
    from plivo_agentstack.testing import FakePlivo, SayStep, ToolStep, VoiceCalls

    from myproject.agent import app


    def test_sms(fake_plivo: FakePlivo) -> None:
        fake_plivo.add_number("+14155550100")  # the account owns the sender, as yours must
        with fake_plivo.client() as client:
            client.messages.create(dst="+14155550101", src="+14155550100", text="hi")
        assert len(fake_plivo.messages) == 1


    @pytest.mark.anyio  # or @pytest.mark.asyncio with pytest-asyncio
    async def test_order_status(voice_call: VoiceCalls) -> None:
        result = await voice_call(
            app, [SayStep("Where is my order?"), ToolStep("lookup_order", {"order_id": "A-7"})]
        )
        assert result.expect_tool_result("lookup_order")["status"] == "shipped"

        async with voice_call.connect(app) as call:
            await call.say("I want a human")
            assert call.result.transfers
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from ._voice_calls import VoiceCalls, run_coroutine

if TYPE_CHECKING:
    import httpx

    from .fake_api import FakePlivo, FakeServer

__all__ = ["VoiceCalls", "fake_plivo", "voice_call"]


class _FakeResources:
    """The HTTP pools and servers a ``fake_plivo`` made, closed at teardown."""

    def __init__(self, fake: FakePlivo) -> None:
        self.clients: list[httpx.Client] = []
        self.async_clients: list[httpx.AsyncClient] = []
        self.servers: list[FakeServer] = []
        http, async_http, serve = fake.http, fake.async_http, fake.serve

        def tracked_http() -> httpx.Client:
            client = http()
            self.clients.append(client)
            return client

        def tracked_async_http() -> httpx.AsyncClient:
            client = async_http()
            self.async_clients.append(client)
            return client

        def tracked_serve(host: str = "127.0.0.1", port: int = 0) -> FakeServer:
            server = serve(host, port)
            self.servers.append(server)
            return server

        # Instance attributes shadow the methods; client()/async_client() call them too.
        for name, wrapper, original in (
            ("http", tracked_http, http),
            ("async_http", tracked_async_http, async_http),
            ("serve", tracked_serve, serve),
        ):
            wrapper.__doc__ = original.__doc__
            setattr(fake, name, wrapper)

    def close(self) -> None:
        """Close every server and pool that is still open."""
        for server in self.servers:
            server.close()
        for client in self.clients:
            client.close()
        pending = [client for client in self.async_clients if not client.is_closed]
        if pending:

            async def close_all() -> None:
                for client in pending:
                    await client.aclose()

            # The pools use the fake's in-memory transport: no socket is tied to a loop.
            run_coroutine(None, close_all)


@pytest.fixture
def fake_plivo(request: pytest.FixtureRequest) -> Iterator[FakePlivo]:
    """A fresh FakePlivo for one test; what it opened (pools, servers) is closed afterwards."""
    from .fake_api import FakePlivo

    options = getattr(request, "param", None) or {}
    fake = FakePlivo(**options)
    resources = _FakeResources(fake)
    try:
        yield fake
    finally:
        resources.close()


@pytest.fixture
def voice_call() -> Iterator[VoiceCalls]:
    """Simulate calls against VoiceApps; open calls and in-process apps are cleaned up after."""
    calls = VoiceCalls()
    try:
        yield calls
    finally:
        calls.close()
