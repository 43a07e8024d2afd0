"""Raw audio stream: an echo bot speaking the Plivo audio-streaming protocol.

An agent with no stt/llm/tts gets the caller's audio as ``media`` frames (mu-law 8 kHz, 20 ms
each) and plays audio back with ``playAudio``. This bot buffers 100 frames (2 s), replays them
at real-time pace, then sends the checkpoint ``echo-complete`` (answered by ``playedStream``).
DTMF ``*`` clears the queued playback (``clearAudio``), ``#`` hangs up.

Live: creates the agent (with stream headers and callbacks), assigns a number and serves on
port 9000. Offline: the simulator streams a generated 2.4 s tone and presses ``*`` then ``#``.
"""

from __future__ import annotations

import asyncio
import math
import os
import struct
import sys
from typing import Any

from plivo_agentstack import AsyncClient
from plivo_agentstack.agent import Session, StreamDtmf, StreamMedia, VoiceApp
from plivo_agentstack.testing import AudioStep, DtmfStep, Environment, Step

ECHO_FRAMES = 100  # 100 x 20 ms = 2 s of audio before echoing
FRAME_SECONDS = 0.02
CALLBACK_BASE = os.environ.get("CALLBACK_BASE_URL", "https://example.com/callbacks")
app = VoiceApp()


@app.on("start")
async def on_start(session: Session, event: Any) -> None:
    """The stream opened: ``session.stream_id`` is now set."""
    session.data["frames"] = []
    print(f"stream {session.stream_id} started ({event.content_type}, {event.sample_rate} Hz)")


@app.on("media")
async def on_media(session: Session, event: StreamMedia) -> None:
    """Buffer the caller's audio; after 100 frames replay them at 20 ms pacing."""
    frames: list[str] = session.data.setdefault("frames", [])
    frames.append(event.payload)
    if len(frames) < ECHO_FRAMES:
        return
    session.data["frames"] = []
    for payload in frames:
        session.send_media(payload, content_type="audio/x-mulaw", sample_rate=8000)
        await asyncio.sleep(FRAME_SECONDS)
    session.send_checkpoint("echo-complete")
    print(f"echoed {len(frames)} frames")


@app.on("playedStream")
async def on_played(session: Session, event: Any) -> None:
    print(f"checkpoint reached: {event.name}")


@app.on("dtmf")
async def on_dtmf(session: Session, event: StreamDtmf) -> None:
    """``*`` drops queued playback, ``#`` ends the call."""
    print(f"caller pressed {event.digit}")
    if event.digit == "*":
        session.clear_audio()
    elif event.digit == "#":
        session.hangup()


async def create_agent(client: AsyncClient, websocket_url: str) -> str:
    """Create the raw-audio agent and give it a phone number; return the agent uuid."""
    callbacks = {
        name: {"url": f"{CALLBACK_BASE}/{name}", "method": "POST"}
        for name in ("hangup", "recording", "ring")
    }
    agent = await client.agent.agents.create(
        agent_name="echo-bot",
        websocket_url=websocket_url,
        audio_format="mulaw_8k",
        audio_channels=1,
        stream={"extra_headers": {"team": "audio"}, "content_type": "audio/x-mulaw;rate=8000"},
        callbacks=callbacks,
    )
    offers = await client.numbers.search("US", type="local", limit=1)
    number = offers.objects[0].number
    await client.numbers.buy(number)
    await client.agent.numbers.assign(agent.agent_uuid, number)
    assigned = await client.agent.numbers.list(agent.agent_uuid)
    print(f"agent {agent.agent_uuid} answers on {', '.join(assigned.numbers)}")
    return agent.agent_uuid


def mulaw_tone(seconds: float, hz: float = 440.0, rate: int = 8000) -> bytes:
    """A mono 8 kHz mu-law WAV file holding a sine tone (G.711 encoding by hand)."""

    def encode(sample: int) -> int:
        sign = 0x80 if sample < 0 else 0
        magnitude = min(abs(sample), 32635) + 0x84
        exponent = magnitude.bit_length() - 8
        return ~(sign | exponent << 4 | (magnitude >> (exponent + 3)) & 0x0F) & 0xFF

    samples = bytes(
        encode(int(8000 * math.sin(2 * math.pi * hz * i / rate)))
        for i in range(int(seconds * rate))
    )
    fmt = struct.pack("<HHIIHH", 7, 1, rate, rate, 1, 8)  # format 7 = mu-law, 8 bits
    chunks = b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(samples))
    return b"RIFF" + struct.pack("<I", 4 + len(chunks) + len(samples)) + b"WAVE" + chunks + samples


async def offline(env: Environment) -> int:
    """Create the agent on the fake API, then stream audio and keys through the app."""
    async with env.async_client() as client:
        await create_agent(client, "ws://127.0.0.1:9000")
    script: list[Step] = [
        AudioStep(mulaw_tone(2.4)),
        DtmfStep("*#"),  # during an audio stream keys arrive as the stream's dtmf event
    ]
    result = await env.simulate(app, script, timeout=20)
    print(result.format_transcript())
    print(result.summary())
    return 0 if result.ok else 1


def main() -> int:
    env = Environment.detect()
    print(env.banner)
    if env.offline:
        return asyncio.run(offline(env))

    async def setup() -> None:
        async with env.async_client() as client:
            await create_agent(client, os.environ.get("AGENT_WS_URL", "wss://example.com/ws"))

    asyncio.run(setup())
    app.run(port=9000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
