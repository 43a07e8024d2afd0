"""BYOLLM echo: the smallest "bring your own LLM" server.

An agent with ``stt`` and ``tts`` but no ``llm`` sends every ``user.transcription`` to your
server, which answers with ``text`` messages that the platform speaks. This one echoes each
final transcript back with ``send_text(reply, last=True)`` and ignores partial transcripts.

Live: creates the agent and serves on port 9000. Offline: the simulator says two sentences.
"""

from __future__ import annotations

import asyncio
import os
import sys

from plivo_agentstack import AsyncClient
from plivo_agentstack.agent import Prompt, Session, VoiceApp
from plivo_agentstack.testing import Environment, SayStep

app = VoiceApp()


@app.on("user.transcription")
async def echo(session: Session, event: Prompt) -> None:
    """Echo the final transcript of each user turn."""
    if event.is_final and event.text.strip():
        session.send_text(f"You said: {event.text}", last=True)


async def create_agent(client: AsyncClient, websocket_url: str) -> None:
    agent = await client.agent.agents.create(
        agent_name="echo",
        websocket_url=websocket_url,
        stt={"provider": "deepgram", "language": "en"},
        tts={"provider": "elevenlabs"},
        welcome_greeting="Say something and I will repeat it.",
        idle_timeout={"no_response_timeout_s": 10, "reminder_message": "Are you still there?"},
    )
    print(f"created BYOLLM agent {agent.agent_uuid}")


async def offline(env: Environment) -> int:
    async with env.async_client() as client:
        await create_agent(client, "ws://127.0.0.1:9000")
    script = [SayStep("Hello there"), SayStep("The quick brown fox jumps over the lazy dog")]
    result = await env.simulate(app, script)
    print(result.format_transcript())
    for reply in result.text_responses:
        print(f"echo: {reply}")
    print(result.summary())
    return 0 if result.ok and len(result.text_responses) == len(script) else 1


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
