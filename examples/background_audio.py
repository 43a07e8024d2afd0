"""Background audio: ambient sound under the agent's voice, switched during the call.

The agent starts with ``background_audio={"sound": "office", "volume": 0.3, "loop": True}``.
While a tool runs, the app switches to ``typing`` (the caller hears someone at a keyboard) and
back to ``office`` afterwards. Keys switch the sound: 1 office, 2 call-center, 0 stop.

Built-in sounds: office, city-street, crowded-room, call-center, typing (~10 s loop) and
typing-short (~3 s). A volume of 0.3-0.5 stays audible without covering the voice.

Live: creates the agent and serves on port 9000. Offline: the simulator asks for the stock of
an item (the tool handler is a plain function, run in a worker thread) and presses 2, 1, 0.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time

from plivo_agentstack import AsyncClient
from plivo_agentstack.agent import Dtmf, Session, ToolCall, VoiceApp
from plivo_agentstack.testing import DtmfStep, Environment, SayStep, Step, ToolStep

BUILT_IN_SOUNDS = ("office", "city-street", "crowded-room", "call-center", "typing", "typing-short")
KEY_SOUNDS = {"1": "office", "2": "call-center"}
STOCK = {"blue mug": 12, "red kettle": 0}
CHECK_STOCK = {
    "name": "check_stock",
    "description": "Return how many units of an item are in stock.",
    "parameters": {
        "type": "object",
        "properties": {"item": {"type": "string"}},
        "required": ["item"],
    },
}
app = VoiceApp()


@app.on_tool_call
def check_stock(session: Session, event: ToolCall) -> None:
    """A blocking lookup (plain function: runs in a worker thread) with typing sounds."""
    session.play_background("typing", volume=0.4)
    time.sleep(0.2)  # stands in for a slow inventory system
    item = str(event.arguments.get("item", ""))
    session.send_tool_result(event.id, {"item": item, "in_stock": STOCK.get(item, 0)})
    session.play_background("office", volume=0.3)


@app.on("user.dtmf")
async def switch_sound(session: Session, event: Dtmf) -> None:
    """1 and 2 switch the ambience, 0 stops it."""
    if event.digit == "0":
        session.stop_background()
        print("background stopped")
    elif event.digit in KEY_SOUNDS:
        session.play_background(KEY_SOUNDS[event.digit], volume=0.3)
        print(f"background switched to {KEY_SOUNDS[event.digit]}")


async def create_agent(client: AsyncClient, websocket_url: str) -> None:
    agent = await client.agent.agents.create(
        agent_name="shop-assistant",
        websocket_url=websocket_url,
        stt={"provider": "deepgram", "language": "en"},
        llm={
            "provider": "openai",
            "model": "gpt-4o-mini",
            "system_prompt": "You answer stock questions with check_stock.",
            "tools": [CHECK_STOCK],
        },
        tts={"provider": "elevenlabs"},
        background_audio={"sound": "office", "volume": 0.3, "loop": True},
    )
    print(f"created agent {agent.agent_uuid} with background {agent.background_audio}")
    print(f"built-in sounds: {', '.join(BUILT_IN_SOUNDS)}")


async def offline(env: Environment) -> int:
    async with env.async_client() as client:
        await create_agent(client, "ws://127.0.0.1:9000")
    script: list[Step] = [
        SayStep("Do you have the blue mug?"),
        ToolStep("check_stock", {"item": "blue mug"}),
        DtmfStep("2"),
        DtmfStep("1"),
        DtmfStep("0"),
    ]
    result = await env.simulate(app, script)
    print(result.format_transcript())
    mixes = [m.data for m in result.messages if m.kind in ("audio.mix", "audio.mix_enable")]
    print("background changes: " + " -> ".join(str(m.get("sound", "off")) for m in mixes))
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
