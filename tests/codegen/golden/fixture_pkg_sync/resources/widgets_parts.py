# Do not edit: `nox -s codegen` derives this from fixture_pkg/resources/widgets_parts.py.
"""Operations on ``client.widgets.parts``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from fixture_pkg._generated.api.parts import update_part
from fixture_pkg._generated.models.part import Part

from plivo_agentstack._convert import check_extra, compact
from plivo_agentstack._types import NOT_GIVEN, NotGiven

from .._base_client import APIResource, TimeoutTypes

__all__ = ["WidgetsPartsResource"]

# Each method's parameters by Python and wire name, to catch typos in ``**extra``.
_UPDATE_PARAMS: Final = {
    "part_id": "part_id",
    "label": "label",
}


class WidgetsPartsResource(APIResource):
    """Operations on ``client.widgets.parts``."""

    def update(
        self,
        part_id: str,
        *,
        label: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        **extra: Any,
    ) -> Part:
        """Update a part."""
        if extra:
            check_extra(extra, _UPDATE_PARAMS, "client.widgets.parts.update")
        body = compact(
            {
                "label": label,
            }
        )
        body.update(extra)
        request = update_part.build_request(
            part_id,
            body=body,
        )
        return self._client.request(
            request,
            update_part.parse_success,
            timeout=timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
            extra_body=extra_body,
        )
