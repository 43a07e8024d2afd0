"""Observability: turn metrics, latency highlights, VAD/turn events and session usage.

The app switches the opt-in diagnostic events on at session start (``session.update``), then
prints every ``turn.metrics`` group, the latency highlights of ``turn.completed`` (seconds),
VAD and turn-detection events, ``user.backchannel``, the per-model ``session.usage`` breakdown,
server-side ``tool.executed`` calls and ``llm.availability_changed``.

    python examples/metrics.py

Live: creates the agent (websocket_url from ``AGENT_WS_URL``) and serves on port 9000.
Offline: simulates a call in which the platform sends a full set of these events.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from plivo_agentstack.agent import (
    AgentSessionStarted,
    Event,
    Session,
    SessionUsage,
    ToolExecuted,
    TurnCompleted,
    TurnMetrics,
    VoiceApp,
)
from plivo_agentstack.testing import Environment, EventStep, SayStep, Step

WS_URL = os.environ.get("AGENT_WS_URL", "wss://example.com/ws")
EVENTS = {"metrics_events": True, "vad_events": True, "turn_events": True}

GROUPS = {  # TurnMetrics field prefixes printed as one line each
    "latency": ("user_perceived_ms", "sdk_", "stt_delay_ms", "turn_decision_ms"),
    "llm": ("llm_",),
    "tts": ("tts_",),
    "stt": ("stt_duration", "stt_audio", "stt_model", "stt_provider", "stt_confidence"),
    "vad": ("vad_",),
}

TURN_METRICS = {
    "type": "turn.metrics", "turn_number": 1, "pipeline": "stt_llm_tts",
    "user_perceived_ms": 870, "sdk_llm_ttft_ms": 410, "stt_delay_ms": 120, "turn_decision_ms": 150,
    "llm_provider": "openai", "llm_model": "gpt-4.1-mini", "llm_ttft_ms": 395,
    "llm_prompt_tokens": 812, "llm_completion_tokens": 41, "llm_cache_hit_ratio": 0.62,
    "tts_provider": "elevenlabs", "tts_model": "eleven_flash_v2_5", "tts_ttfb_ms": 175,
    "tts_characters": 96, "stt_provider": "deepgram", "stt_model": "nova-3",
    "stt_duration_ms": 1900, "stt_confidence": 0.97, "vad_inference_count": 95,
    "vad_idle_time_s": 0.4, "speaking_rate": 2.6,
}  # fmt: skip
SESSION_USAGE = {
    "type": "session.usage",
    "models": [
        {"type": "llm_usage", "provider": "openai", "model": "gpt-4.1-mini",
         "input_tokens": 812, "input_cached_tokens": 503, "output_tokens": 41},
        {"type": "tts_usage", "provider": "elevenlabs", "model": "eleven_flash_v2_5",
         "characters_count": 96, "audio_duration": 6.1},
        {"type": "stt_usage", "provider": "deepgram", "model": "nova-3", "audio_duration": 9.8},
        {"type": "interruption_usage", "provider": "plivo", "total_requests": 3},
    ],
}  # fmt: skip
SCRIPT: list[Step] = [
    EventStep({"type": "user.speech_started", "timestamp_ms": 1200}),
    EventStep({"type": "user.speech_stopped", "timestamp_ms": 3100, "duration_ms": 1900}),
    EventStep({"type": "user.turn_completed", "turn_id": "t1", "trigger": "silence",
               "duration_ms": 1900, "turn_method": "eou_model", "turn_probability": 0.93}),
    SayStep("What's the weather in Paris tomorrow?"),
    EventStep({"type": "tool.executed", "calls": [{"name": "weather", "call_id": "m1",
               "arguments": '{"city": "Paris"}', "output": "18C, sunny", "is_error": False}]}),
    EventStep(TURN_METRICS),
    EventStep({"type": "user.backchannel", "is_interruption": False, "probability": 0.12}),
    EventStep({"type": "llm.availability_changed", "llm": "openai/gpt-4.1-mini",
               "available": True}),
    EventStep(SESSION_USAGE),
]  # fmt: skip


def _format(values: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in values.items() if v is not None) or "-"


def build_app() -> VoiceApp:
    """A VoiceApp that enables the diagnostic events and prints them."""
    app = VoiceApp()

    @app.on_setup
    def setup(session: Session, event: AgentSessionStarted) -> None:
        session.update(events=EVENTS)

    @app.on("turn.metrics")
    def on_metrics(session: Session, event: TurnMetrics) -> None:
        fields = event.to_dict()
        print(f"turn.metrics #{event.turn_number} ({event.pipeline}):")
        for group, prefixes in GROUPS.items():
            values = {k: v for k, v in fields.items() if k.startswith(prefixes)}
            print(f"  {group:8} {_format(values)}")

    @app.on_turn_completed
    def on_turn(session: Session, event: TurnCompleted) -> None:
        print(f"turn.completed #{event.turn_number}: {event.user_text!r} -> {event.agent_text!r}")

    @app.on("session.usage")
    def on_usage(session: Session, event: SessionUsage) -> None:
        for model in event.models or []:
            rest = {k: v for k, v in model.items() if k not in ("type", "provider", "model")}
            print(f"usage {model['type']:18} {model['provider']}/{model.get('model', '-')}: "
                  f"{_format(rest)}")  # fmt: skip

    @app.on("tool.executed")
    def on_executed(session: Session, event: ToolExecuted) -> None:
        for call in event.calls:
            print(f"server tool {call['name']}({call['arguments']}) -> {call['output']}")

    @app.on_event
    def on_any(session: Session, event: Any) -> None:
        if not isinstance(event, Event):  # a type this SDK does not know yet: the raw dict
            return
        fields = event.to_dict()
        kind: str = fields.pop("type", "")  # stream events name theirs "event"
        if kind.startswith(("user.", "llm.")) and kind != "user.transcription":
            print(f"{kind}: {_format(fields)}")

    return app


async def create_agent(env: Environment, websocket_url: str) -> None:
    """Create an agent with every diagnostic event enabled from the start."""
    async with env.async_client() as client:
        agent = await client.agent.agents.create(
            agent_name="metrics-demo",
            websocket_url=websocket_url,
            stt={"provider": "deepgram", "model": "nova-3"},
            llm={"provider": "openai", "model": "gpt-4.1-mini"},
            tts={"provider": "elevenlabs", "model": "eleven_flash_v2_5"},
            events=EVENTS,
        )
    print(f"created agent {agent.agent_uuid} with events {agent.events}")


async def offline(env: Environment) -> int:
    """Create the agent on the fake API and simulate a call full of diagnostic events."""
    await create_agent(env, "ws://127.0.0.1:9000/ws")
    result = await env.simulate(build_app(), SCRIPT)
    print(result.format_transcript())
    print(result.summary())
    return 0 if result.ok else 1


def main() -> int:
    env = Environment.detect()
    print(env.banner)
    if env.offline:
        return asyncio.run(offline(env))
    asyncio.run(create_agent(env, WS_URL))
    build_app().run(port=9000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
