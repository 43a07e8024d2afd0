# Do not edit: `nox -s codegen` derives this from plivo_agentstack/pagination.py.
"""Pages of list operations and automatic paging (``limit``/``offset`` with ``meta``).

``client.agent.agents.list(limit=20)`` gives the first page (``.objects``, ``.meta``);
``for agent in client.agent.agents.list()`` walks every page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from plivo_agentstack.errors import NoNextPageError

if TYPE_CHECKING:
    # Only for annotations: importing a model pulls in attrs, which the first response loads.
    from plivo_agentstack._generated.models.list_meta import ListMeta

    from ._base_client import APIClient

__all__ = ["Page", "Envelope"]

ItemT = TypeVar("ItemT")


class Envelope(Protocol[ItemT]):
    """The shape of a list response: ``{"api_id", "meta", "objects"}`` (all three required)."""

    @property
    def objects(self) -> list[ItemT]:
        """The items of this page."""
        ...

    @property
    def meta(self) -> ListMeta:
        """Paging information."""
        ...

    def to_dict(self) -> dict[str, Any]:
        """The wire form."""
        ...


class Page(Generic[ItemT]):
    """One page of a list operation; iterating it yields the items of this and later pages."""

    def __init__(
        self,
        client: APIClient,
        request: Mapping[str, Any],
        parse: Callable[[Any], Envelope[ItemT]],
        options: Mapping[str, Any],
        envelope: Envelope[ItemT],
    ) -> None:
        self._client = client
        self._request = request
        self._parse = parse
        self._options = options
        self.envelope = envelope

    @property
    def objects(self) -> list[ItemT]:
        """The items of this page."""
        return self.envelope.objects

    @property
    def meta(self) -> ListMeta:
        """Paging information (``limit``, ``offset``, ``total_count``, ``next``, ``previous``)."""
        return self.envelope.meta

    def to_dict(self) -> dict[str, Any]:
        """The page as the API sent it."""
        return self.envelope.to_dict()

    def __getitem__(self, key: str) -> Any:
        if not isinstance(key, str):
            raise TypeError(
                f"{type(self).__name__} is read by wire key (page['meta']); "
                "iterate page.objects for this page's items"
            )
        return self.to_dict()[key]

    def get(self, key: str, default: Any = None) -> Any:
        """Read a wire key of the page, like ``dict.get``."""
        return self.to_dict().get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self.to_dict()

    def __len__(self) -> int:
        return len(self.objects)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} objects={len(self.objects)} meta={self.meta!r}>"

    def _next_offset(self) -> int | None:
        objects = self.objects
        meta = self.meta
        if not objects:
            return None
        requested = int((self._request.get("params") or {}).get("offset") or 0)
        offset = meta.offset if isinstance(meta.offset, int) else requested
        following = offset + len(objects)
        if following <= requested:
            return None  # the server did not move forward; stop rather than loop forever
        if isinstance(meta.next_, str):
            return following if meta.next_ else None
        if meta.next_ is None:
            return None
        if isinstance(meta.total_count, int):
            return following if following < meta.total_count else None
        return None

    def has_next_page(self) -> bool:
        """Whether the API reports more items after this page (check before ``get_next_page``)."""
        return self._next_offset() is not None

    def get_next_page(self) -> Page[ItemT]:
        """Fetch the page after this one.

        On the last page this raises ``NoNextPageError``: check ``has_next_page()`` first (so
        the result is never ``None`` and needs no narrowing), or use ``iter_pages()``.
        """
        offset = self._next_offset()
        if offset is None:
            raise NoNextPageError(
                "this is the last page: check has_next_page() before get_next_page()"
            )
        params = {**(self._request.get("params") or {}), "offset": offset}
        request = {**self._request, "params": params}
        return self._client.fetch_page(request, self._parse, **self._options)

    def iter_pages(self) -> Iterator[Page[ItemT]]:
        """Yield this page and every following page."""
        page = self
        yield page
        while page.has_next_page():
            page = page.get_next_page()
            yield page

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.iter_pages():
            for item in page.objects:
                yield item
