"""The retry policy of the request loop, for both packages.

GET/DELETE are retried on 429, 5xx, timeouts and connection errors. POST/PATCH are retried only
when the request cannot have taken effect (429, or a failure before it was sent), so the SDK
never places a call or sends a message twice.
"""

from __future__ import annotations

import email.utils
import logging
import time
from typing import Any

import httpx
import pytest
import respx

from plivo_agentstack import (
    APIConnectionError,
    APITimeoutError,
    RateLimitError,
    ServerError,
)
from plivo_agentstack._base_client import parse_retry_after
from tests.conftest import ACCOUNT, make_client, resolve

pytestmark = pytest.mark.anyio

AGENT = {"agent_uuid": "a1b2c3d4-0000-4000-8000-000000000001", "agent_name": "support"}
AGENT_PATH = f"{ACCOUNT}/Agent/{AGENT['agent_uuid']}"
QUEUED = {"api_id": "q-1", "message": "message(s) queued", "message_uuid": ["m-1"]}


def ok_agent() -> httpx.Response:
    """A 200 response carrying an agent."""
    return httpx.Response(200, json=AGENT)


async def get_agent(client: Any) -> Any:
    """The GET used by these tests."""
    return await resolve(client.agent.agents.get(AGENT["agent_uuid"]))


async def send_sms(client: Any) -> Any:
    """The POST used by these tests (a message must never be sent twice)."""
    return await resolve(client.messages.create(src="+14155550100", dst="+14155550101", text="hi"))


# --- 429 and Retry-After -------------------------------------------------------------------


async def test_429_retry_after_seconds_is_honoured(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """A 429 with ``Retry-After: 2`` waits exactly 2 s, then the retry succeeds."""
    route = mock_api.get(AGENT_PATH).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "2"}), ok_agent()]
    )
    agent = await get_agent(client)
    assert agent.agent_uuid == AGENT["agent_uuid"]
    assert route.call_count == 2
    assert sleeps == [2.0]


async def test_429_retry_after_http_date_is_honoured(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """An HTTP-date ``Retry-After`` waits until that moment (never a bare ValueError)."""
    when = email.utils.formatdate(time.time() + 5, usegmt=True)
    mock_api.get(AGENT_PATH).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": when}), ok_agent()]
    )
    await get_agent(client)
    assert len(sleeps) == 1
    assert 3.0 <= sleeps[0] <= 5.0


async def test_429_retry_after_zero_retries_immediately(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """``Retry-After: 0`` means retry now, not "fall back to the back-off"."""
    mock_api.get(AGENT_PATH).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "0"}), ok_agent()]
    )
    await get_agent(client)
    assert sleeps == [0.0]


async def test_retry_after_longer_than_max_retry_delay_raises_at_once(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """A ``Retry-After`` above ``max_retry_delay`` (60 s) is not waited for: the error is raised
    with the server's own value, and nothing is sent again."""
    route = mock_api.get(AGENT_PATH).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "3600"}), ok_agent()]
    )
    with pytest.raises(RateLimitError) as info:
        await get_agent(client)
    assert info.value.retry_after == 3600.0
    assert route.call_count == 1
    assert sleeps == []


async def test_503_retry_after_longer_than_max_retry_delay_raises_at_once(
    flavor: str, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """The bound holds for any retried status that carries ``Retry-After`` (a 503 here)."""
    client = make_client(flavor, max_retry_delay=10)
    route = mock_api.get(AGENT_PATH).mock(
        side_effect=[httpx.Response(503, headers={"Retry-After": "11"}), ok_agent()]
    )
    with pytest.raises(ServerError):
        await get_agent(client)
    assert route.call_count == 1
    assert sleeps == []
    await resolve(client.close())


async def test_max_retry_delay_allows_a_longer_wait_and_warns(
    flavor: str, mock_api: respx.MockRouter, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    """Raising ``max_retry_delay`` waits the server's whole ``Retry-After``; a wait that long
    is logged as a warning naming the request, the delay and what failed."""
    client = make_client(flavor, max_retry_delay=3600)
    mock_api.get(AGENT_PATH).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "600"}), ok_agent()]
    )
    with caplog.at_level(logging.WARNING, logger="plivo_agentstack"):
        await get_agent(client)
    assert sleeps == [600.0]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings == [f"retrying GET {AGENT_PATH} in 600.00 s (attempt 1 of 4 failed: 429)"]
    await resolve(client.close())


async def test_short_retry_waits_do_not_warn(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    """Waits of a few seconds (5 s and less) stay at DEBUG level."""
    mock_api.get(AGENT_PATH).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "5"}), ok_agent()]
    )
    with caplog.at_level(logging.DEBUG, logger="plivo_agentstack"):
        await get_agent(client)
    assert sleeps == [5.0]
    retrying = [r for r in caplog.records if r.getMessage().startswith("retrying")]
    assert [r.levelno for r in retrying] == [logging.DEBUG]


async def test_max_retry_delay_caps_the_backoff(
    flavor: str, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """The client's own back-off never waits longer than ``max_retry_delay`` (it still retries)."""
    client = make_client(flavor, backoff_factor=4.0, max_retry_delay=1.0)
    route = mock_api.get(AGENT_PATH).mock(
        side_effect=[httpx.Response(500), httpx.Response(500), ok_agent()]
    )
    await get_agent(client)
    assert route.call_count == 3
    assert len(sleeps) == 2
    assert all(0.75 <= delay <= 1.0 for delay in sleeps)
    await resolve(client.close())


async def test_with_options_changes_max_retry_delay(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """``with_options(max_retry_delay=...)`` applies to the copy only."""
    patient = client.with_options(max_retry_delay=120)
    assert (patient.max_retry_delay, client.max_retry_delay) == (120, 60.0)
    mock_api.get(AGENT_PATH).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "90"}), ok_agent()]
    )
    await get_agent(patient)
    assert sleeps == [90.0]


@pytest.mark.parametrize("value", [-1.0, float("nan")])
def test_invalid_max_retry_delay(flavor: str, value: float) -> None:
    """A negative or NaN ``max_retry_delay`` is refused at construction."""
    with pytest.raises(ValueError, match="max_retry_delay must be 0 or more seconds"):
        make_client(flavor, max_retry_delay=value)


async def test_429_exhausted_raises_without_sleeping_after_last_attempt(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """After max_retries (3) retries the RateLimitError is raised; no sleep follows the last."""
    route = mock_api.get(AGENT_PATH).mock(
        return_value=httpx.Response(
            429, headers={"Retry-After": "1"}, json={"api_id": "r-1", "error": "slow down"}
        )
    )
    with pytest.raises(RateLimitError) as info:
        await get_agent(client)
    assert route.call_count == 4
    assert sleeps == [1.0, 1.0, 1.0]
    assert info.value.retry_after == 1.0
    assert info.value.status_code == 429
    assert info.value.api_id == "r-1"
    assert info.value.message == "slow down"


async def test_post_is_retried_on_429(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """A 429 means the server did not act on the request, so a POST is retried."""
    route = mock_api.post(f"{ACCOUNT}/Message/").mock(
        side_effect=[
            httpx.Response(429, headers={"Retry-After": "0"}),
            httpx.Response(202, json=QUEUED),
        ]
    )
    result = await send_sms(client)
    assert result.message_uuid == ["m-1"]
    assert route.call_count == 2


async def test_unreadable_retry_after_falls_back_to_backoff(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """A ``Retry-After`` that is neither seconds nor a date uses the exponential back-off."""
    mock_api.get(AGENT_PATH).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "soon"}), ok_agent()]
    )
    await get_agent(client)
    assert len(sleeps) == 1
    assert 0.375 <= sleeps[0] <= 0.5


# --- 5xx ---------------------------------------------------------------------------------


async def test_get_is_retried_on_5xx_with_capped_exponential_backoff(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """GET on 500/502/503 is retried with 0.5·2^n s (minus up to 25 % jitter) between tries."""
    route = mock_api.get(AGENT_PATH).mock(
        side_effect=[
            httpx.Response(500),
            httpx.Response(502),
            httpx.Response(503),
            ok_agent(),
        ]
    )
    await get_agent(client)
    assert route.call_count == 4
    assert len(sleeps) == 3
    for attempt, delay in enumerate(sleeps):
        nominal = 0.5 * 2**attempt
        assert 0.75 * nominal <= delay <= nominal


async def test_get_5xx_exhausted_raises_server_error(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """A GET that keeps failing raises ServerError with the last status after 4 attempts."""
    route = mock_api.get(AGENT_PATH).mock(return_value=httpx.Response(504, text="gateway"))
    with pytest.raises(ServerError) as info:
        await get_agent(client)
    assert route.call_count == 4
    assert len(sleeps) == 3
    assert info.value.status_code == 504


async def test_delete_is_retried_on_5xx(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """DELETE is idempotent, so it is retried like a GET."""
    route = mock_api.delete(AGENT_PATH).mock(side_effect=[httpx.Response(502), httpx.Response(204)])
    assert await resolve(client.agent.agents.delete(AGENT["agent_uuid"])) is None
    assert route.call_count == 2


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_post_is_never_retried_on_5xx(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float], status: int
) -> None:
    """A 5xx on POST may come after the SMS was queued: raise, do not send it again."""
    route = mock_api.post(f"{ACCOUNT}/Message/").mock(
        return_value=httpx.Response(status, json={"error": "boom"})
    )
    with pytest.raises(ServerError):
        await send_sms(client)
    assert route.call_count == 1
    assert sleeps == []


async def test_call_initiate_is_never_retried_on_500(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """Placing a call is never repeated by the SDK after an ambiguous failure."""
    route = mock_api.post(f"{ACCOUNT}/AgentCall").mock(return_value=httpx.Response(500))
    with pytest.raises(ServerError):
        await resolve(client.agent.calls.initiate("agent-1", "+14155550100", "+14155550101"))
    assert route.call_count == 1


async def test_patch_is_never_retried_on_5xx(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """PATCH is not idempotent here either."""
    route = mock_api.patch(AGENT_PATH).mock(return_value=httpx.Response(503))
    with pytest.raises(ServerError):
        await resolve(client.agent.agents.update(AGENT["agent_uuid"], agent_name="x"))
    assert route.call_count == 1


# --- transport failures ------------------------------------------------------------------


async def test_post_is_not_retried_on_read_timeout(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """A read timeout means the server may have acted: raise APITimeoutError, send once."""
    route = mock_api.post(f"{ACCOUNT}/Message/").mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(APITimeoutError) as info:
        await send_sms(client)
    assert route.call_count == 1
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)


async def test_post_is_not_retried_when_connection_drops_after_sending(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """The server hung up without a response: the request may have taken effect."""
    route = mock_api.post(f"{ACCOUNT}/AgentCall").mock(
        side_effect=httpx.RemoteProtocolError("Server disconnected without sending a response.")
    )
    with pytest.raises(APIConnectionError):
        await resolve(client.agent.calls.initiate("agent-1", "+14155550100", "+14155550101"))
    assert route.call_count == 1


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("refused"), httpx.ConnectTimeout("connect"), httpx.PoolTimeout("pool")],
    ids=["connect-error", "connect-timeout", "pool-timeout"],
)
async def test_post_is_retried_when_the_request_was_never_sent(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float], failure: Exception
) -> None:
    """Failures before the request left the machine are safe to retry, even for POST."""
    route = mock_api.post(f"{ACCOUNT}/Message/").mock(
        side_effect=[failure, httpx.Response(202, json=QUEUED)]
    )
    result = await send_sms(client)
    assert result.message_uuid == ["m-1"]
    assert route.call_count == 2


async def test_get_is_retried_on_read_timeout(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """A GET that timed out is simply asked again."""
    route = mock_api.get(AGENT_PATH).mock(side_effect=[httpx.ReadTimeout("slow"), ok_agent()])
    await get_agent(client)
    assert route.call_count == 2


async def test_get_connection_errors_exhausted_raise_api_connection_error(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """When every attempt fails to connect, APIConnectionError (a PlivoError) is raised."""
    route = mock_api.get(AGENT_PATH).mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError) as info:
        await get_agent(client)
    assert not isinstance(info.value, APITimeoutError)
    assert route.call_count == 4
    assert len(sleeps) == 3


# --- per-call and per-client settings ----------------------------------------------------


async def test_max_retries_per_call(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """``max_retries=0`` on one call makes a single attempt."""
    route = mock_api.get(AGENT_PATH).mock(return_value=httpx.Response(503))
    with pytest.raises(ServerError):
        await resolve(client.agent.agents.get(AGENT["agent_uuid"], max_retries=0))
    assert route.call_count == 1
    assert sleeps == []


async def test_with_options_changes_retries_without_touching_the_original(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """``client.with_options(max_retries=1)`` gives a client that tries twice."""
    route = mock_api.get(AGENT_PATH).mock(return_value=httpx.Response(503))
    patient = client.with_options(max_retries=1)
    with pytest.raises(ServerError):
        await get_agent(patient)
    assert route.call_count == 2
    assert client.max_retries == 3


async def test_backoff_factor_is_configurable(
    flavor: str, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """``backoff_factor`` scales the exponential back-off."""
    client = make_client(flavor, backoff_factor=2.0)
    mock_api.get(AGENT_PATH).mock(side_effect=[httpx.Response(500), ok_agent()])
    await get_agent(client)
    await resolve(client.close())
    assert 1.5 <= sleeps[0] <= 2.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("7", 7.0),
        ("1.5", 1.5),
        ("0", 0.0),
        ("-3", 0.0),
        ("120", 120.0),
        ("nan", None),
        ("tomorrow", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    """Seconds, HTTP dates (past ones mean now), no cap (``max_retry_delay`` decides), garbage."""
    assert parse_retry_after(value) == expected


def test_certificate_errors_are_permanent() -> None:
    """An ssl.SSLCertVerificationError anywhere in the cause chain makes the failure permanent
    (retrying cannot make the certificate valid); the walk stops on a cyclic chain. The real
    TLS handshake is in tests/reliability/test_rest_hostile.py."""
    import ssl

    from plivo_agentstack._base_client import _is_permanent

    request = httpx.Request("GET", "https://api.plivo.com/")
    verify = ssl.SSLCertVerificationError(1, "certificate verify failed")
    inner = httpx.ConnectError("inner", request=request)
    inner.__cause__ = verify
    outer = httpx.ConnectError("outer", request=request)
    outer.__cause__ = inner
    assert _is_permanent(outer)
    refused = httpx.ConnectError("refused", request=request)
    refused.__cause__ = ConnectionRefusedError()
    assert not _is_permanent(refused)
    looped = httpx.ConnectError("looped", request=request)
    looped.__context__ = outer_loop = httpx.ConnectError("loop", request=request)
    outer_loop.__context__ = looped
    assert not _is_permanent(looped)
    assert _is_permanent(httpx.UnsupportedProtocol("ftp", request=request))


async def test_other_connect_errors_are_still_retried(
    client: Any, mock_api: respx.MockRouter, sleeps: list[float]
) -> None:
    """Control: a plain connection refusal is retried as before."""
    route = mock_api.get(AGENT_PATH).mock(
        side_effect=[httpx.ConnectError("refused"), httpx.Response(200, json=AGENT)]
    )
    await resolve(client.agent.agents.get(AGENT["agent_uuid"]))
    assert route.call_count == 2
    assert len(sleeps) == 1
