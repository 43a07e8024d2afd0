"""Basic agent: a managed STT -> LLM -> TTS pipeline with one tool answered by your server.

The agent (Deepgram, OpenAI, ElevenLabs) may call ``lookup_order``; the VoiceApp answers each
``tool.called`` with ``tool.result`` (order found) or ``tool.error`` (unknown order). It also
stores the caller in ``session.data`` on ``session.started``, logs ``session.ended`` and reports
handler errors.

Live: creates the agent (``websocket_url`` from ``AGENT_WS_URL``), then serves on port 9000.
Offline: the simulator plays a caller asking for a known and an unknown order.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from plivo_agentstack import AsyncClient
from plivo_agentstack.agent import (
    AgentSessionEnded,
    AgentSessionStarted,
    Session,
    ToolCall,
    VoiceApp,
)
from plivo_agentstack.testing import Environment, SayStep, Step, ToolStep

ORDERS: dict[str, dict[str, str]] = {
    "A-7": {"status": "shipped", "carrier": "UPS", "eta": "Friday"},
    "B-2": {"status": "processing", "eta": "next week"},
}
LOOKUP_ORDER = {
    "name": "lookup_order",
    "description": "Look up an order by its id and return its status.",
    "parameters": {
        "type": "object",
        "properties": {"order_id": {"type": "string", "description": "The order id, e.g. A-7"}},
        "required": ["order_id"],
    },
}
app = VoiceApp()


@app.on_setup
async def setup(session: Session, event: AgentSessionStarted) -> None:
    session.data["caller"] = event.caller
    print(f"call {event.call_id} from {event.caller}")


@app.on_tool_call
async def tool(session: Session, event: ToolCall) -> None:
    """Answer ``lookup_order``; any other tool name is an error."""
    if event.name != "lookup_order":
        session.send_tool_error(event.id, f"Unknown tool {event.name}")
        return
    order_id = str(event.arguments.get("order_id", ""))
    order = ORDERS.get(order_id)
    if order is None:
        session.send_tool_error(event.id, f"No order {order_id}")
    else:
        session.send_tool_result(event.id, {"order_id": order_id, **order})


@app.on_session_ended
async def ended(session: Session, event: AgentSessionEnded) -> None:
    print(f"call with {session.data.get('caller')} ended after {event.duration_seconds} s")


@app.on_handler_error
async def report(session: Session, event: Any, exc: BaseException) -> None:
    print(f"handler failed on {type(event).__name__}: {exc!r}")


async def create_agent(client: AsyncClient, websocket_url: str) -> str:
    """Create the agent; return its uuid."""
    agent = await client.agent.agents.create(
        agent_name="order-desk",
        websocket_url=websocket_url,
        stt={"provider": "deepgram", "model": "nova-3", "language": "en"},
        llm={
            "provider": "openai",
            "model": "gpt-4o",
            "system_prompt": "You help customers track their orders. Use lookup_order.",
            "tools": [LOOKUP_ORDER],
        },
        tts={"provider": "elevenlabs", "voice": "EXAVITQu4vr4xnSDxMaL"},
        welcome_greeting="Hi! Which order can I look up for you?",
    )
    print(f"created agent {agent.agent_name} ({agent.agent_uuid})")
    return agent.agent_uuid


async def offline(env: Environment) -> int:
    async with env.async_client() as client:
        await create_agent(client, "ws://127.0.0.1:9000")
    script: list[Step] = [
        SayStep("Where is my order A-7?"),
        ToolStep("lookup_order", {"order_id": "A-7"}),
        SayStep("And order Z-9?"),
        ToolStep("lookup_order", {"order_id": "Z-9"}),
    ]
    result = await env.simulate(app, script)
    print(result.format_transcript())
    print(f"lookup_order result: {result.tool_results.get('lookup_order')}")
    print(f"lookup_order error: {result.tool_errors.get('lookup_order')}")
    print(result.summary())
    return 0 if result.ok else 1


def main() -> int:
    env = Environment.detect()
    print(env.banner)
    if env.offline:
        return asyncio.run(offline(env))

    async def setup_live() -> None:
        async with env.async_client() as client:
            await create_agent(client, os.environ.get("AGENT_WS_URL", "wss://example.com/ws"))

    asyncio.run(setup_live())
    app.run(port=9000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
