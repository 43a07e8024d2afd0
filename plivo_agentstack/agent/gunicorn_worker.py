"""A gunicorn worker class that serves a ``VoiceApp`` with the settings of ``uvicorn_config()``.

::

    gunicorn agent:app --worker-class plivo_agentstack.agent.gunicorn_worker.VoiceAppWorker \\
        --workers 4 --bind 0.0.0.0:9000 --graceful-timeout 930

``agent:app`` is the ``VoiceApp`` itself (it is an ASGI application) or its ``app.asgi``.
gunicorn's own uvicorn worker would serve it with uvicorn's defaults (permessage-deflate on, no
frame-size limit of the app's, no handshake deadline); this one applies ``uvicorn_config(app)``
(``plivo_agentstack.agent.asgi_serving``) to each worker. On SIGTERM each worker drains its
calls (``VoiceApp.drain``); gunicorn kills a worker after ``--graceful-timeout`` seconds, so
make it longer than the app's ``drain_timeout`` plus ``shutdown_timeout``. Needs ``gunicorn``
and ``uvicorn-worker`` (``pip install gunicorn uvicorn-worker``).
"""

from __future__ import annotations

from typing import Any

from uvicorn_worker import UvicornWorker

from ._asgi import ASGIApp
from .app import VoiceApp
from .asgi_serving import uvicorn_config

__all__ = ["VoiceAppWorker"]


class VoiceAppWorker(UvicornWorker):  # type: ignore[misc]  # uvicorn-worker has no types
    """gunicorn worker: uvicorn with the safe settings of the ``VoiceApp`` it loaded."""

    async def _serve(self) -> None:
        app = _voice_app(self.wsgi)
        if app is not None:
            for name, value in uvicorn_config(app).items():
                setattr(self.config, name, value)
        await super()._serve()


def _voice_app(target: Any) -> VoiceApp | None:
    """The ``VoiceApp`` behind what gunicorn loaded (the app or its ``asgi``), if any."""
    if isinstance(target, VoiceApp):
        return target
    if isinstance(target, ASGIApp):
        return target.app
    return None
