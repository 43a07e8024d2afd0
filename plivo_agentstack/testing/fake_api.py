"""A stateful, in-memory fake of the AgentStack REST API for offline tests.

:class:`FakePlivo` implements all 24 operations of the bundled OpenAPI spec
(``plivo_agentstack/testing/openapi.json``): it routes by the spec's paths and methods, checks
Basic auth, validates query parameters and JSON bodies against the spec's request schemas and
keeps agents, calls, sessions, messages and phone numbers in memory. Use it either through
httpx transports (no sockets)::

    fake = FakePlivo()
    async with fake.async_client() as client:          # plivo_agentstack.AsyncClient
        agent = await client.agent.agents.create(agent_name="Bot", websocket_url="wss://x/ws")
    with fake.client() as client:                      # plivo_agentstack_sync.Client
        client.messages.create(dst="+14155550101", src="+14155550100", text="hi")

or as a real HTTP/1.1 server on localhost::

    with fake.serve() as server:
        client = AsyncClient(fake.auth_id, fake.auth_token, base_url=server.base_url)

or from a shell: ``python -m plivo_agentstack.testing.fake_api`` (binds a free port and prints its
URL; ``--port 8080`` picks one).

Every request is recorded in :attr:`FakePlivo.requests`; :meth:`FakePlivo.fail_next` injects
error statuses or dropped connections, and :meth:`FakePlivo.on_call_initiated` lets a call
simulator react to outbound calls.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import copy
import hmac
import logging
import math
import mimetypes
import operator
import re
import signal
import threading
import uuid
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import parse_qsl, unquote, urlencode

import httpx

from ._fake_data import (
    _CALLER_NAMES,
    _CANADA,
    _CANADA_AREA_CODES,
    _CARRIERS,
    _COUNTRIES,
    _INVENTORY,
    _KEYPAD,
    _NUMBER_TYPES,
    _RATES,
    _SERVICES,
    _agent_mode,
    _apply_number_update,
    _byok,
    _digits,
    _group,
    _has,
    _is_phone,
    _message_extras,
    _message_filters_match,
    _number_filters_match,
    _offer_extras,
    _owned_extras,
    _parse_time,
    _search_filters_match,
    _sort_key,
    _split_calling_code,
)
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
from ._fake_server import FakeServer
from ._schema import SchemaError
from ._spec import ApiSpec, Operation, QueryParam, load_spec

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

log = logging.getLogger("plivo_agentstack.testing")

DEFAULT_AUTH_ID: Final = "MAFAKEAUTHID00000000"
"""The auth ID a :class:`FakePlivo` accepts unless told otherwise."""
DEFAULT_AUTH_TOKEN: Final = "fake-auth-token"
"""The auth token a :class:`FakePlivo` accepts unless told otherwise."""
_SDK_BASE_URL: Final = "https://api.plivo.com"

_DEFAULT_LIMIT: Final = 20
_AGENT_READ_ONLY: Final = frozenset(
    {"agent_uuid", "created_at", "updated_at", "byok", "api_id", "message"}
)

CallInitiatedCallback = Callable[[dict[str, Any], dict[str, Any]], object]
"""``callback(agent, call)``, run after each successful ``initiate_call``."""


# ------------------------------------------------------------------------------------------
# The fake
# ------------------------------------------------------------------------------------------


class FakePlivo:
    """A stateful in-memory fake of the AgentStack REST API (all 24 operations).

    Requests are routed, authenticated and validated as the bundled spec describes; bad input
    gets a 400 whose ``error`` names the field (``"agent_name: required property missing"``).
    State is guarded by a lock, so the threaded HTTP server mode is safe. ``clock`` returns the
    current time (timezone-aware; default: the real UTC time) for timestamps and filters.
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
        self.spec = spec if spec is not None else load_spec()
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
        self._owned: dict[str, dict[str, Any]] = {}
        self._inventory = self._seed_inventory()
        self._requests: list[RecordedRequest] = []
        self._faults: dict[str, deque[_Fault]] = {}
        self._call_callbacks: list[CallInitiatedCallback] = []
        self._callback_errors: list[Exception] = []
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
        if isinstance(times, bool) or not isinstance(times, int) or times < 1:
            raise ValueError(f"times must be a positive integer, got {times!r}")
        if isinstance(status, bool) or not isinstance(status, int) or not 400 <= status <= 599:
            raise ValueError(f"status must be an HTTP error status (400-599), got {status!r}")
        header = _retry_after_header(retry_after)
        if body is not None and not isinstance(body, (Mapping, str, bytes)):
            raise TypeError(f"body must be a mapping, str or bytes, got {type(body).__name__}")
        fault = _Fault(status, header, copy.deepcopy(body), bool(drop_connection))
        with self._lock:
            self._faults.setdefault(operation_id, deque()).extend([fault] * times)

    def clear_faults(self) -> None:
        """Cancel every pending injected fault."""
        with self._lock:
            self._faults.clear()

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
        """Exceptions raised by ``on_call_initiated`` callbacks (a copy)."""
        with self._lock:
            return list(self._callback_errors)

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
    ) -> FakeResponse:
        """Answer one HTTP request (``target`` = raw path plus query); used by every transport."""
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
        response = self.handle(
            request.method,
            request.url.raw_path.decode("ascii"),
            headers=dict(request.headers.items()),
            body=request.content,
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

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> FakeServer:
        """Start a threaded HTTP/1.1 server for this fake; use the result as a context manager.

        ``port=0`` picks a free port; the server's ``base_url`` says where it listens.
        """
        return FakeServer(self, host, port).start()

    # -- request pipeline -------------------------------------------------------------------

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
        payload = self._parse_body(operation, body)
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

    def _parse_body(self, operation: Operation, body: bytes) -> Any:
        if operation.body_schema is None:
            return None
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

    # -- helpers used by the operations ---------------------------------------------------------

    def _now(self) -> datetime:
        now = self._clock()
        return now if now.tzinfo is not None else now.replace(tzinfo=timezone.utc)

    def _timestamp(self) -> str:
        return self._now().astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _agent(self, agent_uuid: str) -> dict[str, Any]:
        agent = self._agents.get(agent_uuid)
        if agent is None:
            raise _ApiError(404, f"agent {agent_uuid!r} not found")
        return agent

    def _page(self, request: _Request, items: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
        limit = request.query.get("limit", _DEFAULT_LIMIT)
        offset = request.query.get("offset", 0)
        problems = []
        if limit < 1:
            problems.append(("limit", f"must be at least 1, got {limit}"))
        if offset < 0:
            problems.append(("offset", f"must not be negative, got {offset}"))
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))
        total = len(items)
        others = [
            (key, value) for key, value in request.raw_query if key not in ("limit", "offset")
        ]

        def link(to: int) -> str:
            return f"{request.path}?{urlencode([('limit', limit), ('offset', to), *others])}"

        return {
            "api_id": request.api_id,
            "meta": {
                "limit": limit,
                "offset": offset,
                "total_count": total,
                "previous": link(max(offset - limit, 0)) if offset > 0 else None,
                "next": link(offset + limit) if offset + limit < total else None,
            },
            "objects": copy.deepcopy(list(items[offset : offset + limit])),
        }

    @staticmethod
    def _sorted(
        request: _Request, items: Iterable[dict[str, Any]], default_by: str
    ) -> list[dict[str, Any]]:
        """Sort by ``sort_by`` / ``sort_order`` (default: ``default_by``, newest first)."""
        sort_by = request.query.get("sort_by") or default_by
        order = (request.query.get("sort_order") or "desc").lower()
        if order not in ("asc", "desc"):
            raise _ApiError(400, f"sort_order: must be 'asc' or 'desc', got {order!r}")
        result = sorted(items, key=lambda item: _sort_key(item.get(sort_by)))
        if order == "desc":
            result.reverse()  # ties keep creation order reversed: newest first
        return result

    # -- agents ------------------------------------------------------------------------------

    @staticmethod
    def _check_agent(agent: Mapping[str, Any]) -> None:
        problems = []
        name = agent.get("agent_name")
        if isinstance(name, str) and not name.strip():
            problems.append(("agent_name", "must not be empty"))
        url = agent.get("websocket_url")
        if isinstance(url, str) and not url.startswith(("ws://", "wss://")):
            problems.append(("websocket_url", f"must be a ws:// or wss:// URL, got {url!r}"))
        if _has(agent, "s2s") and any(_has(agent, key) for key in ("stt", "llm", "tts")):
            problems.append(("s2s", "cannot be combined with stt, llm or tts"))
        if _has(agent, "llm") and not (_has(agent, "stt") and _has(agent, "tts")):
            problems.append(("llm", "requires stt and tts"))
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))

    def _op_create_agent(self, request: _Request) -> Any:
        fields = {key: value for key, value in request.body.items() if key not in _AGENT_READ_ONLY}
        self._check_agent(fields)
        now = self._timestamp()
        agent_uuid = str(uuid.uuid4())
        agent = {
            "agent_uuid": agent_uuid,
            **copy.deepcopy(fields),
            "byok": _byok(fields),
            "created_at": now,
            "updated_at": now,
        }
        self._agents[agent_uuid] = agent
        self._agent_numbers[agent_uuid] = []
        return {"api_id": request.api_id, "message": "agent created", **copy.deepcopy(agent)}

    def _op_get_agent(self, request: _Request) -> Any:
        agent = self._agent(request.params["agent_uuid"])
        return {"api_id": request.api_id, **copy.deepcopy(agent)}

    def _op_list_agents(self, request: _Request) -> Any:
        query = request.query
        items = [
            agent
            for agent in self._agents.values()
            if ("agent_mode" not in query or _agent_mode(agent) == query["agent_mode"])
            and (
                "participant_mode" not in query
                or agent.get("participant_mode", "two-party") == query["participant_mode"]
            )
        ]
        return self._page(request, self._sorted(request, items, "created_at"))

    def _op_update_agent(self, request: _Request) -> Any:
        agent = self._agent(request.params["agent_uuid"])
        changes = {key: value for key, value in request.body.items() if key not in _AGENT_READ_ONLY}
        merged = {**agent, **copy.deepcopy(changes)}
        self._check_agent(merged)
        merged["byok"] = _byok(merged)
        merged["updated_at"] = self._timestamp()
        self._agents[agent["agent_uuid"]] = merged
        return {"api_id": request.api_id, "message": "agent updated", **copy.deepcopy(merged)}

    def _op_delete_agent(self, request: _Request) -> Any:
        agent = self._agent(request.params["agent_uuid"])
        del self._agents[agent["agent_uuid"]]
        self._agent_numbers.pop(agent["agent_uuid"], None)
        return None

    # -- agent numbers -----------------------------------------------------------------------

    def _op_assign_agent_number(self, request: _Request) -> Any:
        agent_uuid = self._agent(request.params["agent_uuid"])["agent_uuid"]
        number = request.body["number"]
        if not _is_phone(number):
            raise _ApiError(400, f"number: {number!r} is not an E.164 phone number")
        digits = _digits(number)
        for other, numbers in self._agent_numbers.items():
            if other != agent_uuid and any(_digits(n) == digits for n in numbers):
                raise _ApiError(400, f"number: {number} is already assigned to agent {other}")
        numbers = self._agent_numbers.setdefault(agent_uuid, [])
        if not any(_digits(n) == digits for n in numbers):
            numbers.append(number)
        return {
            "api_id": request.api_id,
            "message": "number assigned",
            "agent_uuid": agent_uuid,
            "number": number,
        }

    def _op_list_agent_numbers(self, request: _Request) -> Any:
        agent_uuid = self._agent(request.params["agent_uuid"])["agent_uuid"]
        return {
            "api_id": request.api_id,
            "agent_uuid": agent_uuid,
            "numbers": list(self._agent_numbers.get(agent_uuid, [])),
        }

    def _op_unassign_agent_number(self, request: _Request) -> Any:
        agent_uuid = self._agent(request.params["agent_uuid"])["agent_uuid"]
        number = request.params["number"]
        numbers = self._agent_numbers.get(agent_uuid, [])
        kept = [n for n in numbers if _digits(n) != _digits(number)]
        if len(kept) == len(numbers):
            raise _ApiError(404, f"number {number} is not assigned to agent {agent_uuid}")
        self._agent_numbers[agent_uuid] = kept
        return None

    # -- calls and sessions ------------------------------------------------------------------

    def _new_session(
        self,
        agent: Mapping[str, Any],
        call_uuid: str,
        *,
        state: str,
        from_number: str | None,
        to_number: str | None,
        legs: list[dict[str, Any]],
    ) -> dict[str, Any]:
        session_id = str(uuid.uuid4())
        session: dict[str, Any] = {
            "agent_session_uuid": session_id,
            "agent_session_id": session_id,
            "agent_uuid": agent["agent_uuid"],
            "agent_name": agent.get("agent_name", ""),
            "plivo_auth_id": self.auth_id,
            "primary_call_uuid": call_uuid,
            "agent_mode": _agent_mode(agent),
            "participant_mode": agent.get("participant_mode", "two-party"),
            "state": state,
            "created_at": self._timestamp(),
            "ended_at": None,
            "duration_seconds": 0,
            "turn_count": 0,
            "has_stt": _has(agent, "stt"),
            "has_llm": _has(agent, "llm"),
            "has_tts": _has(agent, "tts"),
            "has_s2s": _has(agent, "s2s"),
            "total_cost": "0.00000",
            "call_legs": legs,
            "record_url": None,
        }
        if from_number is not None:
            session["from_number"] = from_number
        if to_number is not None:
            session["to_number"] = to_number
        self._sessions[session_id] = session
        return session

    def _op_initiate_call(self, request: _Request) -> Any:
        body = request.body
        agent = self._agent(body["agent_id"])
        from_, to = body["from"], body["to"]
        problems = []
        if not _is_phone(from_):
            problems.append(("from", f"{from_!r} is not an E.164 phone number"))
        if not to:
            problems.append(("to", "at least one destination is required"))
        problems.extend(
            (f"to[{index}]", f"{number!r} is not an E.164 phone number")
            for index, number in enumerate(to)
            if not _is_phone(number)
        )
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))
        call_uuid = str(uuid.uuid4())
        options = {
            key: value for key, value in body.items() if key not in ("agent_id", "from", "to")
        }
        legs = [
            {"call_uuid": call_uuid, "direction": "outbound", "from": from_, "to": number}
            for number in to
        ]
        session = self._new_session(
            agent, call_uuid, state="initiated", from_number=from_, to_number=to[0], legs=legs
        )
        call: dict[str, Any] = {
            "call_uuid": call_uuid,
            "direction": "outbound",
            "status": "initiated",
            "agent_id": agent["agent_uuid"],
            "from": from_,
            "to": list(to),
            "created_at": session["created_at"],
            "session_id": session["agent_session_id"],
            "options": copy.deepcopy(options),
            "dials": [],
        }
        self._calls[call_uuid] = call
        agent_copy, call_copy = copy.deepcopy(agent), copy.deepcopy(call)
        request.after.append(lambda: self._run_call_callbacks(agent_copy, call_copy))
        result: dict[str, Any] = {
            "api_id": request.api_id,
            "message": "call initiated",
            "call_uuid": call_uuid,
            "status": "initiated",
            "agent_id": agent["agent_uuid"],
            "from": from_,
            "to": list(to),
        }
        if isinstance(agent.get("participant_mode"), str):
            result["participant_mode"] = agent["participant_mode"]
        return result

    def _run_call_callbacks(self, agent: dict[str, Any], call: dict[str, Any]) -> None:
        with self._lock:
            callbacks = list(self._call_callbacks)
        for callback in callbacks:
            try:
                callback(copy.deepcopy(agent), copy.deepcopy(call))
            except Exception as exc:
                log.exception("on_call_initiated callback %r failed", callback)
                with self._lock:
                    self._callback_errors.append(exc)

    def _op_connect_call(self, request: _Request) -> Any:
        agent = self._agent(request.body["agent_id"])
        call_uuid = request.params["call_uuid"]
        call = self._calls.get(call_uuid)
        if call is None:  # a call the fake did not place (e.g. inbound): start tracking it
            call = {
                "call_uuid": call_uuid,
                "direction": "inbound",
                "status": "connecting",
                "agent_id": agent["agent_uuid"],
                "created_at": self._timestamp(),
                "options": {},
                "dials": [],
            }
            self._calls[call_uuid] = call
        else:
            call["agent_id"] = agent["agent_uuid"]
            call["status"] = "connecting"
        destinations = call.get("to") or [None]
        leg = {"call_uuid": call_uuid, "direction": call["direction"]}
        session = self._new_session(
            agent,
            call_uuid,
            state="connecting",
            from_number=call.get("from"),
            to_number=destinations[0],
            legs=[leg],
        )
        call["session_id"] = session["agent_session_id"]
        return {
            "api_id": request.api_id,
            "message": "call connected",
            "agent_session_id": session["agent_session_id"],
            "status": "connecting",
        }

    def _op_dial_call(self, request: _Request) -> Any:
        call_uuid = request.params["call_uuid"]
        call = self._calls.get(call_uuid)
        if call is None:
            raise _ApiError(404, f"call {call_uuid!r} not found")
        body = request.body
        if body.get("agent_id") is not None:
            self._agent(body["agent_id"])
        targets = body["targets"]
        problems = []
        if not targets:
            problems.append(("targets", "at least one target is required"))
        for index, target in enumerate(targets):
            number = target.get("number")
            if number is None:
                problems.append((f"targets[{index}].number", "required property missing"))
            elif not (_is_phone(number) or number.startswith("sip:")):
                problems.append(
                    (f"targets[{index}].number", f"{number!r} is not E.164 or a sip: URI")
                )
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))
        dial = {**copy.deepcopy(body), "dialed_at": self._timestamp()}
        call.setdefault("dials", []).append(dial)
        session = self._sessions.get(call.get("session_id", ""))
        if session is not None:
            caller = body.get("caller_id") or call.get("from")
            for target in targets:
                leg = {
                    "call_uuid": str(uuid.uuid4()),
                    "direction": "outbound",
                    "to": target["number"],
                }
                if caller:
                    leg["from"] = caller
                session["call_legs"].append(leg)
        return {
            "api_id": request.api_id,
            "message": "dialing",
            "status": "dialing",
            "call_uuid": call_uuid,
        }

    def _op_list_agent_sessions(self, request: _Request) -> Any:
        query = request.query
        for name in ("created_at__gte", "created_at__lte", "ended_at__gte", "ended_at__lte"):
            if name in query:
                _parse_time(name, query[name])  # a bad bound is a 400 even with no sessions
        items = [s for s in self._sessions.values() if self._session_matches(s, query)]
        return self._page(request, self._sorted(request, items, "created_at"))

    @staticmethod
    def _session_matches(session: Mapping[str, Any], query: Mapping[str, Any]) -> bool:
        legs = session.get("call_legs") or []
        if "agent_id" in query and session["agent_uuid"] != query["agent_id"]:
            return False
        if "agent_mode" in query and session.get("agent_mode") != query["agent_mode"]:
            return False
        if "call_uuid" in query:
            calls = {session.get("primary_call_uuid")} | {leg.get("call_uuid") for leg in legs}
            if query["call_uuid"] not in calls:
                return False
        if "phone_number" in query:
            numbers = {session.get("from_number"), session.get("to_number")}
            numbers |= {leg.get(key) for leg in legs for key in ("from", "to")}
            wanted = _digits(query["phone_number"])
            if wanted not in {_digits(n) for n in numbers if isinstance(n, str)}:
                return False
        for field in ("created_at", "ended_at"):
            for suffix, keep in (("gte", operator.ge), ("lte", operator.le)):
                name = f"{field}__{suffix}"
                if name in query:
                    bound = _parse_time(name, query[name])
                    value = session.get(field)
                    if not isinstance(value, str) or not keep(_parse_time(field, value), bound):
                        return False
        duration = session.get("duration_seconds") or 0
        if "duration__gte" in query and duration < query["duration__gte"]:
            return False
        return not ("duration__lte" in query and duration > query["duration__lte"])

    def _op_get_agent_session(self, request: _Request) -> Any:
        session_id = request.params["session_id"]
        session = self._sessions.get(session_id)
        if session is None:
            raise _ApiError(404, f"agent session {session_id!r} not found")
        return {"api_id": request.api_id, **copy.deepcopy(session)}

    # -- messages ----------------------------------------------------------------------------

    def _store_message(
        self,
        *,
        direction: str,
        state: str,
        type_: str,
        src: str | None,
        dst: str,
        content: dict[str, Any],
        powerpack: str | None,
    ) -> str:
        message_uuid = str(uuid.uuid4())
        text = content.get("text") or ""
        if type_ == "sms":
            per_unit = 70 if any(ord(char) > 127 for char in text) else 160
            units = max(1, math.ceil(len(text) / per_unit))
        else:
            units = 1
        rate = _RATES[type_] if direction == "outbound" else 0.0
        record: dict[str, Any] = {
            "error_code": None,
            "to_number": _digits(dst),
            "message_direction": direction,
            "message_state": state,
            "message_type": type_,
            "message_uuid": message_uuid,
            "message_time": self._now()
            .astimezone(timezone.utc)
            .strftime("%Y-%m-%d %H:%M:%S+00:00"),
            "resource_uri": f"{self._account}/Message/{message_uuid}/",
            "total_amount": f"{rate * units:.5f}",
            "total_rate": f"{rate:.5f}",
            "units": units,
        }
        if src:
            record["from_number"] = _digits(src)
        if powerpack:
            record["powerpack_id"] = powerpack
        if direction == "outbound":
            record["requester_ip"] = "127.0.0.1"
        record.update(_message_extras(record, content))
        media = [
            self._media_item(message_uuid, url=url) for url in content.get("media_urls") or []
        ] + [
            self._media_item(message_uuid, media_id=media_id)
            for media_id in content.get("media_ids") or []
        ]
        self._messages[message_uuid] = record
        self._message_content[message_uuid] = copy.deepcopy(content)
        self._media[message_uuid] = media
        return message_uuid

    def _media_item(
        self, message_uuid: str, *, url: str | None = None, media_id: str | None = None
    ) -> dict[str, Any]:
        media_id = media_id or str(uuid.uuid4())
        if url is None:
            url = f"https://media.plivo.com{self._account}/Media/{media_id}/"
            content_type = "application/octet-stream"
        else:
            guessed, _ = mimetypes.guess_type(url.split("?", 1)[0])
            content_type = guessed or "application/octet-stream"
        return {
            "media_id": media_id,
            "content_type": content_type,
            "media_url": url,
            "size": 1024 + zlib.crc32(url.encode()) % 500_000,
            "message_uuid": message_uuid,
        }

    def _op_create_message(self, request: _Request) -> Any:
        body = request.body
        type_ = body.get("type", "sms")
        destinations = [part.strip() for part in body["dst"].split("<")]
        problems = [
            ("dst", f"{number!r} is not a valid phone number")
            for number in destinations
            if not _is_phone(number)
        ]
        if not body.get("src") and not body.get("powerpack_uuid"):
            problems.append(("src", "required unless powerpack_uuid is given"))
        has_media = bool(body.get("media_urls") or body.get("media_ids"))
        if type_ == "sms":
            if body.get("text") is None:
                problems.append(("text", "required for sms messages"))
            if has_media:
                problems.append(("media_urls", "not allowed for sms messages; use type mms"))
        elif type_ == "mms" and not has_media:
            problems.append(("media_urls", "mms messages need media_urls or media_ids"))
        elif type_ == "whatsapp" and not any(
            body.get(key) for key in ("text", "template", "interactive", "location")
        ):
            if not has_media:
                problems.append(
                    (
                        "text",
                        "whatsapp messages need text, media, template, interactive or location",
                    )
                )
        if type_ != "whatsapp":
            problems.extend(
                (key, "only allowed for whatsapp messages")
                for key in ("template", "interactive", "location")
                if body.get(key) is not None
            )
        if problems:
            raise _ApiError(400, str(SchemaError(problems)))
        content = {key: value for key, value in body.items() if key not in ("dst", "src", "type")}
        uuids = [
            self._store_message(
                direction="outbound",
                state="queued",
                type_=type_,
                src=body.get("src"),
                dst=destination,
                content=content,
                powerpack=body.get("powerpack_uuid"),
            )
            for destination in destinations
        ]
        return {"api_id": request.api_id, "message": "message(s) queued", "message_uuid": uuids}

    def _message(self, message_uuid: str) -> dict[str, Any]:
        record = self._messages.get(message_uuid)
        if record is None:
            raise _ApiError(404, f"message {message_uuid!r} not found")
        return record

    def _op_get_message(self, request: _Request) -> Any:
        record = self._message(request.params["message_uuid"])
        return {"api_id": request.api_id, **copy.deepcopy(record)}

    def _op_list_messages(self, request: _Request) -> Any:
        query = request.query
        bounds: list[tuple[str, datetime]] = [
            (name, _parse_time(name, query[name]))
            for name in ("message_time__gt", "message_time__gte", "message_time__lt",
                         "message_time__lte")
            if name in query
        ]  # fmt: skip

        def matches(record: Mapping[str, Any]) -> bool:
            for key in (
                "message_direction",
                "message_state",
                "message_type",
                "powerpack_id",
                "subaccount",
                "conversation_id",
                "conversation_origin",
            ):
                if key in query and record.get(key) != query[key]:
                    return False
            for key in ("from_number", "to_number"):
                if key in query and record.get(key) != _digits(str(query[key])):
                    return False
            if "error_code" in query and record.get("error_code") != str(query["error_code"]):
                return False
            if not _message_filters_match(record, query):
                return False
            when = _parse_time("message_time", record["message_time"])
            for name, bound in bounds:
                op = name.rsplit("__", 1)[1]
                if not {
                    "gt": when > bound,
                    "gte": when >= bound,
                    "lt": when < bound,
                    "lte": when <= bound,
                }[op]:
                    return False
            return True

        items = [record for record in self._messages.values() if matches(record)]
        items = sorted(items, key=lambda record: str(record["message_time"]))
        items.reverse()  # newest first
        return self._page(request, items)

    def _op_list_message_media(self, request: _Request) -> Any:
        message_uuid = self._message(request.params["message_uuid"])["message_uuid"]
        media = copy.deepcopy(self._media[message_uuid])
        return {"api_id": request.api_id, "message_uuid": message_uuid, "objects": media}

    # -- account phone numbers -------------------------------------------------------------------

    def _seed_inventory(self) -> dict[str, tuple[str, dict[str, Any]]]:
        inventory: dict[str, tuple[str, dict[str, Any]]] = {}
        for block in _INVENTORY:
            for index in range(block.count):
                number = f"{block.calling_code}{block.first + index}"
                record: dict[str, Any] = {
                    "number": number,
                    "prefix": block.prefix,
                    "city": block.city,
                    "country": block.country,
                    "monthly_rental_rate": block.monthly,
                    "region": block.region,
                    "resource_uri": f"{self._account}/PhoneNumber/{number}/",
                    "restriction": None,
                    "restriction_text": None,
                    "setup_rate": "0.00000",
                    "sms_enabled": block.sms_enabled,
                    "sms_rate": block.sms_rate,
                    "type": block.type,
                    "voice_enabled": block.voice_enabled,
                    "voice_rate": block.voice_rate,
                    **_offer_extras(block),
                }
                if block.lata is not None:
                    record["lata"] = block.lata
                if block.rate_center is not None:
                    record["rate_center"] = block.rate_center
                inventory[number] = (block.iso, record)
        return inventory

    @staticmethod
    def _services_filter(services: str | None) -> list[str]:
        if not services:
            return []
        wanted = [part.strip().lower() for part in services.split(",") if part.strip()]
        unknown = [part for part in wanted if part not in _SERVICES]
        if unknown:
            raise _ApiError(
                400, f"services: unknown service {unknown[0]!r}; use {', '.join(_SERVICES)}"
            )
        return wanted

    @staticmethod
    def _offers(record: Mapping[str, Any], services: Sequence[str]) -> bool:
        for service in services:
            flag = "voice_enabled" if service == "voice" else "sms_enabled"
            if not record.get(flag):
                return False
        return True

    def _op_search_numbers(self, request: _Request) -> Any:
        query = request.query
        country = str(query["country_iso"]).upper()
        if re.fullmatch(r"[A-Z]{2}", country) is None:
            raise _ApiError(
                400,
                f"country_iso: must be a two-letter ISO 3166-1 code, got {query['country_iso']!r}",
            )
        number_type = query.get("type")
        if number_type is not None and number_type not in _NUMBER_TYPES:
            raise _ApiError(
                400, f"type: must be one of {', '.join(_NUMBER_TYPES)}, got {number_type!r}"
            )
        pattern = query.get("pattern")
        regex = None
        if pattern:
            if re.fullmatch(r"[0-9A-Za-z*?]+", pattern) is None:
                raise _ApiError(
                    400, f"pattern: only digits, letters, * and ? allowed, got {pattern!r}"
                )
            regex = re.compile(
                "".join(
                    r"\d" if char in "*?" else _KEYPAD.get(char.upper(), char) for char in pattern
                )
            )
        services = self._services_filter(query.get("services"))
        items = []
        for number, (iso, record) in sorted(self._inventory.items()):
            if iso != country or number in self._owned:
                continue
            if number_type not in (None, "any") and record["type"] != number_type:
                continue
            calling = _split_calling_code(number)
            national = calling[1] if calling else number
            if regex is not None and regex.match(national) is None:
                continue
            if "region" in query and query["region"].lower() not in record["region"].lower():
                continue
            if "city" in query and query["city"].lower() != record["city"].lower():
                continue
            if "lata" in query and record.get("lata") != query["lata"]:
                continue
            if "rate_center" in query and record.get("rate_center") != query["rate_center"]:
                continue
            if not self._offers(record, services):
                continue
            if not _search_filters_match(national, record, query):
                continue
            items.append(record)
        return self._page(request, items)

    def _owned_number(self, number: str) -> dict[str, Any]:
        record = self._owned.get(_digits(number))
        if record is None:
            raise _ApiError(404, f"number {number} is not on this account")
        return record

    def _op_buy_number(self, request: _Request) -> Any:
        number = request.params["number"]
        digits = _digits(number)
        if digits in self._owned:
            raise _ApiError(400, f"number: {number} is already on this account")
        entry = self._inventory.get(digits)
        if entry is None:
            raise _ApiError(404, f"number {number} is not available to buy")
        _, offer = entry
        app_id = (request.body or {}).get("app_id")
        added = self._now().astimezone(timezone.utc).date()
        self._owned[digits] = {
            "number": digits,
            "alias": None,
            "application": f"{self._account}/Application/{app_id}/" if app_id else None,
            "carrier": "Plivo",
            "city": offer["city"],
            "country": offer["country"],
            "number_type": offer["type"],
            "monthly_rental_rate": offer["monthly_rental_rate"],
            "region": offer["region"],
            "resource_uri": f"{self._account}/Number/{digits}/",
            "sms_enabled": offer["sms_enabled"],
            "sms_rate": offer["sms_rate"],
            "sub_account": None,
            "voice_enabled": offer["voice_enabled"],
            "voice_rate": offer["voice_rate"],
            "added_on": added.isoformat(),
            "renewal_date": (added + timedelta(days=30)).isoformat(),
            **_owned_extras(offer, request.body or {}),
        }
        return {
            "api_id": request.api_id,
            "message": "created",
            "status": "fulfilled",
            "fallback_number": None,
            "numbers": [{"number": digits, "status": "Success"}],
        }

    def _op_list_numbers(self, request: _Request) -> Any:
        query = request.query
        services = self._services_filter(query.get("services"))
        number_type = query.get("type")
        items = [
            record
            for record in self._owned.values()
            if (number_type in (None, "any") or record["number_type"] == number_type)
            and record["number"].startswith(_digits(str(query.get("number_startswith", ""))))
            and ("subaccount" not in query or record["sub_account"] == query["subaccount"])
            and ("alias" not in query or record["alias"] == query["alias"])
            and self._offers(record, services)
            and _number_filters_match(record, query)
        ]
        items.reverse()  # newest first
        return self._page(request, items)

    def _op_get_number(self, request: _Request) -> Any:
        record = self._owned_number(request.params["number"])
        return {"api_id": request.api_id, **copy.deepcopy(record)}

    def _op_update_number(self, request: _Request) -> Any:
        record = self._owned_number(request.params["number"])
        body = request.body
        if "app_id" in body:
            app_id = body["app_id"]
            record["application"] = f"{self._account}/Application/{app_id}/" if app_id else None
        if "subaccount" in body:
            record["sub_account"] = body["subaccount"] or None
        if "alias" in body:
            record["alias"] = body["alias"]
        _apply_number_update(record, body)
        return {"api_id": request.api_id, "message": "changed"}

    def _op_delete_number(self, request: _Request) -> Any:
        record = self._owned_number(request.params["number"])
        del self._owned[record["number"]]
        for agent_uuid, numbers in self._agent_numbers.items():
            self._agent_numbers[agent_uuid] = [n for n in numbers if _digits(n) != record["number"]]
        return None

    # -- lookup ------------------------------------------------------------------------------

    def _op_lookup_number(self, request: _Request) -> Any:
        number = request.params["number"].strip()
        if not _is_phone(number):
            raise _ApiError(400, f"number: {number!r} is not an E.164 phone number")
        lookup_type = request.query.get("type", "carrier")
        if lookup_type not in ("carrier", "caller_name"):
            raise _ApiError(400, f"type: must be 'carrier' or 'caller_name', got {lookup_type!r}")
        digits = _digits(number)
        split = _split_calling_code(digits)
        if split is None:
            raise _ApiError(404, f"no lookup data for +{digits}: unknown country calling code")
        code, national = split
        iso2, iso3, name, mcc, trunk = _COUNTRIES[code]
        if code == "1" and national[:3] in _CANADA_AREA_CODES:
            iso2, iso3, name, mcc, trunk = _CANADA
        seed = zlib.crc32(digits.encode())
        carriers = _CARRIERS.get(iso2, (f"{name} Telecom",))
        if code == "1" and national.startswith(("800", "833", "844", "855", "866", "877", "888")):
            line_type = "tollfree"
        elif code == "44":
            line_type = "mobile" if national.startswith("7") else "fixed"
        else:
            line_type = ("mobile", "mobile", "fixed", "voip")[seed % 4]
        if code == "1":
            national_format = f"({national[:3]}) {national[3:6]}-{national[6:]}"
            international = f"+1 {national[:3]}-{national[3:6]}-{national[6:]}"
            rfc3966 = f"tel:+1-{national[:3]}-{national[3:6]}-{national[6:]}"
        else:
            national_format = trunk + _group(national, " ")
            international = f"+{code} {_group(national, ' ')}"
            rfc3966 = f"tel:+{code}-{_group(national, '-')}"
        result: dict[str, Any] = {
            "api_id": request.api_id,
            "phone_number": f"+{digits}",
            "country": {"iso2": iso2, "iso3": iso3, "name": name, "code": code},
            "format": {
                "e164": f"+{digits}",
                "national": national_format,
                "international": international,
                "rfc3966": rfc3966,
            },
            "carrier": {
                "name": carriers[seed % len(carriers)],
                "type": line_type,
                "mobile_country_code": mcc,
                "mobile_network_code": f"{seed % 90 + 10:02d}" if line_type == "mobile" else "",
                "ported": "yes" if seed % 5 == 0 else "no",
            },
            "resource_uri": f"/v1/Number/+{digits}?type={lookup_type}",
        }
        if lookup_type == "caller_name":
            result["caller_name"] = {"name": _CALLER_NAMES[seed % len(_CALLER_NAMES)]}
        return result


# ------------------------------------------------------------------------------------------
# Command line
# ------------------------------------------------------------------------------------------


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
        "--log-level",
        default="WARNING",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        help="logging level of plivo_agentstack.testing (WARNING; DEBUG logs every request)",
    )
    args = parser.parse_args(argv)
    if not 0 <= args.port <= 65535:
        parser.error(f"--port must be between 0 and 65535, got {args.port}")
    logging.basicConfig(level=args.log_level, format="%(asctime)s %(levelname)s %(message)s")
    try:
        fake = FakePlivo(args.auth_id, args.auth_token)
        server = FakeServer(fake, args.host, args.port)
    except (ValueError, OSError) as exc:
        parser.error(str(exc))

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
    print(
        f"FakePlivo listening on {server.base_url} "
        f"(auth_id={fake.auth_id} auth_token={fake.auth_token}); Ctrl-C to stop",
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
