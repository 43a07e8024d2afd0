"""The five pipeline modes, implied by which configs an agent has (there is no ``mode`` field).

    python examples/pipeline_modes.py [full-ai|customer-llm|stt-only|tts-only|raw-audio]

- full-ai: stt + llm + tts; the app answers tool calls.
- customer-llm: stt + tts (BYOLLM); the app gets transcripts and streams the reply text.
- stt-only: transcripts (and VAD events) only; the app does the rest.
- tts-only: the app speaks (IVR style), driven by DTMF.
- raw-audio: no stt/llm/tts; the app gets the raw audio stream (an echo bot here).

Live: creates the chosen agent (websocket_url from ``AGENT_WS_URL``) and serves on port 9000.
Offline: creates it on the fake API and simulates a short call for that mode.
"""

from __future__ import annotations

import asyncio
import io
import math
import os
import struct
import sys
import wave
from typing import Any

from plivo_agentstack.agent import (
    Dtmf,
    Prompt,
    Session,
    StreamDtmf,
    StreamMedia,
    ToolCall,
    VoiceApp,
)
from plivo_agentstack.testing import (
    AudioStep,
    DtmfStep,
    Environment,
    EventStep,
    SayStep,
    Step,
    StopStep,
    ToolStep,
)

WS_URL = os.environ.get("AGENT_WS_URL", "wss://example.com/ws")
STT = {"provider": "deepgram", "model": "nova-3"}
TTS = {"provider": "elevenlabs", "voice": "EXAVITQu4vr4xnSDxMaL"}
LLM = {"provider": "openai", "model": "gpt-4.1-mini", "tools": [{"name": "get_time"}]}
CONFIGS: dict[str, dict[str, Any]] = {
    "full-ai": {"stt": STT, "llm": LLM, "tts": TTS},
    "customer-llm": {"stt": STT, "tts": TTS, "idle_timeout": {"reminder_message": "Still there?"}},
    "stt-only": {"stt": STT, "events": {"vad_events": True}},
    "tts-only": {"tts": TTS},
    "raw-audio": {"audio_format": "pcm_16k", "audio_channels": 1},
}


def tone_wav(seconds: float = 0.2, rate: int = 8000) -> bytes:
    """A short 440 Hz PCM-16 WAV: the caller's audio for the raw-audio simulation."""
    samples = (
        int(8000 * math.sin(2 * math.pi * 440 * n / rate)) for n in range(int(seconds * rate))
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return buffer.getvalue()


SCRIPTS: dict[str, list[Step]] = {
    "full-ai": [SayStep("What time is it?"), ToolStep("get_time")],
    "customer-llm": [SayStep("Hello there"), SayStep("Tell me a joke")],
    "stt-only": [EventStep({"type": "user.speech_started", "timestamp_ms": 0}),
                 SayStep("Please note my order number 42"), SayStep("goodbye")],
    "tts-only": [DtmfStep("1"), DtmfStep("9")],
    "raw-audio": [AudioStep(tone_wav()), EventStep({"event": "dtmf", "dtmf": {"digit": "#"}}),
                  StopStep()],
}  # fmt: skip


def build_app(mode: str) -> VoiceApp:
    """The VoiceApp for one mode."""
    app = VoiceApp()

    @app.on_tool_call  # full-ai
    def on_tool(session: Session, event: ToolCall) -> None:
        session.send_tool_result(event.id, {"time": "09:41"})

    @app.on("user.transcription")  # customer-llm and stt-only
    def on_transcript(session: Session, event: Prompt) -> None:
        if not event.is_final:
            return
        print(f"[{mode}] transcript: {event.text}")
        if mode == "customer-llm":  # your own LLM would stream these tokens
            for token in ("You said: ", event.text, "."):
                session.send_text(token)
            session.send_text("", last=True)
        elif "goodbye" in event.text.lower():
            session.hangup()

    @app.on_setup
    def setup(session: Session, event: Any) -> None:
        if mode == "tts-only":
            session.speak("Press 1 for opening hours, 0 for an agent, 9 to hang up.")

    @app.on("user.dtmf")  # tts-only
    def on_dtmf(session: Session, event: Dtmf) -> None:
        if event.digit == "1":
            session.speak("We are open 9 to 5, Monday to Friday.")
        elif event.digit == "0":
            session.transfer("+14155550199")
        elif event.digit == "9":
            session.speak("Goodbye!")
            session.hangup()

    @app.on("media")  # raw-audio: echo every 5 chunks back
    def on_media(session: Session, event: StreamMedia) -> None:
        chunks = session.data.setdefault("chunks", [])
        chunks.append(event.payload)
        if len(chunks) == 5:
            for payload in chunks:
                session.send_media(payload, event.content_type, event.sample_rate)
            session.send_checkpoint("echo-complete")
            chunks.clear()

    @app.on("dtmf")  # raw-audio
    def on_stream_dtmf(session: Session, event: StreamDtmf) -> None:
        if event.digit == "#":
            session.clear_audio()
            print(f"[{mode}] caller pressed #: cleared queued audio")

    return app


async def create_agent(env: Environment, mode: str, websocket_url: str) -> None:
    """Create the agent for ``mode``."""
    async with env.async_client() as client:
        agent = await client.agent.agents.create(
            agent_name=f"mode-{mode}", websocket_url=websocket_url, **CONFIGS[mode]
        )
    parts = [key for key in ("stt", "llm", "tts") if key in agent] or ["raw audio"]
    print(f"created {mode} agent {agent.agent_uuid}: {' + '.join(parts)}")


async def offline(env: Environment, mode: str) -> int:
    """Create the agent on the fake API and simulate a call for ``mode``."""
    await create_agent(env, mode, "ws://127.0.0.1:9000/ws")
    result = await env.simulate(build_app(mode), SCRIPTS[mode])
    print(result.format_transcript())
    print(result.summary())
    return 0 if result.ok else 1


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "full-ai"
    if mode not in CONFIGS:
        print(f"usage: pipeline_modes.py [{'|'.join(CONFIGS)}]", file=sys.stderr)
        return 2
    env = Environment.detect()
    print(env.banner)
    if env.offline:
        return asyncio.run(offline(env, mode))
    asyncio.run(create_agent(env, mode, WS_URL))
    build_app(mode).run(port=9000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
