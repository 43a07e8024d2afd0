"""The errors a simulated call raises (their base, ``SimulatorError``, is in ``script``)."""

from __future__ import annotations

from typing import Any

from .script import SimulatorError

__all__ = ["SimulatorConnectionError", "SimulatorTimeout", "CallEndedError", "ToolCallError"]


class SimulatorConnectionError(SimulatorError, ConnectionError):
    """The simulator could not open the call (connection refused, rejected or timed out)."""


class SimulatorTimeout(SimulatorError, TimeoutError):
    """An awaited answer or message did not arrive within the timeout."""


class CallEndedError(SimulatorError):
    """The call is over (ended, stopped, hung up or closed by the app); nothing more can be sent."""


class ToolCallError(SimulatorError):
    """The app answered a tool call with ``tool.error``."""

    def __init__(self, name: str, tool_call_id: str, error: Any) -> None:
        self.name = name
        self.tool_call_id = tool_call_id
        self.error = error
        super().__init__(f"tool {name!r} (id {tool_call_id}) answered with tool.error: {error}")
