# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from enum import Enum


class DialMode(str, Enum):
    """DialMode values; an unknown value from the server is kept, not rejected."""

    PARALLEL = "parallel"
    SEQUENTIAL = "sequential"

    @classmethod
    def _missing_(cls, value: object) -> "DialMode | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)
