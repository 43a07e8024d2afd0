"""A small order-status agent used by the simulator and CLI tests (sync and async handlers)."""

from __future__ import annotations

from typing import Any

from plivo_agentstack.agent import Session, ToolCall, VoiceApp

app = VoiceApp()

ORDERS = {"A-7": {"status": "shipped", "eta_days": 2}}


@app.on_setup
def setup(session: Session, event: Any) -> None:
    """Greet the caller."""
    session.data["caller"] = event.caller
    session.speak("Hi! How can I help?")


@app.on("user.transcription")
async def heard(session: Session, event: Any) -> None:
    """Transfer when the caller asks for a human."""
    if event.is_final and "human" in event.text.lower():
        session.speak("Transferring you now.")
        session.transfer("+15555550199")


@app.on_tool_call
def tool(session: Session, event: ToolCall) -> None:
    """Answer ``lookup_order``; anything else is an error."""
    if event.name != "lookup_order":
        session.send_tool_error(event.id, f"unknown tool {event.name}")
        return
    order = ORDERS.get(event.arguments.get("order_id", ""))
    if order is None:
        session.send_tool_error(event.id, "order not found")
        return
    session.send_tool_result(event.id, order)
    session.speak(f"Your order is {order['status']}.")


@app.on("agent_tool.completed")
async def collected(session: Session, event: Any) -> None:
    """Confirm what an agent tool collected."""
    session.speak(f"Thanks, I have {event.result.get('email_address')}.")


@app.on("user.dtmf")
async def pressed(session: Session, event: Any) -> None:
    """0 hangs up, other keys are read back."""
    if event.digit == "0":
        session.speak("Goodbye!")
        session.hangup()
    else:
        session.speak(f"You pressed {event.digit}.")
