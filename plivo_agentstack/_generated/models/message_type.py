# Do not edit: `nox -s codegen` generates this from openapi/agentstack.yaml.
from enum import Enum


class MessageType(str, Enum):
    """MessageType values; an unknown value from the server is kept, not rejected."""

    MMS = "mms"
    SMS = "sms"
    WHATSAPP = "whatsapp"

    @classmethod
    def _missing_(cls, value: object) -> "MessageType | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)
