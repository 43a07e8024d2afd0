"""Speech-to-speech agent: one realtime model (OpenAI Realtime) does STT, LLM and TTS.

The agent has only an ``s2s`` config (it excludes stt/llm/tts). Tool calls reach your VoiceApp
exactly as in the managed pipeline: answer ``tool.called`` with a result or an error.

    python examples/s2s_agent.py

Live (PLIVO_AUTH_ID/PLIVO_AUTH_TOKEN set): creates the agent with ``AGENT_WS_URL`` (your public
wss:// URL) and serves the VoiceApp on port 9000. Offline: creates it on the fake API and plays
a simulated call through the app, then prints the transcript.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from plivo_agentstack.agent import AgentSessionEnded, EndCall, Session, ToolCall, VoiceApp
from plivo_agentstack.testing import Environment, SayStep, Step, ToolStep

WS_URL = os.environ.get("AGENT_WS_URL", "wss://example.com/ws")
SLOTS = {"monday": ["10:00", "14:30"], "tuesday": []}
end_call = EndCall(goodbye_message="Your table is booked. Goodbye!")

CHECK_AVAILABILITY = {
    "name": "check_availability",
    "description": "List the free appointment slots of a weekday.",
    "parameters": {
        "type": "object",
        "properties": {"day": {"type": "string", "description": "Weekday, e.g. monday"}},
        "required": ["day"],
    },
}

S2S_CONFIG: dict[str, Any] = {
    "provider": "openai_realtime",
    "model": "gpt-4o-realtime",
    "voice": "alloy",
    "system_prompt": "You book appointments for Bella's salon. " + end_call.instructions,
    "tools": [CHECK_AVAILABILITY, end_call.tool],
}

SCRIPT: list[Step] = [
    SayStep("Do you have anything free on Monday?"),
    ToolStep("check_availability", {"day": "Monday"}),
    ToolStep("check_availability", {"day": "Sunday"}),
    SayStep("Ten o'clock is perfect, thanks."),
    ToolStep("end_call", {"reason": "appointment booked"}),
]


def build_app() -> VoiceApp:
    """The VoiceApp: answers ``check_availability`` and ends the call with ``EndCall``."""
    app = VoiceApp()

    @app.on_tool_call
    async def on_tool(session: Session, event: ToolCall) -> None:
        if end_call.match(event):
            end_call.handle(session, event)
        elif event.name == "check_availability":
            day = str(event.arguments.get("day", "")).lower()
            if day not in SLOTS:
                session.send_tool_error(event.id, f"The salon is closed on {day or 'that day'}")
            else:
                session.send_tool_result(event.id, {"day": day, "free_slots": SLOTS[day]})
        else:
            session.send_tool_error(event.id, f"Unknown tool {event.name}")

    @app.on_session_ended
    def on_end(session: Session, event: AgentSessionEnded) -> None:
        print(f"session ended: {event.reason} after {event.duration_seconds} s")

    return app


async def create_agent(env: Environment, websocket_url: str) -> str:
    """Create the speech-to-speech agent; return its uuid."""
    async with env.async_client() as client:
        agent = await client.agent.agents.create(
            agent_name="salon-s2s",
            websocket_url=websocket_url,
            s2s=S2S_CONFIG,
            welcome_greeting="Hi, Bella's salon, how can I help?",
        )
    provider = agent.s2s["provider"] if agent.s2s else None
    print(f"created agent {agent.agent_name} ({agent.agent_uuid}), s2s={provider}")
    return agent.agent_uuid


async def offline(env: Environment) -> int:
    """Create the agent on the fake API and play a simulated call through the app."""
    await create_agent(env, websocket_url="ws://127.0.0.1:9000/ws")
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
