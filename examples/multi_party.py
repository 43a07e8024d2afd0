"""Multi-party calls: the agent adds a human to the call with the REST ``calls.dial``.

``participant_mode="multi"`` runs the call as a Plivo multi-party conference (needs
``plivo_auth_id``/``plivo_auth_token``/``plivo_number``). The ``add_specialist`` tool handler
calls ``client.agent.calls.dial(session.call_uuid, targets=[...])``; when the platform reports
``participant.added`` with role ``agent`` the AI agent introduces the caller and leaves.

    python examples/multi_party.py

Live: creates the agent (websocket_url from ``AGENT_WS_URL``) and serves on port 9000.
Offline: places the call on the fake API, simulates it through the app (the dial goes to the
fake) and prints the transcript and the call legs the fake recorded.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from plivo_agentstack import AsyncClient
from plivo_agentstack.agent import ParticipantAdded, SendDtmf, Session, ToolCall, VoiceApp
from plivo_agentstack.testing import Environment, EventStep, SayStep, StartStep, Step, ToolStep

WS_URL = os.environ.get("AGENT_WS_URL", "wss://example.com/ws")
PLIVO_NUMBER = os.environ.get("PLIVO_FROM_NUMBER", "+14155550100")
SPECIALIST = "+14155550177"
send_dtmf = SendDtmf()

ADD_SPECIALIST = {
    "name": "add_specialist",
    "description": "Bring a human billing specialist into the call.",
    "parameters": {"type": "object", "properties": {"reason": {"type": "string"}}},
}


def build_app(client: AsyncClient) -> VoiceApp:
    """Dials a specialist into the call and leaves once they joined."""
    app = VoiceApp()

    @app.on_tool_call
    async def on_tool(session: Session, event: ToolCall) -> None:
        if send_dtmf.match(event):
            send_dtmf.handle(session, event)
        elif event.name == "add_specialist":
            assert session.call_uuid is not None
            await client.agent.calls.dial(
                session.call_uuid, targets=[{"number": SPECIALIST}], caller_id=PLIVO_NUMBER
            )
            session.speak("I'm adding a billing specialist to the call, one moment.")
            session.send_tool_result(event.id, {"status": "dialing", "number": SPECIALIST})
        else:
            session.send_tool_error(event.id, f"Unknown tool {event.name}")

    @app.on("participant.added")
    async def on_added(session: Session, event: ParticipantAdded) -> None:
        print(f"participant {event.member_id} joined as {event.role} ({event.target})")
        if event.role == "agent":
            session.speak("The specialist is here. I'll leave you two to it. Goodbye!")
            session.hangup()

    return app


async def create_agent(client: AsyncClient, auth: tuple[str, str], websocket_url: str) -> str:
    """Create the multi-party agent; return its uuid."""
    agent = await client.agent.agents.create(
        agent_name="billing-desk",
        websocket_url=websocket_url,
        stt={"provider": "deepgram"},
        llm={
            "provider": "openai",
            "model": "gpt-4.1-mini",
            "system_prompt": "Help with billing; add a specialist for refunds. "
            + send_dtmf.instructions,
            "tools": [ADD_SPECIALIST, send_dtmf.tool],
        },
        tts={"provider": "elevenlabs"},
        participant_mode="multi",
        plivo_auth_id=auth[0],
        plivo_auth_token=auth[1],
        plivo_number=PLIVO_NUMBER,
    )
    print(f"created agent {agent.agent_uuid} (participant_mode={agent.participant_mode})")
    return agent.agent_uuid


async def offline(env: Environment) -> int:
    """Place the call on the fake, simulate it, then show the dialled legs."""
    async with env.async_client() as client:
        agent_uuid = await create_agent(client, ("MAFAKE", "fake-token"), "ws://127.0.0.1/ws")
        call = await client.agent.calls.initiate(agent_uuid, PLIVO_NUMBER, "+14155550123")
        call_uuid = call.call_uuid
        script: list[Step] = [
            StartStep(callee="+14155550123", fields={"call_id": call_uuid}),
            SayStep("I was charged twice, I want a refund."),
            ToolStep("send_dtmf", {"digits": "2"}),
            ToolStep("add_specialist", {"reason": "refund"}),
            EventStep({"type": "participant.added", "member_id": "m-2", "role": "agent",
                       "target": SPECIALIST}),
        ]  # fmt: skip
        result = await env.simulate(build_app(client), script)
        print(result.format_transcript())
        sessions = await client.agent.sessions.list(agent_id=agent_uuid)
        legs: list[dict[str, Any]] = sessions.objects[0].call_legs or []  # no schema in the spec
        for leg in legs:
            print(f"call leg {leg['direction']} to {leg['to']}")
    print(result.summary())
    return 0 if result.ok else 1


def main() -> int:
    env = Environment.detect()
    print(env.banner)
    if env.offline:
        return asyncio.run(offline(env))

    async def setup() -> None:
        async with env.async_client() as client:
            await create_agent(client, (str(env.auth_id), str(env.auth_token)), WS_URL)

    asyncio.run(setup())
    build_app(env.async_client()).run(port=9000)  # a client for the app's own event loop
    return 0


if __name__ == "__main__":
    sys.exit(main())
