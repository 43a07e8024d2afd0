"""The REST client against hostile peers and changing processes/loops, over real sockets.

Every number asserted here is stated next to it:

- fork: a client used before ``os.fork()``; parent and child then make ``FORK_REQUESTS`` calls
  each at the same time; every response must name the request it answers (0 cross-wired);
- event loops: an ``AsyncClient`` used under one ``asyncio.run`` works under the next;
- burst: ``BURST`` concurrent calls on one client (far more than its 100 connections) against
  a server that delays each answer: 0 errors;
- size: an endless body stops at ``max_response_size`` (``ResponseTooLargeError``, no retry)
  with the client's memory bounded;
- time: a server trickling one byte every ``TRICKLE_INTERVAL`` s cannot keep a call alive
  past its ``timeout`` + ``SLACK``; with retries each attempt gets the whole ``timeout``;
- proxies: ``HTTP(S)_PROXY`` pointing at a real listener receives nothing for a loopback
  ``base_url`` (the FakePlivo server), and does receive a non-loopback host's request.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import os
import socket
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

import plivo_agentstack
import plivo_agentstack_sync
from plivo_agentstack.errors import (
    APITimeoutError,
    ClientClosedError,
    PlivoError,
    ResponseTooLargeError,
)
from plivo_agentstack.testing import FakePlivo
from tests.conftest import AUTH_ID, AUTH_TOKEN, make_client, resolve
from tests.reliability._hostile_server import HostileServer

pytestmark = pytest.mark.anyio

FORK_REQUESTS = 300  # per process
FORK_DELAY = 0.002  # seconds the fork tests' server waits before each answer
BURST = 2000
BURST_DELAY = 0.01  # seconds the server waits before each answer of the burst
TRICKLE_INTERVAL = 0.2  # seconds between the bytes of a trickled response
TIMEOUT = 1.0  # the client's timeout in the trickle tests
SLACK = 0.5  # seconds a call may outlive its timeout (scheduling, the last read's wake-up)
CAP = 1024 * 1024  # max_response_size in the endless-body test
MEMORY_BOUND = 4 * CAP  # peak client-side allocation allowed while refusing an endless body


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    """One hostile server in a thread for the module."""
    with HostileServer(interval=TRICKLE_INTERVAL) as instance:
        yield instance


@contextlib.contextmanager
def server_process(delay: float) -> Iterator[str]:
    """The server in its own process: a test that forks must not fork a server thread, and a
    burst measures the client alone. Yields the base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability._hostile_server", "--delay", str(delay)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("PORT "), line
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        process.terminate()
        process.wait(10)
        assert process.stdout is not None
        process.stdout.close()


@pytest.fixture
def echo_process() -> Iterator[str]:
    """The server for the fork tests, each answer delayed by ``FORK_DELAY``: with a shared
    socket both processes then sit in ``recv`` when an answer arrives and either may take it.
    Without the fork guard this crossed about half of the responses (measured: 138/300 in the
    parent, 190/300 in the child)."""
    with server_process(FORK_DELAY) as url:
        yield url


# --- fork ----------------------------------------------------------------------------------


def _tally_sync(client: Any, who: str) -> dict[str, int]:
    tally = {"ok": 0, "crossed": 0, "errors": 0}
    for index in range(FORK_REQUESTS):
        asked = f"{who}-{index}"
        try:
            agent = client.agent.agents.get(asked)
        except PlivoError:
            tally["errors"] += 1
            continue
        tally["ok" if agent.agent_uuid == asked else "crossed"] += 1
    return tally


async def _tally_async(client: Any, who: str) -> dict[str, int]:
    tally = {"ok": 0, "crossed": 0, "errors": 0}
    for index in range(FORK_REQUESTS):
        asked = f"{who}-{index}"
        try:
            agent = await client.agent.agents.get(asked)
        except PlivoError:
            tally["errors"] += 1
            continue
        tally["ok" if agent.agent_uuid == asked else "crossed"] += 1
    return tally


def _report_and_exit(write_fd: int, tally: dict[str, int]) -> None:
    """In the child: send the tally to the parent and leave without running pytest's cleanup."""
    try:
        os.write(write_fd, json.dumps(tally).encode())
    finally:
        os._exit(0)


def _child_tally(read_fd: int, pid: int) -> dict[str, int]:
    with os.fdopen(read_fd, "rb") as reader:
        data = reader.read()
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
    assert data, "the child reported nothing"
    result: dict[str, int] = json.loads(data)
    return result


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_sync_client_used_before_fork_never_crosses_responses(echo_process: str) -> None:
    """gunicorn --preload / Celery prefork: parent and child share no keep-alive socket."""
    client = plivo_agentstack_sync.Client(AUTH_ID, AUTH_TOKEN, base_url=echo_process)
    for index in range(5):  # keep-alive connections are open at the fork
        assert client.agent.agents.get(f"warm-{index}").agent_uuid == f"warm-{index}"
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_fd)
        tally = {"ok": 0, "crossed": -1, "errors": -1}
        try:
            tally = _tally_sync(client, "child")
        finally:
            _report_and_exit(write_fd, tally)
    os.close(write_fd)
    parent = _tally_sync(client, "parent")
    child = _child_tally(read_fd, pid)
    client.close()
    print(f"fork (sync): parent {parent}, child {child}")
    assert parent == {"ok": FORK_REQUESTS, "crossed": 0, "errors": 0}
    assert child == {"ok": FORK_REQUESTS, "crossed": 0, "errors": 0}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_async_client_used_before_fork_never_crosses_responses(echo_process: str) -> None:
    """A fork from a running event loop; the child runs ``asyncio.run`` with the same client."""
    client = plivo_agentstack.AsyncClient(AUTH_ID, AUTH_TOKEN, base_url=echo_process)

    async def parent_side() -> tuple[dict[str, int], dict[str, int]]:
        for index in range(5):
            assert (await client.agent.agents.get(f"warm-{index}")).agent_uuid == f"warm-{index}"
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: a new event loop (this thread's loop is the parent's)
            os.close(read_fd)
            tally = {"ok": 0, "crossed": -1, "errors": -1}
            try:
                result: list[dict[str, int]] = []
                thread = threading.Thread(
                    target=lambda: result.append(asyncio.run(_tally_async(client, "child")))
                )
                thread.start()
                thread.join()
                tally = result[0]
            finally:
                _report_and_exit(write_fd, tally)
        os.close(write_fd)
        parent = await _tally_async(client, "parent")
        child = await asyncio.get_running_loop().run_in_executor(None, _child_tally, read_fd, pid)
        await client.close()
        return parent, child

    parent, child = asyncio.run(parent_side())
    print(f"fork (async): parent {parent}, child {child}")
    assert parent == {"ok": FORK_REQUESTS, "crossed": 0, "errors": 0}
    assert child == {"ok": FORK_REQUESTS, "crossed": 0, "errors": 0}


# --- event loops ---------------------------------------------------------------------------


def test_async_client_works_across_asyncio_run_calls(server: HostileServer) -> None:
    """``asyncio.run(setup())`` then ``asyncio.run(main())`` on one client, real sockets."""
    client = plivo_agentstack.AsyncClient(AUTH_ID, AUTH_TOKEN, base_url=server.url)

    async def use(tag: str) -> list[str]:
        return [(await client.agent.agents.get(f"{tag}-{i}")).agent_uuid for i in range(3)]

    assert asyncio.run(use("setup")) == ["setup-0", "setup-1", "setup-2"]
    assert asyncio.run(use("main")) == ["main-0", "main-1", "main-2"]

    async def concurrent() -> list[str]:
        tasks = [client.agent.agents.get(f"c-{i}") for i in range(20)]
        return [agent.agent_uuid for agent in await asyncio.gather(*tasks)]

    assert asyncio.run(concurrent()) == [f"c-{i}" for i in range(20)]
    asyncio.run(client.close())
    with pytest.raises(ClientClosedError, match="the client is closed; create a new one"):
        asyncio.run(use("closed"))
    gc.collect()  # a leaked transport of a dead loop would warn here (warnings are errors)


# --- a burst larger than the pool ----------------------------------------------------------


async def test_burst_larger_than_the_pool_completes(flavor: str) -> None:
    """2,000 concurrent calls on one client (100 connections): waiting for a connection is
    not a failure, so all of them succeed."""
    with server_process(BURST_DELAY) as url:
        client = make_client(flavor, base_url=url, timeout=5.0, max_retries=0)
        asked = [f"b-{i}" for i in range(BURST)]
        started = time.monotonic()
        if flavor == "async":
            results = await asyncio.gather(
                *(client.agent.agents.get(a) for a in asked), return_exceptions=True
            )
        else:
            with ThreadPoolExecutor(max_workers=200) as executor:
                futures = [executor.submit(client.agent.agents.get, a) for a in asked]
                results = [f.exception() or f.result() for f in futures]
        elapsed = time.monotonic() - started
        await resolve(client.close())
    errors = [r for r in results if isinstance(r, BaseException)]
    print(f"burst ({flavor}): {BURST} calls in {elapsed:.2f} s, {len(errors)} errors")
    assert errors == []
    assert [r.agent_uuid for r in results] == asked


# --- response size -------------------------------------------------------------------------


async def test_endless_body_stops_at_the_cap(flavor: str, server: HostileServer) -> None:
    """An endless body raises ResponseTooLargeError after ``max_response_size`` bytes, once
    (not retried), and the client never holds much more than the cap."""
    client = make_client(flavor, base_url=server.url, max_response_size=CAP, max_retries=3)
    before = server.requests
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(ResponseTooLargeError) as info:
            await resolve(client.agent.agents.get("endless"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.monotonic() - started
    await resolve(client.close())
    print(f"cap ({flavor}): refused after {elapsed:.3f} s, peak {peak / 2**20:.2f} MiB")
    assert info.value.max_size == CAP
    assert info.value.status_code == 200
    assert f"larger than max_response_size ({CAP} bytes)" in str(info.value)
    assert server.requests - before == 1
    assert peak < MEMORY_BOUND


async def test_default_cap_is_16_mib(flavor: str, server: HostileServer) -> None:
    """Without ``max_response_size`` the cap is 16 MiB; ``None`` lifts it (not tested endless)."""
    client = make_client(flavor, base_url=server.url, max_retries=0)
    assert client.max_response_size == 16 * 1024 * 1024
    with pytest.raises(ResponseTooLargeError) as info:
        await resolve(client.agent.agents.get("endless"))
    assert info.value.max_size == 16 * 1024 * 1024
    await resolve(client.close())


# --- total time ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["trickle-body", "trickle-head"])
async def test_trickling_server_cannot_outlast_the_timeout(
    flavor: str, server: HostileServer, path: str
) -> None:
    """One byte every 0.2 s: every read succeeds, yet the call ends at ``timeout`` (+ SLACK)."""
    client = make_client(flavor, base_url=server.url, timeout=TIMEOUT, max_retries=0)
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await resolve(client.agent.agents.get(path))
    elapsed = time.monotonic() - started
    await resolve(client.close())
    print(f"trickle {path} ({flavor}): APITimeoutError after {elapsed:.2f} s")
    assert TIMEOUT - 0.05 <= elapsed <= TIMEOUT + SLACK


async def test_each_retry_gets_the_whole_timeout(flavor: str, server: HostileServer) -> None:
    """The deadline is per attempt: 2 attempts of a trickled GET take 2 x timeout (+ SLACK)."""
    client = make_client(flavor, base_url=server.url, timeout=TIMEOUT / 2, max_retries=1)
    before = server.requests
    started = time.monotonic()
    with pytest.raises(APITimeoutError):
        await resolve(client.agent.agents.get("trickle-body"))
    elapsed = time.monotonic() - started
    await resolve(client.close())
    assert server.requests - before == 2
    assert TIMEOUT - 0.05 <= elapsed <= TIMEOUT + SLACK


# --- proxies -------------------------------------------------------------------------------


class ProxyListener:
    """A real listener posing as an HTTP proxy: records what it receives, answers 502."""

    def __init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self.received: list[bytes] = []
        self._stopping = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            if self._stopping:
                conn.close()
                return
            with conn:
                conn.settimeout(2)
                try:
                    self.received.append(conn.recv(65536))
                    conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")
                except OSError:
                    pass

    def close(self) -> None:
        # Closing a socket does not wake a thread blocked in accept(): connect once to do it.
        self._stopping = True
        socket.create_connection(self._sock.getsockname(), timeout=5).close()
        self._thread.join(5)
        self._sock.close()


@pytest.fixture
def proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[ProxyListener]:
    """Every proxy variable points at a listener; NO_PROXY is unset."""
    listener = ProxyListener()
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.setenv(name, listener.url)
    for name in ("NO_PROXY", "no_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    yield listener
    listener.close()


async def test_loopback_base_url_is_never_proxied(flavor: str, proxy: ProxyListener) -> None:
    """The FakePlivo server on 127.0.0.1 is reached directly; the proxy gets nothing."""
    fake = FakePlivo()
    with fake.serve() as served:
        client = make_client(
            flavor, auth_id=fake.auth_id, auth_token=fake.auth_token, base_url=served.base_url
        )
        agent = await resolve(
            client.agent.agents.create(agent_name="direct", websocket_url="wss://x.test/ws")
        )
        await resolve(client.close())
    assert agent.agent_name == "direct"
    assert proxy.received == []


async def test_other_hosts_still_use_the_environment_proxy(
    flavor: str, proxy: ProxyListener
) -> None:
    """Control: a non-loopback ``base_url`` goes through ``HTTP_PROXY`` as before."""
    client = make_client(flavor, base_url="http://api.example.test", max_retries=0)
    with pytest.raises(PlivoError) as info:
        await resolve(client.agent.agents.get("a1"))
    await resolve(client.close())
    assert info.value.status_code == 502
    assert len(proxy.received) == 1
    assert proxy.received[0].startswith(b"GET http://api.example.test/v1/Account/")


async def test_a_lookup_host_off_loopback_keeps_its_proxy(
    flavor: str, proxy: ProxyListener
) -> None:
    """base_url on loopback (never proxied) and lookup elsewhere: only lookup takes the proxy."""
    fake = FakePlivo()
    with fake.serve() as served:
        client = make_client(
            flavor,
            auth_id=fake.auth_id,
            auth_token=fake.auth_token,
            base_url=served.base_url,
            lookup_base_url="http://lookup.example.test",
            max_retries=0,
        )
        agent = await resolve(
            client.agent.agents.create(agent_name="direct", websocket_url="wss://x.test/ws")
        )
        with pytest.raises(PlivoError) as info:
            await resolve(client.numbers.lookup.get("14155550100"))
        await resolve(client.close())
    assert agent.agent_name == "direct"
    assert info.value.status_code == 502
    assert len(proxy.received) == 1
    assert proxy.received[0].startswith(b"GET http://lookup.example.test/v1/Number/14155550100")


# --- TLS -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def untrusted_tls() -> Iterator[tuple[str, list[int]]]:
    """A TLS server with a self-signed certificate (made by the openssl command); yields its
    URL and a list that grows by one per accepted connection."""
    import ssl
    import tempfile

    from tests.tls_helpers import self_signed_certificate

    with tempfile.TemporaryDirectory() as scratch:
        cert, key = self_signed_certificate(scratch)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[int] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            accepted.append(1)
            try:
                with context.wrap_socket(conn, server_side=True) as tls:
                    tls.recv(1)
            except (OSError, ssl.SSLError):
                pass  # the client refuses the certificate: that is the point

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{listener.getsockname()[1]}", accepted
    listener.close()
    thread.join(5)


async def test_untrusted_certificate_is_not_retried(
    flavor: str, untrusted_tls: tuple[str, list[int]], sleeps: list[float]
) -> None:
    """A certificate the client does not trust fails at once: one connection, no back-off."""
    url, accepted = untrusted_tls
    before = len(accepted)
    client = make_client(flavor, base_url=url, max_retries=3)
    with pytest.raises(plivo_agentstack.APIConnectionError) as info:
        await resolve(client.agent.agents.get("a1"))
    await resolve(client.close())
    assert "CERTIFICATE_VERIFY_FAILED" in str(info.value)
    assert len(accepted) - before == 1
    assert sleeps == []
