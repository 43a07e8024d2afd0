"""An app that breaks the protocol: an unknown message type and a tool call answered twice."""

from __future__ import annotations

from typing import Any

from plivo_agentstack.agent import Session, VoiceApp

app = VoiceApp()
not_an_app = {"hello": "world"}


@app.on_setup
def setup(session: Session, event: Any) -> None:
    """Send a message type the platform does not know."""
    session.send_raw({"type": "agent_session.dance", "style": "tango"})


@app.on_tool_call
def tool(session: Session, event: Any) -> None:
    """Answer twice."""
    session.send_tool_result(event.id, {"ok": True})
    session.send_tool_result(event.id, {"ok": True})
