"""A canned-JSON HTTP/1.1 keep-alive server for the REST benchmark, run as its own process.

``python benchmarks/_server.py`` listens on 127.0.0.1 (a free port), prints ``PORT <n>`` and
serves until killed or until ``--max-seconds`` pass. It is a bare asyncio protocol rather than
``http.server`` so that its per-request time (which both sides of every ratio pay) stays small and
the ratio shows the client-side overhead more sharply.

Routes (``<id>`` is any account ID):
  GET  /v1/Account/<id>/Agent/<uuid>             one agent (~1.5 KB, nested stt/llm/tts)
  GET  /v1/Account/<id>/Agent?limit=&offset=     20 agents a page, 10 pages (offsets 0..180)
  POST /v1/Account/<id>/Message/                 202 message(s) queued
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOTAL_AGENTS = 200
PAGE_LIMIT = 20


def agent_body(agent_uuid: str, index: int = 0) -> dict[str, Any]:
    """A realistic agent resource as the API returns it."""
    return {
        "agent_uuid": agent_uuid,
        "agent_name": f"Support agent {index}",
        "websocket_url": "wss://voice.example.com/agent/ws",
        "stt": {
            "provider": "deepgram",
            "model": "nova-3",
            "language": "en-US",
            "encoding": "linear16",
            "sample_rate": 16000,
            "endpointing": 300,
            "interim_results": True,
            "smart_format": True,
            "punctuate": True,
        },
        "llm": {
            "provider": "openai",
            "model": "gpt-4.1-mini",
            "system_prompt": (
                "You are a friendly support agent for Acme Telecom. Greet the caller, find out "
                "what they need, look up their account with the tools you have, and keep every "
                "answer short. Escalate to a human if the caller asks for one."
            ),
            "temperature": 0.4,
            "max_tokens": 512,
            "tools": [
                {
                    "name": "lookup_account",
                    "description": "Find the caller's account by phone number.",
                    "parameters": {
                        "type": "object",
                        "properties": {"phone": {"type": "string"}},
                        "required": ["phone"],
                    },
                }
            ],
        },
        "tts": {
            "provider": "elevenlabs",
            "model": "eleven_flash_v2_5",
            "voice_id": "21m00Tcm4TlvDq8ikWAM",
            "output_format": "pcm_16000",
            "stability": 0.5,
            "similarity_boost": 0.75,
            "speed": 1.0,
        },
        "semantic_vad": {"eagerness": "medium"},
        "welcome_greeting": "Hi, thanks for calling Acme Telecom. How can I help you today?",
        "speaks_first": "agent",
        "idle_timeout": {
            "no_response_timeout_s": 10,
            "reminder_message": "Are you still there?",
            "max_retries": 2,
        },
        "allow_interruptions": True,
        "interruption_enabled": True,
        "greeting_interruptible": False,
        "audio_format": "mulaw_8k",
        "audio_channels": 1,
        "noise_cancellation": True,
        "callbacks": {
            "hangup": {"url": "https://example.com/hooks/hangup", "method": "POST"},
        },
        "participant_mode": "agent",
        "plivo_number": "+14155550100",
        "byok": False,
        "created_at": "2025-01-15T10:30:00Z",
        "updated_at": "2025-02-03T18:12:45Z",
    }


def _uuid(index: int) -> str:
    return f"3f2c9a1e-8b7d-4c6a-9e5f-{index:012d}"


def _encode(status: int, payload: Any) -> bytes:
    body = json.dumps(payload, separators=(",", ":")).encode()
    reason = {200: "OK", 202: "Accepted", 404: "Not Found"}[status]
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("latin-1") + body


def _page(auth_id: str, offset: int) -> bytes:
    objects = [
        agent_body(_uuid(i), i) for i in range(offset, min(offset + PAGE_LIMIT, TOTAL_AGENTS))
    ]
    base = f"/v1/Account/{auth_id}/Agent/"
    following = offset + PAGE_LIMIT
    meta = {
        "limit": PAGE_LIMIT,
        "offset": offset,
        "total_count": TOTAL_AGENTS,
        "next": f"{base}?limit={PAGE_LIMIT}&offset={following}"
        if following < TOTAL_AGENTS
        else None,
        "previous": f"{base}?limit={PAGE_LIMIT}&offset={offset - PAGE_LIMIT}" if offset else None,
    }
    return _encode(200, {"api_id": "a1b2c3d4-list", "meta": meta, "objects": objects})


_MESSAGE = _encode(
    202,
    {
        "api_id": "5d8a0c1e-2f3b-4a5c-8d9e-0f1a2b3c4d5e",
        "message": "message(s) queued",
        "message_uuid": ["db3ce55a-7f1d-11e1-8ea7-1231380bc196"],
    },
)
_NOT_FOUND = _encode(404, {"api_id": "nf", "error": "not found"})
_cache: dict[tuple[str, str, int], bytes] = {}


def respond(method: str, target: str) -> bytes:
    """The full HTTP response for a request line."""
    parts = urlsplit(target)
    segments = parts.path.strip("/").split("/")
    if len(segments) < 4 or segments[:2] != ["v1", "Account"]:
        return _NOT_FOUND
    auth_id, kind = segments[2], segments[3]
    if method == "POST" and kind == "Message" and len(segments) == 4:
        return _MESSAGE
    if method != "GET" or kind != "Agent":
        return _NOT_FOUND
    if len(segments) == 5:
        key = ("agent", segments[4], 0)
        if key not in _cache:
            _cache[key] = _encode(200, {"api_id": "a1b2c3d4-get", **agent_body(segments[4])})
        return _cache[key]
    if len(segments) == 4:
        query = parse_qs(parts.query)
        offset = int(query.get("offset", ["0"])[0])
        key = ("page", auth_id, offset)
        if key not in _cache:
            _cache[key] = _page(auth_id, offset)
        return _cache[key]
    return _NOT_FOUND


class _Protocol(asyncio.Protocol):
    """HTTP/1.1 with keep-alive: request line, headers, a Content-Length body; no chunking."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            lines = bytes(self.buffer[:end]).decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            total = end + 4 + length
            if len(self.buffer) < total:
                return
            del self.buffer[:total]
            assert self.transport is not None
            self.transport.write(respond(method, target))


async def serve(max_seconds: float) -> None:
    """Listen on a free loopback port, print it, serve for at most ``max_seconds``."""
    loop = asyncio.get_running_loop()
    server = await loop.create_server(_Protocol, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    async with server:
        await asyncio.sleep(max_seconds)


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-seconds", type=float, default=600.0)
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.max_seconds))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
