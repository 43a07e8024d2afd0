"""A stateful, in-memory fake of the AgentStack REST API for offline tests.

:class:`FakePlivo` implements every operation of the bundled OpenAPI spec
(``plivo_agentstack/testing/openapi.json``): it routes by the spec's paths and methods, checks
Basic auth, validates query parameters and JSON bodies against the spec's request schemas and
keeps agents, calls, sessions, messages and phone numbers in memory. Use it either through
httpx transports (no sockets)::

    fake = FakePlivo()
    async with fake.async_client() as client:          # plivo_agentstack.AsyncClient
        agent = await client.agent.agents.create(agent_name="Bot", websocket_url="wss://x/ws")
    fake.add_number("+14155550100")                    # a sender the account owns
    with fake.client() as client:                      # plivo_agentstack_sync.Client
        client.messages.create(dst="+14155550101", src="+14155550100", text="hi")

or as a real HTTP/1.1 server on localhost::

    with fake.serve() as server:
        client = AsyncClient(fake.auth_id, fake.auth_token, base_url=server.base_url)

or from a shell: ``python -m plivo_agentstack.testing.fake_api`` (binds a free port and prints its
URL; ``--port 8080`` picks one; messages move on every ``--message-interval`` seconds).

Every request is recorded in :attr:`FakePlivo.requests`; :meth:`FakePlivo.fail_next` injects
error statuses or dropped connections, and :meth:`FakePlivo.on_call_initiated` lets a call
simulator react to outbound calls. Outbound messages go ``queued`` -> ``sent`` -> ``delivered``
(or ``failed``, :meth:`FakePlivo.fail_next_delivery`) when :meth:`FakePlivo.advance_messages`
runs, and a message sent with a ``url`` gets a v3-signed status callback at each status.

This module holds the state, the public API and the request pipeline (routing, faults, auth,
validation); the ``_op_<operation_id>`` handlers live in one mixin per resource group:
``_fake_agents`` (agents, agent numbers), ``_fake_calls`` (agent calls, sessions),
``_fake_messages`` and ``_fake_numbers`` (account numbers, search/buy, lookup).
"""

from __future__ import annotations

import argparse
import base64
import binascii
import copy
import hmac
import logging
import math
import re
import signal
import threading
import uuid
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timezone
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import parse_qsl, unquote

import httpx

from ._fake_agents import _AgentsMixin
from ._fake_calls import _CallsMixin
from ._fake_data import _RATES, _digits, _is_phone
from ._fake_http import (
    _STATUSES,
    FakeResponse,
    RecordedRequest,
    _ApiError,
    _convert_query_value,
    _decode_json,
    _Fault,
    _json_response,
    _loads,
    _Request,
    _retry_after_header,
)
from ._fake_media import _MediaMixin
from ._fake_messages import _MessagesMixin
from ._fake_multipart import FormFile, MultipartError, parse_form
from ._fake_numbers import _NumbersMixin
from ._fake_server import FakeServer
from ._fake_state import CallInitiatedCallback
from ._schema import SchemaError
from ._spec import ApiSpec, Operation, QueryParam, load_spec
from ._status_callbacks import _send_callbacks, _StatusCallback

if TYPE_CHECKING:
    import plivo_agentstack
    import plivo_agentstack_sync


__all__ = [
    "DEFAULT_AUTH_ID",
    "DEFAULT_AUTH_TOKEN",
    "ApiSpec",
    "CallInitiatedCallback",
    "FakePlivo",
    "FakeResponse",
    "FakeServer",
    "Operation",
    "QueryParam",
    "RecordedRequest",
    "load_spec",
    "main",
]

log: logging.Logger = logging.getLogger("plivo_agentstack.testing")

DEFAULT_AUTH_ID: Final = "MAFAKEAUTHID00000000"
"""The auth ID a :class:`FakePlivo` accepts unless told otherwise."""
DEFAULT_AUTH_TOKEN: Final = "fake-auth-token"
"""The auth token a :class:`FakePlivo` accepts unless told otherwise."""
_SDK_BASE_URL: Final = "https://api.plivo.com"
LOOKUP_LISTENER: Final = "lookup-listener"
"""The ``host`` a ``FakeServer``'s lookup listener passes to ``FakePlivo.handle``."""


# ------------------------------------------------------------------------------------------
# The fake
# ------------------------------------------------------------------------------------------


class FakePlivo(_AgentsMixin, _CallsMixin, _MediaMixin, _MessagesMixin, _NumbersMixin):
    """A stateful in-memory fake of the AgentStack REST API (every operation of the spec).

    Requests are routed, authenticated and validated as the bundled spec describes; bad input
    gets a 400 whose ``error`` names the field (``"agent_name: required property missing"``).
    State is guarded by a lock, so the threaded HTTP server mode is safe. ``clock`` returns the
    current time (timezone-aware; default: the real UTC time) for timestamps and filters.

    Messages are refused as the real API refuses them: a ``src`` number the account does not
    own (see :meth:`add_number`; a ``powerpack_uuid`` or an alphanumeric sender ID needs none)
    and WhatsApp ``template`` / ``interactive`` / ``location`` payloads that the SDK's builders
    (``plivo_agentstack.messaging``) would not make.

    Message lifecycle: an outbound message is ``queued`` when created and moves one status per
    :meth:`advance_messages` (``sent``, then ``delivered``; ``failed`` with an ``error_code``
    after :meth:`fail_next_delivery`); :meth:`deliver_messages` runs it to the end, and
    ``serve(message_interval=...)`` advances on a timer. Nothing moves by itself otherwise,
    so tests are deterministic. With ``url`` (and ``method``, GET or POST) the message's
    endpoint gets Plivo's status callback at each status (``MessageUUID``, ``Status``,
    ``ErrorCode``, ``Units``, ``PartInfo`` ... one per part), signed like Plivo's with the
    auth token (``X-Plivo-Signature-V3``, ``X-Plivo-Signature-Ma-V3``,
    ``X-Plivo-Signature-V3-Nonce``), so ``plivo_agentstack.utils.validate_request_signature_v3``
    accepts it. An endpoint that fails is recorded in :attr:`callback_errors`.
    """

    def __init__(
        self,
        auth_id: str = DEFAULT_AUTH_ID,
        auth_token: str = DEFAULT_AUTH_TOKEN,
        *,
        clock: Callable[[], datetime] | None = None,
        spec: ApiSpec | None = None,
    ) -> None:
        if not isinstance(auth_id, str) or not auth_id or "/" in auth_id or ":" in auth_id:
            raise ValueError(f"auth_id must be a non-empty string without '/' or ':': {auth_id!r}")
        if not isinstance(auth_token, str) or not auth_token:
            raise ValueError("auth_token must be a non-empty string")
        self.auth_id = auth_id
        self.auth_token = auth_token
        self.spec: ApiSpec = spec if spec is not None else load_spec()
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self._lock = threading.RLock()
        self._account = f"/v1/Account/{auth_id}"
        self._agents: dict[str, dict[str, Any]] = {}
        self._agent_numbers: dict[str, list[str]] = {}
        self._calls: dict[str, dict[str, Any]] = {}
        self._sessions: dict[str, dict[str, Any]] = {}
        self._messages: dict[str, dict[str, Any]] = {}
        self._message_content: dict[str, dict[str, Any]] = {}
        self._media: dict[str, list[dict[str, Any]]] = {}
        self._uploads: dict[str, dict[str, Any]] = {}
        self._upload_content: dict[str, bytes] = {}
        self._owned: dict[str, dict[str, Any]] = {}
        self._inventory = self._seed_inventory()
        self._requests: list[RecordedRequest] = []
        self._faults: dict[str, deque[_Fault]] = {}
        self._call_callbacks: list[CallInitiatedCallback] = []
        self._callback_errors: list[Exception] = []
        # The real API's hosts: the spec's own and each operation's (lookup).
        self._hosts = frozenset(
            {_SDK_BASE_URL}.union(*(op.servers for op in self.spec.operations.values()))
        )
        self._in_flight: dict[str, str | None] = {}
        self._delivery_faults: deque[str] = deque()
        self._outbox: list[_StatusCallback] = []
        self._delivery_lock = threading.Lock()  # one step (and its callbacks) at a time
        self._handlers: dict[str, Callable[[_Request], Any]] = {
            operation_id: getattr(self, f"_op_{operation_id}")
            for operation_id in self.spec.operations
            if hasattr(self, f"_op_{operation_id}")
        }

    def __repr__(self) -> str:
        return f"FakePlivo(auth_id={self.auth_id!r})"

    # -- public API: traffic, faults, hooks ---------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received so far, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        with self._lock:
            self._requests.clear()

    def fail_next(
        self,
        operation_id: str,
        times: int = 1,
        *,
        status: int = 503,
        retry_after: float | str | datetime | None = None,
        body: Mapping[str, Any] | str | bytes | None = None,
        drop_connection: bool = False,
    ) -> None:
        """Make the next ``times`` requests of ``operation_id`` fail instead of being handled.

        Each gets ``status`` with a Plivo-style error body (or ``body``: a mapping is sent as
        JSON, text/bytes as is) and a ``Retry-After`` header when ``retry_after`` is given
        (seconds, an HTTP-date string, or an aware ``datetime``). ``drop_connection=True``
        drops the connection without a response instead (the httpx transports raise
        ``httpx.RemoteProtocolError``; the HTTP server closes the socket). A failed request
        changes no state and is recorded with ``fault`` set. Faults apply after routing but
        before authentication and validation, like a failing proxy. Calls queue up in order.
        """
        if operation_id not in self.spec.operations:
            known = ", ".join(sorted(self.spec.operations))
            raise ValueError(f"unknown operation_id {operation_id!r}; known: {known}")
        _check_times(times)
        if isinstance(status, bool) or not isinstance(status, int) or not 400 <= status <= 599:
            raise ValueError(f"status must be an HTTP error status (400-599), got {status!r}")
        header = _retry_after_header(retry_after)
        if body is not None and not isinstance(body, (Mapping, str, bytes)):
            raise TypeError(f"body must be a mapping, str or bytes, got {type(body).__name__}")
        fault = _Fault(status, header, copy.deepcopy(body), bool(drop_connection))
        with self._lock:
            self._faults.setdefault(operation_id, deque()).extend([fault] * times)

    def fail_next_delivery(self, times: int = 1, *, error_code: str = "30") -> None:
        """Make the next ``times`` outbound messages fail: ``queued`` -> ``failed``.

        Each message created from now on (one per destination of ``messages.create``) takes
        the next failure until ``times`` are used: its first step (:meth:`advance_messages`)
        sets ``message_state`` to ``failed`` and ``error_code`` to ``error_code`` instead of
        ``sent``, and its status callbacks say ``Status=failed``, ``ErrorCode=<error_code>``.
        ``error_code`` is one of Plivo's message error codes, e.g. ``"30"`` (spam detected, the
        default), ``"50"`` (invalid destination number), ``"70"`` / ``"80"`` (destination
        permanently / temporarily unavailable), ``"90"`` (no route available), ``"1000"``
        (unknown error). The request itself succeeds. Calls queue up in order.
        """
        _check_times(times)
        if not isinstance(error_code, str) or re.fullmatch(r"[1-9][0-9]{0,3}", error_code) is None:
            raise ValueError(
                f"error_code must be a Plivo message error code as a string, e.g. '30', "
                f"got {error_code!r}"
            )
        with self._lock:
            self._delivery_faults.extend([error_code] * times)

    def clear_faults(self) -> None:
        """Cancel every pending injected fault (``fail_next`` and ``fail_next_delivery``)."""
        with self._lock:
            self._faults.clear()
            self._delivery_faults.clear()

    def on_call_initiated(self, callback: CallInitiatedCallback) -> CallInitiatedCallback:
        """Register ``callback(agent, call)``, run after each successful ``initiate_call``.

        ``agent`` is a copy of the agent record; ``call`` a copy of the call record
        (``call_uuid``, ``agent_id``, ``from``, ``to``, ``status``, ``session_id``, ``options``
        ...). Callbacks run in registration order, synchronously in the thread that handled the
        request (the event loop thread with ``async_client()``), after the call and its session
        are stored and before the response is sent, outside the fake's lock, so they may call
        :meth:`update_session` / :meth:`update_call`. Keep them quick or hand work off. An
        exception is logged and kept in :attr:`callback_errors`; the request still succeeds.
        Returns ``callback``, so this also works as a decorator.
        """
        if not callable(callback):
            raise TypeError(f"callback must be callable, got {type(callback).__name__}")
        with self._lock:
            self._call_callbacks.append(callback)
        return callback

    @property
    def callback_errors(self) -> list[Exception]:
        """Exceptions of ``on_call_initiated`` callbacks and failed status callbacks (a copy).

        A message status callback fails with an ``httpx.HTTPError``: the endpoint could not be
        reached, did not answer within 5 seconds, or answered with a status other than 2xx.
        """
        with self._lock:
            return list(self._callback_errors)

    # -- public API: message lifecycle ------------------------------------------------------

    def advance_messages(self) -> dict[str, str]:
        """Move every outbound message one status on; return ``{message_uuid: new status}``.

        ``queued`` -> ``sent`` (or ``failed``, see :meth:`fail_next_delivery`), ``sent`` ->
        ``delivered``; delivered and failed messages stay as they are. Messages move only when
        this (or :meth:`deliver_messages`, or a server's ``message_interval``) runs, so tests
        see each status for as long as they like. For messages created with a ``url``, the
        status callbacks still owed (``queued``, which is never sent during the request) are
        sent first, then those of the new statuses: synchronously, from the calling thread,
        outside the fake's lock (a webhook may call the fake). Failed callbacks are kept in
        :attr:`callback_errors` and never raise. In an async test whose webhook runs on the
        same event loop, call it through ``asyncio.to_thread``.
        """
        with self._delivery_lock:
            with self._lock:
                moved, callbacks = self._step_messages()
            errors = _send_callbacks(callbacks, self.auth_token)
            if errors:
                with self._lock:
                    self._callback_errors.extend(errors)
        return moved

    def deliver_messages(self) -> dict[str, str]:
        """Advance until every outbound message is delivered or failed; return their statuses.

        ``{message_uuid: "delivered" or "failed"}`` for each message moved; status callbacks
        are sent as by :meth:`advance_messages`.
        """
        final: dict[str, str] = {}
        while moved := self.advance_messages():
            final.update(moved)
        return final

    # -- public API: state ----------------------------------------------------------------

    @property
    def agents(self) -> dict[str, dict[str, Any]]:
        """Agents by ``agent_uuid`` (deep copy)."""
        with self._lock:
            return copy.deepcopy(self._agents)

    @property
    def calls(self) -> dict[str, dict[str, Any]]:
        """Calls by ``call_uuid`` (deep copy), with their ``dials`` (targets dialed in)."""
        with self._lock:
            return copy.deepcopy(self._calls)

    @property
    def sessions(self) -> dict[str, dict[str, Any]]:
        """Agent session records by session id (deep copy)."""
        with self._lock:
            return copy.deepcopy(self._sessions)

    @property
    def messages(self) -> dict[str, dict[str, Any]]:
        """Message records by ``message_uuid``, plus what was sent (``text``, media ...)."""
        with self._lock:
            return {
                key: {**copy.deepcopy(record), **copy.deepcopy(self._message_content[key])}
                for key, record in self._messages.items()
            }

    @property
    def owned_numbers(self) -> dict[str, dict[str, Any]]:
        """Phone numbers on the account by number (digits, no ``+``; deep copy)."""
        with self._lock:
            return copy.deepcopy(self._owned)

    @property
    def media_files(self) -> dict[str, dict[str, Any]]:
        """Uploaded media by ``media_id``: the record the API returns plus the ``content`` bytes."""
        with self._lock:
            return {
                key: {**copy.deepcopy(record), "content": self._upload_content[key]}
                for key, record in self._uploads.items()
            }

    def add_number(
        self, number: str, *, sms_enabled: bool = True, voice_enabled: bool = True
    ) -> dict[str, Any]:
        """Put ``number`` on the account, as if bought; returns a copy of its record.

        For the numbers your code sends from: like the real API, the fake refuses to send
        from a number the account does not own. A number of the fake's inventory keeps its
        details; any other E.164 number becomes a local number of its country. Raises
        ``ValueError`` for a number that is not E.164 or already on the account.
        """
        if not isinstance(number, str) or not _is_phone(number):
            raise ValueError(f"number must be an E.164 phone number, got {number!r}")
        digits = _digits(number)
        with self._lock:
            if digits in self._owned:
                raise ValueError(f"{number} is already on this account")
            offer = {
                **self._offer(digits),
                "sms_enabled": bool(sms_enabled),
                "voice_enabled": bool(voice_enabled),
            }
            return copy.deepcopy(self._own(digits, offer, None))

    def update_session(self, session_id: str, **fields: Any) -> dict[str, Any]:
        """Change fields of a session record (e.g. ``state="completed"``); returns a copy."""
        with self._lock:
            session = self._sessions.get(session_id)
            if session is None:
                raise KeyError(f"no agent session {session_id!r}")
            for key in ("agent_session_uuid", "agent_session_id"):
                if key in fields and fields[key] != session_id:
                    raise ValueError(f"{key} cannot be changed")
            session.update(copy.deepcopy(fields))
            return copy.deepcopy(session)

    def update_call(self, call_uuid: str, **fields: Any) -> dict[str, Any]:
        """Change fields of a call record (e.g. ``status="completed"``); returns a copy."""
        with self._lock:
            call = self._calls.get(call_uuid)
            if call is None:
                raise KeyError(f"no call {call_uuid!r}")
            if "call_uuid" in fields and fields["call_uuid"] != call_uuid:
                raise ValueError("call_uuid cannot be changed")
            call.update(copy.deepcopy(fields))
            return copy.deepcopy(call)

    def receive_message(
        self,
        src: str,
        dst: str,
        text: str = "",
        *,
        type: str = "sms",
        media_urls: Sequence[str] = (),
    ) -> str:
        """Store an inbound message (from ``src`` to ``dst``) and return its ``message_uuid``."""
        if type not in _RATES:
            raise ValueError(f"type must be one of {', '.join(_RATES)}, got {type!r}")
        for name, number in (("src", src), ("dst", dst)):
            if not isinstance(number, str) or not _is_phone(number):
                raise ValueError(f"{name} must be an E.164 phone number, got {number!r}")
        with self._lock:
            message_uuid = self._store_message(
                direction="inbound",
                state="received",
                type_=type,
                src=src,
                dst=dst,
                content={"text": text, "media_urls": list(media_urls)},
                powerpack=None,
            )
        return message_uuid

    # -- public API: transports and clients ---------------------------------------------------

    def handle(
        self,
        method: str,
        target: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
        host: str | None = None,
    ) -> FakeResponse:
        """Answer one HTTP request (``target`` = raw path plus query); used by every transport.

        ``host`` is the origin the request was sent to, as the real API splits its operations
        between hosts: on ``https://lookup.plivo.com`` (or the server's lookup listener) only the
        operations the spec puts there are found, on ``https://api.plivo.com`` only the others;
        any other origin (the fake server's main URL, a test's ``base_url``) serves them all.
        """
        method = method.upper()
        if target.startswith(("http://", "https://")):
            url = httpx.URL(target)
            target = url.raw_path.decode("ascii")
        raw_path, _, query_string = target.partition("?")
        raw_query = parse_qsl(query_string, keep_blank_values=True)
        lowered = {key.lower(): value for key, value in (headers or {}).items()}
        api_id = str(uuid.uuid4())
        after: list[Callable[[], None]] = []
        operation: Operation | None = None
        fault_kind: str | None = None
        with self._lock:
            try:
                operation, params, allowed = self.spec.match(method, raw_path)
                if operation is not None and not self._served_on(operation, host):
                    operation, allowed = None, ()
                if operation is None:
                    path = unquote(raw_path)
                    if allowed:
                        raise _ApiError(
                            405,
                            f"method {method} not allowed on {path}; allowed: "
                            + ", ".join(allowed),
                            {"Allow": ", ".join(allowed)},
                        )
                    raise _ApiError(404, f"no API route matches {method} {path}")
                fault = self._take_fault(operation.operation_id)
                if fault is not None:
                    fault_kind = "drop" if fault.drop else "status"
                    response = self._fault_response(fault, api_id)
                else:
                    response = self._dispatch(
                        operation, params, raw_path, raw_query, lowered, body, api_id, after
                    )
            except _ApiError as exc:
                after.clear()
                response = _json_response(
                    exc.status, {"api_id": api_id, "error": exc.message}, exc.headers
                )
            except Exception as exc:  # a bug in the fake: answer 500 rather than hang a server
                after.clear()
                log.exception("FakePlivo failed on %s %s", method, raw_path)
                response = _json_response(
                    500, {"api_id": api_id, "error": f"internal error in FakePlivo: {exc!r}"}
                )
            self._requests.append(
                RecordedRequest(
                    operation_id=None if operation is None else operation.operation_id,
                    method=method,
                    path=unquote(raw_path),
                    query=dict(raw_query),
                    json=_decode_json(body),
                    status=None if response.dropped else response.status,
                    response=None if response.dropped else response.json(),
                    fault=fault_kind,
                    headers=lowered,
                )
            )
        for action in after:
            action()
        log.debug(
            "%s %s -> %s%s",
            method,
            target,
            "dropped" if response.dropped else response.status,
            f" (injected {fault_kind})" if fault_kind else "",
        )
        return response

    def _handle_httpx(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        response = self.handle(
            request.method,
            url.raw_path.decode("ascii"),
            headers=dict(request.headers.items()),
            body=request.content,
            host=f"{url.scheme}://{url.netloc.decode('ascii')}",
        )
        if response.dropped:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        return httpx.Response(
            response.status, headers=response.headers, content=response.content, request=request
        )

    def transport(self) -> httpx.MockTransport:
        """An httpx transport (sync and async) that sends every request to this fake."""
        return httpx.MockTransport(self._handle_httpx)

    def async_http(self) -> httpx.AsyncClient:
        """An ``httpx.AsyncClient`` wired to this fake (base URL ``https://api.plivo.com``)."""
        return httpx.AsyncClient(transport=self.transport(), base_url=_SDK_BASE_URL)

    def http(self) -> httpx.Client:
        """An ``httpx.Client`` wired to this fake (base URL ``https://api.plivo.com``)."""
        return httpx.Client(transport=self.transport(), base_url=_SDK_BASE_URL)

    def async_client(self, **kwargs: Any) -> plivo_agentstack.AsyncClient:
        """A ``plivo_agentstack.AsyncClient`` with this fake's credentials and transport.

        Keyword arguments go to the client (``max_retries``, ``auth_token`` ...) and override
        the defaults; the SDK's default retry policy is kept unless overridden.
        """
        from plivo_agentstack import AsyncClient

        kwargs.setdefault("auth_id", self.auth_id)
        kwargs.setdefault("auth_token", self.auth_token)
        if kwargs.get("http_client") is None:
            kwargs["http_client"] = self.async_http()
        return AsyncClient(**kwargs)

    def client(self, **kwargs: Any) -> plivo_agentstack_sync.Client:
        """A blocking ``plivo_agentstack_sync.Client`` with this fake's credentials and transport.

        Keyword arguments go to the client and override the defaults, as in ``async_client``.
        """
        from plivo_agentstack_sync import Client

        kwargs.setdefault("auth_id", self.auth_id)
        kwargs.setdefault("auth_token", self.auth_token)
        if kwargs.get("http_client") is None:
            kwargs["http_client"] = self.http()
        return Client(**kwargs)

    def serve(
        self, host: str = "127.0.0.1", port: int = 0, *, message_interval: float | None = None
    ) -> FakeServer:
        """Start a threaded HTTP/1.1 server for this fake; use the result as a context manager.

        ``port=0`` picks a free port; the server's ``base_url`` says where it listens. With
        ``message_interval`` (seconds), the server also calls :meth:`advance_messages` that
        often from a thread of its own, so messages move and their status callbacks arrive
        as they would from Plivo; by default they move only when you advance them.
        """
        return FakeServer(self, host, port, message_interval=message_interval).start()

    # -- request pipeline -------------------------------------------------------------------

    def _served_on(self, operation: Operation, host: str | None) -> bool:
        """Whether ``operation`` is found on ``host`` (see ``handle``)."""
        if host == LOOKUP_LISTENER:
            return bool(operation.servers)
        if host is None or host not in self._hosts:
            return True
        return host in operation.servers if operation.servers else host == _SDK_BASE_URL

    def _take_fault(self, operation_id: str) -> _Fault | None:
        queue = self._faults.get(operation_id)
        if not queue:
            return None
        fault = queue.popleft()
        if not queue:
            del self._faults[operation_id]
        return fault

    def _fault_response(self, fault: _Fault, api_id: str) -> FakeResponse:
        if fault.drop:
            return FakeResponse(0, {}, b"", dropped=True)
        headers = {} if fault.retry_after is None else {"Retry-After": fault.retry_after}
        body = fault.body
        if body is None:
            phrase = HTTPStatus(fault.status).phrase if fault.status in _STATUSES else "Error"
            body = {"api_id": api_id, "error": f"{phrase} (injected fault)"}
        if isinstance(body, Mapping):
            return _json_response(fault.status, dict(body), headers)
        content = body.encode() if isinstance(body, str) else bytes(body)
        headers["Content-Type"] = "text/plain; charset=utf-8"
        return FakeResponse(fault.status, headers, content)

    def _dispatch(
        self,
        operation: Operation,
        params: dict[str, str],
        raw_path: str,
        raw_query: list[tuple[str, str]],
        headers: Mapping[str, str],
        body: bytes,
        api_id: str,
        after: list[Callable[[], None]],
    ) -> FakeResponse:
        self._authenticate(headers, params)
        query = self._parse_query(operation, raw_query)
        payload = self._parse_body(operation, body, headers.get("content-type", ""))
        handler = self._handlers.get(operation.operation_id)
        if handler is None:
            raise _ApiError(501, f"{operation.operation_id} is not implemented by FakePlivo")
        request = _Request(
            operation=operation,
            api_id=api_id,
            path=unquote(raw_path),
            params=params,
            query=query,
            raw_query=raw_query,
            body=payload,
        )
        result = handler(request)
        after.extend(request.after)
        status = operation.success_status
        return _json_response(status, None if status == 204 else result)

    def _authenticate(self, headers: Mapping[str, str], params: Mapping[str, str]) -> None:
        challenge = {"WWW-Authenticate": 'Basic realm="Plivo"'}
        header = headers.get("authorization", "")
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic" or not encoded.strip():
            raise _ApiError(401, "Authentication failed: no Basic credentials", challenge)
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise _ApiError(
                401, "Authentication failed: malformed Basic credentials", challenge
            ) from None
        user, _, password = decoded.partition(":")
        valid_user = hmac.compare_digest(user.encode(), self.auth_id.encode())
        valid_password = hmac.compare_digest(password.encode(), self.auth_token.encode())
        if not (valid_user and valid_password):
            raise _ApiError(401, "Authentication failed", challenge)
        path_id = params.get("auth_id")
        if path_id is not None and path_id != self.auth_id:
            raise _ApiError(
                403, f"auth_id {path_id!r} in the path does not match the authenticated account"
            )

    def _parse_query(
        self, operation: Operation, raw_query: list[tuple[str, str]]
    ) -> dict[str, Any]:
        query: dict[str, Any] = dict(raw_query)  # parameters the spec does not know pass through
        problems: list[tuple[str, str]] = []
        for param in operation.query_params:
            if param.name not in query:
                if param.required:
                    problems.append((param.name, "required query parameter missing"))
                elif "default" in param.schema:
                    query[param.name] = param.schema["default"]
                continue
            raw = query[param.name]
            value, problem = _convert_query_value(raw, param.schema)
            if problem is not None:
                problems.append((param.name, problem))
                continue
            problems.extend(self.spec.validator.errors(value, param.schema, root=param.name))
            query[param.name] = value
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))
        return query

    def _parse_body(self, operation: Operation, body: bytes, content_type: str) -> Any:
        if operation.body_schema is None:
            return None
        if operation.body_media_type == "multipart/form-data":
            return self._parse_form(operation, body, content_type)
        if not body.strip():
            if operation.body_required:
                raise _ApiError(400, "body: a JSON request body is required")
            return None
        try:
            payload = _loads(body)
        except ValueError as exc:
            raise _ApiError(400, f"body: invalid JSON ({exc})") from None
        problems = self.spec.validator.errors(payload, operation.body_schema, root="body")
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))
        return payload

    def _parse_form(self, operation: Operation, body: bytes, content_type: str) -> Any:
        """A multipart body as field → value (a list where the schema has an array)."""
        try:
            fields = parse_form(content_type, body)
        except MultipartError as exc:
            raise _ApiError(400, f"body: {exc}") from None
        schema = operation.body_schema or {}
        properties = schema.get("properties", {})
        payload: dict[str, Any] = {}
        checked: dict[str, Any] = {}  # files stand in as their names for the schema check
        for name, values in fields.items():
            shown = [v.file_name if isinstance(v, FormFile) else v for v in values]
            many = properties.get(name, {}).get("type") == "array"
            payload[name] = values if many else values[-1]
            checked[name] = shown if many else shown[-1]
        problems = self.spec.validator.errors(checked, schema, root="body")
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))
        return payload


# ------------------------------------------------------------------------------------------
# Command line
# ------------------------------------------------------------------------------------------


def _check_times(times: int) -> None:
    if isinstance(times, bool) or not isinstance(times, int) or times < 1:
        raise ValueError(f"times must be a positive integer, got {times!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Serve a fresh FakePlivo over HTTP until Ctrl-C (``python -m ...testing.fake_api``)."""
    parser = argparse.ArgumentParser(
        prog="python -m plivo_agentstack.testing.fake_api",
        description="Offline fake of the Plivo AgentStack REST API (state is kept in memory).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=0, help="port to bind (default 0: a free port, printed)"
    )
    parser.add_argument("--auth-id", default=DEFAULT_AUTH_ID, help="accepted auth ID")
    parser.add_argument("--auth-token", default=DEFAULT_AUTH_TOKEN, help="accepted auth token")
    parser.add_argument(
        "--message-interval",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="move queued messages to sent, and sent ones to delivered, every SECONDS, "
        "sending their status callbacks (1.0; 0 keeps them queued)",
    )
    parser.add_argument(
        "--log-level",
        default="WARNING",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="logging level of plivo_agentstack.testing (WARNING; DEBUG logs every request)",
    )
    args = parser.parse_args(argv)
    if not 0 <= args.port <= 65535:
        parser.error(f"--port must be between 0 and 65535, got {args.port}")
    if not 0 <= args.message_interval < math.inf:
        parser.error(f"--message-interval must be 0 or more seconds, got {args.message_interval}")
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(message)s")
    try:
        fake = FakePlivo(args.auth_id, args.auth_token)
        interval = args.message_interval if args.message_interval > 0 else None
        server = FakeServer(fake, args.host, args.port, message_interval=interval)
    except (ValueError, OSError) as exc:
        parser.error(str(exc))

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
    print(
        f"FakePlivo listening on {server.base_url} "
        f"(auth_id={fake.auth_id} auth_token={fake.auth_token}); lookup also on "
        f"{server.lookup_url}; Ctrl-C to stop",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
