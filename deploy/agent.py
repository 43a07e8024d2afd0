"""The agent the deployment guide deploys (``docs/deploy.md``): a VoiceApp with one tool.

Standalone: ``python agent.py`` (``HOST``/``PORT`` from the environment, default 0.0.0.0:9000).
Under uvicorn: ``python -m plivo_agentstack.agent.asgi_serving agent:app --port 9000``; under
gunicorn: ``gunicorn agent:app -k uvicorn_worker.UvicornWorker``. ``WORKER_NAME`` names this
process in its answers (the rolling-restart test reads it), ``AGENT_SECRET`` turns on the
WebSocket auth, ``DRAIN_TIMEOUT`` bounds the drain on SIGTERM (seconds, default 900).
"""

from __future__ import annotations

import logging
import os
from typing import Any

from plivo_agentstack.agent import Session, ToolCall, VoiceApp

logging.basicConfig(
    level=os.environ.get("LOG_LEVEL", "INFO").upper(),
    format="%(asctime)s %(levelname)s %(name)s %(message)s",
)

WORKER = os.environ.get("WORKER_NAME") or f"pid-{os.getpid()}"

app = VoiceApp(
    auth_secret=os.environ.get("AGENT_SECRET") or None,
    drain_timeout=float(os.environ.get("DRAIN_TIMEOUT", "900")),
)


@app.tool("lookup_order")
async def lookup_order(session: Session, call: ToolCall) -> dict[str, Any]:
    """Answer the LLM's order lookup (a real agent would query its order system here)."""
    return {"order_id": call.arguments.get("order_id"), "status": "shipped", "worker": WORKER}


if __name__ == "__main__":
    app.run(host=os.environ.get("HOST", "0.0.0.0"), port=int(os.environ.get("PORT", "9000")))
