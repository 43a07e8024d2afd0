"""Graceful drain: a deploy (SIGTERM) lets calls in progress finish, over real sockets.

In-process, ``app.drain()`` in both server flavours; in a real process, the signals: standalone
``app.run()`` and uvicorn (``python -m plivo_agentstack.agent.asgi_serving``).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from plivo_agentstack.agent import Session, ToolCall, VoiceApp
from tests.ports import free_port
from tests.rolling_restart import REPO
from tests.ws_helpers import Platform, running, session_ended, session_started, tool_called

pytestmark = pytest.mark.anyio

# A safety net so that a server that never stops fails the test instead of hanging it.
EXIT_TIMEOUT = 30.0


@pytest.fixture(params=["standalone", "asgi"])
def mode(request: pytest.FixtureRequest) -> str:
    """Which server flavour serves the app."""
    return str(request.param)


def http_origin(url: str) -> str:
    """``ws://host:port`` -> ``http://host:port``."""
    return "http://" + url.split("/")[2]


async def readiness_becomes(url: str, status: int) -> None:
    """Poll the server's ``/readyz`` until it answers ``status`` (a safety net of ~10 s)."""
    async with httpx.AsyncClient(base_url=http_origin(url), timeout=5) as http:
        for _ in range(500):
            with contextlib.suppress(httpx.TransportError):
                if (await http.get("/readyz")).status_code == status:
                    return
            await asyncio.sleep(0.02)
    raise AssertionError(f"/readyz of {url} never answered {status}")


def tool_app(**options: Any) -> VoiceApp:
    """An app that answers every tool call and speaks 20 queued lines on ``say_many``."""
    app = VoiceApp(**options)

    @app.on_tool_call
    async def on_tool(session: Session, event: ToolCall) -> None:
        if event.name == "say_many":
            for index in range(20):
                session.speak(f"line {index}")
        session.send_tool_result(event.id, {"ok": event.id})

    return app


async def test_drain_lets_open_calls_finish_and_refuses_new_ones(mode: str) -> None:
    """While draining: readiness 503, a new call is refused with 503, open calls go on and end
    by themselves with 1000; the drain then returns well before its deadline."""
    app = tool_app()
    async with running(app, mode) as url:
        origin = http_origin(url)
        async with Platform.call(url) as first, Platform.call(url) as second:
            for index, platform in enumerate((first, second)):
                await platform.send(session_started(call_id=f"c{index}"))
            while len(app.calls) < 2:
                await asyncio.sleep(0.01)
            drain = asyncio.create_task(app.drain(timeout=EXIT_TIMEOUT))
            await asyncio.sleep(0.05)
            async with httpx.AsyncClient(base_url=origin) as http:
                assert (await http.get("/readyz")).status_code == 503
                assert (await http.get("/healthz")).status_code == 200
            with pytest.raises(InvalidStatus) as refused:
                async with Platform.call(url):
                    pass
            assert refused.value.response.status_code == 503
            for index, platform in enumerate((first, second)):
                await platform.send(tool_called(f"t{index}"))
                assert await platform.recv() == {
                    "type": "tool.result",
                    "id": f"t{index}",
                    "result": {"ok": f"t{index}"},
                }
                assert not drain.done()
                await platform.send(session_ended())
                assert await platform.recv_until_closed() == ([], 1000)
            await asyncio.wait_for(drain, EXIT_TIMEOUT)
    assert app.calls == set()


async def test_drain_deadline_closes_the_rest_with_1001_after_flushing(mode: str) -> None:
    """At the deadline, what a call has queued is sent, then it is closed with 1001."""
    app = tool_app(flush_timeout=10)
    async with running(app, mode) as url:
        async with Platform.call(url) as platform:
            await platform.send(session_started())
            await platform.send(tool_called("t1", name="say_many"))
            drain = asyncio.create_task(app.drain(timeout=0.2))
            messages, code = await platform.recv_until_closed()
            await asyncio.wait_for(drain, EXIT_TIMEOUT)
    assert [m.get("text") for m in messages[:20]] == [f"line {index}" for index in range(20)]
    assert messages[20]["type"] == "tool.result"
    assert code == 1001


async def test_end_drain_closes_the_calls_at_once(mode: str) -> None:
    """``end_drain()`` (a second signal) cuts a long drain short: 1001 now."""
    app = tool_app()
    async with running(app, mode) as url:
        async with Platform.call(url) as platform:
            await platform.send(session_started())
            while not app.calls:
                await asyncio.sleep(0.01)
            drain = asyncio.create_task(app.drain(timeout=600))
            await asyncio.sleep(0.1)
            app.end_drain()
            assert await platform.recv_until_closed() == ([], 1001)
            await asyncio.wait_for(drain, EXIT_TIMEOUT)


async def test_drain_with_no_calls_returns_at_once_and_shutdown_says_1001() -> None:
    app = VoiceApp(drain_timeout=600)
    await asyncio.wait_for(app.drain(), EXIT_TIMEOUT)
    assert app.probe("/readyz") == (503, "shutting down\n")
    with pytest.raises(ValueError, match="drain_timeout must be >= 0"):
        VoiceApp(drain_timeout=-1)


# --- in a real process: the signals ------------------------------------------------------------

APP_MODULE = textwrap.dedent(
    """
    import logging, os, sys
    from plivo_agentstack.agent import VoiceApp

    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    app = VoiceApp(drain_timeout=float(os.environ["DRAIN_TIMEOUT"]))

    @app.on_tool_call
    async def on_tool(session, event):
        if event.name == "say_many":
            for index in range(20):
                session.speak(f"line {index}")
        session.send_tool_result(event.id, {"ok": event.id})

    @app.on_disconnect
    def gone(session):  # one write per line: handler threads may run at the same time
        sys.stdout.write(f"disconnected {session.call_uuid}\\n")
        sys.stdout.flush()

    if __name__ == "__main__":
        app.run(host="127.0.0.1", port=0)
        print("stopped", flush=True)
    """
)


class ServerProcess:
    """A VoiceApp served by a real process; its stderr is collected as it comes."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.log: list[str] = []
        self.url = ""

    async def start(self) -> None:
        """Read the log until the server says where it listens."""
        stderr = self.process.stderr
        assert stderr is not None
        while not self.url:
            line = (await asyncio.wait_for(stderr.readline(), EXIT_TIMEOUT)).decode()
            assert line, f"the server exited before listening: {self.log}"
            self.log.append(line)
            found = re.search(r"(?:listening on ws|running on http)://([\d.]+:\d+)", line)
            if found:
                self.url = f"ws://{found.group(1)}"

    async def finish(self) -> tuple[int, str, str]:
        """Wait for the process to exit: its return code, stdout and the whole stderr."""
        out, err = await asyncio.wait_for(self.process.communicate(), EXIT_TIMEOUT)
        code = self.process.returncode
        assert code is not None
        return code, out.decode(), "".join(self.log) + err.decode()


@contextlib.asynccontextmanager
async def server_process(
    tmp_path: Path, flavour: str, drain_timeout: float
) -> AsyncIterator[ServerProcess]:
    """Start ``APP_MODULE`` standalone (``app.run()``) or under uvicorn in its own process."""
    (tmp_path / "drainapp.py").write_text(APP_MODULE)
    if flavour == "standalone":
        argv = ["drainapp.py"]
    else:
        argv = ["-m", "plivo_agentstack.agent.asgi_serving", "drainapp:app", "--port", "0"]
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *argv,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "DRAIN_TIMEOUT": str(drain_timeout)},
    )
    server = ServerProcess(process)
    try:
        await server.start()
        yield server
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_sigterm_drains_calls_that_end_by_themselves(mode: str, tmp_path: Path) -> None:
    """SIGTERM with two calls open: they go on (tool calls answered), new calls get 503, the
    log counts the calls left; when the last ends (1000) the process exits 0."""
    async with server_process(tmp_path, mode, drain_timeout=EXIT_TIMEOUT) as server:
        async with Platform.call(server.url) as first, Platform.call(server.url) as second:
            calls = (first, second)
            for index, platform in enumerate(calls):
                await platform.send(session_started(call_id=f"c{index}"))
                await platform.send(tool_called("warmup"))
                assert (await platform.recv())["type"] == "tool.result"
            server.process.send_signal(signal.SIGTERM)
            await readiness_becomes(server.url, 503)
            with pytest.raises(InvalidStatus) as refused:
                async with Platform.call(server.url):
                    pass
            assert refused.value.response.status_code == 503
            for index, platform in enumerate(calls):
                await platform.send(tool_called(f"t{index}"))
                assert (await platform.recv())["id"] == f"t{index}"
                await platform.send(session_ended())
                assert await platform.recv_until_closed() == ([], 1000)
        code, out, log = await server.finish()
    # uvicorn re-raises the signal it handled once it has stopped: the conventional exit.
    assert code == (0 if mode == "standalone" else -signal.SIGTERM)
    assert sorted(out.splitlines()[:2]) == ["disconnected c0", "disconnected c1"]
    assert "draining: no new calls; waiting up to 30 s for 2" in log
    assert re.search(r"draining: 1 call\(s\) in progress", log) or "draining: 2" in log
    assert "drained: every call ended by itself" in log


async def test_sigterm_drain_deadline_then_1001(mode: str, tmp_path: Path) -> None:
    """Past ``drain_timeout`` the call left gets what was queued, then 1001."""
    async with server_process(tmp_path, mode, drain_timeout=0.5) as server:
        async with Platform.call(server.url) as platform:
            await platform.send(session_started(call_id="late"))
            await platform.send(tool_called("t1", name="say_many"))
            server.process.send_signal(signal.SIGTERM)
            messages, close = await platform.recv_until_closed()
        code, out, log = await server.finish()
    assert [m.get("text") for m in messages[:20]] == [f"line {index}" for index in range(20)]
    assert close == 1001
    assert "drain: the drain timeout passed; closing 1 call(s) with 1001" in log
    assert "disconnected late" in out


async def test_second_signal_ends_the_drain(mode: str, tmp_path: Path) -> None:
    """A second SIGTERM during a long drain closes the calls left with 1001; the process ends."""
    async with server_process(tmp_path, mode, drain_timeout=600) as server:
        async with Platform.call(server.url) as platform:
            await platform.send(session_started(call_id="c"))
            await platform.send(tool_called("t0"))
            assert (await platform.recv())["id"] == "t0"
            server.process.send_signal(signal.SIGTERM)
            await readiness_becomes(server.url, 503)
            server.process.send_signal(signal.SIGTERM)
            assert await platform.recv_until_closed() == ([], 1001)
        _, _, log = await server.finish()
    assert "drain: it was ended; closing 1 call(s) with 1001" in log


async def test_the_in_process_simulator_is_refused_while_draining() -> None:
    """A simulated call during a drain is refused with a message that says why; after the
    drain, a new simulated call is served again (as by a server started anew)."""
    from plivo_agentstack.testing import CallSimulator, SimulatorConnectionError

    app = tool_app()
    async with running(app, "standalone") as url, Platform.call(url) as platform:
        await platform.send(session_started())
        while not app.calls:
            await asyncio.sleep(0.01)
        drain = asyncio.create_task(app.drain(timeout=EXIT_TIMEOUT))
        await asyncio.sleep(0.05)
        with pytest.raises(SimulatorConnectionError, match="it is draining"):
            async with CallSimulator(app, timeout=5):
                pass
        await platform.send(session_ended())
        await asyncio.wait_for(drain, EXIT_TIMEOUT)
    async with CallSimulator(app, timeout=5) as call:
        record = await call.tool_call("lookup", id="t9")
    assert (record.outcome, record.value) == ("result", {"ok": "t9"})


async def test_gunicorn_worker_drains_and_applies_the_safe_settings(tmp_path: Path) -> None:
    """gunicorn with the guide's ``deploy/gunicorn.conf.py`` (two ``VoiceAppWorker``): the
    VoiceApp loads as is, no compression is negotiated, and SIGTERM to gunicorn drains the open
    call before the workers exit."""
    pytest.importorskip("gunicorn", reason="pip install gunicorn uvicorn-worker")
    pytest.importorskip("uvicorn_worker", reason="pip install gunicorn uvicorn-worker")
    (tmp_path / "drainapp.py").write_text(APP_MODULE)
    port = free_port()
    log_path = tmp_path / "gunicorn.log"
    with log_path.open("wb") as log_file:  # a file: the worker outlives nothing it writes to
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "drainapp:app",
                "--config",
                str(REPO / "deploy" / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                "--graceful-timeout",
                "60",
                "--control-socket",
                str(tmp_path / "gunicorn.ctl"),
            ],
            cwd=tmp_path,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "DRAIN_TIMEOUT": "60"},
            start_new_session=True,
        )
    url = f"ws://127.0.0.1:{port}"
    try:
        await readiness_becomes(url, 200)
        async with connect(url, compression="deflate") as connection:
            platform = Platform(connection)
            response = connection.response
            assert response is not None
            assert "Sec-WebSocket-Extensions" not in response.headers
            await platform.send(session_started(call_id="g1"))
            await platform.send(tool_called("t0"))
            assert (await platform.recv())["id"] == "t0"
            process.send_signal(signal.SIGTERM)
            await readiness_becomes(url, 503)
            await platform.send(tool_called("t1"))
            assert (await platform.recv())["id"] == "t1"
            await platform.send(session_ended())
            assert await platform.recv_until_closed() == ([], 1000)
        code = await asyncio.wait_for(asyncio.to_thread(process.wait), EXIT_TIMEOUT)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # the master and its worker
        process.wait()
    log = log_path.read_text()
    assert code == 0, log
    assert "disconnected g1" in log
    assert "drained: every call ended by itself" in log


async def test_chained_exit_signals_drain_first_then_call_the_server_handler() -> None:
    """In-process, with real signals: the server's handler runs only once the drain is over; a
    second signal during the drain ends it; a third goes straight to the server's handler."""
    from plivo_agentstack.agent._drain import chain_exit_signals

    loop = asyncio.get_running_loop()
    server_saw: list[int] = []
    ended = asyncio.Event()
    drains: list[str] = []

    async def drain() -> None:
        drains.append("started")
        await ended.wait()
        drains.append("over")

    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        for sig in saved:
            signal.signal(sig, lambda signum, frame: server_saw.append(signum))
        assert chain_exit_signals(loop, drain, ended.set)
        signal.raise_signal(signal.SIGTERM)
        await asyncio.sleep(0.05)
        assert (drains, server_saw) == (["started"], [])  # draining; the server waits
        signal.raise_signal(signal.SIGINT)  # the second signal ends the drain
        for _ in range(100):
            if server_saw:
                break
            await asyncio.sleep(0.01)
        assert (drains, server_saw) == (["started", "over"], [signal.SIGTERM])
        signal.raise_signal(signal.SIGINT)  # after the drain: straight to the server
        assert server_saw == [signal.SIGTERM, signal.SIGINT]
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


@pytest.mark.parametrize("mode", ["starlette", "starlette-accepted"])
async def test_a_starlette_mount_refuses_new_calls_while_draining(mode: str) -> None:
    """Mounted in Starlette, the app refuses new calls during a drain (closed before accept:
    uvicorn answers 403; or 1001 once accepted) while the open call goes on."""
    app = tool_app()
    async with running(app, mode) as url, Platform.call(url) as platform:
        await platform.send(session_started())
        while not app.calls:
            await asyncio.sleep(0.01)
        drain = asyncio.create_task(app.drain(timeout=EXIT_TIMEOUT))
        await asyncio.sleep(0.05)
        if mode == "starlette":
            with pytest.raises(InvalidStatus) as refused:
                async with Platform.call(url):
                    pass
            assert refused.value.response.status_code == 403
        else:
            async with Platform.call(url) as late:
                assert await late.recv_until_closed() == ([], 1001)
        await platform.send(tool_called("t1"))
        assert (await platform.recv())["id"] == "t1"
        await platform.send(session_ended())
        assert await platform.recv_until_closed() == ([], 1000)
        await asyncio.wait_for(drain, EXIT_TIMEOUT)
