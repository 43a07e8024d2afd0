"""Argument converters used by the generated resources (named by ``x-sdk-convert`` in the spec)."""

from __future__ import annotations

import mimetypes
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any, Final, TypeAlias, TypeVar

from plivo_agentstack.agent.presets import expand_semantic_vad

__all__ = [
    "UploadFile",
    "as_list",
    "as_upload_files",
    "check_extra",
    "comma_joined",
    "compact",
    "expand_semantic_vad",
    "join_recipients",
    "merged",
    "number_in_path",
    "sip_headers_string",
]

T = TypeVar("T")


def compact(values: Mapping[str, Any]) -> dict[str, Any]:
    """Drop the ``None`` values: an argument left at ``None`` is not sent."""
    return {key: value for key, value in values.items() if value is not None}


def as_list(value: str | Iterable[T] | None) -> list[Any] | None:
    """Wrap a single string in a list; turn any other iterable into a list."""
    if value is None:
        return None
    if isinstance(value, (str, bytes)):
        return [value]
    return list(value)


def number_in_path(number: str) -> str:
    """A phone number as it travels in a URL path: E.164 without the leading ``+``."""
    return number[1:] if isinstance(number, str) and number.startswith("+") else number


def _joined(values: str | Sequence[str] | None, separator: str, what: str) -> str | None:
    if values is None or isinstance(values, str):
        return values
    items = list(values)
    if not items or not all(isinstance(v, str) and v and separator not in v for v in items):
        raise ValueError(
            f"{what}: give one or a non-empty list (strings without {separator!r}), got {values!r}"
        )
    return separator.join(items)


def comma_joined(values: str | Sequence[str] | None) -> str | None:
    """One value, or several joined by ``,`` as the classic endpoints take lists."""
    return _joined(values, ",", "numbers")


def join_recipients(dst: str | Sequence[str] | None) -> str | None:
    """One destination, or several joined by ``<`` as the Message API takes them."""
    return _joined(dst, "<", "dst")


def sip_headers_string(headers: str | Mapping[str, Any] | None) -> str | None:
    """SIP headers as Plivo takes them: ``"name1=value1,name2=value2"`` (a string passes as is)."""
    if headers is None or isinstance(headers, str):
        return headers
    if not isinstance(headers, Mapping):
        raise TypeError(
            f"sip_headers: expected a mapping or a 'k=v,k2=v2' string, got {type(headers).__name__}"
        )
    parts = []
    for name, value in headers.items():
        name, text = str(name), str(value)
        if not name or any(char in name for char in ",= ") or "," in text:
            raise ValueError(
                f"sip_headers: {name!r}={text!r} cannot be sent: names must be non-empty without "
                "',', '=' or spaces, and values without ','"
            )
        parts.append(f"{name}={text}")
    return ",".join(parts)


# Every method's own options: a typo of one is as likely as a typo of a parameter.
_OPTIONS: Final = ("timeout", "max_retries", "extra_headers", "extra_query", "extra_body")


def check_extra(extra: Mapping[str, Any], known: Mapping[str, str], operation: str) -> None:
    """Refuse ``**extra`` keywords that are a typo of a parameter, or its wire name.

    ``known`` maps each parameter's Python name and wire name to its Python name. Any other
    unknown keyword is sent to the API as is (forward compatibility: a field this SDK does not
    know yet); one within a typo of a known name (``welcome_gretting``, ``limt``) raises
    ``TypeError`` with the suggestion, and so does a parameter's wire name (``type`` for
    ``type_``), so that a named argument is never overridden by an extra one. Send such a name
    on purpose through ``extra_body=`` / ``extra_query=``.
    """
    for name in extra:
        if name in known:
            raise TypeError(
                f"{operation}() got {name!r}, the wire name of its parameter "
                f"{known[name]!r}: pass {known[name]}=... instead"
            )
        import difflib  # only when extra keywords are given

        close = difflib.get_close_matches(name, [*known, *_OPTIONS], n=1, cutoff=0.8)
        if close:
            meant = known.get(close[0], close[0])
            raise TypeError(
                f"{operation}() got an unexpected keyword argument {name!r}; did you mean "
                f"{meant!r}? (Other unknown keywords are sent to the API as extra fields; to "
                f"send {name!r} on purpose, put it in extra_body= or extra_query=.)"
            )


def merged(extra: Mapping[str, Any], explicit: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Combine ``**extra`` keyword arguments with an explicit ``extra_query``/``extra_body``."""
    if not extra and not explicit:
        return None
    return {**extra, **(explicit or {})}


FileContent: TypeAlias = bytes | IO[bytes]
UploadFile: TypeAlias = (
    str | os.PathLike[str] | FileContent | tuple[str, FileContent] | tuple[str, FileContent, str]
)
"""One file to upload: a path (``str`` or ``pathlib.Path``), bytes, a binary file object, or
``(file_name, bytes_or_file)`` / ``(file_name, bytes_or_file, content_type)``."""

_DEFAULT_NAME = "upload"
_DEFAULT_TYPE = "application/octet-stream"


def as_upload_files(value: UploadFile | Sequence[UploadFile]) -> list[tuple[str, bytes, str]]:
    """Read one file or a list of them into ``(file_name, content, content_type)`` parts.

    Content types not given are guessed from the file name. Every file is read once, here, so
    the multipart body is complete before the request is sent and a retry sends the same bytes.
    """
    if isinstance(value, (str, bytes, tuple, os.PathLike)) or hasattr(value, "read"):
        items: Sequence[Any] = [value]
    elif isinstance(value, Sequence):
        items = value
    else:
        raise TypeError(
            "files: expected a path, bytes, a binary file or a list of them, got "
            f"{type(value).__name__}"
        )
    if not items:
        raise ValueError("files: give at least one file to upload")
    return [_upload_part(item) for item in items]


def _upload_part(item: Any) -> tuple[str, bytes, str]:
    name: str | None = None
    content_type: str | None = None
    if isinstance(item, tuple):
        if len(item) not in (2, 3) or not isinstance(item[0], str):
            raise TypeError(
                "files: a tuple is (file_name, content) or (file_name, content, content_type)"
            )
        name, content_type = item[0], (item[2] if len(item) == 3 else None)
        item = item[1]
    if isinstance(item, (str, os.PathLike)):
        path = os.fspath(item)
        with open(path, "rb") as handle:
            content = handle.read()
        name = name or os.path.basename(path)
    elif isinstance(item, (bytes, bytearray, memoryview)):
        content = bytes(item)
    elif hasattr(item, "read"):
        content = item.read()
        if not isinstance(content, bytes):
            raise TypeError("files: open the file in binary mode ('rb'); it returned text")
        file_name = getattr(item, "name", None)
        if name is None and isinstance(file_name, str):
            name = os.path.basename(file_name)
    else:
        raise TypeError(
            f"files: expected a path, bytes or a binary file, got {type(item).__name__}"
        )
    name = name or _DEFAULT_NAME
    content_type = content_type or mimetypes.guess_type(name)[0] or _DEFAULT_TYPE
    return name, content, content_type
