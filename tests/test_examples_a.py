"""Run the first batch of examples offline, as a user would, and check what they did."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

EXPECTED: dict[str, list[str]] = {
    "audio_stream": [
        "agent ",
        "answers on ",
        "echoed 100 frames",
        "checkpoint reached: echo-complete",
        "[streams audio: 100 frames]",
        "[clears queued audio]",
        "ended by the agent (agent_hangup)",
        "OK: ",
    ],
    "background_audio": [
        "with background BackgroundAudio(sound='office', volume=0.3, loop=True)",
        'check_stock -> {"item": "blue mug", "in_stock": 12}',
        "background changes: typing -> office -> call-center -> office -> off",
        "OK: ",
    ],
    "basic_agent": [
        "created agent order-desk",
        'lookup_order -> {"order_id": "A-7", "status": "shipped"',
        "lookup_order -> error: No order Z-9",
        "call with +15555550100 ended",
        "OK: ",
    ],
    "buy_number": ["for sale: ", "bought ", ": fulfilled", "now owned: "],
    "buy_number_sync": ["for sale: ", "bought ", ": fulfilled", "now owned: "],
    "byollm": [
        "created BYOLLM agent",
        "completed_turn_threshold=0.7",
        "We are open from nine to five, Monday to Friday.",
        "agent_session.extend_wait",
        "extend_wait sent: 1",
        "[transfers to +14155550199 (parallel)]",
        "OK: ",
    ],
    "byollm_echo": [
        "echo: You said: Hello there",
        "echo: You said: The quick brown fox jumps over the lazy dog",
        "OK: ",
    ],
    "callback_server": [
        "ring callback -> HTTP 200",
        "hangup callback -> HTTP 200",
        "recording callback -> HTTP 200",
        "hangup: call c-1 lasted 42 s (NORMAL_CLEARING)",
        "tampered hangup callback -> HTTP 403",
        "unsigned ring callback -> HTTP 403",
        "validated 3 callbacks, rejected 2 forgeries",
    ],
    "full_pipeline": [
        "semantic_vad high -> SemanticVad(completed_turn_delay_ms=150",
        "the fake dials ws://127.0.0.1:",
        "answered by a human",
        'lookup_order -> {"status": "shipped", "eta": "Friday"}',
        "collect_email completed: {'email_address': 'jane@example.com'}",
        "turn 2: llm ttft 310 ms",
        "agent_session.inject",
        "[plays a WAV file",
        "[transfers to +14155550199 (parallel)]",
        "Thanks for calling Acme. Goodbye!",
        "OK: ",
    ],
}


def _offline_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PLIVO_AUTH_ID", "PLIVO_AUTH_TOKEN")}
    # The examples import the SDK from the checkout when it is not installed in the venv.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_runs_offline(name: str) -> None:
    proc = subprocess.run(
        [sys.executable, f"examples/{name}.py"],
        cwd=ROOT,
        env=_offline_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = proc.stdout
    assert proc.returncode == 0, f"exit {proc.returncode}\n{output}\n{proc.stderr}"
    assert output.splitlines()[0].startswith("offline:"), output
    missing = [text for text in EXPECTED[name] if text not in output]
    assert not missing, f"missing {missing} in the output of {name}:\n{output}"
