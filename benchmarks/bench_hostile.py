"""What hostile peers cost a VoiceApp, standalone and under uvicorn (the documented config).

The peers and measurements are ``tests/hostile_peers.py`` (shared with
``tests/reliability/test_ws_hostile.py``, which asserts the same bounds). Each row is an
absolute measure against its limit (no baseline); the limits are the test's:

- ``hostile:log-per-bad-frame:<mode>``: log bytes per malformed frame, calls of 150 malformed
  frames each closed with 1008 after ``max_bad_frames`` (100) + 1; <= 64 B;
- ``hostile:other-call-rtt:<mode>``: the worst tool round trip of a well-behaved call during
  that storm; <= 2 s;
- ``hostile:non-reader-held:<mode>``: the most bytes held for a peer that stopped reading while
  the app queued 64 KiB messages (outbox plus socket buffer; ``max_queue_bytes`` 1 MiB);
  <= 2 MiB; ``hostile:non-reader-drop:<mode>``: seconds until it was dropped
  (``send_timeout`` 1 s); <= 4.25 s;
- ``hostile:dead-peer-drop:<mode>``: seconds until a peer that neither reads nor answers pings
  was dropped (ping interval, ping timeout and close timeout 0.5 s each); <= 4.5 s;
- ``hostile:bomb-rss:<mode>``: RSS growth when a client offers permessage-deflate, sends a
  frame of twice the limit, then a deflate bomb (256 MiB inflated); <= 64 MiB, an error per
  failed expectation (compression negotiated, close codes other than 1009 / 1002);
- ``hostile:ping-flood-rss:<mode>``: RSS growth under a ping flood from a peer that reads
  nothing; <= 64 MiB, an error if the peer was not dropped;
- ``hostile:half-open-fds:<mode>``: server fds still held 1 s (the handshake timeout) + slack
  after opening connections that never finish the HTTP upgrade; <= 5, an error per
  connection the server did not close.

RSS is the benchmark process's (server and peers); the SDK's logger is silenced meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Iterator, Sequence

from _common import Result, ensure_importable, select

ensure_importable()

from tests import hostile_peers as hostile  # noqa: E402 - needs the repo root on sys.path

MiB = 2**20
KINDS = [
    "log-per-bad-frame",
    "other-call-rtt",
    "non-reader-held",
    "non-reader-drop",
    "dead-peer-drop",
    "bomb-rss",
    "ping-flood-rss",
    "half-open-fds",
]
NAMES = [f"hostile:{kind}:{mode}" for kind in KINDS for mode in hostile.MODES]
SEND_TIMEOUT = 1.0
PING = 0.5  # ping interval, ping timeout and close timeout of the dead-peer run
HANDSHAKE_TIMEOUT = 1.0


@contextlib.contextmanager
def quiet_sdk_log() -> Iterator[None]:
    """Keep the SDK's (bounded) warnings off the benchmark's output."""
    logger = logging.getLogger("plivo_agentstack")
    propagate = logger.propagate
    discard = logging.NullHandler()  # a handler, so that logging's last resort stays silent
    logger.propagate = False
    logger.addHandler(discard)
    try:
        yield
    finally:
        logger.removeHandler(discard)
        logger.propagate = propagate


def _limit(name: str, label: str, value: float, budget: float, unit: str) -> Result:
    return Result(name, label, float("nan"), value, "limit", budget, unit)


def storm_rows(mode: str, calls: int, wanted: list[str]) -> list[Result]:
    """The malformed-frame rows of one mode."""
    storm = asyncio.run(hostile.bad_frames(mode, calls=calls, frames_per_call=150))
    closed = storm.close_codes.get(1008, 0)
    detail = (
        f"{calls} calls x 150 malformed frames: {storm.bad_frames} processed, "
        f"{storm.log_bytes} log bytes in {storm.log_lines} lines, closed with 1008: {closed}; "
        f"the good call's tool round trips: {len(storm.round_trips)}, worst "
        f"{storm.worst_round_trip * 1e3:.1f} ms"
    )
    rows = [
        _limit(
            f"hostile:log-per-bad-frame:{mode}",
            "log bytes / malformed frame",
            storm.log_bytes_per_bad_frame,
            64,
            "B",
        ),
        _limit(
            f"hostile:other-call-rtt:{mode}",
            "worst round trip, other call",
            storm.worst_round_trip,
            2.0,
            "ms",
        ),
    ]
    for row in rows:
        row.details.append(detail)
        row.errors = calls - closed
    return [row for row in rows if row.name in wanted]


def non_reader_rows(mode: str, wanted: list[str]) -> list[Result]:
    """The rows of a peer that stops reading while the app sends."""
    result = asyncio.run(hostile.non_reader(mode, send_timeout=SEND_TIMEOUT, max_queue_bytes=MiB))
    detail = (
        f"64 KiB messages every 5 ms, max_queue_bytes 1 MiB, send_timeout {SEND_TIMEOUT:g} s: "
        f"outbox at most {result.max_outbox_bytes} B, with the socket buffer "
        f"{result.max_held_bytes} B; {result.queued} queued, {result.refused} refused; "
        f"dropped {result.dropped_after:.2f} s after the first refusal"
    )
    rows = [
        _limit(
            f"hostile:non-reader-held:{mode}",
            "bytes held for a non-reader",
            result.max_held_bytes,
            2 * MiB,
            "KiB",
        ),
        _limit(
            f"hostile:non-reader-drop:{mode}",
            "time to drop a non-reader",
            result.dropped_after,
            SEND_TIMEOUT + 0.25 + 3.0,
            "s",
        ),
    ]
    for row in rows:
        row.details.append(detail)
        row.errors = int(result.disconnects != 1)
    return [row for row in rows if row.name in wanted]


def dead_peer_row(mode: str) -> Result:
    """Time to drop a peer that neither reads nor answers pings."""
    result = asyncio.run(
        hostile.dead_peer(mode, ping_interval=PING, ping_timeout=PING, close_timeout=PING)
    )
    row = _limit(
        f"hostile:dead-peer-drop:{mode}",
        "time to drop a dead peer",
        result.dropped_after,
        result.allowed + 3.0,
        "s",
    )
    row.details.append(
        f"ping interval, ping timeout, close timeout {PING:g} s each "
        f"(sum {result.allowed:g} s): dropped after {result.dropped_after:.2f} s"
    )
    return row


def bomb_row(mode: str) -> Result:
    """RSS growth under an offered compression and a deflate bomb."""
    result = asyncio.run(hostile.compression_bomb(mode))
    label = "RSS growth, compression bomb"
    row = _limit(f"hostile:bomb-rss:{mode}", label, result.rss_growth, 64 * MiB, "MiB")
    row.errors = (
        int(bool(result.extensions))
        + int(result.oversized_close != 1009)
        + int(result.deflated_close != 1002)
        + result.handled
    )
    row.details.append(
        f"negotiated extensions {result.extensions or 'none'}; 2 MiB frame closed with "
        f"{result.oversized_close}; {result.deflated_bytes} B deflated (256 MiB inflated) "
        f"closed with {result.deflated_close}; frames handled {result.handled}"
    )
    return row


def flood_row(mode: str, seconds: float) -> Result:
    """RSS growth under a ping flood from a peer that reads nothing."""
    result = asyncio.run(hostile.ping_flood(mode, max_queue_bytes=MiB, seconds=seconds))
    label = "RSS growth, ping flood"
    row = _limit(f"hostile:ping-flood-rss:{mode}", label, result.rss_growth, 64 * MiB, "MiB")
    row.errors = int(not result.dropped)
    dropped = f"after {result.dropped_after:.2f} s" if result.dropped else "NOT"
    row.details.append(
        f"max_queue_bytes 1 MiB: {result.sent_bytes / MiB:.1f} MiB of pings sent, dropped {dropped}"
    )
    return row


def half_open_row(mode: str, connections: int) -> Result:
    """Server fds left by handshakes that never finish, after the handshake timeout."""
    result = asyncio.run(
        hostile.half_open(mode, connections=connections, handshake_timeout=HANDSHAKE_TIMEOUT)
    )
    row = _limit(
        f"hostile:half-open-fds:{mode}",
        "server fds after handshake timeout",
        result.server_fds_after,
        5,
        "fds",
    )
    row.errors = connections - result.closed_by_server
    row.details.append(
        f"{connections} connections (half silent, half a partial request line), handshake "
        f"timeout {HANDSHAKE_TIMEOUT:g} s: {result.server_fds_open} server fds while they hang, "
        f"all closed after {result.closed_after:.2f} s, {result.server_fds_after} left"
    )
    return row


def run(quick: bool = False, only: Sequence[str] | None = None) -> list[Result]:
    """Run the selected hostile-peer benchmarks."""
    names = select(NAMES, only)
    results: list[Result] = []
    with quiet_sdk_log():
        for mode in hostile.MODES:
            wanted = [name for name in names if name.endswith(f":{mode}")]
            if any("bad-frame" in n or "other-call" in n for n in wanted):
                results += storm_rows(mode, 20 if quick else 100, wanted)
            if any("non-reader" in name for name in wanted):
                results += non_reader_rows(mode, wanted)
            if f"hostile:dead-peer-drop:{mode}" in wanted:
                results.append(dead_peer_row(mode))
            if f"hostile:bomb-rss:{mode}" in wanted:
                results.append(bomb_row(mode))
            if f"hostile:ping-flood-rss:{mode}" in wanted:
                results.append(flood_row(mode, 5.0 if quick else 10.0))
            if f"hostile:half-open-fds:{mode}" in wanted:
                results.append(half_open_row(mode, 100 if quick else 200))
    return results
