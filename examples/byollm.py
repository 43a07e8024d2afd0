"""Bring your own LLM: the platform does STT and TTS, your server writes every reply.

The agent has ``stt`` and ``tts`` but no ``llm``. Each final ``user.transcription`` goes to your
LLM; its tokens are streamed back with ``send_text(token)`` and the reply is closed with
``send_text("", last=True)``. The conversation history lives in ``session.data``. When the LLM
calls its ``extend_wait`` tool (the user asks for time), the app sends
``{"type": "agent_session.extend_wait"}`` with ``send_raw``. DTMF 0 transfers to a human.
BYOLLM agents need ``idle_timeout.reminder_message`` (the platform has no LLM to write one).

``stand_in_llm`` is a DETERMINISTIC STAND-IN for a real streaming LLM (OpenAI, Anthropic, a local
model...): replace it with your client's streaming call. Live: creates the agent and serves on
port 9000. Offline: the simulator asks two questions, asks for a minute and presses 0.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator

from plivo_agentstack import AsyncClient
from plivo_agentstack.agent import Dtmf, Prompt, Session, VoiceApp
from plivo_agentstack.testing import DtmfStep, Environment, SayStep, Step

HUMAN_NUMBER = os.environ.get("TRANSFER_NUMBER", "+14155550199")
SYSTEM_PROMPT = "You are the front desk of Acme Dental. Be brief."
EXTEND_WAIT = {"tool": "extend_wait"}  # what the stand-in yields for a tool call
app = VoiceApp()


async def stand_in_llm(history: list[dict[str, str]]) -> AsyncIterator[str | dict[str, str]]:
    """STAND-IN LLM: streams canned replies word by word (or yields a tool call)."""
    question = history[-1]["content"].lower()
    if "minute" in question or "hold on" in question:
        yield EXTEND_WAIT
        reply = "Of course, take your time."
    elif "hours" in question:
        reply = "We are open from nine to five, Monday to Friday."
    elif "where" in question:
        reply = "We are at 12 Main Street, next to the bakery."
    else:
        reply = "Sorry, I can only help with our hours and address."
    for index, word in enumerate(reply.split(" ")):
        await asyncio.sleep(0.01)  # network latency of a real model
        yield word if index == 0 else " " + word


@app.on_setup
async def setup(session: Session, event: object) -> None:
    session.data["history"] = [{"role": "system", "content": SYSTEM_PROMPT}]


@app.on("user.transcription")
async def reply(session: Session, event: Prompt) -> None:
    """Run the LLM on each final transcript and stream its tokens to the caller."""
    if not event.is_final:
        return  # partial transcripts: a real app could start a speculative request here
    history: list[dict[str, str]] = session.data["history"]
    history.append({"role": "user", "content": event.text})
    answer: list[str] = []
    async for chunk in stand_in_llm(history):
        if isinstance(chunk, dict):
            session.send_raw({"type": "agent_session.extend_wait"})  # = session.extend_wait()
            continue
        answer.append(chunk)
        session.send_text(chunk)
    session.send_text("", last=True)
    history.append({"role": "assistant", "content": "".join(answer).strip()})


@app.on("user.dtmf")
async def keypad(session: Session, event: Dtmf) -> None:
    if event.digit == "0":
        session.send_text("Connecting you to a person.", last=True)
        session.transfer(HUMAN_NUMBER)


async def create_agent(client: AsyncClient, websocket_url: str) -> None:
    agent = await client.agent.agents.create(
        agent_name="acme-dental-byollm",
        websocket_url=websocket_url,
        stt={"provider": "deepgram", "model": "nova-3", "language": "en"},
        tts={"provider": "elevenlabs", "voice": "EXAVITQu4vr4xnSDxMaL"},
        semantic_vad={"eagerness": "medium", "completed_turn_threshold": 0.7},
        allow_interruptions=True,
        welcome_greeting="Acme Dental, how can I help?",
        idle_timeout={
            "no_response_timeout_s": 15,
            "reminder_message": "Are you still there?",  # required in BYOLLM
            "extended_wait_time_s": 60,
            "max_retries": 2,
            "hangup_message": "Goodbye!",
        },
    )
    print(f"created BYOLLM agent {agent.agent_uuid}, semantic_vad={agent.semantic_vad}")


async def offline(env: Environment) -> int:
    async with env.async_client() as client:
        await create_agent(client, "ws://127.0.0.1:9000")
    script: list[Step] = [
        SayStep("What are your opening hours?"),
        SayStep("Hold on, give me a minute"),
        SayStep("Where are you located?"),
        DtmfStep("0"),
    ]
    result = await env.simulate(app, script)
    print(result.format_transcript())
    print(f"extend_wait sent: {len(result.messages_of('agent_session.extend_wait'))}")
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
