"""Provider fallbacks: ``stt_fallback``, ``llm_fallback`` and ``tts_fallback`` chains.

When a primary provider fails or times out the platform tries the fallbacks in order; the
``*_provider`` fields of ``turn.metrics`` then name the provider that actually served the turn,
and ``llm.availability_changed`` reports an LLM going down or coming back.

    python examples/full_pipeline_fallback.py

Live: creates the agent (websocket_url from ``AGENT_WS_URL``) and serves on port 9000.
Offline: creates it on the fake API and simulates a call in which OpenAI goes down, so the
second turn is served by the Anthropic fallback.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from plivo_agentstack.agent import LlmAvailabilityChanged, Session, TurnMetrics, VoiceApp
from plivo_agentstack.testing import Environment, EventStep, SayStep, Step

WS_URL = os.environ.get("AGENT_WS_URL", "wss://example.com/ws")

PRIMARY = {"stt": "deepgram", "llm": "openai", "tts": "elevenlabs"}

AGENT_CONFIG: dict[str, Any] = {
    "stt": {"provider": "deepgram", "model": "nova-3", "language": "en"},
    "llm": {"provider": "openai", "model": "gpt-4.1-mini", "system_prompt": "Be brief."},
    "tts": {"provider": "elevenlabs", "voice": "EXAVITQu4vr4xnSDxMaL"},
    "stt_fallback": [{"provider": "openai", "model": "gpt-4o-transcribe"}],
    "llm_fallback": [
        {"provider": "anthropic", "model": "claude-sonnet-4-20250514"},
        {"provider": "groq", "model": "llama-3.3-70b-versatile"},
    ],
    "tts_fallback": [{"provider": "openai", "model": "gpt-4o-mini-tts", "voice": "alloy"}],
    "events": {"metrics_events": True},
    "semantic_vad": "medium",
}


def metrics_frame(turn: int, llm: tuple[str, str]) -> dict[str, Any]:
    """A ``turn.metrics`` frame as the platform sends it (simulated)."""
    return {
        "type": "turn.metrics",
        "turn_number": turn,
        "stt_provider": "deepgram",
        "stt_model": "nova-3",
        "llm_provider": llm[0],
        "llm_model": llm[1],
        "llm_ttft_ms": 420 if llm[0] == "openai" else 610,
        "tts_provider": "elevenlabs",
        "tts_model": "eleven_flash_v2_5",
        "tts_ttfb_ms": 180,
        "user_perceived_ms": 900,
    }


SCRIPT: list[Step] = [
    SayStep("What are your opening hours?"),
    EventStep(metrics_frame(1, ("openai", "gpt-4.1-mini"))),
    EventStep(
        {"type": "llm.availability_changed", "llm": "openai/gpt-4.1-mini", "available": False}
    ),
    SayStep("And on Sundays?"),
    EventStep(metrics_frame(2, ("anthropic", "claude-sonnet-4-20250514"))),
]


def build_app() -> VoiceApp:
    """A VoiceApp that reports which provider served each turn."""
    app = VoiceApp()

    @app.on("turn.metrics")
    def on_metrics(session: Session, event: TurnMetrics) -> None:
        served = {"stt": event.stt_provider, "llm": event.llm_provider, "tts": event.tts_provider}
        for component, provider in served.items():
            used = "primary" if provider == PRIMARY[component] else "FALLBACK"
            print(f"turn {event.turn_number}: {component} by {provider} ({used})")

    @app.on("llm.availability_changed")
    def on_availability(session: Session, event: LlmAvailabilityChanged) -> None:
        state = "available" if event.available else "unavailable"
        print(f"LLM {event.llm} is now {state}")

    return app


async def create_agent(env: Environment, websocket_url: str) -> None:
    """Create the agent with its fallback chains."""
    async with env.async_client() as client:
        agent = await client.agent.agents.create(
            agent_name="support-with-fallbacks", websocket_url=websocket_url, **AGENT_CONFIG
        )
    llms = [agent.llm] if agent.llm else []
    chain = " -> ".join(str(p["provider"]) for p in llms + (agent.llm_fallback or []))
    print(f"created agent {agent.agent_uuid}; LLM chain: {chain}")


async def offline(env: Environment) -> int:
    """Create the agent on the fake API and simulate a call with a provider outage."""
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
