"""``APIResponse``: what ``client.with_raw_response.<resource>.<method>(...)`` returns."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, TypeVar

import httpx

__all__ = ["APIResponse"]

T = TypeVar("T")


class APIResponse(Generic[T]):
    """An API response: its status, headers and request id, and the value the method returns
    (``parse()``). Shared by both clients; the body has been read already."""

    def __init__(self, http_response: httpx.Response, parsed: T) -> None:
        self.http_response = http_response
        self._parsed = parsed

    def parse(self) -> T:
        """The value the method returns without ``with_raw_response`` (a model, a page, ...)."""
        return self._parsed

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (case-insensitive)."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """Plivo's id of this request: the body's ``api_id`` (else an ``X-Request-Id`` header);
        quote it to Plivo support."""
        try:
            body: Any = self.http_response.json()
        except ValueError:
            body = None
        if isinstance(body, Mapping) and isinstance(body.get("api_id"), str):
            return str(body["api_id"])
        header = self.headers.get("x-request-id")
        return None if header is None else str(header)

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<APIResponse [{self.status_code}] {request.method} {request.url.path}>"
