"""gunicorn settings for a VoiceApp: ``gunicorn agent:app -c gunicorn.conf.py``.

Used by tests/test_drain.py (which overrides ``bind`` and ``graceful_timeout`` on the command
line). Each worker is uvicorn with the app's safe settings and drains its calls on SIGTERM.
"""

import os

worker_class = "plivo_agentstack.agent.gunicorn_worker.VoiceAppWorker"
bind = os.environ.get("BIND", "0.0.0.0:9000")
workers = int(os.environ.get("WORKERS", "2"))
# gunicorn kills a worker this long after SIGTERM: longer than the app's drain_timeout (900 s
# by default, DRAIN_TIMEOUT in agent.py) plus shutdown_timeout (10 s) and a margin.
graceful_timeout = int(float(os.environ.get("DRAIN_TIMEOUT", "900"))) + 30
# A call lives on one connection for minutes: the worker timeout is about heartbeats only.
timeout = 60
