# Do not edit: `nox -s codegen` derives this from plivo_agentstack/_base_client.py.
"""The one request loop: auth, headers, JSON, retries, typed errors, pagination entry points.

Hand-written, async. ``plivo_agentstack_sync/_base_client.py`` is derived from this file by
``nox -s codegen`` (unasync), so keep it free of tasks and gathers: only ``await`` of I/O.
"""

from __future__ import annotations

import base64
import email.utils
import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import httpx

from plivo_agentstack._types import NOT_GIVEN, NotGiven, SupportsToDict
from plivo_agentstack._version import __version__
from plivo_agentstack.errors import (
    APIConnectionError,
    APITimeoutError,
    PlivoError,
    RateLimitError,
    error_class_for_status,
    error_message,
)

from .pagination import Envelope, Page

__all__ = ["APIClient", "APIResource", "DEFAULT_BASE_URL"]

log = logging.getLogger("plivo_agentstack")

DEFAULT_BASE_URL = "https://api.plivo.com"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 3
DEFAULT_BACKOFF_FACTOR = 0.5
MAX_BACKOFF = 8.0
MAX_RETRY_AFTER = 60.0
USER_AGENT = f"plivo-agentstack-python/{__version__}"

# Requests that can be repeated without changing the outcome; POST/PATCH cannot.
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE", "PUT"})
# Transport failures that happen before any byte of the request reached the server.
_NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Request errors that would fail the same way again.
_PERMANENT_ERRORS = (httpx.UnsupportedProtocol, httpx.TooManyRedirects)

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


def _decode_json(response: httpx.Response) -> Any:
    """Decode a JSON body; an empty or non-JSON body decodes to ``None`` (never raises)."""
    if not response.content:
        return None
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):  # RecursionError: nesting too deep for the decoder
        return None


def parse_retry_after(value: str | None) -> float | None:
    """Parse ``Retry-After`` as seconds or an HTTP date; ``None`` when absent or unreadable."""
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
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


class APIClient:
    """Credentials, the HTTP connection pool and the request loop shared by every resource."""

    def __init__(
        self,
        *,
        auth_id: str,
        auth_token: str,
        base_url: str = DEFAULT_BASE_URL,
        timeout: TimeoutTypes = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff_factor: float = DEFAULT_BACKOFF_FACTOR,
        http_client: httpx.Client | None = None,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {max_retries}")
        if backoff_factor < 0:
            raise ValueError(f"backoff_factor must be 0 or more, got {backoff_factor}")
        self._auth_id = auth_id
        self._auth_token = auth_token
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._timeout = httpx.Timeout(timeout)  # built once, not per request
        self.max_retries = max_retries
        self.backoff_factor = backoff_factor
        credentials = base64.b64encode(f"{auth_id}:{auth_token}".encode()).decode("ascii")
        headers = {
            "Authorization": f"Basic {credentials}",
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
        }
        self._owns_http = http_client is None
        # On our own pool the headers and timeout are client defaults, which spares httpx a
        # merge per request; a caller's pool gets them on every request instead.
        self._request_headers: dict[str, str] | None
        self._default_timeout: httpx.Timeout | httpx._client.UseClientDefault
        if http_client is None:
            self._http = httpx.Client(headers=headers, timeout=self._timeout)
            self._request_headers = None
            self._default_timeout = httpx.USE_CLIENT_DEFAULT
        else:
            self._http = http_client
            self._request_headers = headers
            self._default_timeout = self._timeout

    @property
    def auth_id(self) -> str:
        """The account auth ID used for Basic auth and the ``/v1/Account/{auth_id}`` prefix."""
        return self._auth_id

    def __repr__(self) -> str:
        return f"{type(self).__name__}(auth_id={self._auth_id!r}, base_url={self.base_url!r})"

    def with_options(
        self: ClientT,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        backoff_factor: float | None = None,
    ) -> ClientT:
        """Return a client with other defaults that shares this one's connection pool."""
        return type(self)(
            auth_id=self._auth_id,
            auth_token=self._auth_token,
            base_url=self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if max_retries is None else max_retries,
            backoff_factor=self.backoff_factor if backoff_factor is None else backoff_factor,
            http_client=self._http,
        )

    def close(self) -> None:
        """Close the connection pool (unless it was passed in by the caller)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self: T) -> T:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def _retry_delay(self, attempt: int, response: httpx.Response | None) -> float:
        """Seconds to wait before retry number ``attempt + 1``."""
        if response is not None:
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if retry_after is not None:
                return retry_after
        delay = min(self.backoff_factor * 2.0**attempt, MAX_BACKOFF)
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
        """Send a request built by a ``_generated`` builder, retrying as the policy allows."""
        method = str(request["method"]).upper()
        path = str(request["url"])
        url = self.base_url + path
        params = request.get("params") or None  # builders already drop None values
        if extra_query:
            merged = {**(params or {}), **extra_query}
            params = {key: value for key, value in merged.items() if value is not None}
        headers = self._request_headers
        body = request.get("json")
        if extra_body:
            body = {**(body or {}), **extra_body}
        content: bytes | None = None
        if body is not None or extra_headers:
            headers = dict(headers or {})
            if body is not None:
                content = json.dumps(body, default=_json_default).encode()
                headers["Content-Type"] = "application/json"
            if extra_headers:
                headers.update(extra_headers)
        request_timeout = (
            self._default_timeout if isinstance(timeout, NotGiven) else httpx.Timeout(timeout)
        )
        retries = self.max_retries if max_retries is None else max_retries
        idempotent = method in _IDEMPOTENT_METHODS
        debug = log.isEnabledFor(logging.DEBUG)

        attempt = 0
        while True:
            started = time.monotonic() if debug else 0.0
            response: httpx.Response | None = None
            error: PlivoError | None = None
            try:
                response = self._http.request(
                    method,
                    url,
                    params=params,  # None, not {}: an empty dict makes httpx re-parse the URL
                    content=content,
                    headers=headers,
                    timeout=request_timeout,
                )
            except httpx.RequestError as exc:
                # TransportError, and also DecodingError (a body that does not decode as its
                # Content-Encoding says) and TooManyRedirects, which are not TransportErrors.
                timed_out = isinstance(exc, httpx.TimeoutException)
                error = (APITimeoutError if timed_out else APIConnectionError)(
                    f"{method} {path} failed: {exc!r}"
                )
                error.__cause__ = exc
                sent = not isinstance(exc, _NOT_SENT_ERRORS)
                retryable = (idempotent or not sent) and not isinstance(exc, _PERMANENT_ERRORS)
                outcome: object = type(exc).__name__
            else:
                outcome = response.status_code
                if not response.is_success:
                    error = self._status_error(response)
                    status = response.status_code
                    retryable = status == 429 or (status >= 500 and idempotent)
            if debug:
                elapsed = (time.monotonic() - started) * 1000
                log.debug(
                    "%s %s -> %s (attempt %d, %.1f ms)", method, path, outcome, attempt + 1, elapsed
                )
            if error is None:
                assert response is not None
                return self._parse(response, parse)
            if not retryable or attempt >= retries:
                raise error
            delay = self._retry_delay(attempt, response)
            log.debug("retrying %s %s in %.2f s", method, path, delay)
            self._sleep(delay)
            attempt += 1

    def _parse(self, response: httpx.Response, parse: Callable[[Any], T]) -> T:
        data = _decode_json(response)
        try:
            return parse(data)
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
            request = {**request, "params": {**(request.get("params") or {}), **extra_query}}
        envelope = self.request(request, parse, **options)
        return Page(self, request, parse, options, envelope)

    paginate = fetch_page


class APIResource:
    """Base of the generated resource classes: holds the client they send requests through."""

    def __init__(self, client: APIClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
