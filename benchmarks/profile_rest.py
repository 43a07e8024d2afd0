"""Profile the SDK side of one REST benchmark case with cProfile (for finding where time goes).

Usage: ``python benchmarks/profile_rest.py [sync|async] [agents.get|agents.list|messages.create]
[-n CALLS] [--sort tottime|cumtime]``. It runs against the same local server as ``bench_rest``.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
from collections.abc import Callable
from typing import Any

from _common import ensure_importable
from bench_rest import AGENT_UUID, AUTH_ID, AUTH_TOKEN, MESSAGE, PAGE_LIMIT, local_server

CASES = ["agents.get", "agents.list", "messages.create"]
WARMUP = 50


def profile_sync(base_url: str, case: str, calls: int) -> cProfile.Profile:
    """Profile ``calls`` blocking SDK calls of ``case``."""
    from plivo_agentstack_sync import Client

    client = Client(AUTH_ID, AUTH_TOKEN, base_url=base_url)
    fns: dict[str, Callable[[], Any]] = {
        "agents.get": lambda: client.agent.agents.get(AGENT_UUID),
        "agents.list": lambda: client.agent.agents.list(limit=PAGE_LIMIT),
        "messages.create": lambda: client.messages.create(**MESSAGE),
    }
    fn = fns[case]
    for _ in range(WARMUP):
        fn()
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(calls):
        fn()
    profile.disable()
    client.close()
    return profile


async def profile_async(base_url: str, case: str, calls: int) -> cProfile.Profile:
    """Profile ``calls`` async SDK calls of ``case`` (the event loop's own work included)."""
    from plivo_agentstack import AsyncClient

    client = AsyncClient(AUTH_ID, AUTH_TOKEN, base_url=base_url)

    async def call() -> Any:
        if case == "agents.get":
            return await client.agent.agents.get(AGENT_UUID)
        if case == "agents.list":
            return await client.agent.agents.list(limit=PAGE_LIMIT)
        return await client.messages.create(**MESSAGE)

    for _ in range(WARMUP):
        await call()
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(calls):
        await call()
    profile.disable()
    await client.close()
    return profile


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["sync", "async"], nargs="?", default="sync")
    parser.add_argument("case", choices=CASES, nargs="?", default="agents.get")
    parser.add_argument("-n", "--calls", type=int, default=1000)
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--limit", type=int, default=30, help="rows of the profile to print")
    args = parser.parse_args()
    ensure_importable()
    with local_server(max_seconds=300) as base_url:
        if args.mode == "sync":
            profile = profile_sync(base_url, args.case, args.calls)
        else:
            profile = asyncio.run(profile_async(base_url, args.case, args.calls))
    pstats.Stats(profile).sort_stats(args.sort).print_stats(args.limit)


if __name__ == "__main__":
    main()
