# Do not edit: `nox -s codegen` derives this from plivo_agentstack/_raw.py.
"""Typing of ``with_raw_response``: each method keeps its arguments and returns ``APIResponse``.

The raw view's methods are the resource's own methods bound to a client that returns
``APIResponse`` (``APIClient.raw_view()``); these functions only give them that type.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar, cast

from plivo_agentstack._response import APIResponse

from .pagination import Page

__all__ = ["to_raw", "to_raw_page"]

P = ParamSpec("P")
T = TypeVar("T")
ItemT = TypeVar("ItemT")


def to_raw(method: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """A method of the raw view, typed as returning ``APIResponse``."""
    return cast("Callable[P, APIResponse[T]]", method)


def to_raw_page(
    method: Callable[P, Page[ItemT]],
) -> Callable[P, APIResponse[Page[ItemT]]]:
    """A list method of the raw view: it returns the first page's ``APIResponse``."""
    return cast("Callable[P, APIResponse[Page[ItemT]]]", method)
