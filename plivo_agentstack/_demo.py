"""``python -m plivo_agentstack demo``: the whole flow offline, with no account and no phone.

An agent is created on the fake REST API, a VoiceApp with an order-lookup tool is served on
127.0.0.1, a number is bought and an outbound call is placed; the fake "dials" the VoiceApp and
the call simulator plays the callee. The transcript is printed at the end.
"""

from __future__ import annotations

from typing import Any, TextIO

from .agent import EndCall, Session, ToolCall, VoiceApp
from .testing import FakePlivo, OutboundCalls, SayStep, Step, ToolStep

__all__ = ["run_demo"]

ORDERS = {"A-7": {"status": "shipped", "carrier": "UPS", "eta": "Friday"}}

LOOKUP_ORDER = {
    "name": "lookup_order",
    "description": "Look up an order by its id and return its status.",
    "parameters": {
        "type": "object",
        "properties": {"order_id": {"type": "string", "description": "The order id, e.g. A-7"}},
        "required": ["order_id"],
    },
}

CALLEE_SCRIPT: list[Step] = [
    SayStep("Hi, where is my order A-7?"),
    ToolStep("lookup_order", {"order_id": "A-7"}),
    SayStep("Great, thanks. That's all, bye!"),
    ToolStep("end_call", {"reason": "the caller's question was answered"}),
]


def build_app() -> VoiceApp:
    """The VoiceApp of the demo: answers ``lookup_order`` and ends the call with ``EndCall``."""
    app = VoiceApp()
    end_call = EndCall(goodbye_message="Thanks for calling Acme. Goodbye!")

    @app.on_setup
    async def setup(session: Session, event: Any) -> None:
        session.data["caller"] = event.callee

    @app.on_tool_call
    async def tool(session: Session, event: ToolCall) -> None:
        if end_call.match(event):
            end_call.handle(session, event)
        elif event.name == "lookup_order":
            order = ORDERS.get(str(event.arguments.get("order_id")))
            if order is None:
                session.send_tool_error(event.id, "No order with that id")
            else:
                session.speak(f"Order {event.arguments['order_id']} has {order['status']}.")
                session.send_tool_result(event.id, order)
        else:
            session.send_tool_error(event.id, f"Unknown tool {event.name}")

    return app


async def run_demo(out: TextIO) -> int:
    """Run the demo, writing what happens to ``out``; 0 when the call was clean."""
    fake = FakePlivo()
    app = build_app()

    def say(line: str = "") -> None:
        print(line, file=out, flush=True)

    say("Offline demo: fake AgentStack API + VoiceApp on 127.0.0.1 + call simulator.")
    async with app.serving("127.0.0.1", 0) as server, fake.async_client() as client:
        say(f"VoiceApp listening on {server.url}")
        outbound = OutboundCalls(fake, CALLEE_SCRIPT)
        agent = await client.agent.agents.create(
            agent_name="Acme order desk",
            websocket_url=server.url,
            stt={"provider": "deepgram", "model": "nova-3", "language": "en"},
            llm={
                "provider": "openai",
                "model": "gpt-4o-mini",
                "system_prompt": "You help Acme customers track orders. " + EndCall().instructions,
                "tools": [LOOKUP_ORDER, EndCall().tool],
            },
            tts={"provider": "elevenlabs", "voice": "EXAVITQu4vr4xnSDxMaL"},
            semantic_vad="high",
            welcome_greeting="Hi, this is Acme. How can I help?",
        )
        say(f"Created agent {agent.agent_name} ({agent.agent_uuid})")
        offers = await client.numbers.search("US", type="local", limit=1)
        number = offers.objects[0].number
        await client.numbers.buy(str(number))
        await client.agent.numbers.assign(str(agent.agent_uuid), str(number))
        say(f"Bought {number} and assigned it to the agent")
        call = await client.agent.calls.initiate(str(agent.agent_uuid), str(number), "+14155550123")
        say(f"Placed call {call.call_uuid} to +14155550123; the fake dials the VoiceApp...")
        result = await outbound.wait(str(call.call_uuid))
        say()
        say(result.format_transcript())
        say()
        sessions = await client.agent.sessions.list(agent_id=str(agent.agent_uuid))
        for record in sessions.objects:
            say(
                f"Session {record.agent_session_uuid}: {record.state}, "
                f"{record.duration_seconds} s, {record.turn_count} user turns"
            )
        say(result.summary())
    return 0 if result.ok else 1
