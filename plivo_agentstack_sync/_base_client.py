# Do not edit: `nox -s codegen` derives this from plivo_agentstack/_base_client.py.
"""The one request loop: auth, headers, JSON, retries, typed errors, pagination entry points.

Hand-written, async. ``plivo_agentstack_sync/_base_client.py`` is derived from this file by
``nox -s codegen`` (unasync), so keep it free of tasks and gathers: only ``await`` of I/O.
"""

from __future__ import annotations

import base64
import contextlib
import email.utils
import json
import logging
import os
import random
import re
import ssl
import threading
import time
import weakref
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

import httpx

from plivo_agentstack._deadline import CURRENT, Deadline
from plivo_agentstack._response import APIResponse
from plivo_agentstack._telemetry import RequestSpan, live_tracer
from plivo_agentstack._types import NOT_GIVEN, NotGiven, SupportsToDict
from plivo_agentstack._version import __version__
from plivo_agentstack.errors import (
    APIConnectionError,
    APITimeoutError,
    ClientClosedError,
    MissingFieldError,
    PlivoError,
    RateLimitError,
    ResponseTooLargeError,
    error_class_for_status,
    error_message,
)

from .pagination import Envelope, Page

__all__ = ["APIClient", "APIResource", "DEFAULT_BASE_URL"]

log: logging.Logger = logging.getLogger("plivo_agentstack")

DEFAULT_BASE_URL = "https://api.plivo.com"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RESPONSE_SIZE = 16 * 1024 * 1024
DEFAULT_MAX_RETRIES = 3
# Connections of the client's own pool. At most this many requests enter httpx at a time; the
# others wait in a semaphore, where waking one costs O(1) (httpx's own queue is scanned against
# every connection for every queued request, which made a burst of 2,000 take minutes).
MAX_CONNECTIONS = 100
DEFAULT_BACKOFF_FACTOR = 0.5
MAX_BACKOFF = 8.0
# The longest wait before a retry; a Retry-After asking for more raises instead of waiting.
DEFAULT_MAX_RETRY_DELAY = 60.0
# A wait before a retry longer than this is logged as a warning (the program seems stuck).
LONG_RETRY_DELAY = 5.0
USER_AGENT = f"plivo-agentstack-python/{__version__}"

# Requests that can be repeated without changing the outcome; POST/PATCH cannot.
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE", "PUT"})
# Transport failures that happen before any byte of the request reached the server.
_NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Request errors that would fail the same way again.
_PERMANENT_ERRORS = (httpx.UnsupportedProtocol, httpx.TooManyRedirects)
# An extra header name must be an RFC 9110 token; a value printable ASCII (tab allowed).
_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_HEADER_VALUE = re.compile(r"[\t\x20-\x7e]*")
_CLOSED_MESSAGE = "the client is closed; create a new one"
_NO_SLOTS = contextlib.nullcontext()  # a caller's http_client: its own limits apply
_UNTRACED = contextlib.nullcontext()  # an attempt when no OpenTelemetry tracer is configured

T = TypeVar("T")
ItemT = TypeVar("ItemT")
ClientT = TypeVar("ClientT", bound="APIClient")
TimeoutTypes = float | httpx.Timeout | None


def _json_default(value: Any) -> Any:
    """Encode models and builders (``to_dict()``) and other mappings/sequences inside a body."""
    if isinstance(value, SupportsToDict):
        return value.to_dict()
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _form_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    return json.dumps(value, default=_json_default)


def encode_multipart(fields: Mapping[str, Any]) -> tuple[bytes, str]:
    """A ``multipart/form-data`` body and its Content-Type (with the boundary).

    A field's value may be a list (the field repeats); a ``(file_name, bytes, content_type)``
    tuple is a file part, anything else a form field (booleans as ``true``/``false``, objects as
    JSON). The whole body is built before sending, so a retry sends exactly the same bytes.
    """
    data: dict[str, list[str]] = {}
    files: list[tuple[str, tuple[str, bytes, str]]] = []
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, tuple):
                files.append((key, item))
            elif item is not None:
                data.setdefault(key, []).append(_form_value(item))
    encoded = httpx.Request("POST", "https://multipart.invalid", data=data, files=files)
    return encoded.read(), encoded.headers["Content-Type"]


def _decode_json(response: httpx.Response) -> Any:
    """Decode a JSON body; an empty or non-JSON body decodes to ``None`` (never raises)."""
    if not response.content:
        return None
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):  # RecursionError: nesting too deep for the decoder
        return None


def parse_retry_after(value: str | None) -> float | None:
    """Parse ``Retry-After`` as seconds (at least 0) or an HTTP date; ``None`` when absent or
    unreadable. Not capped: the client's ``max_retry_delay`` decides whether to wait that long."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        seconds = when.timestamp() - time.time()
    if seconds != seconds:  # NaN
        return None
    return max(seconds, 0.0)


def _as_timeout(timeout: TimeoutTypes) -> httpx.Timeout:
    """The httpx timeout of a ``timeout`` option: no limit on waiting for a pooled connection."""
    if isinstance(timeout, httpx.Timeout):
        return timeout
    return httpx.Timeout(timeout, pool=None)


def _whole_request_seconds(timeout: TimeoutTypes) -> float | None:
    """The limit on one attempt's network time: ``timeout`` itself for a number; for an
    ``httpx.Timeout`` the largest of its connect/read/write limits (none if one is unlimited)."""
    if not isinstance(timeout, httpx.Timeout):
        return timeout
    phases = (timeout.connect, timeout.read, timeout.write)
    return None if any(p is None for p in phases) else max(p for p in phases if p is not None)


def _check_headers(headers: Mapping[str, str], what: str = "extra_headers") -> None:
    """Refuse a header that would be rejected on the wire or split the request (CR/LF/NUL)."""
    for name, value in headers.items():
        if not isinstance(name, str) or not _HEADER_NAME.fullmatch(name):
            raise ValueError(f"{what}: invalid header name {name!r}")
        if not isinstance(value, str) or not _HEADER_VALUE.fullmatch(value):
            raise ValueError(
                f"{what}: the value of {name!r} must be printable ASCII text without "
                f"CR, LF or NUL, got {value!r}"
            )


def _is_permanent(exc: httpx.RequestError) -> bool:
    """A failure that would happen again: a bad URL scheme, a redirect loop, or a TLS
    certificate the client does not trust (retrying cannot make it valid)."""
    if isinstance(exc, _PERMANENT_ERRORS):
        return True
    cause: BaseException | None = exc
    for _ in range(8):  # httpx error -> httpcore error -> ssl error
        if cause is None:
            return False
        if isinstance(cause, ssl.SSLCertVerificationError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


# Pools built by clients in this process; a forked child sets them aside (see _Pool.forget).
_POOLS: weakref.WeakSet[_Pool] = weakref.WeakSet()
# What children inherited: kept referenced, never used or closed (see _Pool.forget).
_INHERITED: list[object] = []


def _forget_pools_after_fork() -> None:
    for pool in list(_POOLS):
        pool.forget()


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork()
    os.register_at_fork(after_in_child=_forget_pools_after_fork)


class _Pool:
    """The httpx client a client built for itself, shared with its ``with_options`` copies.

    It is never shared with another process: in a forked child the inherited connections are
    set aside and a fresh pool is built on first use. The async pool also belongs to one event
    loop at a time: used on another loop (``asyncio.run(setup())`` then ``asyncio.run(main())``)
    it builds a fresh pool there, and the old loop's connections are closed on that loop.
    """

    def __init__(self, build: Callable[[], httpx.Client]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self.closed = False
        self.http: httpx.Client | None = build()
        self.slots = threading.Semaphore(MAX_CONNECTIONS)  # see MAX_CONNECTIONS
        _POOLS.add(self)

    def get(self) -> httpx.Client:
        """The httpx client to send with now (built again after a fork or a loop change)."""
        http = self.http
        if http is None:
            http = self._rebuild()
        return http

    def _rebuild(self) -> httpx.Client:
        with self._lock:
            if self.closed:
                raise ClientClosedError(_CLOSED_MESSAGE)
            if self.http is None:
                self.http = self._build()
            return self.http

    def forget(self) -> None:
        """In a forked child: set the inherited connections aside and build anew on first use.

        The parent owns those sockets; the child must neither use them nor close them (closing
        runs httpx/httpcore code that takes locks a parent thread may have held at the fork, and
        TLS or HTTP/2 may write on the shared socket). They stay referenced, so they are never
        garbage collected and closed, and are released when the child exits.
        """
        self._lock = threading.Lock()  # another thread may have held it at the fork
        self.slots = threading.Semaphore(MAX_CONNECTIONS)  # as may a request of another thread
        if self.closed:
            return
        _INHERITED.append(self.http)
        self.http = None

    def close(self) -> None:
        """Close the pool for good; later requests raise ``ClientClosedError``."""
        self.closed = True
        if self.http is not None:
            self.http.close()


class APIClient:
    """Credentials, the HTTP connection pool and the request loop shared by every resource."""

    def __init__(
        self,
        *,
        auth_id: str,
        auth_token: str,
        base_url: str = DEFAULT_BASE_URL,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff_factor: float = DEFAULT_BACKOFF_FACTOR,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        http_client: httpx.Client | None = None,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        server_urls: Mapping[str, str] | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        self._setup(
            default_headers=default_headers or {},
            auth_id=auth_id,
            auth_token=auth_token,
            base_url=base_url,
            server_urls=server_urls or {},
            timeout=timeout,
            max_retries=max_retries,
            backoff_factor=backoff_factor,
            max_retry_delay=max_retry_delay,
            max_response_size=max_response_size,
            http_client=http_client,
            pool=None,
        )

    def _setup(
        self,
        *,
        auth_id: str,
        auth_token: str,
        base_url: str,
        server_urls: Mapping[str, str],
        timeout: TimeoutTypes | NotGiven,
        max_retries: int,
        backoff_factor: float,
        max_retry_delay: float,
        max_response_size: int | None,
        http_client: httpx.Client | None,
        pool: _Pool | None,
        default_headers: Mapping[str, str],
    ) -> None:
        _check_headers(default_headers, "default_headers")
        if any(name.lower() == "authorization" for name in default_headers):
            raise ValueError("default_headers: Authorization comes from auth_id and auth_token")
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {max_retries}")
        if backoff_factor < 0:
            raise ValueError(f"backoff_factor must be 0 or more, got {backoff_factor}")
        if not max_retry_delay >= 0:  # NaN too
            raise ValueError(f"max_retry_delay must be 0 or more seconds, got {max_retry_delay}")
        if max_response_size is not None and max_response_size <= 0:
            raise ValueError(f"max_response_size must be positive or None, got {max_response_size}")
        self._auth_id = auth_id
        self._auth_token = auth_token
        self.base_url: str = base_url.rstrip("/")
        self._server_urls = {spec: url.rstrip("/") for spec, url in server_urls.items() if url}
        self._default_base = self.base_url == DEFAULT_BASE_URL
        if isinstance(timeout, NotGiven):  # a caller's http_client keeps its own timeout
            timeout = DEFAULT_TIMEOUT if http_client is None else http_client.timeout
        self.timeout = timeout
        self._timeout = _as_timeout(timeout)  # built once, not per request
        self._whole_timeout = _whole_request_seconds(timeout)
        self.max_retries = max_retries
        self.backoff_factor = backoff_factor
        self.max_retry_delay = max_retry_delay
        self.max_response_size = max_response_size
        credentials = base64.b64encode(f"{auth_id}:{auth_token}".encode()).decode("ascii")
        self.default_headers: dict[str, str] = dict(default_headers)
        self._raw = False  # raw_view(): requests return APIResponse
        headers = {
            "Authorization": f"Basic {credentials}",
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
            **self.default_headers,
        }
        # On our own pool the headers and timeout are client defaults, which spares httpx a
        # merge per request; a caller's pool gets them on every request instead.
        self._request_headers: dict[str, str] | None
        self._default_timeout: httpx.Timeout | httpx._client.UseClientDefault
        self._pool: _Pool | None
        self._caller_http: httpx.Client | None
        self._owns_pool = http_client is None and pool is None
        if pool is not None:  # a with_options copy: the original's pool, per-request settings
            self._pool = pool
            self._caller_http = None
            self._request_headers = None
            self._default_timeout = self._timeout
        elif http_client is None:
            origins, timeout_ = [self.base_url, *self._server_urls.values()], self._timeout

            def build() -> httpx.Client:
                from ._transport import build_http_client

                return build_http_client(origins, headers, timeout_, MAX_CONNECTIONS)

            self._pool = _Pool(build)
            self._caller_http = None
            self._request_headers = None
            self._default_timeout = httpx.USE_CLIENT_DEFAULT
        else:
            self._pool = None
            self._caller_http = http_client
            self._request_headers = headers
            self._default_timeout = self._timeout

    @property
    def _http(self) -> httpx.Client:
        """The httpx client requests go through now (the caller's, or this client's own)."""
        if self._pool is None:
            assert self._caller_http is not None
            return self._caller_http
        return self._pool.get()

    def origin(self, server: str | None) -> str:
        """The base URL of a request whose operation lives on ``server`` (``None``: the API's).

        An operation on another host (the spec's per-operation ``servers``, e.g. lookup) goes to
        its override when one was given, else to that host, except that a client whose
        ``base_url`` was overridden (a proxy, a test server, the fake API) sends it there too.
        """
        if server is None:
            return self.base_url
        return self._server_urls.get(server) or (server if self._default_base else self.base_url)

    @property
    def auth_id(self) -> str:
        """The account auth ID used for Basic auth and the ``/v1/Account/{auth_id}`` prefix."""
        return self._auth_id

    def __repr__(self) -> str:
        return f"{type(self).__name__}(auth_id={self._auth_id!r}, base_url={self.base_url!r})"

    def with_options(
        self: ClientT,
        *,
        base_url: str | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        backoff_factor: float | None = None,
        max_retry_delay: float | None = None,
        max_response_size: int | None | NotGiven = NOT_GIVEN,
    ) -> ClientT:
        """Return a client with some options changed (those of the constructor); the
        credentials and the other options are this client's.

        With the same base URL, headers and ``http_client`` the copy shares this client's
        connection pool: closing the copy leaves the pool open, closing the original closes it
        for both. A copy with another ``base_url``, ``default_headers`` or ``http_client`` has
        connections of its own (close it too); a new ``http_client`` keeps its own timeout
        unless ``timeout`` is given.
        """
        clone = type(self).__new__(type(self))
        own_connections = (
            base_url is not None or default_headers is not None or http_client is not None
        )
        if isinstance(timeout, NotGiven) and http_client is None:
            timeout = self.timeout
        # A sharing copy shares the pool itself (not its current httpx client), so that it
        # follows the pool to fresh connections after a fork or an event loop change.
        clone._setup(
            auth_id=self._auth_id,
            auth_token=self._auth_token,
            base_url=self.base_url if base_url is None else base_url,
            server_urls=self._server_urls,
            default_headers=self.default_headers if default_headers is None else default_headers,
            timeout=timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
            backoff_factor=self.backoff_factor if backoff_factor is None else backoff_factor,
            max_retry_delay=self.max_retry_delay if max_retry_delay is None else max_retry_delay,
            max_response_size=(
                self.max_response_size
                if isinstance(max_response_size, NotGiven)
                else max_response_size
            ),
            http_client=http_client if own_connections else self._caller_http,
            pool=None if own_connections else self._pool,
        )
        return clone

    def raw_view(self: ClientT) -> ClientT:
        """A copy sharing this client's pool whose requests return ``APIResponse`` (status,
        headers, request id and the parsed value): what ``with_raw_response`` runs on."""
        view = self.with_options()
        view._raw = True
        return view

    def close(self) -> None:
        """Close the connection pool (unless it was passed in by the caller, or this client is
        a ``with_options`` copy sharing it). A closed client raises ``ClientClosedError``."""
        if self._pool is not None and self._owns_pool:
            self._pool.close()

    def __enter__(self: T) -> T:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def _retry_delay(self, attempt: int, response: httpx.Response | None) -> float | None:
        """Seconds to wait before retry number ``attempt + 1``; ``None``: do not retry.

        The server's ``Retry-After`` when it sent one, else the jittered back-off; neither waits
        longer than ``max_retry_delay``: the back-off is capped at it, and a ``Retry-After``
        asking for more gives ``None`` (waiting less would be refused again).
        """
        if response is not None:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if retry_after is not None:
                return None if retry_after > self.max_retry_delay else retry_after
        delay = min(self.backoff_factor * 2.0**attempt, MAX_BACKOFF, self.max_retry_delay)
        return delay * (1 - 0.25 * random.random())

    def _status_error(self, response: httpx.Response) -> PlivoError:
        body = _decode_json(response)
        if body is None:
            text = response.text.strip()
            body = {"message": text} if text else {}
        status = response.status_code
        message = error_message(status, body)
        cls = error_class_for_status(status)
        if cls is RateLimitError:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            return RateLimitError(message, status, body, response=response, retry_after=retry_after)
        return cls(message, status, body, response=response)

    def request(
        self,
        request: Mapping[str, Any],
        parse: Callable[[Any], T],
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> T:
        """Send a request built by a ``_generated`` builder, retrying as the policy allows.

        ``timeout`` bounds each attempt as a whole (connect, send, every read of the response;
        not the wait for a free pooled connection, nor the back-off between attempts).
        """
        method = str(request["method"]).upper()
        path = str(request["url"])
        server = request.get("server")
        url = self.origin(server) + path
        params = request.get("params") or None  # builders already drop None values
        if extra_query:  # a named argument wins over an extra one of the same name
            merged = {**extra_query, **(params or {})}
            params = {key: value for key, value in merged.items() if value is not None}
        headers = self._request_headers
        multipart = request.get("multipart")
        body = request.get("json") if multipart is None else multipart
        if extra_body:
            body = {**extra_body, **(body or {})}
        content: bytes | None = None
        if body is not None or extra_headers:
            headers = dict(headers or {})
            if multipart is not None:
                content, headers["Content-Type"] = encode_multipart(body or {})
            elif body is not None:
                content = json.dumps(body, default=_json_default).encode()
                headers["Content-Type"] = "application/json"
            if extra_headers:
                _check_headers(extra_headers)
                headers.update(extra_headers)
        if isinstance(timeout, NotGiven):
            request_timeout = self._default_timeout
            whole = self._whole_timeout
        else:
            request_timeout = _as_timeout(timeout)
            whole = _whole_request_seconds(timeout)
        retries = self.max_retries if max_retries is None else max_retries
        idempotent = method in _IDEMPOTENT_METHODS
        debug = log.isEnabledFor(logging.DEBUG)
        http = self._http  # first: a pool rebuilt for this loop or process has new slots
        pool = self._pool
        slots: threading.Semaphore | contextlib.nullcontext[None] = (
            _NO_SLOTS if pool is None else pool.slots
        )
        tracer = live_tracer()  # OpenTelemetry: a span per attempt while a provider is set

        attempt = 0
        while True:
            started = time.monotonic() if debug else 0.0
            response: httpx.Response | None = None
            error: PlivoError | None = None
            outgoing = http.build_request(
                method,
                url,
                params=params,  # None, not {}: an empty dict re-parses the URL
                content=content,
                headers=headers,
                timeout=request_timeout,
            )
            span = None if tracer is None else RequestSpan(tracer, outgoing, attempt)
            deadline = CURRENT.set(None if whole is None else Deadline(whole))
            try:
                with span or _UNTRACED:
                    with slots:
                        response = http.send(outgoing, stream=True)
                        try:
                            self._read_body(response)
                        finally:
                            response.close()
                    if span is not None:
                        span.received(response.status_code)
            except httpx.RequestError as exc:
                # TransportError, and also DecodingError (a body that does not decode as its
                # Content-Encoding says) and TooManyRedirects, which are not TransportErrors.
                timed_out = isinstance(exc, httpx.TimeoutException)
                error = (APITimeoutError if timed_out else APIConnectionError)(
                    f"{method} {path} failed: {exc!r}"
                )
                error.__cause__ = exc
                sent = not isinstance(exc, _NOT_SENT_ERRORS)
                retryable = (idempotent or not sent) and not _is_permanent(exc)
                outcome: object = type(exc).__name__
            except RuntimeError as exc:
                if not http.is_closed:
                    raise
                raise ClientClosedError(_CLOSED_MESSAGE) from exc
            else:
                outcome = response.status_code
                if not response.is_success:
                    error = self._status_error(response)
                    status = response.status_code
                    retryable = status == 429 or (status >= 500 and idempotent)
            finally:
                CURRENT.reset(deadline)
            if debug:
                elapsed = (time.monotonic() - started) * 1000
                log.debug(
                    "%s %s -> %s (attempt %d, %.1f ms)", method, path, outcome, attempt + 1, elapsed
                )
            if error is None:
                assert response is not None
                parsed = self._parse(response, parse)
                return cast(T, APIResponse(response, parsed)) if self._raw else parsed
            retry = retryable and attempt < retries
            delay = self._retry_delay(attempt, response) if retry else None
            if delay is None:
                raise error
            log.log(
                logging.WARNING if delay > LONG_RETRY_DELAY else logging.DEBUG,
                "retrying %s %s in %.2f s (attempt %d of %d failed: %s)",
                method,
                path,
                delay,
                attempt + 1,
                retries + 1,
                outcome,
            )
            self._sleep(delay)
            attempt += 1

    def _read_body(self, response: httpx.Response) -> None:
        """Read the (decoded) body, at most ``max_response_size`` bytes, into ``response``."""
        limit = self.max_response_size
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if limit is not None and size > limit:
                raise ResponseTooLargeError(
                    f"{response.request.method} {response.request.url.raw_path.decode()}: the "
                    f"response body is larger than max_response_size ({limit} bytes); not read "
                    "further",
                    response.status_code,
                    max_size=limit,
                )
            chunks.append(chunk)
            deadline = CURRENT.get()
            if deadline is not None and deadline.remaining() <= 0:
                # Only a caller's http_client gets here: our own transport caps every read.
                raise httpx.ReadTimeout(
                    f"the request took longer than its timeout ({deadline.seconds:g} s)",
                    request=response.request,
                )
        # The body as httpx itself would keep it, so that response.content, .text and .json()
        # work (for errors that carry the response, too).
        response._content = b"".join(chunks)

    def _parse(self, response: httpx.Response, parse: Callable[[Any], T]) -> T:
        data = _decode_json(response)
        try:
            return parse(data)
        except MissingFieldError as exc:  # names the field and the operation already
            exc.status_code, exc.body, exc.response = response.status_code, data, response
            raise
        except (TypeError, ValueError, KeyError, AttributeError) as exc:
            raise PlivoError(
                f"Unexpected response body for HTTP {response.status_code}: {exc}",
                response.status_code,
                data,
                response=response,
            ) from exc

    def fetch_page(
        self,
        request: Mapping[str, Any],
        parse: Callable[[Any], Envelope[ItemT]],
        **options: Any,
    ) -> Page[ItemT]:
        """Request one page of a list operation."""
        extra_query = options.pop("extra_query", None)
        if extra_query:
            # Fold extra query parameters into the page's own, so that the next page's
            # offset replaces the caller's rather than being overridden by it.
            request = {**request, "params": {**extra_query, **(request.get("params") or {})}}
        envelope = self.request(request, parse, **options)
        if self._raw:  # the first page of with_raw_response: later pages come parsed
            raw = cast(APIResponse[Envelope[ItemT]], envelope)
            page = Page(self.with_options(), request, parse, options, raw.parse())
            return cast(Page[ItemT], APIResponse(raw.http_response, page))
        return Page(self, request, parse, options, envelope)

    paginate = fetch_page


class APIResource:
    """Base of the generated resource classes: holds the client they send requests through."""

    def __init__(self, client: APIClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
