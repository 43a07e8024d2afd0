"""Who may open a call: the connect request every server flavour builds, and the admission check.

Every way of serving (the standalone ``websockets`` server, ``app.asgi``, the Starlette/FastAPI
adapter) turns its handshake into one ``ConnectRequest`` with a normalised ``path`` and asks
``VoiceApp.admit()``; a call can only be started with the ``Admission`` that check returns, so a
new way of serving cannot skip authentication by accident.

``SecretRedactor`` keeps the shared secret out of the logs of the servers we run under: the
request line (with its query string) and the request headers are logged by uvicorn and by
``websockets`` at INFO/DEBUG.
"""

from __future__ import annotations

import logging
import re
import weakref
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus, unquote

import attrs

__all__ = [
    "Admission",
    "ConnectRequest",
    "HeaderView",
    "SecretRedactor",
    "check_secret",
    "normalize_path",
]

# Loggers that print a connection's request line or headers: ours to pass to ``websockets``,
# and uvicorn's (its WebSocket "[accepted]"/"403" lines go to ``uvicorn.error``).
REDACTED_LOGGERS = ("websockets.server", "uvicorn.error", "uvicorn.access")
_REDACTED = "***"


def normalize_path(raw_path: str) -> str:
    """The path an ``authenticate`` check should see: percent-decoded once, dot segments and
    empty segments removed (``/a/./b//../%61dmin`` -> ``/a/admin``), always starting with ``/``.
    """
    segments: list[str] = []
    for segment in unquote(raw_path, errors="replace").split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if segments:
                segments.pop()
            continue
        segments.append(segment)
    path = "/" + "/".join(segments)
    if segments and raw_path.endswith("/"):
        path += "/"
    return path


class HeaderView(Mapping[str, str]):
    """Read-only request headers with case-insensitive names (what ``ConnectRequest`` holds)."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self._headers = {name.lower(): value for name, value in pairs}

    def __getitem__(self, key: str) -> str:
        return self._headers[key.lower()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._headers)

    def __len__(self) -> int:
        return len(self._headers)

    def __repr__(self) -> str:
        return f"HeaderView({sorted(self._headers)!r})"  # names only: values may be secrets


@attrs.frozen
class ConnectRequest:
    """What an ``authenticate`` callback sees of an incoming WebSocket connection.

    ``path`` is normalised the same way by every server flavour (see ``normalize_path``), so a
    check on ``path`` cannot be bypassed with ``/%61dmin`` or ``/x/../admin``; ``raw_path`` is
    the path as the client sent it (without the query string).
    """

    path: str
    headers: Mapping[str, str]
    query: Mapping[str, str]
    remote: str | None = None
    raw_path: str = attrs.field(default=attrs.Factory(lambda self: self.path, takes_self=True))

    @classmethod
    def from_target(
        cls,
        target: str,
        headers: Iterable[tuple[str, str]],
        remote: tuple[Any, ...] | None,
    ) -> ConnectRequest:
        """Build one from a request target (``/path?query``), header pairs and the peer address."""
        raw_path, _, query = target.partition("?")
        return cls(
            path=normalize_path(raw_path),
            headers=HeaderView(headers),
            query=dict(parse_qsl(query, keep_blank_values=True)),
            remote=f"{remote[0]}:{remote[1]}" if remote else None,
            raw_path=raw_path,
        )

    @classmethod
    def from_scope(cls, scope: Mapping[str, Any]) -> ConnectRequest:
        """Build one from an ASGI ``websocket`` scope (``app.asgi``, Starlette, FastAPI)."""
        raw = scope.get("raw_path")
        # ASGI's ``path`` is already percent-decoded; re-encode it when ``raw_path`` is missing
        # so that both sources are decoded exactly once.
        raw_path = raw.decode("latin-1") if raw else quote(str(scope.get("path", "/")), safe="/")
        query = bytes(scope.get("query_string", b"")).decode("latin-1")
        headers = scope.get("headers", [])
        return cls.from_target(
            f"{raw_path.partition('?')[0]}?{query}",
            ((name.decode("latin-1"), value.decode("latin-1")) for name, value in headers),
            scope.get("client"),
        )


@attrs.frozen(eq=False)
class Admission:
    """Proof that a connection passed ``VoiceApp.admit()``: the only way to start a call."""

    request: ConnectRequest
    app: Any  # the VoiceApp that admitted it


def check_secret(secret: str | None) -> None:
    """Refuse an ``auth_secret`` that no client could ever send back intact."""
    if secret is None:
        return
    if not isinstance(secret, str) or not secret:
        raise ValueError("auth_secret must be a non-empty string (pass None to disable the check)")
    if not secret.isascii() or not secret.isprintable() or secret != secret.strip():
        raise ValueError(
            "auth_secret must be printable ASCII without leading or trailing spaces: HTTP "
            "headers carry no other characters intact, so such a secret could never match"
        )


class SecretRedactor(logging.Filter):
    """Replace shared secrets (and any value of the secret's parameter) in log records."""

    def __init__(self) -> None:
        super().__init__()
        self._apps: weakref.WeakSet[Any] = weakref.WeakSet()
        self._protected = 0  # apps the patterns were built for: fewer now, one was collected
        self._pattern: re.Pattern[str] | None = None
        self._secrets: tuple[str, ...] = ()

    def protect(self, app: Any) -> None:
        """Start redacting ``app.auth_param`` values and ``app.auth_secret`` (until the app is
        garbage-collected)."""
        self._apps.add(app)
        self._rebuild()

    def _rebuild(self) -> None:
        apps = list(self._apps)
        self._protected = len(apps)
        params = sorted({re.escape(app.auth_param) for app in apps})
        # ``agentSecret=value`` in a query string, ``agentSecret: value`` in a header dump.
        names = "|".join(params)
        self._pattern = re.compile(rf"(?im)\b({names})(=[^&\s\"']*|\s*:.*$)") if params else None
        secrets: set[str] = set()
        for app in apps:
            secret = app.auth_secret
            if secret:
                secrets.update({secret, quote(secret, safe=""), quote_plus(secret)})
        self._secrets = tuple(sorted(secrets, key=len, reverse=True))

    def redact(self, text: str) -> str:
        """``text`` with every known secret and secret parameter value replaced."""
        if len(self._apps) != self._protected:  # an app is gone: stop redacting its secret
            self._rebuild()
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, _REDACTED)
        if self._pattern is not None:
            text = self._pattern.sub(_redact_value, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message when it contains a secret (never drops a record)."""
        if self._pattern is None and not self._secrets:
            return True
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record is the logging module's to report
            return True
        redacted = self.redact(message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        return True


def _redact_value(match: re.Match[str]) -> str:
    separator = "=" if match.group(2).startswith("=") else ": "
    return f"{match.group(1)}{separator}{_REDACTED}"


REDACTOR = SecretRedactor()


def protect_logs(app: Any) -> None:
    """Keep ``app``'s secret out of our logs and those of the servers that may run it."""
    REDACTOR.protect(app)
    for name in (*REDACTED_LOGGERS, "plivo_agentstack.agent"):
        logger = logging.getLogger(name)
        if REDACTOR not in logger.filters:
            logger.addFilter(REDACTOR)
