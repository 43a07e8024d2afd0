"""Typing of ``with_raw_response``: each method keeps its arguments and returns ``APIResponse``.

The raw view's methods are the resource's own methods bound to a client that returns
``APIResponse`` (``AsyncAPIClient.raw_view()``); these functions only give them that type.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar, cast

from plivo_agentstack._response import APIResponse

# unasync: async-only
from .pagination import AsyncPage, AsyncPaginator

# unasync: end
# sync-only: from .pagination import Page

__all__ = ["to_raw", "to_raw_page"]

P = ParamSpec("P")
T = TypeVar("T")
ItemT = TypeVar("ItemT")


# unasync: async-only
def to_raw(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[APIResponse[T]]]:
    """A method of the raw view, typed as returning ``APIResponse``."""
    return cast("Callable[P, Awaitable[APIResponse[T]]]", method)


def to_raw_page(
    method: Callable[P, AsyncPaginator[ItemT]],
) -> Callable[P, Awaitable[APIResponse[AsyncPage[ItemT]]]]:
    """A list method of the raw view: awaiting it gives the first page's ``APIResponse``."""

    async def first_page(*args: P.args, **kwargs: P.kwargs) -> APIResponse[AsyncPage[ItemT]]:
        page = await method(*args, **kwargs)
        return cast("APIResponse[AsyncPage[ItemT]]", page)

    return first_page


# unasync: end
# sync-only: def to_raw(method: Callable[P, T]) -> Callable[P, APIResponse[T]]:
# sync-only:     """A method of the raw view, typed as returning ``APIResponse``."""
# sync-only:     return cast("Callable[P, APIResponse[T]]", method)
# sync-only: def to_raw_page(
# sync-only:     method: Callable[P, Page[ItemT]],
# sync-only: ) -> Callable[P, APIResponse[Page[ItemT]]]:
# sync-only:     """A list method of the raw view: it returns the first page's ``APIResponse``."""
# sync-only:     return cast("Callable[P, APIResponse[Page[ItemT]]]", method)
