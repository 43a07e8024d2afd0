"""The exceptions raised by the SDK, shared by the async and the sync package.

Every error the SDK raises for an API or transport problem is a :class:`PlivoError`:

- an HTTP error status maps to a subclass (``ValidationError`` 400, ``AuthenticationError`` 401,
  ``ForbiddenError`` 403, ``NotFoundError`` 404, ``RateLimitError`` 429, ``ServerError`` >= 500;
  any other status raises ``PlivoError`` itself);
- a transport failure, or a response that cannot be read, raises ``APIConnectionError``
  (``APITimeoutError`` for timeouts);
- a successful response without a field the API always sends (an id, say) raises
  ``MissingFieldError``, naming the field and the operation;
- a response body larger than the client's ``max_response_size`` raises
  ``ResponseTooLargeError``; a request on a closed client raises ``ClientClosedError``;
  ``get_next_page()`` on the last page raises ``NoNextPageError``;
- the WebSocket layer raises ``WebSocketError`` (``InvalidFrameError`` for a bad frame).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

__all__ = [
    "PlivoError",
    "ValidationError",
    "AuthenticationError",
    "ForbiddenError",
    "NotFoundError",
    "RateLimitError",
    "ServerError",
    "APIConnectionError",
    "APITimeoutError",
    "MissingFieldError",
    "ResponseTooLargeError",
    "ClientClosedError",
    "NoNextPageError",
    "WebSocketError",
    "InvalidFrameError",
]


class PlivoError(Exception):
    """Base class of every SDK error; carries the HTTP status, parsed body and ``api_id``."""

    def __init__(
        self,
        message: str,
        status_code: int | None = None,
        body: Any = None,
        *,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status_code = status_code
        self.body: Any = {} if body is None else body
        self.response = response

    @property
    def api_id(self) -> str | None:
        """The ``api_id`` the API returned with the error, when there is one."""
        if isinstance(self.body, Mapping):
            value = self.body.get("api_id")
            return value if isinstance(value, str) else None
        return None

    @property
    def error_code(self) -> int | None:
        """Plivo's numeric ``error_code`` from the error body (lookup sends one), if any."""
        if isinstance(self.body, Mapping):
            value = self.body.get("error_code")
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            if isinstance(value, str) and value.isdigit():
                return int(value)
        return None

    def __str__(self) -> str:
        """The message with the HTTP status and ``api_id`` (quote it to Plivo support)."""
        details = []
        if self.status_code is not None and self.message != f"HTTP {self.status_code}":
            details.append(f"HTTP {self.status_code}")
        if self.api_id:
            details.append(f"api_id {self.api_id}")
        return f"{self.message} ({', '.join(details)})" if details else self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, status_code={self.status_code!r})"


class ValidationError(PlivoError):
    """The API rejected the request as invalid (HTTP 400)."""


class AuthenticationError(PlivoError):
    """The credentials were missing or wrong (HTTP 401)."""


class ForbiddenError(AuthenticationError):
    """The credentials are valid but not allowed to do this (HTTP 403)."""


class NotFoundError(PlivoError):
    """The resource does not exist (HTTP 404)."""


class RateLimitError(PlivoError):
    """Too many requests (HTTP 429), raised once the retries are used up, or at once when the
    server's ``Retry-After`` (``retry_after``, in seconds) exceeds the client's
    ``max_retry_delay``."""

    def __init__(
        self,
        message: str,
        status_code: int | None = 429,
        body: Any = None,
        *,
        response: httpx.Response | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, status_code, body, response=response)
        self.retry_after = retry_after


class ServerError(PlivoError):
    """The API failed (HTTP 5xx), raised once the retries (if allowed) are used up."""


class APIConnectionError(PlivoError):
    """The request could not be completed: DNS, connect, TLS, a dropped connection, or a
    response body that could not be read or decoded (truncated, bad ``Content-Encoding``)."""


class APITimeoutError(APIConnectionError):
    """The request timed out: one attempt (connect, send, reads) took longer than ``timeout``."""


class MissingFieldError(PlivoError, KeyError):
    """A response lacks a field the API always sends, or sent it as ``null``.

    ``field`` is the field's wire name, ``model`` the schema that requires it and ``operation``
    the operation whose response it was (``None`` for a model built with ``from_dict``, where it
    is also the ``KeyError`` that method raised before). ``status_code``, ``body`` and
    ``response`` are those of the response.
    """

    def __init__(
        self,
        message: str,
        status_code: int | None = None,
        body: Any = None,
        *,
        response: httpx.Response | None = None,
        field: str = "",
        model: str = "",
        operation: str | None = None,
    ) -> None:
        super().__init__(message, status_code, body, response=response)
        self.field = field
        self.model = model
        self.operation = operation

    @classmethod
    def for_field(
        cls, field: str, model: str, operation: str | None = None, method: str = ""
    ) -> MissingFieldError:
        """The error for required field ``field`` of ``model``, in the response of ``operation``
        (the operation id) when given, which the SDK calls as ``method`` (``agent.agents.list``)."""
        if operation:
            call = f"client.{method}() (operation {operation})" if method else operation
            where = f"{call}: the response"
        else:
            where = f"{model}.from_dict: the data"
        return cls(
            f"{where} has no {field!r} (or it is null), which {model} always has",
            field=field,
            model=model,
            operation=operation,
        )

    def __str__(self) -> str:
        return self.message  # not KeyError's repr()


class ResponseTooLargeError(PlivoError):
    """The response body was larger than the client's ``max_response_size``; it was not read
    further and the request is not retried. ``status_code`` is the response's status and
    ``max_size`` the limit in bytes."""

    def __init__(
        self,
        message: str,
        status_code: int | None = None,
        body: Any = None,
        *,
        response: httpx.Response | None = None,
        max_size: int = 0,
    ) -> None:
        super().__init__(message, status_code, body, response=response)
        self.max_size = max_size


class ClientClosedError(PlivoError):
    """The client was closed (``close()``, or the end of its ``with`` block): create a new one."""


class NoNextPageError(PlivoError):
    """``get_next_page()`` was called on the last page: check ``has_next_page()`` first."""


class WebSocketError(PlivoError):
    """A problem on a VoiceApp WebSocket connection."""


class InvalidFrameError(WebSocketError):
    """An inbound WebSocket frame that is not a JSON object with a ``type`` (or ``event``)."""


_STATUS_ERRORS: dict[int, type[PlivoError]] = {
    400: ValidationError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    429: RateLimitError,
}


def error_class_for_status(status_code: int) -> type[PlivoError]:
    """Return the exception class for an HTTP error status."""
    if status_code >= 500:
        return ServerError
    return _STATUS_ERRORS.get(status_code, PlivoError)


def error_message(status_code: int, body: Any) -> str:
    """The message of an API error: the body's ``error``, else ``message``, else the status."""
    if isinstance(body, Mapping):
        for key in ("error", "message"):
            value = body.get(key)
            if value:
                return value if isinstance(value, str) else str(value)
    return f"HTTP {status_code}"
