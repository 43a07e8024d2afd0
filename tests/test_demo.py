"""The README's main command: ``python -m plivo_agentstack demo`` runs the whole flow offline."""

from __future__ import annotations

import subprocess
import sys


def test_demo_prints_a_complete_transcript() -> None:
    """Agent created on the fake API, call placed, tool answered, hangup, session completed."""
    result = subprocess.run(
        [sys.executable, "-m", "plivo_agentstack", "demo"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Offline demo: fake AgentStack API")
    assert "Created agent Acme order desk" in out
    assert 'lookup_order {"order_id": "A-7"}' in out
    assert 'lookup_order -> {"status": "shipped"' in out
    assert "Order A-7 has shipped." in out
    assert "[hangs up]" in out
    assert ": completed, " in out
    assert "2/2 tool calls answered" in out


def test_outbound_call_uses_the_ids_of_the_placed_call() -> None:
    """The VoiceApp sees the call_uuid and session id that ``calls.initiate`` created."""
    import asyncio

    from plivo_agentstack.agent import Session, VoiceApp
    from plivo_agentstack.testing import FakePlivo, OutboundCalls, SayStep

    async def scenario() -> tuple[list[tuple[str | None, str | None]], str, str]:
        fake = FakePlivo()
        app = VoiceApp()
        seen: list[tuple[str | None, str | None]] = []

        @app.on_setup
        async def setup(session: Session, event: object) -> None:
            seen.append((session.call_uuid, session.agent_session_id))

        async with app.serving("127.0.0.1", 0) as server, fake.async_client() as client:
            outbound = OutboundCalls(fake, [SayStep("hi")])
            agent = await client.agent.agents.create(agent_name="a", websocket_url=server.url)
            call = await client.agent.calls.initiate(
                str(agent.agent_uuid), "+14155550100", "+14155550101"
            )
            await outbound.wait(str(call.call_uuid))
            sessions = await client.agent.sessions.list(call_uuid=str(call.call_uuid))
        return seen, str(call.call_uuid), str(sessions.objects[0].agent_session_uuid)

    seen, call_uuid, session_id = asyncio.run(scenario())
    assert seen == [(call_uuid, session_id)]
