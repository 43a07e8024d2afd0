"""Small shared types: the NOT_GIVEN sentinel and the SupportsToDict protocol."""

from __future__ import annotations

from typing import Any, Final, Literal, Protocol, runtime_checkable


class NotGiven:
    """Sentinel for an option the caller did not pass (distinct from an explicit ``None``)."""

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


@runtime_checkable
class SupportsToDict(Protocol):
    """Anything that turns itself into a JSON-ready dict: our models and message builders."""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready dict form."""
        ...
