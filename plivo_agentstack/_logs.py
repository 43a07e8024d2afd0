"""``PLIVO_LOG=debug|info``: the SDK's log records on stderr, without configuring ``logging``."""

from __future__ import annotations

import logging
import os
from typing import Final

__all__ = ["log_from_env"]

LEVELS: Final = {"debug": logging.DEBUG, "info": logging.INFO}
_FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _EnvHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The stderr handler ``PLIVO_LOG`` adds (one per process)."""


def log_from_env() -> None:
    """Apply ``PLIVO_LOG`` (``debug`` or ``info``) to the ``plivo_agentstack`` logger.

    It sets the level and, once per process, adds a stderr handler; unset or empty leaves
    logging alone. Another value raises ``ValueError`` naming the ones allowed.
    """
    value = os.environ.get("PLIVO_LOG", "").strip()
    if not value:
        return
    level = LEVELS.get(value.lower())
    if level is None:
        raise ValueError(f"PLIVO_LOG must be one of {', '.join(LEVELS)} (or unset), got {value!r}")
    logger = logging.getLogger("plivo_agentstack")
    logger.setLevel(level)
    if not any(isinstance(handler, _EnvHandler) for handler in logger.handlers):
        handler = _EnvHandler()
        handler.setFormatter(logging.Formatter(_FORMAT))
        logger.addHandler(handler)
