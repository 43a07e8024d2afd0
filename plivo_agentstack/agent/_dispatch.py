"""Handler dispatch: the registered handlers, how each one runs, and where their errors go.

``VoiceApp``'s decorators fill a :class:`Dispatcher`; the call runner asks it to run handlers
and to report errors. Sync handlers run on the app's handler threads (created on first use);
errors go to ``on_handler_error``, else to a per-call rate-limited log, and to the observers
added with :meth:`Dispatcher.observe_errors` (the call simulator records them that way).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import difflib
import functools
import inspect
import warnings
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from plivo_agentstack.errors import WebSocketError

from ._limits import ReportLog
from ._workers import HandlerThreads
from .events import EVENT_TYPES, ToolCall
from .session import Session

if TYPE_CHECKING:
    from plivo_agentstack._telemetry import CallTelemetry

__all__ = ["Dispatcher", "Handler", "handler"]

TOOL_CALLED = "tool.called"

ErrorObserver = Callable[[Session, Any, BaseException], None]


@attrs.frozen
class Handler:
    """A registered handler and whether it is a coroutine function (run on the loop)."""

    fn: Callable[..., Any]
    is_async: bool


def handler(fn: Callable[..., Any]) -> Handler:
    """Wrap ``fn`` (a function, coroutine function, partial or callable object)."""
    if not callable(fn):
        raise TypeError(f"a handler must be callable, got {type(fn).__name__}")
    return Handler(fn, _is_async_callable(fn))


def _is_async_callable(fn: Callable[..., Any]) -> bool:
    while isinstance(fn, functools.partial):
        fn = fn.func
    return inspect.iscoroutinefunction(fn) or inspect.iscoroutinefunction(
        getattr(fn, "__call__", None)  # noqa: B004 - a class instance with ``async def __call__``
    )


class Dispatcher:
    """The handlers of one app and how they run; shared by all of its calls."""

    def __init__(self, handler_threads: int) -> None:
        self.handler_threads = handler_threads
        self.handlers: dict[str, Handler] = {}
        self.tools: dict[str, Handler] = {}  # @app.tool(name): one handler per tool name
        self._tool_fallback: Handler | None = None  # on("tool.called") beside @app.tool
        self.catch_all: Handler | None = None
        self.on_connect: Handler | None = None
        self.on_disconnect: Handler | None = None
        self.on_error: Handler | None = None
        self._threads: HandlerThreads | None = None
        self._observers: list[ErrorObserver] = []
        self._report_logs: weakref.WeakKeyDictionary[Session, ReportLog] = (
            weakref.WeakKeyDictionary()
        )

    # --- registration --------------------------------------------------------------------

    def register(self, event_type: str, fn: Callable[..., Any], *, replace: bool) -> None:
        """Make ``fn`` the handler of ``event_type``; a second one needs ``replace=True``.

        A type this SDK does not know is registered too (the platform may send it), with a
        warning naming the closest known type: ``"tool.caled"`` is most likely a typo.
        """
        if event_type not in EVENT_TYPES:
            close = difflib.get_close_matches(event_type, sorted(EVENT_TYPES), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            warnings.warn(
                f"@app.on({event_type!r}): not an event type this SDK knows{hint}",
                stacklevel=3,
            )
        new = handler(fn)
        routed = bool(self.tools) and event_type == TOOL_CALLED  # the tools route tool.called
        existing = self._tool_fallback if routed else self.handlers.get(event_type)
        if existing is not None and not replace:
            raise ValueError(
                f"a handler for {event_type!r} is already registered "
                f"({_name(existing.fn)}); pass replace=True to replace it"
            )
        if routed:
            self._tool_fallback = new  # it answers the tool names without their own handler
        else:
            self.handlers[event_type] = new

    def register_tool(self, name: str, fn: Callable[..., Any], *, replace: bool) -> None:
        """Make ``fn(session, call)`` answer ``tool.called`` for tool ``name``.

        Its return value is sent as ``tool.result``; if it raises, ``tool.error`` is sent (and
        the error reported). Other tool names go to the ``tool.called`` handler, if any.
        """
        if not isinstance(name, str) or not name:
            raise TypeError("@app.tool() needs the tool's name, e.g. @app.tool('lookup_order')")
        if name in self.tools and not replace:
            raise ValueError(
                f"a handler for tool {name!r} is already registered "
                f"({_name(self.tools[name].fn)}); pass replace=True to replace it"
            )
        self.tools[name] = handler(fn)
        typed = self.handlers.get(TOOL_CALLED)
        if typed is None or typed.fn != self._route_tool:
            self._tool_fallback = typed
            self.handlers[TOOL_CALLED] = Handler(self._route_tool, True)

    async def _route_tool(self, session: Session, call: Any) -> None:
        tool = self.tools.get(getattr(call, "name", None))  # type: ignore[arg-type]
        if tool is None:
            if self._tool_fallback is not None:
                await self._call(self._tool_fallback, session, call)
            return
        session.send_tool_result(call.id, await self._call(tool, session, call))

    # --- running ---------------------------------------------------------------------------

    async def invoke(
        self,
        handler: Handler,
        *args: Any,
        telemetry: CallTelemetry | None = None,
        label: str = "",
    ) -> bool:
        """Run one handler; report (never raise) its exception; False when it raised.

        With the call's ``telemetry`` (OpenTelemetry configured) it runs in a span of its own,
        named after ``label`` (the event type, or the hook: ``on_connect``, ...).
        """
        event = args[1] if len(args) > 1 else None
        try:
            if telemetry is None:
                await self._call(handler, *args)
            else:
                with telemetry.handler(label, handler.fn, event):
                    await self._call(handler, *args)
        except Exception as exc:  # noqa: BLE001 - user code may raise anything
            await self.failed(handler, args[0], event, exc)
            return False
        return True

    async def failed(self, handler: Handler, session: Session, event: Any, exc: Exception) -> None:
        """A handler raised: answer the tool call it owned with ``tool.error``, then report."""
        if isinstance(event, ToolCall) and handler is self.handlers.get(TOOL_CALLED):
            with contextlib.suppress(WebSocketError):  # the call may be over already
                session.send_tool_error(event.id, str(exc) or type(exc).__name__)
        await self.report(session, event, exc)

    async def _call(self, handler: Handler, *args: Any) -> Any:
        """Run one handler (on the loop, or on a handler thread); return what it returned."""
        if handler.is_async:
            return await handler.fn(*args)
        result = await self.run_in_thread(handler.fn, *args)
        if result is not None and inspect.isawaitable(result):
            return await result
        return result

    def run_in_thread(self, fn: Callable[..., Any], *args: Any) -> asyncio.Future[Any]:
        """Run ``fn(*args)`` in one of the handler threads; await the returned future.

        It runs in a copy of the caller's context, so context variables (a trace id, a log
        correlation id) set before are seen by ``fn``.
        """
        threads = self._threads
        if threads is None:
            threads = self._threads = HandlerThreads(self.handler_threads)
        return threads.run(contextvars.copy_context().run, fn, *args)

    async def dispatch(
        self,
        session: Session,
        event: Any,
        handler: Handler | None,
        telemetry: CallTelemetry | None = None,
        kind: str = "",
    ) -> int:
        """Run the catch-all handler, then ``handler`` (the one registered for the event of
        type ``kind``); return how many of them raised."""
        failures = 0
        catch_all = self.catch_all
        if catch_all is not None:
            if not await self.invoke(catch_all, session, event, telemetry=telemetry, label=kind):
                failures += 1
        if handler is not None:
            if not await self.invoke(handler, session, event, telemetry=telemetry, label=kind):
                failures += 1
        return failures

    def observe_errors(self, observer: ErrorObserver) -> Callable[[], None]:
        """Call ``observer(session, event, exc)`` for every reported error; returns its remover.

        Observers see errors before ``on_handler_error`` (or the log) does; one that raises is
        skipped. For tools (the call simulator) and tests.
        """
        self._observers.append(observer)

        def remove() -> None:
            if observer in self._observers:
                self._observers.remove(observer)

        return remove

    async def report(self, session: Session, event: Any, exc: BaseException) -> None:
        """Give an error to the observers, then ``on_handler_error`` (else the log)."""
        for observer in tuple(self._observers):
            try:
                observer(session, event, exc)
            except Exception:  # noqa: BLE001, S112 - an observer never breaks the call
                continue
        on_error = self.on_error
        if on_error is None:
            self._report_log(session).log(session.call_uuid, exc)
            return
        try:
            await self._call(on_error, session, event, exc)
        except Exception as failure:  # noqa: BLE001 - the error handler itself failed
            error = RuntimeError(f"on_handler_error raised {failure!r} while handling {exc!r}")
            error.__cause__ = failure
            error.__traceback__ = failure.__traceback__
            self._report_log(session).log(session.call_uuid, error)

    def _report_log(self, session: Session) -> ReportLog:
        reports = self._report_logs.get(session)
        if reports is None:
            reports = self._report_logs[session] = ReportLog()
        return reports

    def call_ended(self, session: Session) -> None:
        """Log the summary of the call's errors not logged yet (the call runner calls it)."""
        reports = self._report_logs.pop(session, None)
        if reports is not None:
            reports.flush(session.call_uuid)

    def shutdown(self) -> None:
        """Stop the handler threads (started again on next use)."""
        if self._threads is not None:
            self._threads.shutdown()
            self._threads = None


def _name(fn: Callable[..., Any]) -> str:
    return str(getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None) or repr(fn))
