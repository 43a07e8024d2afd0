"""``VoiceCalls``: what the ``voice_call`` pytest fixture gives a test (annotate with it).

Kept apart from the plugin so that importing the type does not import pytest.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import asyncio

    from plivo_agentstack.agent import VoiceApp

    from .simulator import CallResult, CallSimulator, ScriptLike

__all__ = ["VoiceCalls", "run_coroutine"]

log: logging.Logger = logging.getLogger("plivo_agentstack.testing")

_T = TypeVar("_T")


def run_coroutine(
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
                if not run_coroutine(loop, connection.close):
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
        if run_coroutine(loop, app.shutdown):
            return
        if loop.is_closed():
            # The test's loop is gone and cancelled the calls, which may leave dead records
            # behind: drop them, so that shutdown() has only the worker threads to stop.
            app.calls.clear()
            if run_coroutine(None, app.shutdown):
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
