# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
"""Operations on ``client.media``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any, Final

from plivo_agentstack._convert import UploadFile, as_upload_files, check_extra, compact, merged
from plivo_agentstack._generated.api.media import get_media, list_media, upload_media
from plivo_agentstack._generated.models.media import Media
from plivo_agentstack._generated.models.media_upload_result import MediaUploadResult
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from .._base_client import AsyncAPIClient, AsyncAPIResource, TimeoutTypes
from .._raw import to_raw, to_raw_page
from ..pagination import AsyncPaginator

__all__ = ["AsyncMediaResource", "AsyncMediaResourceWithRawResponse"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_LIST_PARAMS: Final = {
    "limit": "limit",
    "offset": "offset",
}
_UPLOAD_PARAMS: Final = {
    "files": "files",
    "file": "files",
}
_GET_PARAMS: Final = {
    "media_id": "media_id",
}


class AsyncMediaResource(AsyncAPIResource):
    """Operations on ``client.media``."""

    @cached_property
    def with_raw_response(self) -> AsyncMediaResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncMediaResourceWithRawResponse(self._client.raw_view())

    def list(
        self,
        *,
        limit: int = 20,
        offset: int = 0,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> AsyncPaginator[Media]:
        """List the media files of the account."""
        if extra:
            check_extra(extra, _LIST_PARAMS, "client.media.list")
        request = list_media.build_request(
            self._client.auth_id,
            limit=limit,
            offset=offset,
        )
        return self._client.paginate(
            request,
            list_media.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )

    async def upload(
        self,
        files: UploadFile | Sequence[UploadFile],
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> MediaUploadResult:
        """Upload media files, to send by media_ids with messages.create.

        Args:
            files: The files: paths, bytes, binary file objects or (file_name, content[,
                content_type]) tuples; content types not given are guessed from the file name.
            **extra: Sent as extra form fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _UPLOAD_PARAMS, "client.media.upload")
        body = compact(
            {
                "file": as_upload_files(files),
            }
        )
        body.update(extra)
        request = upload_media.build_request(
            self._client.auth_id,
            body=body,
        )
        return await self._client.request(
            request,
            upload_media.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )

    async def get(
        self,
        media_id: str,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Media:
        """Get a media file's details."""
        if extra:
            check_extra(extra, _GET_PARAMS, "client.media.get")
        request = get_media.build_request(
            self._client.auth_id,
            media_id,
        )
        return await self._client.request(
            request,
            get_media.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=merged(extra, extra_query),
        )


class AsyncMediaResourceWithRawResponse:
    """``AsyncMediaResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse
        raw = AsyncMediaResource(self._client)
        self.list: Final = to_raw_page(raw.list)
        self.upload: Final = to_raw(raw.upload)
        self.get: Final = to_raw(raw.get)
