# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""Operations on ``client.widgets``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final

from fixture_pkg._generated.api.widgets import (
    create_widget,
    delete_widget,
    get_widget,
    list_widgets,
)
from fixture_pkg._generated.models.color import Color
from fixture_pkg._generated.models.dimensions import Dimensions
from fixture_pkg._generated.models.widget import Widget

from plivo_agentstack._convert import as_list, check_extra, compact, merged
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from .._base_client import AsyncAPIClient, AsyncAPIResource, TimeoutTypes
from .._raw import to_raw, to_raw_page
from ..pagination import AsyncPaginator

if TYPE_CHECKING:
    from .widgets_gauges import (
        AsyncWidgetsGaugesResource,
        AsyncWidgetsGaugesResourceWithRawResponse,
    )
    from .widgets_parts import AsyncWidgetsPartsResource, AsyncWidgetsPartsResourceWithRawResponse
    from .widgets_photos import (
        AsyncWidgetsPhotosResource,
        AsyncWidgetsPhotosResourceWithRawResponse,
    )

__all__ = ["AsyncWidgetsResource", "AsyncWidgetsResourceWithRawResponse"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_LIST_PARAMS: Final = {
    "limit": "limit",
    "offset": "offset",
    "type": "type",
    "created__gte": "created__gte",
}
_CREATE_PARAMS: Final = {
    "name": "name",
    "color": "color",
    "size": "size",
    "parts": "parts",
    "tags": "tags",
    "owner_uuid": "owner_uuid",
    "owner_id": "owner_uuid",
    "from_": "from_",
    "from": "from_",
    "public": "public",
}
_GET_PARAMS: Final = {
    "widget_id": "widget_id",
}
_DELETE_PARAMS: Final = {
    "widget_id": "widget_id",
}


class AsyncWidgetsResource(AsyncAPIResource):
    """Operations on ``client.widgets``."""

    @cached_property
    def with_raw_response(self) -> AsyncWidgetsResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncWidgetsResourceWithRawResponse(self._client.raw_view())

    @cached_property
    def gauges(self) -> AsyncWidgetsGaugesResource:
        """Operations on ``client.widgets.gauges``."""
        from .widgets_gauges import AsyncWidgetsGaugesResource

        return AsyncWidgetsGaugesResource(self._client)

    @cached_property
    def parts(self) -> AsyncWidgetsPartsResource:
        """Operations on ``client.widgets.parts``."""
        from .widgets_parts import AsyncWidgetsPartsResource

        return AsyncWidgetsPartsResource(self._client)

    @cached_property
    def photos(self) -> AsyncWidgetsPhotosResource:
        """Operations on ``client.widgets.photos``."""
        from .widgets_photos import AsyncWidgetsPhotosResource

        return AsyncWidgetsPhotosResource(self._client)

    def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        type: str | None = None,
        created__gte: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> AsyncPaginator[Widget]:
        """List widgets."""
        if extra:
            check_extra(extra, _LIST_PARAMS, "client.widgets.list")
        request = list_widgets.build_request(
            self._client.auth_id,
            limit=limit,
            offset=offset,
            type_=type,
            created_gte=created__gte,
        )
        return self._client.paginate(
            request,
            list_widgets.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    async def create(
        self,
        name: str,
        *,
        color: Color | str | None = None,
        size: Dimensions | Mapping[str, Any] | None = None,
        parts: Sequence[Dimensions | Mapping[str, Any]] | None = None,
        tags: str | Sequence[str] | None = None,
        owner_uuid: str | None = None,
        from_: str | None = None,
        public: bool = False,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Widget:
        """Create a widget.

        Args:
            name: The widget name.
            color: A widget colour.
            size: Widget size.
            **extra: Sent as extra JSON body fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _CREATE_PARAMS, "client.widgets.create")
        body = compact(
            {
                "name": name,
                "color": color,
                "size": size,
                "parts": parts,
                "tags": as_list(tags),
                "owner_id": owner_uuid,
                "from": from_,
                "public": public,
            }
        )
        body.update(extra)
        request = create_widget.build_request(
            self._client.auth_id,
            body=body,
        )
        return await self._client.request(
            request,
            create_widget.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )

    async def get(
        self,
        widget_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Widget:
        """Get a widget."""
        if extra:
            check_extra(extra, _GET_PARAMS, "client.widgets.get")
        request = get_widget.build_request(
            self._client.auth_id,
            widget_id,
        )
        return await self._client.request(
            request,
            get_widget.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    async def delete(
        self,
        widget_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> None:
        """Delete a widget."""
        if extra:
            check_extra(extra, _DELETE_PARAMS, "client.widgets.delete")
        request = delete_widget.build_request(
            self._client.auth_id,
            widget_id,
        )
        return await self._client.request(
            request,
            delete_widget.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )


class AsyncWidgetsResourceWithRawResponse:
    """``AsyncWidgetsResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse
        raw = AsyncWidgetsResource(self._client)
        self.list: Final = to_raw_page(raw.list)
        self.create: Final = to_raw(raw.create)
        self.get: Final = to_raw(raw.get)
        self.delete: Final = to_raw(raw.delete)

    @cached_property
    def gauges(self) -> AsyncWidgetsGaugesResourceWithRawResponse:
        """Operations on ``client.widgets.gauges``."""
        from .widgets_gauges import AsyncWidgetsGaugesResourceWithRawResponse

        return AsyncWidgetsGaugesResourceWithRawResponse(self._client)

    @cached_property
    def parts(self) -> AsyncWidgetsPartsResourceWithRawResponse:
        """Operations on ``client.widgets.parts``."""
        from .widgets_parts import AsyncWidgetsPartsResourceWithRawResponse

        return AsyncWidgetsPartsResourceWithRawResponse(self._client)

    @cached_property
    def photos(self) -> AsyncWidgetsPhotosResourceWithRawResponse:
        """Operations on ``client.widgets.photos``."""
        from .widgets_photos import AsyncWidgetsPhotosResourceWithRawResponse

        return AsyncWidgetsPhotosResourceWithRawResponse(self._client)
