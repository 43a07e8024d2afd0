"""Parse a ``multipart/form-data`` request body, as the fake API receives a Media upload."""

from __future__ import annotations

import email.parser
import email.policy
from typing import Any

import attrs

__all__ = ["FormFile", "MultipartError", "parse_form"]


@attrs.frozen
class FormFile:
    """One uploaded file part: its field, file name, declared content type and bytes."""

    field: str
    file_name: str
    content_type: str
    content: bytes


class MultipartError(ValueError):
    """The body is not a well-formed multipart/form-data document; the message says why."""


def parse_form(content_type: str, body: bytes) -> dict[str, list[Any]]:
    """Field name → its values, in order: ``str`` for form fields, :class:`FormFile` for files."""
    if not content_type.lower().startswith("multipart/form-data"):
        raise MultipartError(f"expected Content-Type multipart/form-data, got {content_type!r}")
    if "boundary=" not in content_type:
        raise MultipartError("the multipart/form-data Content-Type has no boundary")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    if not message.is_multipart() or message.defects:
        raise MultipartError("the body does not match its multipart boundary")
    fields: dict[str, list[Any]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if part.get_content_disposition() != "form-data" or not isinstance(name, str):
            raise MultipartError("every part needs Content-Disposition: form-data; name=...")
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        file_name = part.get_filename()
        if file_name is None:
            value: Any = content.decode(part.get_content_charset() or "utf-8", "replace")
        else:
            value = FormFile(name, file_name, part.get_content_type(), content)
        fields.setdefault(name, []).append(value)
    return fields
