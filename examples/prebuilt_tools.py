"""Prebuilt tools: the seven server-side Collect* agent tools and EndCall/SendDtmf/WarmTransfer.

Agent tools (``agent_tools=[tool.definition, ...]``) run on the platform as sub-agents and report
``agent_tool.started/completed/failed``; the simple tools go in ``llm.tools`` and are answered by
your VoiceApp with ``match``/``handle``. The system prompt is built from their hints.

    python examples/prebuilt_tools.py

Live: creates the agent (websocket_url from ``AGENT_WS_URL``) and serves on port 9000.
Offline: simulates a call that runs every kind of tool, including a failed agent tool.
"""

from __future__ import annotations

import asyncio
import os
import sys

from plivo_agentstack.agent import (
    AgentToolCompleted,
    AgentToolFailed,
    AgentToolStarted,
    CollectAddress,
    CollectCreditCard,
    CollectDigits,
    CollectDOB,
    CollectEmail,
    CollectName,
    CollectPhone,
    EndCall,
    SendDtmf,
    Session,
    ToolCall,
    VoiceApp,
    WarmTransfer,
)
from plivo_agentstack.testing import AgentToolStep, Environment, SayStep, Step, ToolStep

WS_URL = os.environ.get("AGENT_WS_URL", "wss://example.com/ws")

AGENT_TOOLS = [
    CollectEmail(),
    CollectAddress(),
    CollectPhone(),
    CollectName(first_name=True, last_name=True),
    CollectDOB(),
    CollectDigits(num_digits=6, label="member id"),
    CollectCreditCard(),
]
SIMPLE_TOOLS = [EndCall(), SendDtmf(), WarmTransfer(destination="+14155550199")]
SYSTEM_PROMPT = "\n".join(
    ["You enrol new members of the Acme gym."]
    + [tool.prompt_hint for tool in AGENT_TOOLS]
    + [tool.instructions for tool in SIMPLE_TOOLS]
)
RESULT_KEYS = {  # the fields each agent tool reports
    "collect_email": ["email_address"],
    "collect_address": ["street_address", "locality"],
    "collect_phone": ["phone_number"],
    "collect_name": ["first_name", "last_name"],
    "collect_dob": ["date_of_birth"],
    "collect_digits": ["digits"],
    "collect_credit_card": ["issuer", "expiration_date"],
}

SCRIPT: list[Step] = [
    SayStep("I'd like to sign up."),
    AgentToolStep("collect_name", result={"first_name": "Ada", "last_name": "Lovelace"}),
    AgentToolStep("collect_email", result={"email_address": "ada@example.com"}),
    AgentToolStep("collect_dob", result={"date_of_birth": "1990-12-10"}),
    AgentToolStep("collect_credit_card", error="card reader timed out"),
    ToolStep("send_dtmf", {"digits": "1#"}),
    SayStep("Can I talk to a person?"),
    ToolStep("transfer_to_human", {"reason": "payment problem"}),
]


def build_app() -> VoiceApp:
    """Reports agent-tool results and routes the simple tools to their handlers."""
    app = VoiceApp()

    @app.on("agent_tool.started")
    def started(session: Session, event: AgentToolStarted) -> None:
        print(f"{event.agent_tool_type} started")

    @app.on("agent_tool.completed")
    def completed(session: Session, event: AgentToolCompleted) -> None:
        keys = RESULT_KEYS.get(event.agent_tool_type, list(event.result))
        values = ", ".join(f"{key}={event.result.get(key)}" for key in keys)
        print(f"{event.agent_tool_type} completed: {values}")
        session.data.setdefault("member", {}).update(event.result)

    @app.on("agent_tool.failed")
    def failed(session: Session, event: AgentToolFailed) -> None:
        print(f"{event.agent_tool_type} failed: {event.error}")
        session.inject(f"Collecting the card failed ({event.error}); offer a human agent.")

    @app.on_tool_call
    def on_tool(session: Session, event: ToolCall) -> None:
        for tool in SIMPLE_TOOLS:
            if tool.match(event):
                print(f"{event.name} handled: {tool.handle(session, event)!r}")
                return
        session.send_tool_error(event.id, f"Unknown tool {event.name}")

    return app


async def create_agent(env: Environment, websocket_url: str) -> None:
    """Create the agent with every prebuilt tool."""
    async with env.async_client() as client:
        agent = await client.agent.agents.create(
            agent_name="gym-enrolment",
            websocket_url=websocket_url,
            stt={"provider": "deepgram"},
            llm={
                "provider": "openai",
                "model": "gpt-4.1",
                "system_prompt": SYSTEM_PROMPT,
                "tools": [tool.tool for tool in SIMPLE_TOOLS],
            },
            tts={"provider": "elevenlabs"},
            agent_tools=[tool.definition for tool in AGENT_TOOLS],
        )
    types = ", ".join(str(item["type"]) for item in agent.agent_tools or [])
    print(f"created agent {agent.agent_uuid} with agent tools: {types}")


async def offline(env: Environment) -> int:
    """Create the agent on the fake API and simulate an enrolment call."""
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
