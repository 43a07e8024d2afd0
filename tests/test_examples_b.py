"""Run the second batch of examples offline, as a user would, and check what they did."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CASES: list[tuple[str, list[str], list[str]]] = [
    (
        "full_pipeline_fallback.py",
        [],
        [
            "LLM chain: openai -> anthropic -> groq",
            "turn 1: llm by openai (primary)",
            "LLM openai/gpt-4.1-mini is now unavailable",
            "turn 2: llm by anthropic (FALLBACK)",
            "OK: ",
        ],
    ),
    (
        "metrics.py",
        [],
        [
            'agent_session.update {"events": {"metrics_events": true',
            "turn.metrics #1 (stt_llm_tts):",
            "llm_ttft_ms=395",
            "tts_ttfb_ms=175",
            "user.turn_completed: turn_id=t1",
            "user.backchannel: is_interruption=False",
            "server tool weather(",
            "usage llm_usage          openai/gpt-4.1-mini: input_tokens=812",
            "usage interruption_usage plivo/-: total_requests=3",
            "llm.availability_changed: llm=openai/gpt-4.1-mini, available=True",
            "OK: ",
        ],
    ),
    (
        "multi_party.py",
        [],
        [
            "participant_mode=multi",
            "[sends DTMF 2]",
            'add_specialist -> {"status": "dialing", "number": "+14155550177"}',
            "participant m-2 joined as agent (+14155550177)",
            "[hangs up]",
            "call leg outbound to +14155550177",
            "OK: ",
        ],
    ),
    (
        "outbound_call.py",
        [],
        [
            "VoiceApp listening on ws://127.0.0.1:",
            "is calling +14155550123",
            "the call to +14155550123 was answered",
            'confirm_appointment -> {"status": "confirmed"',
            "See you on Thursday. Goodbye!",
            ": completed, 2 turns",
            "OK: ",
        ],
    ),
    (
        "pipeline_mcp.py",
        [],
        [
            "with MCP servers: https://mcp.example.com/mcp",
            "MCP tool search_docs ran on the platform (ok)",
            'create_ticket -> {"ticket_id": "T-1042"',
            "OK: ",
        ],
    ),
    (
        "pipeline_modes.py",
        ["full-ai"],
        ["created full-ai agent", "stt + llm + tts", 'get_time -> {"time": "09:41"}', "OK: "],
    ),
    (
        "pipeline_modes.py",
        ["customer-llm"],
        ["stt + tts", "You said: Tell me a joke.  [text]", "OK: "],
    ),
    (
        "pipeline_modes.py",
        ["stt-only"],
        ["[stt-only] transcript: Please note my order number 42", "[hangs up]", "OK: "],
    ),
    (
        "pipeline_modes.py",
        ["tts-only"],
        ["Press 1 for opening hours", "We are open 9 to 5", "[hangs up]", "OK: "],
    ),
    (
        "pipeline_modes.py",
        ["raw-audio"],
        [
            "raw audio",
            "[streams audio: 5 frames]",
            "[checkpoint echo-complete]",
            "[clears queued audio]",
            "OK: ",
        ],
    ),
    (
        "prebuilt_tools.py",
        [],
        [
            "collect_email, collect_address, collect_phone, collect_name, collect_dob, "
            "collect_digits, collect_credit_card",
            "collect_name completed: first_name=Ada, last_name=Lovelace",
            "collect_email completed: email_address=ada@example.com",
            "collect_credit_card failed: card reader timed out",
            "send_dtmf handled: '1#'",
            "[transfers to +14155550199 (parallel)]",
            "OK: ",
        ],
    ),
    (
        "s2s_agent.py",
        [],
        [
            "s2s=openai_realtime",
            '"free_slots": ["10:00", "14:30"]',
            "error: The salon is closed on sunday",
            "Your table is booked. Goodbye!",
            "session ended: agent_hangup",
            "OK: ",
        ],
    ),
    (
        "send_sms.py",
        [],
        [
            "SMS: ",
            "sms to +14155550123, queued, 1 unit(s)",
            "mms to +14155550123, queued",
            "is now delivered",
            "media application/pdf: https://media.example.com/invoice.pdf",
            "3 outbound messages on the account:",
        ],
    ),
    (
        "send_sms_sync.py",
        [],
        [
            "sent 3 messages (sync client plivo_agentstack_sync",
            ": sms, queued",
            "listed 3 outbound messages",
            "unknown message -> NotFoundError (404)",
        ],
    ),
    (
        "whatsapp.py",
        [],
        [
            "template  ",
            "cta_url   ",
            "location  ",
            "whatsapp queued",
            "template: order_shipped",
            "list button: Options",
            "location: Acme store",
        ],
    ),
    (
        "whatsapp_sync.py",
        [],
        [
            "sent 3 WhatsApp messages",
            "carried: template",
            "carried: interactive",
            "carried: location",
        ],
    ),
]


def _offline_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PLIVO_AUTH_ID", "PLIVO_AUTH_TOKEN")}
    path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + path if path else "")
    return env


@pytest.mark.parametrize(
    ("script", "args", "expected"),
    CASES,
    ids=[" ".join([name, *args]) for name, args, _ in CASES],
)
def test_example_runs_offline(script: str, args: list[str], expected: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "examples" / script), *args],
        cwd=ROOT,
        env=_offline_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    report = f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert proc.returncode == 0, report
    assert proc.stdout.splitlines()[0].startswith("offline:"), report
    for needle in expected:
        assert needle in proc.stdout, f"missing {needle!r}\n{report}"


def test_pipeline_modes_rejects_an_unknown_mode() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "pipeline_modes.py"), "telepathy"],
        cwd=ROOT,
        env=_offline_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "usage: pipeline_modes.py" in proc.stderr
