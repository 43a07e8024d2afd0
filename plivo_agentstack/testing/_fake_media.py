"""The fake REST API's media files: multipart upload, get and list (``_op_*`` handlers)."""

from __future__ import annotations

import copy
import mimetypes
import uuid
from datetime import timezone
from typing import Any, Final

from ._fake_http import _ApiError, _Request
from ._fake_multipart import FormFile
from ._fake_paging import _page
from ._fake_state import _FakeState

MAX_MEDIA_BYTES: Final = 5 * 1024 * 1024
"""The largest file the fake accepts (Plivo's limit for MMS media); larger ones get 400."""


class _MediaMixin(_FakeState):
    """Upload media files (multipart), read one, list them newest first."""

    def _op_upload_media(self, request: _Request) -> Any:
        files = [part for part in request.body.get("file", []) if isinstance(part, FormFile)]
        if not files:
            raise _ApiError(400, "file: upload at least one file part named 'file'")
        problems = [f"{part.file_name!r} is empty" for part in files if not part.content] + [
            f"{part.file_name!r} is {len(part.content)} bytes, over {MAX_MEDIA_BYTES}"
            for part in files
            if len(part.content) > MAX_MEDIA_BYTES
        ]
        if problems:
            raise _ApiError(400, "file: " + "; ".join(problems))
        uploaded = self._now().astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f+00:00")
        objects = []
        for part in files:
            media_id = str(uuid.uuid4())
            content_type = part.content_type
            if content_type in ("", "application/octet-stream"):
                content_type = mimetypes.guess_type(part.file_name)[0] or content_type
            record = {
                "media_id": media_id,
                "content_type": content_type or "application/octet-stream",
                "file_name": part.file_name,
                "media_url": f"https://media.plivo.com{self._account}/Media/{media_id}",
                "size": len(part.content),
                "upload_time": uploaded,
            }
            self._uploads[media_id] = record
            self._upload_content[media_id] = part.content
            objects.append({**record, "status": "success", "status_code": 201})
        return {"api_id": request.api_id, "objects": objects}

    def _uploaded(self, media_id: str) -> dict[str, Any]:
        record = self._uploads.get(media_id)
        if record is None:
            raise _ApiError(404, f"media {media_id!r} not found")
        return record

    def _op_get_media(self, request: _Request) -> Any:
        record = self._uploaded(request.params["media_id"])
        return {"api_id": request.api_id, **copy.deepcopy(record)}

    def _op_list_media(self, request: _Request) -> Any:
        newest_first = list(reversed(self._uploads.values()))
        return _page(request, newest_first)
