"""Outbound call: create an agent, serve its VoiceApp, place a call, then read the session.

    python examples/outbound_call.py [+14155550123]

Live: serves the VoiceApp on port 9000 (reachable at ``AGENT_WS_URL``), creates the agent and
calls the number from ``PLIVO_FROM_NUMBER``; Ctrl-C stops the server. Offline: the VoiceApp is
served on 127.0.0.1, the fake API "dials" it when the call is placed and the call simulator
plays the callee; the transcript and the fake's session record are printed.
"""

from __future__ import annotations

import asyncio
import os
import sys

from plivo_agentstack import AsyncClient
from plivo_agentstack.agent import AgentSessionStarted, EndCall, Session, ToolCall, VoiceApp
from plivo_agentstack.testing import Environment, OutboundCalls, SayStep, Step, ToolStep

WS_URL = os.environ.get("AGENT_WS_URL", "wss://example.com/ws")
FROM_NUMBER = os.environ.get("PLIVO_FROM_NUMBER", "+14155550100")
end_call = EndCall(goodbye_message="See you on Thursday. Goodbye!")

CONFIRM = {
    "name": "confirm_appointment",
    "description": "Confirm or cancel the patient's appointment.",
    "parameters": {
        "type": "object",
        "properties": {"confirmed": {"type": "boolean"}},
        "required": ["confirmed"],
    },
}
CALLEE_SCRIPT: list[Step] = [
    SayStep("Hello? Yes, this is Sam."),
    ToolStep("confirm_appointment", {"confirmed": True}),
    SayStep("Thanks, bye!"),
    ToolStep("end_call", {"reason": "appointment confirmed"}),
]


def build_app() -> VoiceApp:
    """Confirms the appointment and hangs up."""
    app = VoiceApp()

    @app.on_setup
    def setup(session: Session, event: AgentSessionStarted) -> None:
        print(f"the call to {event.callee} was answered")

    @app.on_tool_call
    def on_tool(session: Session, event: ToolCall) -> None:
        if end_call.match(event):
            end_call.handle(session, event)
        elif event.name == "confirm_appointment":
            status = "confirmed" if event.arguments.get("confirmed") else "cancelled"
            session.send_tool_result(event.id, {"status": status, "slot": "Thursday 10:00"})
        else:
            session.send_tool_error(event.id, f"Unknown tool {event.name}")

    return app


async def place_call(client: AsyncClient, websocket_url: str, to: str) -> tuple[str, str]:
    """Create the agent and call ``to``; return (agent uuid, call uuid)."""
    agent = await client.agent.agents.create(
        agent_name="appointment-reminder",
        websocket_url=websocket_url,
        stt={"provider": "deepgram"},
        llm={
            "provider": "openai",
            "model": "gpt-4.1-mini",
            "system_prompt": "Remind the patient of Thursday's appointment. "
            + end_call.instructions,
            "tools": [CONFIRM, end_call.tool],
        },
        tts={"provider": "elevenlabs"},
        welcome_greeting="Hi, this is Dr. Lee's office calling about your appointment.",
    )
    call = await client.agent.calls.initiate(agent.agent_uuid, FROM_NUMBER, to, ring_timeout=30)
    print(f"agent {agent.agent_uuid} is calling {to} (call {call.call_uuid})")
    return agent.agent_uuid, call.call_uuid


async def offline(env: Environment, to: str) -> int:
    """Serve locally, let the fake dial the app, then show the session record."""
    assert env.fake is not None
    outbound = OutboundCalls(env.fake, CALLEE_SCRIPT)
    async with build_app().serving("127.0.0.1", 0) as server, env.async_client() as client:
        print(f"VoiceApp listening on {server.url}")
        agent_uuid, call_uuid = await place_call(client, server.url, to)
        result = await outbound.wait(call_uuid)
        print(result.format_transcript())
        sessions = await client.agent.sessions.list(agent_id=agent_uuid, limit=5)
        for record in sessions.objects:
            print(f"session {record.agent_session_uuid}: {record.state}, {record.turn_count} turns")
    print(result.summary())
    return 0 if result.ok else 1


async def live(env: Environment, to: str) -> int:
    """Serve on port 9000 first, then place the call; serve until interrupted."""
    async with build_app().serving("0.0.0.0", 9000), env.async_client() as client:
        await place_call(client, WS_URL, to)
        await asyncio.get_running_loop().create_future()  # until Ctrl-C
    return 0


def main() -> int:
    to = sys.argv[1] if len(sys.argv) > 1 else "+14155550123"
    env = Environment.detect()
    print(env.banner)
    return asyncio.run(offline(env, to) if env.offline else live(env, to))


if __name__ == "__main__":
    sys.exit(main())
