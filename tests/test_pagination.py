"""Pages and automatic paging over ``limit``/``offset`` lists, for both packages."""

from __future__ import annotations

import inspect
from typing import Any

import httpx
import pytest
import respx

from plivo_agentstack.errors import NoNextPageError
from plivo_agentstack.models import Agent, ListMeta
from tests.conftest import ACCOUNT, collect, resolve

pytestmark = pytest.mark.anyio

PATH = f"{ACCOUNT}/Agent"


def page(uuids: list[str], offset: int, total: int, **meta: Any) -> httpx.Response:
    """A list response with the given agents."""
    body_meta = {"limit": 2, "offset": offset, "total_count": total, **meta}
    return httpx.Response(
        200,
        json={
            "api_id": f"p{offset}",
            "meta": body_meta,
            "objects": [{"agent_uuid": u} for u in uuids],
        },
    )


async def test_list_returns_the_first_page(client: Any, mock_api: respx.MockRouter) -> None:
    """Awaiting (async) or calling (sync) ``list`` gives one page with objects and meta."""
    route = mock_api.get(PATH).mock(return_value=page(["a", "b"], 0, 5, next="/next"))
    result = client.agent.agents.list(limit=2, sort_by="created_at")
    assert inspect.isawaitable(result) == (client.__class__.__name__ == "AsyncClient")
    first = await resolve(result)
    assert [a.agent_uuid for a in first.objects] == ["a", "b"]
    assert all(isinstance(a, Agent) for a in first.objects)
    assert isinstance(first.meta, ListMeta)
    assert first.meta.total_count == 5
    assert first["api_id"] == "p0"
    assert first.get("nope") is None
    assert "meta" in first
    assert len(first) == 2
    assert first.has_next_page()
    assert first.to_dict()["meta"]["next"] == "/next"
    assert "objects=2" in repr(first)
    assert dict(route.calls.last.request.url.params) == {"limit": "2", "sort_by": "created_at"}


async def test_walks_every_page_keeping_the_filters(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """Iterating the list call walks all pages, moving ``offset`` and keeping other params."""
    route = mock_api.get(PATH).mock(
        side_effect=[
            page(["a", "b"], 0, 5, next="/n"),
            page(["c", "d"], 2, 5, next="/n"),
            page(["e"], 4, 5, next=None),
        ]
    )
    items = await collect(client.agent.agents.list(limit=2, agent_mode="pipeline"))
    assert [a.agent_uuid for a in items] == ["a", "b", "c", "d", "e"]
    params = [dict(call.request.url.params) for call in route.calls]
    assert params == [
        {"limit": "2", "agent_mode": "pipeline"},
        {"limit": "2", "agent_mode": "pipeline", "offset": "2"},
        {"limit": "2", "agent_mode": "pipeline", "offset": "4"},
    ]


async def test_extra_query_offset_does_not_pin_every_page(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """An ``offset`` given through ``extra_query`` starts the walk; later pages move on."""
    route = mock_api.get(PATH).mock(
        side_effect=[page(["c", "d"], 2, 5, next="/n"), page(["e"], 4, 5, next=None)]
    )
    items = await collect(client.agent.agents.list(limit=2, extra_query={"offset": 2, "x": "1"}))
    assert [a.agent_uuid for a in items] == ["c", "d", "e"]
    offsets = [call.request.url.params["offset"] for call in route.calls]
    assert offsets == ["2", "4"]
    assert all(call.request.url.params["x"] == "1" for call in route.calls)


async def test_total_count_decides_when_next_is_absent(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """Without ``meta.next`` the pager stops once ``offset + len(objects)`` reaches the total."""
    route = mock_api.get(PATH).mock(side_effect=[page(["a", "b"], 0, 3), page(["c"], 2, 3)])
    items = await collect(client.agent.agents.list(limit=2))
    assert [a.agent_uuid for a in items] == ["a", "b", "c"]
    assert route.call_count == 2


async def test_an_empty_page_ends_the_walk(client: Any, mock_api: respx.MockRouter) -> None:
    """A page with no objects stops the walk even if the server claims there is more."""
    route = mock_api.get(PATH).mock(return_value=page([], 0, 10, next="/n"))
    assert await collect(client.agent.agents.list()) == []
    assert route.call_count == 1


async def test_page_navigation(client: Any, mock_api: respx.MockRouter) -> None:
    """``get_next_page`` moves one page at a time; on the last page it raises (check
    ``has_next_page()`` first); ``iter_pages`` yields the page and those after it."""
    route = mock_api.get(PATH).mock(side_effect=[page(["a", "b"], 0, 3), page(["c"], 2, 3)])
    first = await resolve(client.agent.agents.list(limit=2))
    assert first.has_next_page()
    second = await resolve(first.get_next_page())
    assert [a.agent_uuid for a in second.objects] == ["c"]
    assert not second.has_next_page()
    with pytest.raises(NoNextPageError, match="has_next_page"):
        await resolve(second.get_next_page())
    assert route.call_count == 2
    pages = await collect(second.iter_pages())
    assert pages == [second]


async def test_a_server_that_does_not_advance_cannot_loop_forever(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """If every page claims offset 0 and more to come, the walk still ends."""
    route = mock_api.get(PATH).mock(return_value=page(["a", "b"], 0, 100, next="/n"))
    items = await collect(client.agent.agents.list(limit=2))
    assert [a.agent_uuid for a in items] == ["a", "b", "a", "b"]
    assert route.call_count == 2


async def test_reading_a_page_by_index_explains_itself(
    client: Any, mock_api: respx.MockRouter
) -> None:
    """``page[0]`` is a TypeError that points at ``page.objects``."""
    mock_api.get(PATH).mock(return_value=page(["a"], 0, 1))
    first = await resolve(client.agent.agents.list())
    with pytest.raises(TypeError, match="page.objects"):
        first[0]
