"""Full pipeline: the reference configuration of a managed agent and an outbound call.

Shows the agent options (providers, semantic VAD preset, greeting, idle timeout, callbacks, an
agent tool and prebuilt ``EndCall``; rarer options as comments), an outbound call with
``ring_timeout``, and handlers for tools (lookup, transfer with hold music, persona handoff,
end call), agent tools, voicemail, DTMF, idle reminders, turn metrics and speech events.

Live: creates the agent, serves on port 9000 and calls ``CALL_TO`` from ``CALL_FROM``.
Offline: the VoiceApp is served on 127.0.0.1 and the fake API dials it for the outbound call;
the simulator plays a callee who checks an order, gives an email and is escalated.
"""

from __future__ import annotations

import asyncio
import io
import os
import sys
import wave
from typing import Any

from plivo_agentstack import AsyncClient
from plivo_agentstack.agent import CollectEmail, EndCall, Session, ToolCall, VoiceApp
from plivo_agentstack.agent import events as ev
from plivo_agentstack.testing import (
    AgentToolStep,
    Environment,
    EventStep,
    OutboundCalls,
    SayStep,
    Step,
    ToolStep,
    VoicemailStep,
)

end_call = EndCall(goodbye_message="Thanks for calling Acme. Goodbye!")
collect_email = CollectEmail(require_confirmation=True)
SUPPORT_DESK = os.environ.get("TRANSFER_NUMBER", "+14155550199")
ORDERS = {"A-7": {"status": "shipped", "eta": "Friday"}}
TOOLS = [
    {
        "name": "lookup_order",
        "description": "Order status by id.",
        "parameters": {"type": "object", "properties": {"order_id": {"type": "string"}}},
    },
    {
        "name": "transfer_to_human",
        "description": "Transfer to the support desk.",
        "parameters": {"type": "object", "properties": {"reason": {"type": "string"}}},
    },
    {
        "name": "escalate",
        "description": "Hand over to the billing specialist persona.",
        "parameters": {"type": "object", "properties": {"reason": {"type": "string"}}},
    },
    end_call.tool,
]
PROMPT = (
    "You are Acme's order assistant. " + collect_email.prompt_hint + " " + end_call.instructions
)
app = VoiceApp()


def hold_music() -> bytes:
    """One second of a quiet 16 kHz tone as WAV bytes (stands in for hold_music.wav)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(16000)
        wav.writeframes(
            b"".join(
                ((i % 40) * 200 - 4000).to_bytes(2, "little", signed=True) for i in range(16000)
            )
        )
    return buffer.getvalue()


@app.on_setup
async def setup(session: Session, event: ev.AgentSessionStarted) -> None:
    session.update(events={"metrics_events": True})  # opt in to turn.metrics mid-call


@app.on_tool_call
async def tool(session: Session, event: ToolCall) -> None:
    if end_call.match(event):
        end_call.handle(session, event)  # speak goodbye, tool.result, hangup
    elif event.name == "lookup_order":
        order = ORDERS.get(str(event.arguments.get("order_id")))
        if order is None:
            session.send_tool_error(event.id, "unknown order")
        else:
            session.send_tool_result(event.id, order)
    elif event.name == "transfer_to_human":
        session.speak("Let me connect you with our support desk.")
        session.play(hold_music(), allow_interruption=False)
        session.transfer(SUPPORT_DESK, timeout=30)
        session.send_tool_result(event.id, {"status": "transferring"})
    elif event.name == "escalate":
        session.send_tool_result(event.id, {"status": "escalated"})
        session.handoff(
            system_prompt="You are Acme's billing specialist.",
            tools=[end_call.tool],
            summary=f"Escalated: {event.arguments.get('reason', 'no reason')}",
        )
    else:
        session.send_tool_error(event.id, f"unknown tool {event.name}")


@app.on("agent_tool.completed")
async def agent_tool_done(session: Session, event: ev.AgentToolCompleted) -> None:
    print(f"{event.agent_tool_type} completed: {event.result}")


@app.on("agent_tool.failed")
async def agent_tool_failed(session: Session, event: ev.AgentToolFailed) -> None:
    print(f"{event.agent_tool_type} failed: {event.error}")


@app.on("voicemail.detected")
async def voicemail(session: Session, event: ev.VoicemailDetected) -> None:
    print(f"answered by a {event.result} (detected by {event.method})")


@app.on("voicemail.beep")
async def beep(session: Session, event: ev.VoicemailBeep) -> None:
    session.speak("Hi, this is Acme about your order. Please call us back.")
    session.hangup()


@app.on("user.idle")
async def idle(session: Session, event: ev.UserIdle) -> None:
    print(f"caller idle ({event.reason}, reminder {event.retry_count})")


@app.on("turn.metrics")
async def metrics(session: Session, event: ev.TurnMetrics) -> None:
    print(
        f"turn {event.turn_number}: llm ttft {event.llm_ttft_ms} ms, "
        f"tts ttfb {event.tts_ttfb_ms} ms, perceived {event.user_perceived_ms} ms"
    )


@app.on_turn_completed
async def turn_done(session: Session, event: ev.TurnCompleted) -> None:
    print(f"turn {event.turn_number} done: user said {event.user_text!r}")


@app.on_event
async def trace(session: Session, event: Any) -> None:
    """Log the remaining informational events (play, handoff, DTMF, transfer)."""
    informational = (ev.PlayCompleted, ev.AgentHandoff, ev.DtmfSent, ev.Dtmf, ev.CallTransferred)
    if isinstance(event, informational):
        print(f"event {event.to_dict()}")


async def create_agent(client: AsyncClient, websocket_url: str) -> str:
    agent = await client.agent.agents.create(
        agent_name="acme-full-pipeline",
        websocket_url=websocket_url,
        # stt options: model, language, endpointing, smart_format, punctuate, base_url, api_key
        stt={"provider": "deepgram", "model": "nova-3", "language": "en"},
        # llm options: temperature, max_tokens, reasoning_effort, base_url, api_key (BYOK)
        llm={
            "provider": "openai",
            "model": "gpt-4.1-mini",
            "system_prompt": PROMPT,
            "tools": TOOLS,
            "temperature": 0.2,
        },
        # tts options: output_format, stability, similarity_boost, style, speed, region
        tts={
            "provider": "elevenlabs",
            "voice": "EXAVITQu4vr4xnSDxMaL",
            "model": "eleven_flash_v2_5",
        },
        agent_tools=[collect_email.definition],
        semantic_vad="high",
        welcome_greeting="Hi, this is Acme calling about your order.",
        speaks_first="agent",
        greeting_interruptible=True,
        greeting_interrupt_duration=0.5,
        idle_timeout={
            "no_response_timeout_s": 15,
            "max_retries": 2,
            "hangup_message": "I'll let you go. Goodbye!",
        },
        # also: send_on="turn_end", detection_method="audio", tool_call_timeout_s=30,
        # noise_cancellation=True, background_audio={...}, stream={...}, mcp_servers=[...]
        callbacks={"hangup": {"url": "https://example.com/callbacks/hangup", "method": "POST"}},
    )
    print(f"created agent {agent.agent_uuid} (semantic_vad high -> {agent.semantic_vad})")
    return agent.agent_uuid


CALLEE: list[Step] = [
    VoicemailStep(result="human"),
    SayStep("Hi, is my order A-7 on its way?"),
    ToolStep("lookup_order", {"order_id": "A-7"}),
    AgentToolStep("collect_email", result={"email_address": "jane@example.com"}),
    EventStep(
        {
            "type": "turn.metrics",
            "turn_number": 2,
            "llm_ttft_ms": 310,
            "tts_ttfb_ms": 140,
            "user_perceived_ms": 820,
        }
    ),
    EventStep({"type": "user.idle", "retry_count": 1, "reason": "no_response"}),
    SayStep("I was double charged, I want to complain."),
    ToolStep("escalate", {"reason": "double charge"}),
    ToolStep("transfer_to_human", {"reason": "wants a person"}),
    ToolStep("end_call", {"reason": "handed over to the support desk"}),
]


async def offline(env: Environment) -> int:
    assert env.fake is not None
    outbound = OutboundCalls(env.fake, CALLEE)
    async with app.serving("127.0.0.1", 0) as server, env.async_client() as client:
        agent_uuid = await create_agent(client, server.url)
        call = await client.agent.calls.initiate(
            agent_uuid, "+14155550100", "+14155550123", ring_timeout=30
        )
        print(f"placed call {call.call_uuid}; the fake dials {server.url}")
        result = await outbound.wait(call.call_uuid)
    print(result.format_transcript())
    print(result.summary())
    return 0 if result.ok else 1


def main() -> int:
    env = Environment.detect()
    print(env.banner)
    if env.offline:
        return asyncio.run(offline(env))

    async def setup_live() -> None:
        async with env.async_client() as client:
            agent_uuid = await create_agent(client, os.environ["AGENT_WS_URL"])
            await client.agent.calls.initiate(
                agent_uuid, os.environ["CALL_FROM"], os.environ["CALL_TO"], ring_timeout=30
            )

    asyncio.run(setup_live())
    app.run(port=9000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
