# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""Operations on ``client.widgets.photos``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Any, Final

from fixture_pkg._generated.api.photos import upload_photos
from fixture_pkg._generated.models.part import Part

from plivo_agentstack._convert import UploadFile, as_upload_files, check_extra, compact
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from .._base_client import AsyncAPIClient, AsyncAPIResource, TimeoutTypes
from .._raw import to_raw

__all__ = ["AsyncWidgetsPhotosResource", "AsyncWidgetsPhotosResourceWithRawResponse"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_UPLOAD_PARAMS: Final = {
    "files": "files",
    "file": "files",
    "album": "album",
}


class AsyncWidgetsPhotosResource(AsyncAPIResource):
    """Operations on ``client.widgets.photos``."""

    @cached_property
    def with_raw_response(self) -> AsyncWidgetsPhotosResourceWithRawResponse:
        """These methods returning ``APIResponse`` (status, headers, request id, ``parse()``)."""
        return AsyncWidgetsPhotosResourceWithRawResponse(self._client.raw_view())

    async def upload(
        self,
        files: UploadFile | Sequence[UploadFile],
        *,
        album: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Part:
        """Upload photos.

        Args:
            files: The files.
            album: An album name.
            **extra: Sent as extra form fields; a name
                within a typo of a parameter raises ``TypeError``.
        """
        if extra:
            check_extra(extra, _UPLOAD_PARAMS, "client.widgets.photos.upload")
        body = compact(
            {
                "file": as_upload_files(files),
                "album": album,
            }
        )
        body.update(extra)
        request = upload_photos.build_request(
            self._client.auth_id,
            body=body,
        )
        return await self._client.request(
            request,
            upload_photos.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )


class AsyncWidgetsPhotosResourceWithRawResponse:
    """``AsyncWidgetsPhotosResource``'s methods returning ``APIResponse`` instead of the value."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client  # a raw_view(): its requests return APIResponse
        raw = AsyncWidgetsPhotosResource(self._client)
        self.upload: Final = to_raw(raw.upload)
