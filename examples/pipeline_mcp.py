"""MCP servers: tools the platform discovers and runs itself, next to your own tools.

``mcp_servers`` lists HTTP (and stdio) MCP servers; their tools are discovered at session start
and executed server-side, so they never reach your VoiceApp as ``tool.called`` -- you only see
``tool.executed`` afterwards. Regular ``llm.tools`` still arrive as ``tool.called``.

    python examples/pipeline_mcp.py

Live: creates the agent (websocket_url from ``AGENT_WS_URL``, MCP URL from ``MCP_URL``) and
serves on port 9000. Offline: simulates a call with one MCP call and one regular tool call.
"""

from __future__ import annotations

import asyncio
import os
import sys
from typing import Any

from plivo_agentstack.agent import Session, ToolCall, ToolExecuted, VoiceApp
from plivo_agentstack.testing import Environment, EventStep, SayStep, Step, ToolStep

WS_URL = os.environ.get("AGENT_WS_URL", "wss://example.com/ws")
MCP_URL = os.environ.get("MCP_URL", "https://mcp.example.com/mcp")

MCP_SERVERS: list[dict[str, Any]] = [
    {
        "type": "http",
        "url": MCP_URL,
        "allowed_tools": ["search_docs", "get_ticket"],  # optional filter
        "headers": {"Authorization": "Bearer <token>"},
        "timeout": 5,
        "transport_type": "streamable_http",
    },
    # A local stdio server, started by the platform:
    # {"type": "stdio", "command": "npx", "args": ["-y", "@acme/mcp-crm"], "env": {}, "cwd": "/"},
]

CREATE_TICKET = {  # a regular tool: answered by this VoiceApp
    "name": "create_ticket",
    "description": "Open a support ticket.",
    "parameters": {
        "type": "object",
        "properties": {"summary": {"type": "string"}},
        "required": ["summary"],
    },
}

SCRIPT: list[Step] = [
    SayStep("How do I reset my router?"),
    EventStep(
        {
            "type": "tool.executed",
            "calls": [
                {
                    "name": "search_docs",
                    "call_id": "mcp_1",
                    "arguments": '{"query": "reset router"}',
                    "output": "Hold the reset button for 10 seconds.",
                    "is_error": False,
                }
            ],
        }
    ),
    SayStep("That did not help, please open a ticket."),
    ToolStep("create_ticket", {"summary": "Router reset did not fix the connection"}),
]


def build_app() -> VoiceApp:
    """Answers ``create_ticket``; logs what the MCP servers did."""
    app = VoiceApp()

    @app.on_tool_call
    def on_tool(session: Session, event: ToolCall) -> None:
        if event.name == "create_ticket":
            ticket = {"ticket_id": "T-1042", "summary": event.arguments.get("summary")}
            session.send_tool_result(event.id, ticket)
        else:
            session.send_tool_error(event.id, f"Unknown tool {event.name}")

    @app.on("tool.executed")
    def on_executed(session: Session, event: ToolExecuted) -> None:
        for call in event.calls:
            status = "failed" if call.get("is_error") else "ok"
            print(f"MCP tool {call['name']} ran on the platform ({status}): {call['output']}")

    return app


async def create_agent(env: Environment, websocket_url: str) -> None:
    """Create an agent with an MCP server and a regular tool."""
    async with env.async_client() as client:
        agent = await client.agent.agents.create(
            agent_name="helpdesk-mcp",
            websocket_url=websocket_url,
            stt={"provider": "deepgram"},
            llm={
                "provider": "openai",
                "model": "gpt-4.1-mini",
                "system_prompt": "You are a helpdesk agent. Search the docs before answering.",
                "tools": [CREATE_TICKET],
            },
            tts={"provider": "elevenlabs"},
            mcp_servers=MCP_SERVERS,
        )
    urls = ", ".join(str(server["url"]) for server in agent.mcp_servers or [])
    print(f"created agent {agent.agent_uuid} with MCP servers: {urls}")


async def offline(env: Environment) -> int:
    """Create the agent on the fake API and simulate a call."""
    await create_agent(env, "ws://127.0.0.1:9000/ws")
    result = await env.simulate(build_app(), SCRIPT)
    print(result.format_transcript())
    print(result.summary())
    return 0 if result.ok else 1


def main() -> int:
    env = Environment.detect()
    print(env.banner)
    if env.offline:
        return asyncio.run(offline(env))
    asyncio.run(create_agent(env, WS_URL))
    build_app().run(port=9000)
    return 0


if __name__ == "__main__":
    sys.exit(main())
