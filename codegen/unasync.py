"""Derive the sync package from the async I/O modules with a short, ordered list of regex rules.

The rules run over whole files, in order. ``# unasync: async-only`` ... ``# unasync: end`` blocks
are dropped, and ``# sync-only: <code>`` lines become ``<code>``, for the few places where the
two flavours differ in shape rather than in keywords (an async list call returns an awaitable
paginator; a sync one returns the first page).
"""

from __future__ import annotations

import re
from pathlib import Path

RULES: list[tuple[str, str]] = [
    (r"(?ms)^[ \t]*# unasync: async-only\n.*?^[ \t]*# unasync: end\n", ""),
    (r"(?m)^([ \t]*)# sync-only: ", r"\1"),
    (r"\bAsyncPaginator\b", "Page"),
    (r"\bAsync([A-Z]\w*)", r"\1"),
    (r"\basync def\b", "def"),
    (r"\basync for\b", "for"),
    (r"\basync with\b", "with"),
    (r"\bawait ", ""),
    (r"\b__a(enter|exit|iter)__\b", r"__\1__"),
    (r"\baclose\b", "close"),
    (r"\baiter_bytes\b", "iter_bytes"),
    (r"\basyncio\.sleep\b", "time.sleep"),
    (r"\basyncio\.Semaphore\b", "threading.Semaphore"),
    (r"(?m)^import asyncio\n", ""),
]
_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in RULES]


def unasync_source(source: str, used: set[int]) -> str:
    """Apply every rule to ``source``; record in ``used`` the index of each rule that matched."""
    for index, (pattern, replacement) in enumerate(_COMPILED):
        source, count = pattern.subn(replacement, source)
        if count:
            used.add(index)
    return source


def unasync_files(pairs: list[tuple[Path, Path]]) -> set[int]:
    """Write the sync twin of each ``(async_path, sync_path)``; return the indices of used rules."""
    used: set[int] = set()
    for source, target in pairs:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(unasync_source(source.read_text(), used))
    return used


def unused_rules(used: set[int]) -> list[str]:
    """The patterns of the rules that matched nothing (each one is a rule to delete)."""
    return [pattern for index, (pattern, _) in enumerate(RULES) if index not in used]
