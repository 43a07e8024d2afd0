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
    Simulates calls against your :class:`~plivo_agentstack.agent.VoiceApp` (served in-process)
    or a ``ws://`` URL. ``await voice_call(app, steps)`` plays a script and returns the
    :class:`~plivo_agentstack.testing.CallResult`; ``async with voice_call.connect(app) as
    call`` gives a :class:`~plivo_agentstack.testing.CallSimulator` to drive step by step.
    Keyword options go to ``simulate_call`` / ``CallSimulator`` (``timeout``, ``caller`` ...).
    A plain fixture whose methods are coroutines, so it works with anyio's pytest plugin,
    pytest-asyncio or any other. Calls still open at teardown are ended, and an app the
    fixture served in-process is shut down (``await app.shutdown()``) once its last simulated
    call is over, unless the app is also serving calls of its own.

Example::

    import pytest
    from plivo_agentstack.testing import SayStep, ToolStep

    from myproject.agent import app


    def test_sms(fake_plivo):
        fake_plivo.add_number("+14155550100")  # the account owns the sender, as yours must
        with fake_plivo.client() as client:
            client.messages.create(dst="+14155550101", src="+14155550100", text="hi")
        assert len(fake_plivo.messages) == 1


    @pytest.mark.anyio  # or @pytest.mark.asyncio with pytest-asyncio
    async def test_order_status(voice_call):
        result = await voice_call(
            app, [SayStep("Where is my order?"), ToolStep("lookup_order", {"order_id": "A-7"})]
        )
        assert result.expect_tool_result("lookup_order")["status"] == "shipped"

        async with voice_call.connect(app) as call:
            await call.say("I want a human")
            assert call.result.transfers
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

if TYPE_CHECKING:
    import asyncio

    import httpx

    from plivo_agentstack.agent import VoiceApp

    from .fake_api import FakePlivo, FakeServer
    from .simulator import CallResult, CallSimulator, ScriptLike

__all__ = ["VoiceCalls", "fake_plivo", "voice_call"]

log = logging.getLogger("plivo_agentstack.testing")

_T = TypeVar("_T")


def _run_coroutine(
    loop: asyncio.AbstractEventLoop | None, make: Callable[[], Awaitable[_T]]
) -> bool:
    """Run ``make()`` to completion on ``loop`` (or a private loop); False if impossible."""
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass
    else:
        return False  # teardown inside a running loop: cannot block on it
    if loop is not None:
        if loop.is_closed() or loop.is_running():
            return False
        loop.run_until_complete(make())
        return True
    private = asyncio.new_event_loop()  # does not replace the thread's current event loop
    try:
        private.run_until_complete(make())
    finally:
        private.close()
    return True


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
            _run_coroutine(None, close_all)


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


class VoiceCalls:
    """The ``voice_call`` fixture: ``await voice_call(app, steps)`` or ``voice_call.connect``."""

    def __init__(self) -> None:
        self.results: list[CallResult] = []
        """The result of every call made through this object, in the order they ended."""
        self._uses: dict[int, int] = {}
        self._served: dict[int, tuple[VoiceApp, asyncio.AbstractEventLoop]] = {}
        self._open: dict[int, tuple[_Connection, asyncio.AbstractEventLoop]] = {}

    async def __call__(
        self, target: VoiceApp | str, script: ScriptLike, **options: Any
    ) -> CallResult:
        """Play ``script`` (steps, a Script or a file) against ``target``, as simulate_call does."""
        from .simulator import simulate_call

        self._acquire(target)
        try:
            result = await simulate_call(target, script, **options)
        finally:
            await self._release(target)
        self.results.append(result)
        return result

    def connect(
        self, target: VoiceApp | str, **options: Any
    ) -> contextlib.AbstractAsyncContextManager[CallSimulator]:
        """Open a call to drive step by step: ``async with voice_call.connect(app) as call``."""
        from .simulator import CallSimulator

        return _Connection(self, CallSimulator(target, **options))  # bad options fail here

    def _acquire(self, target: VoiceApp | str) -> None:
        """Count a call of ours to ``target`` when it is an app we serve in-process."""
        import asyncio

        from plivo_agentstack.agent import VoiceApp

        if isinstance(target, VoiceApp):  # a ws:// URL is an app the user serves
            key = id(target)
            self._uses[key] = self._uses.get(key, 0) + 1
            self._served[key] = (target, asyncio.get_running_loop())

    async def _release(self, target: VoiceApp | str) -> None:
        """Uncount a call; shut the app down after our last one unless it serves others."""
        key = id(target)
        if key not in self._uses or isinstance(target, str):
            return
        self._uses[key] -= 1
        if self._uses[key]:
            return
        del self._uses[key]
        if not _busy(target):
            self._served.pop(key, None)
            await target.shutdown()

    def close(self) -> None:
        """End the calls still open and shut down the apps served in-process (at teardown)."""
        errors: list[Exception] = []
        for connection, loop in list(self._open.values()):
            if loop.is_closed():
                continue  # the test's event loop is gone and took the call's tasks with it
            try:
                if not _run_coroutine(loop, connection.close):
                    log.warning("voice_call: could not end the simulated call %s", connection)
            except Exception as exc:  # noqa: BLE001 - clean up the rest, then raise
                errors.append(exc)
        self._open.clear()
        for app, loop in list(self._served.values()):
            try:
                self._shut_down(app, loop)
            except Exception as exc:  # noqa: BLE001 - clean up the rest, then raise
                errors.append(exc)
        self._served.clear()
        self._uses.clear()
        if errors:
            raise errors[0]

    @staticmethod
    def _shut_down(app: VoiceApp, loop: asyncio.AbstractEventLoop) -> None:
        """Shut down an app served in-process at teardown, unless it serves other calls."""
        if _busy(app):
            return  # calls the user serves: their server shuts the app down
        if _run_coroutine(loop, app.shutdown):
            return
        if loop.is_closed():
            # The test's loop is gone and cancelled the calls, which may leave dead records
            # behind: drop them, so that shutdown() has only the worker threads to stop.
            app.calls.clear()
            if _run_coroutine(None, app.shutdown):
                return
        log.warning("voice_call: could not shut down %r", app)


class _Connection:
    """``voice_call.connect(...)``: opens the call on entry, ends it on exit (or at teardown)."""

    def __init__(self, owner: VoiceCalls, simulator: CallSimulator) -> None:
        self._owner = owner
        self._simulator = simulator

    def __repr__(self) -> str:
        return f"<simulated call {self._simulator.call_id} to {self._simulator.target!r}>"

    async def __aenter__(self) -> CallSimulator:
        import asyncio

        owner, simulator = self._owner, self._simulator
        owner._acquire(simulator.target)
        try:
            await simulator.__aenter__()
        except BaseException:
            await owner._release(simulator.target)
            raise
        owner._open[id(self)] = (self, asyncio.get_running_loop())
        return simulator

    async def __aexit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        owner, simulator = self._owner, self._simulator
        if owner._open.pop(id(self), None) is None:
            return  # never entered, or already closed at teardown
        try:
            await simulator.__aexit__(exc_type, exc, tb)
        finally:
            owner.results.append(simulator.result)
            await owner._release(simulator.target)

    async def close(self) -> None:
        """End the call as a clean exit from the ``async with`` block would."""
        await self.__aexit__(None, None, None)


def _busy(app: VoiceApp) -> bool:
    """Whether ``app`` is serving a call that is still running."""
    return any(call.task is not None and not call.task.done() for call in app.calls)


@pytest.fixture
def voice_call() -> Iterator[VoiceCalls]:
    """Simulate calls against VoiceApps; open calls and in-process apps are cleaned up after."""
    calls = VoiceCalls()
    try:
        yield calls
    finally:
        calls.close()
