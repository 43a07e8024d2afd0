# Do not edit: `nox -s codegen` generates this from tests/codegen/fixture.yaml.
from enum import Enum


class Color(str, Enum):
    """Color values; an unknown value from the server is kept, not rejected."""

    GREEN = "green"
    RED = "red"

    @classmethod
    def _missing_(cls, value: object) -> "Color | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)
