"""REST fault injection against a real HTTP server on 127.0.0.1, for both packages.

Every scenario scripts the server (429 with every ``Retry-After`` form, 5xx, stalls, resets
before and after the request was read, truncated or undecodable bodies, non-JSON bodies), runs
one SDK call through it and checks the outcome against a model of the retry policy:

- the call returns the right result or raises the right :class:`PlivoError` subclass, never a
  bare httpx / json / ``KeyError``-style exception;
- GET/DELETE are retried on 429, 5xx and transport failures; POST/PATCH only on 429 (the server
  refused the request) or when the request was never sent, so a POST/PATCH that the server may
  have acted on is never delivered twice;
- the delays handed to ``_sleep`` (recorded by the ``sleeps`` fixture, nothing really sleeps)
  honour ``Retry-After`` up to ``max_retry_delay`` (60 s; a longer one raises at once),
  otherwise stay within the exponential back-off bounds, and no sleep follows the last attempt.
"""

from __future__ import annotations

import base64
import email.utils
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import attrs
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plivo_agentstack.errors import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    ForbiddenError,
    MissingFieldError,
    NotFoundError,
    PlivoError,
    RateLimitError,
    ServerError,
    ValidationError,
)
from plivo_agentstack.models import Agent, CallInitiateResult, MessageCreateResult
from tests.conftest import ACCOUNT, AUTH_ID, AUTH_TOKEN, make_client, resolve
from tests.reliability._http_server import (
    CLOSE_AFTER_READ,
    RESET_AFTER_READ,
    RESET_BEFORE_READ,
    RESET_ON_ACCEPT,
    STALL,
    STALL_MID_BODY,
    TRUNCATED,
    FaultServer,
    Reply,
    fault,
    respond,
)

pytestmark = pytest.mark.anyio

TIMEOUT = 0.25  # seconds; only the stall scenarios ever wait for it
MAX_BACKOFF = 8.0
MAX_RETRY_DELAY = 60.0  # the client's default
AGENT_UUID = "a1b2c3d4-0000-4000-8000-000000000001"
AGENT = {"api_id": "g-1", "agent_uuid": AGENT_UUID, "agent_name": "support"}
QUEUED = {"api_id": "q-1", "message": "message(s) queued", "message_uuid": ["m-1"]}
CALL = {"api_id": "c-1", "call_uuid": "call-1", "message": "call fired"}
BASIC = "Basic " + base64.b64encode(f"{AUTH_ID}:{AUTH_TOKEN}".encode()).decode()


# --- the server -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server() -> Iterator[FaultServer]:
    """One fault server for the module; each scenario re-scripts it."""
    with FaultServer() as instance:
        yield instance


# --- operations under test ------------------------------------------------------------------


@dataclass(frozen=True)
class Op:
    """An SDK call, the request it must send and the result of a clean 2xx."""

    name: str
    method: str
    path: str
    call: Callable[[Any], Any]
    ok: Reply
    model: type | None  # the result type (None: the call returns None)
    check: Callable[[Any], bool]

    @property
    def idempotent(self) -> bool:
        """Whether the policy may repeat this request after it reached the server."""
        return self.method in {"GET", "DELETE"}


OPS = [
    Op(
        "get",
        "GET",
        f"{ACCOUNT}/Agent/{AGENT_UUID}",
        lambda c: c.agent.agents.get(AGENT_UUID),
        respond(200, AGENT),
        Agent,
        lambda r: r.agent_uuid == AGENT_UUID and r.agent_name == "support",
    ),
    Op(
        "delete",
        "DELETE",
        f"{ACCOUNT}/Agent/{AGENT_UUID}",
        lambda c: c.agent.agents.delete(AGENT_UUID),
        respond(204),
        None,
        lambda r: r is None,
    ),
    Op(
        "messages.create",
        "POST",
        f"{ACCOUNT}/Message/",
        lambda c: c.messages.create(src="+14155550100", dst="+14155550101", text="hi ✓"),
        respond(202, QUEUED),
        MessageCreateResult,
        lambda r: r.message_uuid == ["m-1"],
    ),
    Op(
        "agents.create",
        "POST",
        f"{ACCOUNT}/Agent",
        lambda c: c.agent.agents.create(agent_name="support", websocket_url="wss://x.test/ws"),
        respond(201, AGENT),
        Agent,
        lambda r: r.agent_uuid == AGENT_UUID,
    ),
    Op(
        "agents.update",
        "PATCH",
        f"{ACCOUNT}/Agent/{AGENT_UUID}",
        lambda c: c.agent.agents.update(AGENT_UUID, agent_name="renamed"),
        respond(200, AGENT),
        Agent,
        lambda r: r.agent_uuid == AGENT_UUID,
    ),
    Op(
        "calls.initiate",
        "POST",
        f"{ACCOUNT}/AgentCall",
        lambda c: c.agent.calls.initiate(AGENT_UUID, "+14155550100", "+14155550101"),
        respond(201, CALL),
        CallInitiateResult,
        lambda r: r.call_uuid == "call-1",
    ),
]
OPS_BY_NAME = {op.name: op for op in OPS}


# --- faults and what the policy must make of them -------------------------------------------

# The call returns; for an unreadable 2xx body, an empty model, or MissingFieldError when the
# model has required fields (ids).
SUCCESS = "success"
RETRY = "retry"  # retried for every method: the server refused the request (429)
RETRY_IDEMPOTENT = "retry-idempotent"  # retried for GET/DELETE only: the server may have acted
# A reset racing the client's connect: seen as a connect failure (never sent: any method is
# retried) or as a dropped request (sent: GET/DELETE only). Both are allowed.
RETRY_IF_UNSENT = "retry-if-unsent"
FATAL = "fatal"  # raised at once


@dataclass(frozen=True)
class Fault:
    """One scripted server behaviour and the policy's expected reaction to it."""

    name: str
    make: Callable[[], Reply]  # called when scripted: HTTP dates are relative to "now"
    kind: str
    error: type[PlivoError] | None = None  # raised when this is the last attempt
    status: int | None = None  # the error's status_code
    # Retry-After bounds (the wait, and the error's retry_after); None: exponential back-off.
    wait: tuple[float, float] | None = None
    reaches_server: bool = True  # whether the server reads the request completely


def http_date(offset: float) -> str:
    """An IMF-fixdate ``offset`` seconds from now."""
    return email.utils.formatdate(time.time() + offset, usegmt=True)


def too_many(retry_after: str | Callable[[], str] | None, body: Any = None) -> Callable[[], Reply]:
    """A 429 factory with the given ``Retry-After`` (a callable is evaluated when scripted)."""

    def make() -> Reply:
        value = retry_after() if callable(retry_after) else retry_after
        headers = {} if value is None else {"Retry-After": value}
        return respond(429, body or {"api_id": "rl-1", "error": "too many requests"}, headers)

    return make


def rate_limited(name: str, value: Any, wait: tuple[float, float] | None, **kw: Any) -> Fault:
    """A 429 fault."""
    return Fault(name, too_many(value, **kw), RETRY, RateLimitError, 429, wait)


def too_long(name: str, value: Any, retry_after: tuple[float, float]) -> Fault:
    """A 429 asking for more than ``max_retry_delay``: raised at once, with the server's value."""
    return Fault(name, too_many(value), FATAL, RateLimitError, 429, retry_after)


def const(reply: Reply) -> Callable[[], Reply]:
    """A factory returning a fixed reply."""
    return lambda: reply


DEEP_JSON = b"[" * 100_000  # valid JSON prefix nested far beyond the decoder's recursion limit

FAULTS = [
    # 429 and every Retry-After form
    rate_limited("429-ra-2", "2", (2.0, 2.0)),
    rate_limited("429-ra-0", "0", (0.0, 0.0)),
    rate_limited("429-ra-1.5", "1.5", (1.5, 1.5)),
    rate_limited("429-ra-negative", "-5", (0.0, 0.0)),
    rate_limited("429-ra-max-delay", "60", (MAX_RETRY_DELAY, MAX_RETRY_DELAY)),
    too_long("429-ra-huge", "86400", (86400.0, 86400.0)),
    too_long("429-ra-1e999", "1e999", (float("inf"), float("inf"))),
    rate_limited("429-ra-date-past", "Wed, 21 Oct 2015 07:28:00 GMT", (0.0, 0.0)),
    # 20 s ahead at one-second resolution; the lower bound leaves room for a slow machine.
    rate_limited("429-ra-date-future", lambda: http_date(20), (10.0, 20.0)),
    # A day ahead at one-second resolution; the lower bound leaves room for a slow machine.
    too_long("429-ra-date-beyond-max-delay", lambda: http_date(86400), (86300.0, 86400.0)),
    rate_limited("429-ra-date-no-zone", "Wed, 21 Oct 2015 07:28:00", None),
    rate_limited("429-ra-garbage", "soon", None),
    rate_limited("429-ra-nan", "nan", None),
    rate_limited("429-ra-empty", "", None),
    rate_limited("429-ra-absent", None, None),
    rate_limited("429-html-body", "1", (1.0, 1.0), body="<html>slow down</html>"),
    # 5xx
    Fault("500-json", const(respond(500, {"error": "boom"})), RETRY_IDEMPOTENT, ServerError, 500),
    Fault("502-html", const(respond(502, "<html>bad</html>")), RETRY_IDEMPOTENT, ServerError, 502),
    Fault(
        "503-retry-after",
        const(respond(503, {"error": "later"}, {"Retry-After": "3"})),
        RETRY_IDEMPOTENT,
        ServerError,
        503,
        (3.0, 3.0),
    ),
    Fault("504-empty", const(respond(504)), RETRY_IDEMPOTENT, ServerError, 504),
    Fault("500-deep-json", const(respond(500, DEEP_JSON)), RETRY_IDEMPOTENT, ServerError, 500),
    # transport failures
    Fault("stall", const(fault(STALL)), RETRY_IDEMPOTENT, APITimeoutError),
    Fault("stall-mid-body", const(fault(STALL_MID_BODY)), RETRY_IDEMPOTENT, APITimeoutError),
    Fault(
        "reset-on-accept",
        const(fault(RESET_ON_ACCEPT)),
        RETRY_IF_UNSENT,
        APIConnectionError,
        reaches_server=False,
    ),
    Fault(
        "reset-before-read",
        const(fault(RESET_BEFORE_READ)),
        RETRY_IDEMPOTENT,
        APIConnectionError,
        reaches_server=False,
    ),
    Fault("reset-after-read", const(fault(RESET_AFTER_READ)), RETRY_IDEMPOTENT, APIConnectionError),
    Fault("close-after-read", const(fault(CLOSE_AFTER_READ)), RETRY_IDEMPOTENT, APIConnectionError),
    Fault("truncated-200", const(fault(TRUNCATED)), RETRY_IDEMPOTENT, APIConnectionError),
    Fault("truncated-500", const(fault(TRUNCATED, 500)), RETRY_IDEMPOTENT, APIConnectionError),
    Fault(
        "bad-gzip-200",
        const(respond(200, b"not gzip at all", {"Content-Encoding": "gzip"})),
        RETRY_IDEMPOTENT,
        APIConnectionError,
    ),
    # errors that are not retried
    Fault("400-html", const(respond(400, "<h1>bad</h1>")), FATAL, ValidationError, 400),
    Fault(
        "401-json", const(respond(401, {"error": "unauthorized"})), FATAL, AuthenticationError, 401
    ),
    Fault("403-empty", const(respond(403)), FATAL, ForbiddenError, 403),
    Fault("404-text", const(respond(404, "not found")), FATAL, NotFoundError, 404),
    Fault("409-json-list", const(respond(409, [1, 2])), FATAL, PlivoError, 409),
    Fault(
        "302-redirect", const(respond(302, b"", {"Location": "/elsewhere"})), FATAL, PlivoError, 302
    ),
    # 2xx bodies that do not decode: the call returns an (empty) model of the right type, or
    # raises MissingFieldError if that model requires fields
    Fault("200-html", const(respond(200, "<html>ok</html>")), SUCCESS),
    Fault("200-empty", const(respond(200)), SUCCESS),
    Fault("200-json-null", const(respond(200, b"null")), SUCCESS),
    Fault("200-json-list", const(respond(200, [1, 2])), SUCCESS),
    Fault("200-bad-utf8", const(respond(200, b"\xff\xfe{\x00")), SUCCESS),
    Fault("200-deep-json", const(respond(200, DEEP_JSON)), SUCCESS),
]
FAULTS_BY_NAME = {f.name: f for f in FAULTS}


# --- the model of the policy ----------------------------------------------------------------


def requires_fields(model: type | None) -> bool:
    """Whether a result model has fields every response must carry (its ids)."""
    return model is not None and any(
        f.init and f.default is attrs.NOTHING for f in attrs.fields(model)
    )


@dataclass
class Expected:
    """What the policy must do with a script."""

    attempts: int
    waits: list[tuple[float, float]] = field(default_factory=list)
    last: Fault | None = None  # the fault that ended the call (None: the clean 2xx)


def backoff_bounds(attempt: int, factor: float) -> tuple[float, float]:
    """Exponential back-off before retry ``attempt + 1``: capped, minus up to 25 % jitter."""
    nominal = min(factor * 2.0**attempt, MAX_BACKOFF)
    return (0.75 * nominal, nominal)


def expect(op: Op, faults: list[Fault], max_retries: int, factor: float) -> list[Expected]:
    """Run the policy on paper over ``faults`` then a clean 2xx: every outcome it allows.

    There is one outcome per way of reading the RETRY_IF_UNSENT faults; the number of attempts
    tells them apart (each path stops at a different attempt).
    """
    script = [*faults, None]
    outcomes: list[Expected] = []

    def walk(attempt: int, waits: list[tuple[float, float]]) -> None:
        item = script[attempt]
        if item is None or item.kind == SUCCESS:
            outcomes.append(Expected(attempt + 1, waits, item))
            return
        choices = {
            RETRY: {True},
            RETRY_IDEMPOTENT: {op.idempotent},
            RETRY_IF_UNSENT: {True, op.idempotent},
            FATAL: {False},
        }[item.kind]
        for retry in sorted(choices):
            if not retry or attempt >= max_retries:
                outcomes.append(Expected(attempt + 1, waits, item))
            else:
                walk(attempt + 1, [*waits, item.wait or backoff_bounds(attempt, factor)])

    walk(0, [])
    return outcomes


async def run_scenario(
    flavor: str,
    server: FaultServer,
    sleeps: list[float],
    op: Op,
    faults: list[Fault],
    *,
    max_retries: int = 3,
    factor: float = 0.5,
) -> None:
    """Script ``faults`` then a clean answer, make the call, check everything against the model."""
    replies = [f.make() for f in faults] + [op.ok]
    server.script(*replies)
    sleeps.clear()
    client = make_client(
        flavor,
        base_url=server.url,
        timeout=TIMEOUT,
        max_retries=max_retries,
        backoff_factor=factor,
    )
    result: Any = None
    error: PlivoError | None = None
    try:
        result = await resolve(op.call(client))
    except PlivoError as exc:
        error = exc
    except Exception as exc:  # the point of the suite: nothing else may escape
        pytest.fail(f"{op.name}: bare {type(exc).__module__}.{type(exc).__name__}: {exc!r}")
    finally:
        await resolve(client.close())

    names = [f.name for f in faults]
    where = f"{op.name} {flavor} script={names} max_retries={max_retries}"

    # Attempts: one connection per attempt, as many as the policy allows.
    outcomes = {e.attempts: e for e in expect(op, faults, max_retries, factor)}
    assert len(server.served) in outcomes, (where, len(server.served), list(outcomes))
    expected = outcomes[len(server.served)]
    script = [*faults, None]
    received = sorted(server.requests, key=lambda r: r.index)
    reached = [i for i in range(expected.attempts) if script[i] is None or script[i].reaches_server]
    assert [r.index for r in received] == reached, where

    # What reached the server is the same request each time, with the credentials.
    for request in received:
        assert (request.method, request.path) == (op.method, op.path), where
        assert request.headers.get("authorization") == BASIC, where
        assert request.body == received[0].body, where

    # A POST/PATCH is delivered again only after the server refused it with a 429, and is
    # sent again only when it was refused or never reached the server.
    if not op.idempotent:
        for request in received[:-1]:
            refused = script[request.index]
            assert refused is not None and refused.kind == RETRY, where
        for item in script[: expected.attempts - 1]:
            assert item is not None and (item.kind == RETRY or not item.reaches_server), where
        assert (
            sum(1 for r in received if script[r.index] is None or script[r.index].kind != RETRY)
            <= 1
        )

    # Waiting: Retry-After honoured (up to max_retry_delay), else back-off bounds; no sleep
    # after the last try.
    assert len(sleeps) == expected.attempts - 1 == len(expected.waits), (where, sleeps)
    for delay, (low, high) in zip(sleeps, expected.waits, strict=True):
        assert low <= delay <= high, (where, sleeps, expected.waits)

    # Outcome.
    last = expected.last
    if last is not None and last.kind == SUCCESS and requires_fields(op.model):
        # An unreadable 2xx body lacks the ids the model requires: a typed error, not retried.
        assert type(error) is MissingFieldError, (where, error)
        assert error.status_code == 200, where
        return
    if last is None or last.kind == SUCCESS:
        assert error is None, (where, error)
        if op.model is None:
            assert result is None, where
        else:
            assert type(result) is op.model, (where, result)
        if last is None:
            assert op.check(result), (where, result)
        return
    assert error is not None, (where, result)
    assert type(error) is last.error, (where, error)
    assert error.status_code == last.status, (where, error)
    assert str(error), where
    if last.status is None:
        assert isinstance(error.__cause__, httpx.HTTPError), where
    if isinstance(error, RateLimitError):
        if last.wait is None:
            assert error.retry_after is None, where
        else:
            assert last.wait[0] <= (error.retry_after or 0.0) <= last.wait[1], where


# --- the matrix: each fault once, then a clean answer ---------------------------------------


# One operation per method class (GET, POST, PATCH) keeps the matrix quick; DELETE and the
# other POSTs run in the tests below and in the random sequences.
@pytest.mark.parametrize("op_name", ["get", "messages.create", "agents.update"])
@pytest.mark.parametrize("fault_name", list(FAULTS_BY_NAME))
async def test_single_fault(
    flavor: str, server: FaultServer, sleeps: list[float], op_name: str, fault_name: str
) -> None:
    """Every fault, for every kind of request, followed by a clean answer."""
    await run_scenario(flavor, server, sleeps, OPS_BY_NAME[op_name], [FAULTS_BY_NAME[fault_name]])


@pytest.mark.parametrize("op_name", list(OPS_BY_NAME))
@pytest.mark.parametrize("fault_name", ["429-ra-absent", "502-html", "reset-after-read"])
async def test_fault_every_attempt(
    flavor: str, server: FaultServer, sleeps: list[float], op_name: str, fault_name: str
) -> None:
    """A fault on every attempt exhausts the retries (or stops at once) with the typed error."""
    await run_scenario(
        flavor, server, sleeps, OPS_BY_NAME[op_name], [FAULTS_BY_NAME[fault_name]] * 4
    )


@pytest.mark.parametrize("max_retries", [0, 1, 5])
async def test_max_retries_bounds_the_attempts(
    flavor: str, server: FaultServer, sleeps: list[float], max_retries: int
) -> None:
    """``max_retries`` retries at most, with capped back-off (factor 3: 3, 6, 8, 8, 8 s)."""
    faults = [FAULTS_BY_NAME["500-json"]] * 6
    await run_scenario(
        flavor, server, sleeps, OPS_BY_NAME["get"], faults, max_retries=max_retries, factor=3.0
    )


# --- breadth: random sequences of faults ----------------------------------------------------


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    op_name=st.sampled_from(list(OPS_BY_NAME)),
    fault_names=st.lists(st.sampled_from(list(FAULTS_BY_NAME)), min_size=1, max_size=4),
    max_retries=st.integers(0, 4),
    factor=st.sampled_from([0.0, 0.5, 3.0]),
)
async def test_fault_sequences(
    flavor: str,
    server: FaultServer,
    sleeps: list[float],
    op_name: str,
    fault_names: list[str],
    max_retries: int,
    factor: float,
) -> None:
    """Sequences of one to four faults, then a clean answer, under random retry settings."""
    faults = [FAULTS_BY_NAME[name] for name in fault_names]
    await run_scenario(
        flavor,
        server,
        sleeps,
        OPS_BY_NAME[op_name],
        faults,
        max_retries=max_retries,
        factor=factor,
    )


# --- single behaviours ----------------------------------------------------------------------


async def test_per_call_timeout_applies_to_a_stalled_request(
    flavor: str, server: FaultServer, sleeps: list[float]
) -> None:
    """``timeout=`` on one call overrides a long client timeout (30 s) for that call."""
    server.script(fault(STALL))
    client = make_client(flavor, base_url=server.url, timeout=30.0)
    try:
        with pytest.raises(APITimeoutError):
            await resolve(
                client.messages.create(src="+1415", dst="+1416", text="x", timeout=TIMEOUT)
            )
    finally:
        await resolve(client.close())
    assert len(server.requests) == 1
    assert sleeps == []


async def test_post_is_retried_when_nothing_listens(flavor: str, sleeps: list[float]) -> None:
    """Connection refused: the request never left, so even a POST is retried (with back-off)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port = probe.getsockname()[1]
    client = make_client(flavor, base_url=f"http://127.0.0.1:{port}", timeout=TIMEOUT)
    try:
        with pytest.raises(APIConnectionError) as info:
            await resolve(client.messages.create(src="+1415", dst="+1416", text="x"))
    finally:
        await resolve(client.close())
    assert not isinstance(info.value, APITimeoutError)
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert len(sleeps) == 3
    for attempt, delay in enumerate(sleeps):
        low, high = backoff_bounds(attempt, 0.5)
        assert low <= delay <= high


async def test_2xx_with_a_body_of_the_wrong_shape_is_a_plivo_error(
    flavor: str, server: FaultServer, sleeps: list[float]
) -> None:
    """A 200 whose JSON does not fit the model raises PlivoError (status 200), not TypeError."""
    server.script(respond(200, {"agent_uuid": AGENT_UUID, "stt": "deepgram", "tts": [1]}))
    client = make_client(flavor, base_url=server.url, timeout=TIMEOUT)
    try:
        with pytest.raises(PlivoError) as info:
            await resolve(client.agent.agents.get(AGENT_UUID))
    finally:
        await resolve(client.close())
    assert type(info.value) is PlivoError
    assert info.value.status_code == 200
    assert len(server.requests) == 1
    assert sleeps == []


def test_the_model_itself() -> None:
    """The policy model used above agrees with hand-written expectations."""
    get, post = OPS_BY_NAME["get"], OPS_BY_NAME["messages.create"]
    f500, f429, stall = (FAULTS_BY_NAME[n] for n in ("500-json", "429-ra-2", "stall"))
    rst = FAULTS_BY_NAME["reset-on-accept"]
    (only,) = expect(get, [f500, f429], 3, 0.5)
    assert only.waits == [(0.375, 0.5), (2.0, 2.0)]
    assert [e.attempts for e in expect(post, [f500], 3, 0.5)] == [1]
    assert [e.attempts for e in expect(post, [f429, f429, stall], 3, 0.5)] == [3]
    assert [e.attempts for e in expect(get, [f500] * 6, 2, 0.5)] == [3]
    assert expect(get, [f500] * 6, 5, 3.0)[0].waits[-1] == (6.0, 8.0)
    assert [e.attempts for e in expect(post, [rst, rst], 3, 0.5)] == [1, 2, 3]
    assert [e.attempts for e in expect(get, [rst, rst], 3, 0.5)] == [3]
    assert [e.last for e in expect(post, [rst, f500], 3, 0.5)] == [rst, f500]


async def test_redirect_loop_on_a_caller_pool_is_a_typed_error(
    flavor: str, server: FaultServer, sleeps: list[float]
) -> None:
    """A caller's pool that follows redirects: a redirect loop is an APIConnectionError, once."""
    loop = respond(302, b"", {"Location": f"{ACCOUNT}/Agent/{AGENT_UUID}"})
    server.script(loop, loop, loop)
    pool: Any = (httpx.AsyncClient if flavor == "async" else httpx.Client)(
        follow_redirects=True, max_redirects=1
    )
    client = make_client(flavor, base_url=server.url, timeout=TIMEOUT, http_client=pool)
    try:
        with pytest.raises(APIConnectionError) as info:
            await resolve(client.agent.agents.get(AGENT_UUID))
    finally:
        await resolve(client.close())
        await resolve(pool.aclose() if flavor == "async" else pool.close())
    assert isinstance(info.value.__cause__, httpx.TooManyRedirects)
    assert len(server.requests) == 2  # the request and one redirect, not retried
    assert sleeps == []
