"""Shared fixtures: every REST test runs against both packages (``flavor`` = async / sync).

Tests are ``async def`` (run by anyio's pytest plugin); for the sync flavour the client's
blocking calls run inline, and :func:`resolve` / :func:`collect` hide the difference.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import respx

import plivo_agentstack
import plivo_agentstack_sync
from plivo_agentstack._base_client import AsyncAPIClient
from plivo_agentstack.testing.fake_api import load_spec
from plivo_agentstack_sync._base_client import APIClient

AUTH_ID = "MATESTAUTHID0000001"
AUTH_TOKEN = "test-token-secret-0001"
BASE_URL = "https://api.plivo.com"
ACCOUNT = f"/v1/Account/{AUTH_ID}"


@functools.cache
def any_success_body() -> dict[str, Any]:
    """A JSON body every operation's success parses: the fields some success response requires,
    with placeholder values (for tests about the request, not the response)."""
    spec = load_spec()
    body: dict[str, Any] = {}
    for operation in spec.operations.values():
        schema = operation.responses.get(str(operation.success_status)) or {}
        schema = spec.validator.resolve(schema)
        properties = schema.get("properties", {})
        for name in schema.get("required", []):
            kind = properties[name].get("type", "object")
            body[name] = [] if kind == "array" else {} if kind == "object" else "x"
    return body


@pytest.fixture
def anyio_backend() -> str:
    """Run async tests on asyncio."""
    return "asyncio"


@pytest.fixture(params=["async", "sync"])
def flavor(request: pytest.FixtureRequest) -> str:
    """Which package a test drives."""
    return str(request.param)


def make_client(flavor: str, **kwargs: Any) -> Any:
    """A client of the given flavour with test credentials."""
    kwargs.setdefault("auth_id", AUTH_ID)
    kwargs.setdefault("auth_token", AUTH_TOKEN)
    if flavor == "async":
        return plivo_agentstack.AsyncClient(**kwargs)
    return plivo_agentstack_sync.Client(**kwargs)


@pytest.fixture
async def client(flavor: str) -> AsyncIterator[Any]:
    """A client of the current flavour, closed after the test."""
    instance = make_client(flavor)
    yield instance
    await resolve(instance.close())


@pytest.fixture
def mock_api() -> Iterator[respx.MockRouter]:
    """A respx router for https://api.plivo.com; every request must match a route."""
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        yield router


@pytest.fixture(autouse=True)
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Record retry back-off delays instead of sleeping."""
    recorded: list[float] = []

    async def fake_async_sleep(self: Any, seconds: float) -> None:
        recorded.append(seconds)

    def fake_sync_sleep(self: Any, seconds: float) -> None:
        recorded.append(seconds)

    monkeypatch.setattr(AsyncAPIClient, "_sleep", fake_async_sleep)
    monkeypatch.setattr(APIClient, "_sleep", fake_sync_sleep)
    return recorded


async def resolve(value: Any) -> Any:
    """Await ``value`` when it is awaitable (async flavour), else return it (sync flavour)."""
    if inspect.isawaitable(value):
        return await value
    return value


async def collect(iterable: Any) -> list[Any]:
    """Drain an async or a sync iterable into a list."""
    if hasattr(iterable, "__aiter__"):
        return [item async for item in iterable]
    return list(iterable)
