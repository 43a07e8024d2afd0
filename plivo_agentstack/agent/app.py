"""``VoiceApp``: the WebSocket server the platform connects to for every call.

Register handlers with decorators, then serve standalone (``app.run()`` / ``await app.serve()``)
or mount ``app.asgi`` in any ASGI server (uvicorn, Starlette, FastAPI)::

    app = VoiceApp()

    @app.on("tool.called")
    async def on_tool(session, event):
        session.send_tool_result(event.id, {"status": "shipped"})

    app.run(port=9000)

Handlers may be ``async def`` (run on the event loop) or plain functions (run in worker threads,
so they never block the loop or other calls). Events of one call are handled in arrival order.
A malformed frame or a handler exception is reported to ``on_handler_error`` and the call goes on.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hmac
import inspect
import logging
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from ssl import SSLContext
from typing import Any, ParamSpec, TypeVar

import attrs
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.http11 import Request, Response

from plivo_agentstack._logs import log_from_env

from ._asgi import ASGIApp
from ._auth import Admission, ConnectRequest, check_secret, protect_logs
from ._call import CallLimits, CallRunner
from ._dispatch import Dispatcher, handler
from ._drain import EXIT_SIGNALS, chain_exit_signals, wait_for_calls
from ._probes import DRAINING, Probe, probe_answer, quiet_probe_logs
from ._transport import (
    GOING_AWAY,
    POLICY_VIOLATION,
    ASGIReceive,
    ASGISend,
    ASGITransport,
    WebsocketsTransport,
)
from .session import DEFAULT_MAX_QUEUE, DEFAULT_MAX_QUEUE_BYTES

__all__ = ["VoiceApp", "ConnectRequest", "VoiceServer"]

log: logging.Logger = logging.getLogger("plivo_agentstack.agent")

F = TypeVar("F", bound=Callable[..., Any])
P = ParamSpec("P")
R = TypeVar("R")
DEFAULT_AUTH_PARAM = "agentSecret"


@attrs.frozen
class VoiceServer:
    """A running standalone server (from ``app.serving()``)."""

    host: str
    port: int
    secure: bool = False  # served with TLS (``ssl=``)

    @property
    def url(self) -> str:
        """The URL the server listens on: ``ws://`` or, with TLS, ``wss://``."""
        return f"{'wss' if self.secure else 'ws'}://{self.host}:{self.port}"


class VoiceApp:
    """The server side of the AgentStack WebSocket protocol: one ``Session`` per call.

    What one peer can make the server hold is bounded (the README, "Security", has the details):

    - ``max_frame_size`` (1 MiB): a larger inbound frame ends the call with 1009;
    - ``max_bad_frames`` (100): a call's malformed frames (not JSON, not an object, no
      ``type``, binary) are each reported; one more ends the call with 1008 (policy
      violation). ``None`` never ends a call for them. Without ``on_handler_error``, the
      reports of a call are logged one by one for the first 5, then summarised in one line
      at most every 10 s; malformed frames are logged without a traceback;
    - ``max_queue`` (1,000 messages) and ``max_queue_bytes`` (4 MiB) bound a call's outbound
      queue, counting what is being sent: a full queue refuses the message with
      ``WebSocketError``;
    - ``send_timeout`` (20 s): a call whose messages make no progress that long (the peer
      stopped reading; its TCP window is full) is dropped within another quarter of it: its
      socket is aborted (or, under an ASGI server other than uvicorn, its tasks cancelled)
      and ``on_disconnect`` runs. A socket buffering more than ``max_queue_bytes`` + 1 MiB
      for a peer that keeps sending without reading (e.g. a ping flood) is aborted at once;
    - ``ping_interval`` / ``ping_timeout`` (20 s / 20 s): keepalive pings; a peer that does
      not answer one within ``ping_timeout`` is dropped. Standalone, ``open_timeout`` (10 s)
      bounds the opening handshake and ``close_timeout`` (10 s) the closing one; under
      uvicorn, use ``uvicorn_config()`` (``plivo_agentstack.agent.asgi_serving``), which
      applies the same values.

    On deploy (SIGTERM), calls are not cut: the app stops accepting calls and waits up to
    ``drain_timeout`` (15 min) for those in progress to end, then closes the rest with 1001
    after flushing (``drain()``; README, "Deploying"). ``shutdown_timeout`` (10 s) bounds
    that closing, ``flush_timeout`` (2 s) each call's flush.
    """

    def __init__(
        self,
        *,
        auth_secret: str | None = None,
        auth_param: str = DEFAULT_AUTH_PARAM,
        authenticate: Callable[[ConnectRequest], bool | Awaitable[bool]] | None = None,
        max_queue: int = DEFAULT_MAX_QUEUE,
        flush_timeout: float = 2.0,
        shutdown_timeout: float = 10.0,
        drain_timeout: float = 900.0,
        handler_threads: int = 256,
        max_frame_size: int = 2**20,
        ping_interval: float | None = 20.0,
        ping_timeout: float | None = 20.0,
        send_timeout: float | None = 20.0,
        open_timeout: float | None = 10.0,
        close_timeout: float | None = 10.0,
        max_queue_bytes: int = DEFAULT_MAX_QUEUE_BYTES,
        max_bad_frames: int | None = 100,
        health_path: str | None = "/healthz",
        ready_path: str | None = "/readyz",
    ) -> None:
        log_from_env()
        for name, path in (("health_path", health_path), ("ready_path", ready_path)):
            if path is not None and (not isinstance(path, str) or not path.startswith("/")):
                raise ValueError(f"{name} must be a path starting with '/', or None: {path!r}")
        if not drain_timeout >= 0:
            raise ValueError(f"drain_timeout must be >= 0 seconds, got {drain_timeout}")
        if max_queue < 1:
            raise ValueError(f"max_queue must be at least 1, got {max_queue}")
        if handler_threads < 1:
            raise ValueError(f"handler_threads must be at least 1, got {handler_threads}")
        if max_queue_bytes < 1:
            raise ValueError(f"max_queue_bytes must be at least 1, got {max_queue_bytes}")
        if max_bad_frames is not None and max_bad_frames < 0:
            raise ValueError(f"max_bad_frames must be >= 0 or None, got {max_bad_frames}")
        for name, value in (
            ("ping_interval", ping_interval),
            ("ping_timeout", ping_timeout),
            ("send_timeout", send_timeout),
            ("open_timeout", open_timeout),
            ("close_timeout", close_timeout),
        ):
            if value is not None and not value > 0:
                raise ValueError(f"{name} must be a positive number of seconds or None")
        check_secret(auth_secret)
        self.auth_secret = auth_secret
        self.auth_param = auth_param
        self.authenticate = authenticate
        self.max_queue = max_queue
        self.flush_timeout = flush_timeout
        self.shutdown_timeout = shutdown_timeout
        self.drain_timeout = drain_timeout
        self.handler_threads = handler_threads
        self.max_frame_size = max_frame_size
        self.ping_interval = ping_interval
        self.ping_timeout = ping_timeout
        self.send_timeout = send_timeout
        self.open_timeout = open_timeout
        self.close_timeout = close_timeout
        self.max_queue_bytes = max_queue_bytes
        self.max_bad_frames = max_bad_frames
        self.health_path = health_path  # GET: 200 while the process serves
        self.ready_path = ready_path  # GET: 200 while calls are accepted, 503 once shutting down
        self.accepting: bool = True
        self._drain_end: asyncio.Event | None = None  # set to end a drain early
        quiet_probe_logs(health_path, ready_path)
        self.calls: set[CallRunner] = set()
        self.dispatcher: Dispatcher = Dispatcher(handler_threads)  # the handlers and how they run
        self._asgi: ASGIApp | None = None
        # Standalone server: the admission of each handshake, until its handler starts.
        self._admissions: weakref.WeakKeyDictionary[ServerConnection, Admission] = (
            weakref.WeakKeyDictionary()
        )
        if self.requires_auth:
            protect_logs(self)

    # --- registration ----------------------------------------------------------------------

    def on(self, event_type: str, *, replace: bool = False) -> Callable[[F], F]:
        """Register the handler of one event type, e.g. ``@app.on("tool.called")``.

        One handler per type: registering a second raises ``ValueError`` unless
        ``replace=True``. A type this SDK does not know warns with the closest known one.
        """
        if not isinstance(event_type, str) or not event_type:
            raise TypeError("@app.on() needs the event type string, e.g. @app.on('tool.called')")

        def register(fn: F) -> F:
            self.dispatcher.register(event_type, fn, replace=replace)
            return fn

        return register

    def tool(self, name: str, *, replace: bool = False) -> Callable[[F], F]:
        """Register ``fn(session, call)`` for the tool ``name``: its return value is sent as
        ``tool.result``, an exception as ``tool.error`` (``@app.on_tool_call`` gets the rest)."""

        def register(fn: F) -> F:
            self.dispatcher.register_tool(name, fn, replace=replace)
            return fn

        return register

    def on_event(self, fn: F) -> F:
        """Register a catch-all handler; it runs before the typed handler of each event."""
        self.dispatcher.catch_all = handler(fn)
        return fn

    def on_connect(self, fn: F) -> F:
        """Register ``fn(session)``, run when the platform opens a call's WebSocket."""
        self.dispatcher.on_connect = handler(fn)
        return fn

    def on_disconnect(self, fn: F) -> F:
        """Register ``fn(session)``, run exactly once when a call's WebSocket is gone."""
        self.dispatcher.on_disconnect = handler(fn)
        return fn

    def on_handler_error(self, fn: F) -> F:
        """Register ``fn(session, event_or_None, exc)`` for handler errors and bad frames."""
        self.dispatcher.on_error = handler(fn)
        return fn

    def on_setup(self, fn: F) -> F:
        """Shortcut for ``@app.on("session.started")``."""
        return self.on("session.started")(fn)

    def on_tool_call(self, fn: F) -> F:
        """Shortcut for ``@app.on("tool.called")``."""
        return self.on("tool.called")(fn)

    def on_turn_completed(self, fn: F) -> F:
        """Shortcut for ``@app.on("turn.completed")``."""
        return self.on("turn.completed")(fn)

    def on_session_ended(self, fn: F) -> F:
        """Shortcut for ``@app.on("session.ended")``."""
        return self.on("session.ended")(fn)

    def on_error(self, fn: F) -> F:
        """Shortcut for ``@app.on("session.error")`` (errors reported by the platform)."""
        return self.on("session.error")(fn)

    def run_in_thread(
        self, fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs
    ) -> asyncio.Future[R]:
        """Run ``fn(*args, **kwargs)`` in one of the app's handler threads; await its result.

        Typed like ``fn``: the arguments are checked against its signature and awaiting the
        future gives what ``fn`` returns (or raises what it raised). It runs in a copy of the
        caller's context, so context variables set on the loop are seen by ``fn``.
        """
        if kwargs:
            return self.dispatcher.run_in_thread(functools.partial(fn, *args, **kwargs))
        return self.dispatcher.run_in_thread(fn, *args)

    # --- authentication --------------------------------------------------------------------

    @property
    def requires_auth(self) -> bool:
        """Whether connections are checked (``auth_secret`` or ``authenticate`` is set)."""
        return self.auth_secret is not None or self.authenticate is not None

    async def admit(self, request: ConnectRequest) -> Admission | None:
        """Check a new connection; the ``Admission`` returned is what ``run_call`` needs."""
        if self.requires_auth and not await self.is_authorized(request):
            log.warning("rejected a WebSocket connection from %s", request.remote)
            return None
        return Admission(request, self)

    async def is_authorized(self, request: ConnectRequest) -> bool:
        """Check a new connection against ``auth_secret`` and/or ``authenticate``.

        The secret is read from the ``agentSecret`` header (``auth_param``), or from the query
        parameter of the same name; prefer the header: query strings end up in access logs.
        """
        if self.auth_secret is not None:
            offered = request.headers.get(self.auth_param) or request.query.get(self.auth_param)
            if offered is None or not hmac.compare_digest(
                offered.encode("utf-8", "surrogateescape"), self.auth_secret.encode()
            ):
                return False
        if self.authenticate is not None:
            try:
                verdict = self.authenticate(request)
                if inspect.isawaitable(verdict):
                    verdict = await verdict
            except Exception:  # noqa: BLE001 - a failing check rejects the connection
                log.exception("authenticate() raised; rejecting the connection")
                return False
            return verdict is True
        return True

    # --- serving ---------------------------------------------------------------------------

    def run_call(
        self, transport: ASGITransport | WebsocketsTransport, admission: Admission
    ) -> Awaitable[None]:
        """Serve one accepted WebSocket as a call (await it; used by every server flavour).

        ``admission`` comes from ``admit()``: a connection that did not pass the check cannot
        become a call, whichever way it was served.
        """
        if type(admission) is not Admission or admission.app is not self:
            raise TypeError("run_call() needs the Admission that this app's admit() returned")
        # Not ``async def``: every frame resumes each coroutine of the await chain, so the
        # call's own coroutine is handed to the server as is.
        return CallRunner(self.call_limits, self.dispatcher, self.calls, transport).run()

    @property
    def call_limits(self) -> CallLimits:
        """The limits a call starting now gets (from this app's options)."""
        return CallLimits(
            self.max_queue,
            self.max_queue_bytes,
            self.send_timeout,
            self.flush_timeout,
            self.max_bad_frames,
        )

    def _websockets_handler(self, connection: ServerConnection) -> Awaitable[None]:
        admission = self._admissions.pop(connection, None)
        if admission is None:  # not checked by _process_request: never serve it
            return connection.close(POLICY_VIOLATION, "not authorized")
        return self.run_call(WebsocketsTransport(connection), admission)

    def probe(self, target: str) -> Probe | None:
        """The health/readiness answer ``(status, body)`` to a ``GET`` of ``target``, or None."""
        return probe_answer(target, self.health_path, self.ready_path, self.accepting)

    async def _process_request(
        self, connection: ServerConnection, request: Request
    ) -> Response | None:
        answer = self.probe(request.path)
        if answer is not None:  # a plain GET from a load balancer: before any auth
            return connection.respond(*answer)
        connect = ConnectRequest.from_target(
            request.path, request.headers.raw_items(), connection.remote_address
        )
        if not self.accepting:  # draining: the load balancer sends the call elsewhere
            return connection.respond(*DRAINING)
        admission = await self.admit(connect)
        if admission is None:
            return connection.respond(401, "Unauthorized\n")
        self._admissions[connection] = admission
        return None

    @contextlib.asynccontextmanager
    async def serving(
        self, host: str = "0.0.0.0", port: int = 9000, *, ssl: SSLContext | None = None
    ) -> AsyncIterator[VoiceServer]:
        """Serve while the ``async with`` block runs; on exit, close every call gracefully.

        ``ssl``: a server-side ``ssl.SSLContext`` (certificate loaded) to serve ``wss://``.
        """
        if ssl is not None and not isinstance(ssl, SSLContext):
            raise TypeError(f"ssl must be an ssl.SSLContext, got {type(ssl).__name__}")
        self.accepting = True
        server: Server = await serve(
            self._websockets_handler,
            host,
            port,
            process_request=self._process_request,
            logger=logging.getLogger("websockets.server"),  # filtered by SecretRedactor
            compression=None,
            max_size=self.max_frame_size,
            ping_interval=self.ping_interval,
            ping_timeout=self.ping_timeout,
            open_timeout=self.open_timeout,
            close_timeout=self.close_timeout,
            ssl=ssl,
        )
        bound = server.sockets[0].getsockname()
        info = VoiceServer(host=host, port=int(bound[1]), secure=ssl is not None)
        log.info("VoiceApp listening on %s", info.url)
        try:
            yield info
        finally:
            server.close(close_connections=False)
            await self.shutdown()
            await server.wait_closed()

    async def serve(
        self, host: str = "0.0.0.0", port: int = 9000, *, ssl: SSLContext | None = None
    ) -> None:
        """Serve until cancelled (for embedding in your own asyncio program)."""
        async with self.serving(host, port, ssl=ssl):
            await asyncio.get_running_loop().create_future()

    def run(
        self, host: str = "0.0.0.0", port: int = 9000, *, ssl: SSLContext | None = None
    ) -> None:
        """Serve until SIGINT or SIGTERM, then close every call gracefully and return."""
        asyncio.run(self._run_until_signal(host, port, ssl))

    async def _run_until_signal(self, host: str, port: int, ssl: SSLContext | None) -> None:
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()

        def on_signal() -> None:
            if stop.is_set():
                self.end_drain()
            stop.set()

        for sig in EXIT_SIGNALS:
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, on_signal)
        async with self.serving(host, port, ssl=ssl):
            await stop.wait()
            await self.drain()
        log.info("VoiceApp stopped")

    async def drain(self, timeout: float | None = None) -> None:
        """Stop accepting calls, let those in progress end, then ``shutdown()`` the rest.

        From its start the readiness probe and new WebSocket upgrades get 503. It waits up to
        ``timeout`` seconds (default ``drain_timeout``) or until ``end_drain()``, logging the
        calls left, then closes what remains with 1001 after flushing. SIGTERM runs this under
        ``app.run()`` and under uvicorn (README, "Deploying").
        """
        self.accepting = False
        limit = self.drain_timeout if timeout is None else timeout
        ended = self._drain_end = asyncio.Event()
        try:
            if self.calls:
                log.info(
                    "draining: no new calls; waiting up to %.0f s for %d", limit, len(self.calls)
                )
                outcome = await wait_for_calls(self.calls, limit, ended)
                if outcome == "done":
                    log.info("drained: every call ended by itself")
                else:
                    why = "the drain timeout passed" if outcome == "timeout" else "it was ended"
                    log.warning("drain: %s; closing %d call(s) with 1001", why, len(self.calls))
            await self.shutdown()
        finally:
            self._drain_end = None

    @property
    def draining(self) -> bool:
        """Whether ``drain()`` is in progress."""
        return self._drain_end is not None

    def drain_on_signals(self) -> bool:
        """Make the running server's SIGTERM/SIGINT drain this app before the server stops.

        ``app.asgi`` does it when its lifespan starts; call it from your own lifespan when the
        app is mounted in Starlette/FastAPI under uvicorn (which would otherwise close every
        WebSocket at once on SIGTERM). Returns whether a handler was wrapped (only a server's
        ``signal.signal`` handlers, from the main thread).
        """
        self.accepting = True
        return chain_exit_signals(asyncio.get_running_loop(), self.drain, self.end_drain)

    def end_drain(self) -> None:
        """End a drain in progress now: its remaining calls are closed (what a 2nd signal does)."""
        if self._drain_end is not None:
            self._drain_end.set()

    async def shutdown(self) -> None:
        """Close every open call with 1001 (going away) after flushing its queue, and wait
        for them, bounded by ``shutdown_timeout``. Use ``drain()`` to let calls end first.

        From its start the readiness probe answers 503.
        """
        self.accepting = False
        calls = list(self.calls)
        for call in calls:
            call.stop(GOING_AWAY)
        tasks = [call.task for call in calls if call.task is not None]
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=self.shutdown_timeout)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending, timeout=self.flush_timeout + 1.0)
        self.dispatcher.shutdown()

    async def __call__(
        self, scope: Mapping[str, Any], receive: ASGIReceive, send: ASGISend
    ) -> None:
        """The app is an ASGI application too: ``uvicorn myapp:app``, ``gunicorn myapp:app``."""
        await self.asgi(scope, receive, send)

    @property
    def asgi(self) -> ASGIApp:
        """This app as an ASGI application (``uvicorn module:app.asgi``, or mount it)."""
        if self._asgi is None:
            self._asgi = ASGIApp(self)
        return self._asgi

    def uvicorn_config(self, **overrides: Any) -> dict[str, Any]:
        """``uvicorn.Config`` / ``uvicorn.run`` keyword arguments that serve this app safely.

        See ``plivo_agentstack.agent.asgi_serving``: no compression, ``ws_max_size`` =
        ``max_frame_size``, the app's keepalive, unfinished handshakes closed after
        ``open_timeout``. Use ``uvicorn.Config(app.asgi, **app.uvicorn_config(port=9000))``.
        """
        from .asgi_serving import uvicorn_config

        return uvicorn_config(self, **overrides)

    async def handle_starlette(self, websocket: Any) -> None:
        """Serve a Starlette/FastAPI ``WebSocket`` as one call, after the app's auth check.

        Pass the socket before accepting it: it is accepted only when the check passes, and a
        refused client gets HTTP 403 without reaching a handler. A socket you already accepted
        works too; a refused one is then closed with 1008 (policy violation).
        """
        accepted = getattr(websocket.client_state, "name", None) != "CONNECTING"
        if not self.accepting:  # draining: refused before auth, as every flavour does
            await websocket.close(code=GOING_AWAY)
            return
        admission = await self.admit(ConnectRequest.from_scope(websocket.scope))
        if admission is None:
            await websocket.close(code=POLICY_VIOLATION)
            return
        if not accepted:
            await websocket.accept()
        await self.run_call(
            ASGITransport(websocket.receive, websocket.send, self.max_frame_size), admission
        )

    handle_fastapi = handle_starlette
