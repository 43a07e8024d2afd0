# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
"""The data models of the API, imported lazily: a model's module loads on first use."""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .color import Color
    from .dimensions import Dimensions
    from .error import Error
    from .list_meta import ListMeta
    from .part import Part
    from .part_update_request import PartUpdateRequest
    from .photo_upload_request import PhotoUploadRequest
    from .widget import Widget
    from .widget_create_request import WidgetCreateRequest
    from .widget_list import WidgetList

_LAZY = {
    "Color": ".color",
    "Dimensions": ".dimensions",
    "Error": ".error",
    "ListMeta": ".list_meta",
    "Part": ".part",
    "PartUpdateRequest": ".part_update_request",
    "PhotoUploadRequest": ".photo_upload_request",
    "Widget": ".widget",
    "WidgetCreateRequest": ".widget_create_request",
    "WidgetList": ".widget_list",
}

__all__ = (
    "Color",
    "Dimensions",
    "Error",
    "ListMeta",
    "Part",
    "PartUpdateRequest",
    "PhotoUploadRequest",
    "Widget",
    "WidgetCreateRequest",
    "WidgetList",
)


# Type checkers see the imports above, so that a misspelt name is an error for them rather than
# ``Any`` from ``__getattr__``.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(__all__)
