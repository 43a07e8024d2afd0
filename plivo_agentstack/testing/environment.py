"""Run the same program against the real API or, with no credentials, fully offline.

``Environment.detect()`` is live when ``PLIVO_AUTH_ID`` and ``PLIVO_AUTH_TOKEN`` are set, and
offline when neither is: a :class:`FakePlivo` stands in for the REST API and calls are played by
the call simulator. Only one of them set is an error, so a program meant for the real API never
"succeeds" against the fake because of a missing variable. The examples in ``examples/`` use
it so that each one runs anywhere::

    env = Environment.detect()
    print(env.banner)
    async with env.async_client() as client:
        ...
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .fake_api import FakePlivo

if TYPE_CHECKING:
    from plivo_agentstack import AsyncClient
    from plivo_agentstack.agent import VoiceApp
    from plivo_agentstack_sync import Client

    from .simulator import CallResult, ScriptLike

__all__ = ["Environment"]

_CREDENTIALS = ("PLIVO_AUTH_ID", "PLIVO_AUTH_TOKEN")


@attrs.define
class Environment:
    """Where a program runs: the real API (``live``) or the fake API plus simulator."""

    fake: FakePlivo | None = None
    base_url: str | None = None
    auth_id: str | None = None
    auth_token: str | None = attrs.field(default=None, repr=False)

    @classmethod
    def detect(cls, environ: Mapping[str, str] | None = None) -> Environment:
        """Live when PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN are set, offline when neither is.

        Raises ``ValueError`` naming the missing variable when only one of them is set (an
        empty value counts as missing).
        """
        env = os.environ if environ is None else environ
        missing = [name for name in _CREDENTIALS if not env.get(name)]
        if len(missing) == 1:
            (absent,) = missing
            (present,) = (name for name in _CREDENTIALS if name != absent)
            raise ValueError(
                f"{present} is set but {absent} is missing or empty: set both to use the real "
                f"API, or neither to run offline on the fake API"
            )
        if not missing:
            return cls(
                fake=None,
                base_url=env.get("PLIVO_API_URL") or None,
                auth_id=env["PLIVO_AUTH_ID"],
                auth_token=env["PLIVO_AUTH_TOKEN"],
            )
        return cls(fake=FakePlivo())

    @property
    def offline(self) -> bool:
        """Whether the fake API and the simulator stand in for the platform."""
        return self.fake is not None

    @property
    def banner(self) -> str:
        """One line saying where the program runs (print it first)."""
        if self.fake is not None:
            return (
                "offline: fake AgentStack API and call simulator "
                "(set PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN to use the real API)"
            )
        return "live: the real AgentStack API (credentials from PLIVO_AUTH_ID/PLIVO_AUTH_TOKEN)"

    def _live_options(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        kwargs.setdefault("auth_id", self.auth_id)
        kwargs.setdefault("auth_token", self.auth_token)
        if self.base_url is not None:
            kwargs.setdefault("base_url", self.base_url)
        return kwargs

    def async_client(self, **kwargs: Any) -> AsyncClient:
        """An ``AsyncClient`` for the real API, or one wired to the fake."""
        if self.fake is not None:
            return self.fake.async_client(**kwargs)
        from plivo_agentstack import AsyncClient

        return AsyncClient(**self._live_options(kwargs))

    def client(self, **kwargs: Any) -> Client:
        """A blocking ``Client`` for the real API, or one wired to the fake."""
        if self.fake is not None:
            return self.fake.client(**kwargs)
        from plivo_agentstack_sync import Client

        return Client(**self._live_options(kwargs))

    async def simulate(self, app: VoiceApp, script: ScriptLike, **options: Any) -> CallResult:
        """Play ``script`` against ``app`` in-process (offline only: live calls come from Plivo)."""
        if self.fake is None:
            raise RuntimeError("simulate() is for offline runs; live calls come from the platform")
        from .simulator import simulate_call

        return await simulate_call(app, script, **options)
