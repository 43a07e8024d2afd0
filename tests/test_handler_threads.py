"""The worker threads that run sync handlers: results, errors, no head-of-line blocking, exit."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from plivo_agentstack.agent._workers import HandlerThreads, LoopCallbacks

pytestmark = pytest.mark.anyio

# A safety net so that a broken pool fails a test instead of hanging it; not a speed check.
TIMEOUT = 10.0


async def test_results_and_exceptions_reach_the_awaiting_coroutine() -> None:
    """A return value resolves the future; an exception is raised in the awaiting coroutine."""
    threads = HandlerThreads(4)

    def fail(message: str) -> None:
        raise LookupError(message)

    def stop() -> None:
        raise StopIteration

    try:
        assert await asyncio.wait_for(threads.run(pow, 2, 10), TIMEOUT) == 1024
        with pytest.raises(LookupError, match="nope"):
            await asyncio.wait_for(threads.run(fail, "nope"), TIMEOUT)
        # A future cannot hold StopIteration: it arrives wrapped, not as a hang.
        with pytest.raises(RuntimeError, match="StopIteration"):
            await asyncio.wait_for(threads.run(stop), TIMEOUT)
    finally:
        threads.shutdown()


async def test_a_blocking_job_does_not_hold_up_the_jobs_queued_behind_it() -> None:
    """Jobs submitted together with one that blocks still run (another worker takes them)."""
    threads = HandlerThreads(4)
    release = threading.Event()
    try:
        blocked = threads.run(release.wait, TIMEOUT)
        quick = [threads.run(str, index) for index in range(20)]
        assert await asyncio.wait_for(asyncio.gather(*quick), TIMEOUT) == [
            str(index) for index in range(20)
        ]
        assert not blocked.done()
        release.set()
        assert await asyncio.wait_for(blocked, TIMEOUT) is True
    finally:
        release.set()
        threads.shutdown()


async def test_with_every_thread_blocked_jobs_wait_for_a_free_one() -> None:
    """``max_threads`` bounds the pool: a job runs once a thread is free, none is lost."""
    threads = HandlerThreads(2)
    release = threading.Event()
    try:
        blocked = [threads.run(release.wait, TIMEOUT) for _ in range(2)]
        waiting = threads.run(str, "later")
        for _ in range(20):
            await asyncio.sleep(0.01)
        assert not waiting.done()
        assert threads.threads == 2
        release.set()
        assert await asyncio.wait_for(waiting, TIMEOUT) == "later"
        assert await asyncio.wait_for(asyncio.gather(*blocked), TIMEOUT) == [True, True]
    finally:
        release.set()
        threads.shutdown()


async def test_jobs_of_many_callers_all_complete_in_each_callers_order() -> None:
    """Many coroutines each awaiting a sequence of jobs see every result, in their own order."""
    threads = HandlerThreads(8)
    seen: dict[int, list[int]] = {}

    def record(caller: int, index: int) -> int:
        seen.setdefault(caller, []).append(index)
        return index

    async def caller(number: int) -> list[int]:
        return [await threads.run(record, number, index) for index in range(50)]

    try:
        results = await asyncio.wait_for(
            asyncio.gather(*(caller(number) for number in range(40))), TIMEOUT
        )
    finally:
        threads.shutdown()
    assert results == [list(range(50))] * 40
    assert seen == {number: list(range(50)) for number in range(40)}


async def test_shutdown_ends_every_worker_thread() -> None:
    """After ``shutdown()`` the workers exit (an idle one at once, a busy one after its job)."""
    before = set(threading.enumerate())
    threads = HandlerThreads(4, name="test-shutdown")
    release = threading.Event()
    busy = threads.run(release.wait, TIMEOUT)
    await asyncio.wait_for(asyncio.gather(*(threads.run(str, i) for i in range(10))), TIMEOUT)
    threads.shutdown()
    with pytest.raises(RuntimeError, match="shut down"):
        threads.run(str, 1)
    release.set()
    assert await asyncio.wait_for(busy, TIMEOUT) is True
    for _ in range(int(TIMEOUT / 0.01)):
        if threads.threads == 0:
            break
        await asyncio.sleep(0.01)
    assert threads.threads == 0
    for thread in set(threading.enumerate()) - before:
        thread.join(TIMEOUT)
        assert not thread.is_alive(), thread.name


async def test_loop_callbacks_run_in_order_and_survive_a_failing_callback() -> None:
    """Callbacks from threads run on the loop in order; one that raises goes to the handler."""
    loop = asyncio.get_running_loop()
    callbacks = LoopCallbacks(loop)
    reported: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _, context: reported.append(context))
    seen: list[int] = []
    done = asyncio.Event()

    def boom() -> None:
        raise ValueError("boom")

    def produce() -> None:
        for index in range(100):
            callbacks.call_soon(seen.append, index)
            if index == 50:
                callbacks.call_soon(boom)
        callbacks.call_soon(done.set)

    try:
        worker = threading.Thread(target=produce)
        worker.start()
        await asyncio.wait_for(done.wait(), TIMEOUT)
        worker.join()
    finally:
        loop.set_exception_handler(None)
    assert seen == list(range(100))
    assert [type(context["exception"]) for context in reported] == [ValueError]


def test_loop_callbacks_after_the_loop_closed_are_dropped_quietly() -> None:
    """A message queued from a thread after the server's loop is gone raises nothing there."""
    loop = asyncio.new_event_loop()
    callbacks = LoopCallbacks(loop)
    loop.close()
    callbacks.call_soon(print, "never")  # no RuntimeError in the calling thread


def test_max_threads_must_be_positive() -> None:
    """A pool without threads is a configuration error."""
    with pytest.raises(ValueError, match="at least 1"):
        HandlerThreads(0)
