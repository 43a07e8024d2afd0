"""``VoiceApp.run()`` in a real process: SIGINT and SIGTERM stop it cleanly with calls open."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import textwrap

import pytest

from tests.ws_helpers import Platform, session_started

pytestmark = pytest.mark.anyio

SERVER = textwrap.dedent(
    """
    import logging, sys
    from plivo_agentstack.agent import VoiceApp

    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(message)s")
    app = VoiceApp(drain_timeout=0)  # no drain: the signal closes the call at once

    @app.on_setup
    def setup(session, event):
        session.speak("hello")
        for index in range(20):
            session.speak(f"queued {index}")

    @app.on_disconnect
    def gone(session):
        print("disconnected", session.call_uuid, flush=True)

    app.run(host="127.0.0.1", port=0)
    print("stopped", flush=True)
    """
)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_run_stops_cleanly_on_signal(signum: int) -> None:
    """With no drain time, the open call gets its queued messages, a 1001 close (going away),
    and on_disconnect runs once (tests/test_drain.py: the drain itself)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        SERVER,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stderr is not None and process.stdout is not None
    url = None
    while url is None:
        line = (await asyncio.wait_for(process.stderr.readline(), 20)).decode()
        assert line, "the server exited before listening"
        found = re.search(r"listening on (ws://\S+)", line)
        url = found.group(1) if found else None
    try:
        async with Platform.call(url) as platform:
            await platform.send(session_started(call_id="call-sig"))
            assert await platform.recv() == {"type": "agent_session.speak", "text": "hello"}
            process.send_signal(signum)
            messages, code = await platform.recv_until_closed()
        assert [m["text"] for m in messages] == [f"queued {index}" for index in range(20)]
        assert code == 1001
        out, _ = await asyncio.wait_for(process.communicate(), 20)
        assert process.returncode == 0
        assert out.decode().splitlines() == ["disconnected call-sig", "stopped"]
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
